"""A real drag from the palette to the canvas under X (Xvfb, platform xcb); run by test_xvfb_drag.py.

Usage: python tests/gui/xvfb_drag.py OUT.json   (prints nothing; writes what happened to OUT.json)
"""

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(out: str) -> int:
    from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.palette_dock import ENTRY

    app = QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings)
    w.resize(1400, 900)
    w.show()
    QTest.qWaitForWindowExposed(w)
    w.new()
    tree = w.palette.tree
    item = next(tree.topLevelItem(g).child(i) for g in range(tree.topLevelItemCount())
                for i in range(tree.topLevelItem(g).childCount())
                if tree.topLevelItem(g).child(i).data(0, ENTRY).key == "mul")
    tree.scrollToItem(item)
    app.processEvents()
    start = tree.visualItemRect(item).center()
    target = w.view.viewport().rect().center() + QPoint(-120, 60)
    result = {"platform": app.platformName(), "drop_scene": None, "nodes": []}

    def drop():  # runs inside QDrag.exec's event loop
        result["drop_scene"] = list(w.view.mapToScene(target).toTuple())
        for k in range(1, 6):
            QTest.mouseMove(w.view.viewport(), target + QPoint(5 * (5 - k), 0))
        QTest.mouseRelease(w.view.viewport(), Qt.LeftButton, Qt.NoModifier, target)

    QTimer.singleShot(300, drop)
    QTimer.singleShot(4000, lambda: QTest.keyClick(app.focusWidget() or w, Qt.Key_Escape))  # never hang
    QTest.mousePress(tree.viewport(), Qt.LeftButton, Qt.NoModifier, start)
    for k in range(1, 8):  # past the start-drag distance: the tree starts a QDrag
        QTest.mouseMove(tree.viewport(), start + QPoint(6 * k, 2 * k))
    QTest.qWait(200)
    result["nodes"] = [{"kind": n.kind, "op": n.op, "pos": list(n.pos)} for n in w.doc.nodes()]
    result["undo"] = w.undo_stack.count()
    Path(out).write_text(json.dumps(result))
    w.undo_stack.clear()
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
