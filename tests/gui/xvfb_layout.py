"""The real window under X (Xvfb, platform xcb) on a screen of a given size, in a language: every bottom
panel put in a state worth reading, measured, and the whole screen captured with ImageMagick's
`import -window root`. Run by test_layout_sizes.py.

Usage: python tests/gui/xvfb_layout.py LANG OUTDIR   (writes OUTDIR/measures.json and OUTDIR/<panel>.png)
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(lang: str, out: str) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest

    from gui.app import application
    from gui.i18n import set_language
    from gui.main_window import MainWindow
    from tests.gui.layout_states import STATES, measure, put_in_state, settle
    from tests.gui.test_layout_sizes import elided_tabs, toolbar_problems

    out = Path(out)
    app = application()
    set_language(lang)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings)  # first start: sized to the free screen
    w.ask_save = lambda: "discard"
    w.show()
    QTest.qWaitForWindowExposed(w)
    QTest.qWait(300)
    result = {"platform": app.platformName(), "screen": w.screen().size().toTuple(),
              "window": w.size().toTuple(), "frame": w.frameGeometry().getRect(), "canvas": w.view.size().toTuple(),
              "toolbar": toolbar_problems(w), "elided": elided_tabs(w), "panels": {}}
    for key in STATES:
        dock = put_in_state(w, key)
        QTest.qWait(200)
        settle()
        result["panels"][key] = measure(dock)
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(out / f"{key}.png")], check=True, timeout=30)
    (out / "measures.json").write_text(json.dumps(result, indent=1))
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
