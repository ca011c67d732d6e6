"""Unit maps benchmark: moons 2-16-16-1 training at 200 steps/s with the Decision boundary and the Units panel
(33 unit maps and the hidden space) both on screen.

Target (issue 13): the boundary and every unit map redraw at >= 20 frames/s while training runs at 200
steps/s. Measured in the whole app window (1366x768, offscreen): the Units dock is floated beside the
Decision boundary so that both are visible and redraw; a frame is one refresh of a panel (the panels
coalesce a burst of training steps into one). Also printed: the engine's cost of the maps alone, and one
synchronous redraw of both panels (compute and paint).
Run: .venv/bin/python -m benchmarks.bench_units
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

EXAMPLES = ROOT / "resources" / "examples"


def engine_ms(ev, repeats: int = 50) -> tuple[float, float]:
    """(ms for every unit map on the Units panel's grid, ms for one hidden space) on the engine alone."""
    from engine.circuit import unit_maps
    from gui.playground.units_panel import GRID

    maps = unit_maps.unit_maps(ev, GRID)
    t = time.perf_counter()
    for _ in range(repeats):
        unit_maps.unit_maps(ev, GRID)
    grid = (time.perf_counter() - t) / repeats * 1000
    t = time.perf_counter()
    for _ in range(repeats):
        unit_maps.hidden_space(ev, maps.layers[1], 0, 1)
    return grid, (time.perf_counter() - t) / repeats * 1000


def redraw_ms(app, boundary, units, repeats: int = 30) -> float:
    """Median ms for one refresh of both panels and a synchronous repaint of them."""
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        boundary.refresh()
        units.refresh()
        boundary.repaint()
        units.window().repaint()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return times[len(times) // 2]


def live(app, w, boundary, units, speed: int = 200, seconds: float = 4.0) -> tuple[float, float, float, float]:
    """(steps/s, boundary frames/s, units frames/s, mean ms of one training step in the app) with the app
    training on its timer."""
    frames = {"boundary": 0, "units": 0}
    boundary._timer.timeout.connect(lambda: frames.__setitem__("boundary", frames["boundary"] + 1))
    units._timer.timeout.connect(lambda: frames.__setitem__("units", frames["units"] + 1))
    ctl = w.playground["controller"]
    step_times, train_once = [], ctl._train_once

    def timed():  # (the tick calls self._train_once(): the instance attribute stands in for it)
        t = time.perf_counter()
        ok = train_once()
        step_times.append(time.perf_counter() - t)
        return ok

    ctl._train_once = timed
    w.playground["training"].speed.setValue(speed)
    ctl.toggle_training()
    start = len(ctl.trainer.history)
    frames.update(boundary=0, units=0)
    t = time.perf_counter()
    while time.perf_counter() - t < seconds:
        app.processEvents()
    ctl.toggle_training()
    dt = time.perf_counter() - t
    del ctl._train_once
    step_ms = 1000 * sum(step_times) / max(len(step_times), 1)
    return (len(ctl.trainer.history) - start) / dt, frames["boundary"] / dt, frames["units"] / dt, step_ms


def main() -> None:
    import tempfile

    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow, first_size

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        w = MainWindow(settings=QSettings(str(Path(tmp) / "bench.ini"), QSettings.IniFormat))
        w.resize(first_size(QSize(1366, 768)))
        w.show()
        assert w.open(EXAMPLES / "moons.json")
        boundary, units = w.playground["boundary"], w.playground["units"]
        dock = w.dock_layout.docks["units"]
        dock.setFloating(True)  # beside the boundary tab: both on screen
        dock.resize(700, 320)
        dock.show()
        w.dock_layout.bring_to_front("boundary")
        for _ in range(10):
            app.processEvents()
        assert boundary.on_screen() and units.on_screen() and len(units.thumbs) == 33
        grid, space = engine_ms(w.evaluator)
        print(f"engine: all 33 unit maps of moons 2-16-16-1 on a {units.maps.xs.size}x{units.maps.ys.size} grid "
              f"{grid:.2f} ms; one hidden space (100 points) {space:.2f} ms", flush=True)
        ms = redraw_ms(app, boundary, units)
        print(f"one redraw of the Decision boundary and the Units panel (compute + paint): median {ms:.1f} ms, "
              f"so the two panels alone redraw at up to {1000 / ms:.0f} frames/s "
              f"(target >= 20: {'ok' if ms <= 50 else 'MISSED'})", flush=True)
        steps, fb, fu, step_ms = live(app, w, boundary, units)
        ok = steps >= 0.9 * 200 and min(fb, fu) >= 20
        print(f"training moons at a set speed of 200 steps/s with both panels on screen: {steps:.0f} steps/s; "
              f"boundary {fb:.1f} frames/s, unit maps {fu:.1f} frames/s (target >= 20 frames/s at 200 steps/s: "
              f"{'ok' if ok else 'MISSED'}); one training step in the app takes {step_ms:.1f} ms "
              f"(200 steps/s leave {1000 - 200 * step_ms:.0f} ms a second for drawing)", flush=True)
        w.undo_stack.clear()
        w.close()


if __name__ == "__main__":
    main()
