"""What the Lesson panel adds to one value edit in the real window (offscreen, 1366x768).

For each lesson, on its first step's circuit: the median time of a value edit and the Qt events it
causes (evaluator pass, canvas, panels), without a lesson and with the lesson running and its panel on
screen; and the lessons' own share: the runner's check, the course's pointers (canvas ring, hidden
gradients, saved progress) and the panel's refresh, timed alone.
Run: python -m benchmarks.bench_lesson_panel
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

REPEAT = 100


def median_ms(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def measure(app, w, lesson) -> str:
    """One lesson's line: edit cost without and with the lesson, and the lesson's own share."""
    from engine.circuit.commands import SetValue

    w.lessons.start(lesson.id, fresh=True)
    app.processEvents()
    panel, runner = w.lesson_dock.widget(), w.lessons.runner
    share = median_ms(lambda: (runner.check(), panel.refresh()))
    leaf = next((n for n in w.doc.nodes() if n.kind in ("input", "weight")), None)
    if leaf is None:  # a network of blocks (weights inside layers): the lesson's share only
        w.lessons.stop()
        return f"{lesson.id:<18} {'-':>16} {'-':>13} {share:>13.3f}"
    values, k = [leaf.value, leaf.value + 0.001], [0]

    def edit():
        k[0] += 1
        SetValue(leaf.id, values[k[0] % 2]).do(w.doc)
        app.processEvents()

    with_lesson = median_ms(edit)
    w.lessons.stop()
    app.processEvents()
    without = median_ms(edit)
    return f"{lesson.id:<18} {without:>16.3f} {with_lesson:>13.3f} {share:>13.3f}"


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.IniFormat)
    w = MainWindow(settings=settings)
    w.ask_save = lambda: "discard"
    w.resize(1366, 768)
    w.show()
    app.processEvents()
    print(f"{'lesson':<18} {'edit, no lesson':>16} {'edit, lesson':>13} {'lesson share':>13}  (ms, median of {REPEAT})")
    for lesson in w.lessons.lessons:
        print(measure(app, w, lesson))
    w.close()


if __name__ == "__main__":
    main()
