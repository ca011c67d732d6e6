"""A second copy of the app for the recovery tests (test_recovery.py runs it in its own process).

Usage (QT_QPA_PLATFORM=offscreen):
  python tests/gui/recovery_app.py crash SETTINGS.ini CIRCUIT.json VALUE
      open CIRCUIT, set its first input to VALUE, autosave, then die without cleaning up (os._exit);
      prints {"recovery": path}
  python tests/gui/recovery_app.py offer SETTINGS.ini yes|no
      start a window on the same settings and answer every restore question; prints what was offered
      and what was restored as JSON
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from engine.circuit import io
    from engine.commands import SetValue
    from gui.main_window import MainWindow

    app = QApplication([])  # noqa: F841 (kept alive for the windows)
    mode, settings = argv[0], QSettings(argv[1], QSettings.IniFormat)
    window = MainWindow(settings=settings)
    if mode == "crash":
        window.open(argv[2])
        first = next(n for n in window.doc.nodes() if n.kind in ("input", "weight"))
        window.undo.push(SetValue(first.id, float(argv[3])))
        window.autosave.write()
        print(json.dumps({"recovery": str(window.autosave.path)}), flush=True)
        os._exit(0)  # like a crash: no close, no unlock
    offered = []

    def answer(orphan):
        offered.append({"path": str(orphan.path), "origin": orphan.origin, "name": orphan.name})
        return argv[2] == "yes"

    window.ask_restore = answer
    restored = window.offer_recovery()
    print(json.dumps({"offered": offered, "restored": [
        {"path": str(w.path) if w.path else None, "name": w.name, "clean": w.undo_stack.isClean(),
         "recovery": str(w.autosave.path), "doc": io.to_dict(w.doc)} for w in restored]}), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
