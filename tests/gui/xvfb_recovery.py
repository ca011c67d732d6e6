"""The real app under X for the kill -9 recovery test (test_xvfb_recovery.py runs it under xvfb-run).

Usage (QT_QPA_PLATFORM=xcb, fresh XDG_CONFIG_HOME and XDG_DATA_HOME):
  python tests/gui/xvfb_recovery.py edit OUT_DIR CIRCUIT.json
      start the app on CIRCUIT with a 200 ms autosave, set its first input to 4.25, write OUT_DIR/pid and
      OUT_DIR/edited.json (the document after the edit), then keep running until killed
  python tests/gui/xvfb_recovery.py restore OUT_DIR
      start the app, answer Yes in the restore question it shows (clicking the real button), then write
      OUT_DIR/restored.json (what the windows hold) and exit
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def windows():
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def edit(out: Path, circuit: str) -> int:
    from PySide6.QtCore import QSettings, QTimer

    from engine.circuit import io
    from engine.commands import SetValue
    from gui.app import application, main

    application()
    QSettings().setValue("autosave_ms", 200)

    def change():
        (w,) = windows()
        first = next(n for n in w.doc.nodes() if n.kind in ("input", "weight"))
        w.undo.push(SetValue(first.id, 4.25))
        (out / "edited.json").write_text(json.dumps({"doc": io.to_dict(w.doc), "pid": os.getpid()}))
        (out / "pid").write_text(str(os.getpid()))

    QTimer.singleShot(800, change)
    return main([circuit])


def restore(out: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from engine.circuit import io
    from gui.app import application, main

    app = application()
    prompts = []

    def dump():
        held = [{"doc": io.to_dict(w.doc), "path": str(w.path) if w.path else None, "title": w.windowTitle(),
                 "clean": w.undo_stack.isClean(), "recovery": str(w.autosave.path)} for w in windows()]
        result = {"prompts": prompts, "platform": app.platformName(), "windows": held}
        out.joinpath("restored.json").write_text(json.dumps(result))
        os._exit(0)  # leave the restored (unsaved) work where it is, as a user who walks away would

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            prompts.append(box.text())
            box.grab().save(str(out / "prompt.png"))
            box.button(QMessageBox.Yes).click()
            QTimer.singleShot(1500, dump)

    poll = QTimer()
    poll.timeout.connect(answer)
    poll.start(200)
    QTimer.singleShot(15000, dump)  # never hang: report whatever happened
    return main([str(ROOT / "resources" / "examples" / "neuron.json")])


if __name__ == "__main__":
    mode, out = sys.argv[1], Path(sys.argv[2])
    sys.exit(edit(out, sys.argv[3]) if mode == "edit" else restore(out))
