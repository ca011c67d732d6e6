"""Redraw the README's notebook picture: the lecture's neuron after backward(), as Jupyter shows it.

Run from the checkout: python docs/notebook_picture.py  (writes docs/notebook_neuron.svg and a PNG preview
in /tmp rendered by Qt, to look at)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_draw import neuron  # noqa: E402
from engine import draw_dot  # noqa: E402

if __name__ == "__main__":
    out = ROOT / "docs" / "notebook_neuron.svg"
    draw_dot(neuron()).save(out)
    print(f"wrote {out}")
    if "--png" in sys.argv:
        sys.path.insert(0, str(ROOT / "docs"))
        from render_svg import render

        render(str(out), "/tmp/notebook_neuron.png", 1.0)
