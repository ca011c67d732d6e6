"""Digits views benchmark: what the gallery of misclassified test digits and the drawing pad cost, and how
reliably the pad's reading is recognised.

- the gallery: engine.circuit.digit_gallery.misclassified (from the evaluator's scores, and by a pass of its
  own over the 359 test rows), the panel's refresh while training (it runs at most 4 times a second, so
  well under 250 ms keeps training smooth), a page turn drawn;
- the pad: one pen move (the bitmap, the reading and the bars) on a 150-point stroke;
- recognition: a network trained in-process (200 steps of the example's settings) reads 1, 0, 7, 2, 4
  drawn at random sizes and places, as the pad reads them now (scaled to the height and centred, like
  the data) and as the earlier pad did (the raw 8x8 ink of a 1.5-cell brush).
Run: .venv/bin/python -m benchmarks.bench_digit_gallery
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import per_call_ms  # noqa: E402 (after the path is set)

SHAPES = {1: [[(0.5, 0), (0.5, 1)]], 0: [[(0.5 + 0.5 * np.sin(t), 0.5 - 0.5 * np.cos(t))
                                         for t in np.linspace(0, 2 * np.pi, 30)]],
          7: [[(0, 0), (1, 0), (0.3, 1)]],
          2: [[(0.05, 0.3), (0.3, 0.02), (0.7, 0.02), (0.95, 0.3), (0.6, 0.6), (0.02, 1), (1, 1)]],
          4: [[(0.6, 0), (0, 0.65), (1, 0.65)], [(0.7, 0.3), (0.7, 1)]]}


def raw_reading(strokes) -> np.ndarray:
    """The earlier pad's picture: each 8x8 cell inked min(1, 1.5 - distance to the pen), no normalisation."""
    rows, cols = np.mgrid[0:8, 0:8] + 0.5
    img = np.zeros((8, 8))
    for s in strokes:
        s = np.asarray(s, dtype=np.float64)
        for a, b in zip(s[:-1], s[1:], strict=True):
            for t in np.linspace(0, 1, max(2, int(np.hypot(*(b - a)) * 4) + 1)):
                x, y = a + t * (b - a)
                img = np.maximum(img, np.clip(1.5 - np.hypot(cols - x, rows - y), 0.0, 1.0))
    return img


def recognition(ev, anywhere: bool, n: int = 60) -> tuple[float, float]:
    """(share read right now, share read right by the earlier pad) of n placements x 5 shapes."""
    from engine.circuit import digit_pad as dp
    from engine.circuit import digit_views as dv

    rng = np.random.default_rng(1)
    now, before = [], []
    for _ in range(n):
        h = rng.uniform(2.5, 7.8) if anywhere else rng.uniform(7.0, 7.8)
        w = h * rng.uniform(0.5, 0.85)
        x0, y0 = (rng.uniform(0.1, 7.9 - w), rng.uniform(0.1, 7.9 - h)) if anywhere else (4 - w / 2, 4 - h / 2)
        for label, shape in SHAPES.items():
            strokes = [[(x0 + px * w, y0 + py * h) for px, py in s] for s in shape]
            now.append(np.argmax(dv.class_probabilities(ev, dp.network_input(strokes))) == label)
            before.append(np.argmax(dv.class_probabilities(ev, raw_reading(strokes))) == label)
    return float(np.mean(now)), float(np.mean(before))


def main() -> dict:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from engine.circuit.commands import Macro, SetParams
    from engine.circuit.digit_gallery import misclassified
    from engine.circuit.evaluate import Evaluator
    from gui.main_window import MainWindow
    from tests.engine.digits_support import _trained_params, trained_digits

    app = QApplication.instance() or QApplication([])
    w = MainWindow(settings=QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.IniFormat))
    w.ask_save = lambda: "discard"
    w.open(ROOT / "resources" / "examples" / "digits.json")
    w.resize(1366, 768)
    w.show()
    w.findChild(QAction, "show_digits").trigger()
    panel = w.playground["digits"]
    gallery = panel.gallery
    for _ in range(20):
        app.processEvents()
        time.sleep(0.02)
    ev = panel.ev

    class NoValues:  # the evaluator without its shown values: the gallery's own pass over the test rows
        values = {}

        def __getattr__(self, name):
            return getattr(ev, name)

    out = {"engine, from the shown scores (untrained, 320+ wrong)": per_call_ms(lambda: misclassified(ev)),
           "engine, its own pass over the test rows": per_call_ms(lambda: misclassified(NoValues()))}
    w.undo.push(Macro("trained", [SetParams(nid, {**w.doc.node(nid).params, "W": W.copy(), "b": b.copy()})
                                  for nid, (W, b) in _trained_params().items()]))
    app.processEvents()
    out["gallery refresh while training (trained, one page)"] = per_call_ms(gallery.refresh)
    w.undo_stack.undo()
    gallery.refresh()

    def turn():
        gallery.turn(1 if gallery.page == 0 else -1)
        gallery.view.grab()

    out["page turn, drawn (24 new digits)"] = per_call_ms(turn, 10)
    ring = [(4.0 + 2.2 * np.sin(t), 4.0 - 2.9 * np.cos(t)) for t in np.linspace(0.0, 2.0 * np.pi, 150)]
    panel.clear_pad()
    panel.pen(*ring[0], True)
    for p in ring[1:-1]:
        panel.pen(*p, False)
    out["pad: one pen move (150-point stroke)"] = per_call_ms(lambda: panel.pen(*ring[-1], False))
    print("digits views (the Digits window at 1366x768; on a shared machine run it twice)")
    for name, ms in out.items():
        print(f"  {name:<56} {ms:7.2f} ms")
    ev_trained = Evaluator(trained_digits())
    for anywhere in (False, True):
        now, before = recognition(ev_trained, anywhere)
        where = "any size (2.5-7.8 cells) anywhere" if anywhere else "full height, centred"
        print(f"  drawn 1 0 7 2 4, {where:<34} read right: {now:.0%} now, {before:.0%} by the earlier pad")
    w.close()
    return out


if __name__ == "__main__":
    main()
