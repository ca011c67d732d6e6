"""Optimizer table and confusion matrix benchmark: what one redraw costs while training.

The panels redraw once per training tick (~30 per second); a redraw should take well under the 33 ms
frame. Measured: engine.optim_state.optimizer_state and the Optimizer panel's refresh (moons 2-16-16-1,
337 entries listed; digits MLP, large blocks summarised) and the Confusion panel's refresh (digits, 10 classes).
Run: .venv/bin/python benchmarks/bench_optimizer_panel.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import per_call_ms  # noqa: E402 (after the path is set)


def main() -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QMainWindow

    from engine.circuit import io
    from engine.circuit.evaluate import Evaluator
    from engine.commands import SetDocAttr
    from engine.optim_state import optimizer_state
    from gui.canvas.scene import CircuitScene
    from gui.canvas.view import CanvasView
    from gui.playground import install
    from gui.undo import UndoBridge

    app = QApplication.instance() or QApplication([])
    examples = ROOT / "resources" / "examples"
    for name in ("moons", "digits"):
        w = QMainWindow()
        w.doc = io.load(examples / f"{name}.json")
        w.evaluator = Evaluator(w.doc)
        w.undo_stack = QUndoStack(w)
        w.undo = UndoBridge(w.doc, w.undo_stack, print)
        w.status = lambda text: None
        w.scene = CircuitScene(w.doc, w.evaluator, w.undo.push, w.undo.seal)
        w.view = CanvasView(w.scene)
        w.setCentralWidget(w.view)
        parts = install(w)
        w.resize(1366, 768)
        w.show()
        w.undo.push(SetDocAttr("training", {**w.doc.training, "optimizer": "adam"}))
        ctl = parts["controller"]
        for _ in range(3):
            ctl.gradient_step()
        app.processEvents()
        state = optimizer_state(ctl.trainer)
        print(f"{name}: {len(state.entries)} entries listed, {len(state.summaries)} blocks summarised")
        print(f"  optimizer_state         {per_call_ms(lambda t=ctl.trainer: optimizer_state(t)):7.2f} ms")
        for key in ("optimizer", "confusion"):
            w.dock_layout.docks[key].show()
            w.dock_layout.docks[key].raise_()
            app.processEvents()
            panel = parts[key]

            def redraw(panel=panel):
                panel.refresh()
                panel.repaint()

            print(f"  {key} panel refresh  {per_call_ms(redraw):7.2f} ms (frame budget 33 ms)")
        for part in parts.values():
            part.detach()
        w.close()


if __name__ == "__main__":
    main()
