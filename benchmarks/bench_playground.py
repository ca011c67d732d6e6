"""Playground benchmark: slider move to a fully repainted window, and training speed with live plots.

The whole app window (canvas, value slider, gradient bars, f(x) panel, activation, loss) is built
offscreen. One slider move = the slider's value change (the document edit, re-evaluation of what
lies downstream, the backward pass, every card and wire) + the event-loop turn in which the panels
redraw + a synchronous repaint of the whole window.
Targets: under 16 ms up to 200 nodes, under 50 ms at 1,000 (the median move; the 90th percentile
is printed too).
Run: .venv/bin/python -m benchmarks.bench_playground
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_gui import chain_circuit  # noqa: E402

EXAMPLES = ROOT / "resources" / "examples"


def _window(settings_dir):
    from PySide6.QtCore import QSettings

    from gui.main_window import MainWindow

    w = MainWindow(settings=QSettings(str(Path(settings_dir) / "bench.ini"), QSettings.IniFormat))
    w.resize(1600, 1000)
    w.show()
    return w


def _open(w, doc_or_path, tmp):
    from engine.circuit import io
    from engine.circuit.layout import layered_layout

    if not isinstance(doc_or_path, Path):
        for node_id, pos in layered_layout(doc_or_path).items():
            doc_or_path.node(node_id).pos = pos
        path = Path(tmp) / "bench.json"
        io.save(doc_or_path, path)
        doc_or_path = path
    assert w.open(doc_or_path)
    w.view.fit_all()


def slider_ms(app, w, moves: int = 60, full: bool = False) -> tuple[float, float]:
    """(median, 90th percentile) ms from a slider move to the repainted window, first input selected.

    full=False: Qt repaints what changed (as in use); full=True: the whole window is forced to
    repaint synchronously after each move (the pessimistic bound)."""
    leaf = next(n for n in w.doc.nodes() if n.kind in ("input", "weight"))
    w.scene.select_ids([leaf.id])
    app.processEvents()
    slider = w.playground["slider"].slider
    w.repaint()
    times = []
    for i in range(moves):
        t = time.perf_counter()
        slider.setValue(300 + (i * 7) % 400)
        app.processEvents()  # the lazy panels redraw here ...
        app.processEvents()  # ... and the paint events they posted are handled
        if full:
            w.repaint()
        times.append((time.perf_counter() - t) * 1000)
    w.undo_stack.undo()
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.9)]


def training_rate(app, w, speed: int, seconds: float = 3.0) -> tuple[float, float]:
    """(steps/s with the app training on its timer and plots live, steps/s of the bare Trainer)."""
    from engine.circuit.evaluate import Evaluator
    from engine.circuit.training import Trainer

    ctl = w.playground["controller"]
    w.playground["training"].speed.setValue(speed)
    from PySide6.QtWidgets import QDockWidget

    w.findChild(QDockWidget, "dock_boundary").raise_()
    ctl.toggle_training()
    t = time.perf_counter()
    start = len(ctl.trainer.history)
    while time.perf_counter() - t < seconds:
        app.processEvents()
    ctl.toggle_training()
    live = (len(ctl.trainer.history) - start) / (time.perf_counter() - t)
    from engine.circuit import io

    doc = io.loads(io.dumps(w.doc))
    trainer = Trainer(doc, Evaluator(doc))
    t = time.perf_counter()
    trainer.run(100)
    bare = 100 / (time.perf_counter() - t)
    return live, bare


def main() -> None:
    import tempfile

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        w = _window(tmp)
        for name, source, target in [("neuron example", EXAMPLES / "neuron.json", 16),
                                     ("200-node circuit", chain_circuit(200), 16),
                                     ("1,000-node circuit", chain_circuit(1000), 50)]:
            _open(w, source, tmp)
            app.processEvents()
            (ms, p90), (full, _) = slider_ms(app, w), slider_ms(app, w, full=True)
            print(f"slider move -> repainted canvas and plots, {name} ({len(w.doc.nodes())} nodes): "
                  f"median {ms:.1f} ms, "
                  f"90th percentile {p90:.1f} ms (target < {target} ms: {'ok' if ms < target else 'MISSED'}); "
                  f"forcing a repaint of the whole {w.width()}x{w.height()} window each move: median {full:.1f} ms",
                  flush=True)
        _open(w, EXAMPLES / "moons.json", tmp)
        app.processEvents()
        for speed in (200, 1000):
            live, bare = training_rate(app, w, speed)
            print(f"training moons with live plots (boundary, loss, bars) at a set speed of {speed}/s: "
                  f"{live:.0f} steps/s; the bare Trainer: {bare:.0f} steps/s")
        w.undo_stack.clear()
        w.close()


if __name__ == "__main__":
    main()
