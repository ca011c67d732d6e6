"""The lecture's nudge end to end under X (Xvfb, platform xcb); run by test_xvfb_training.py.

Types L's formula into the toolbar field with real key events, presses F8 (the Gradient step
shortcut, delivered by the window system) and Ctrl+S (the save dialog answered with a path).
Usage: python tests/gui/xvfb_training.py OUT.json SAVED.json   (writes what happened to OUT.json)
"""

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(out: str, saved: str) -> int:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QToolBar

    from gui.main_window import MainWindow

    app = QApplication([])
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (saved, "Circuits (*.json)"))  # the user's answer
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings)
    w.resize(1366, 768)
    w.show()
    QTest.qWaitForWindowExposed(w)
    w.activateWindow()
    QTimer.singleShot(20000, app.quit)  # never hang
    field = getattr(w, "expression", None)
    if not isinstance(field, QLineEdit):
        field = next(e for bar in w.findChildren(QToolBar) for e in bar.findChildren(QLineEdit))
    field.setFocus()
    QTest.keyClicks(field, "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f")
    QTest.keyClick(field, Qt.Key_Return)
    app.processEvents()
    result = {"platform": app.platformName(), "before": w.evaluator.root_value()}
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key_F8)
    QTest.qWait(100)
    result["after"] = w.evaluator.root_value()
    result["values"] = {n.label: n.value for n in w.doc.nodes() if n.is_leaf}
    result["line"] = w.playground["training"].plan_line.text()
    result["undo"] = w.undo_stack.undoText()
    QTest.keyClick(w.view, Qt.Key_S, Qt.ControlModifier)
    QTest.qWait(100)
    result["title"] = w.windowTitle()
    Path(out).write_text(json.dumps(result))
    w.undo_stack.clear()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
