"""draw_dot's SVG (layout + text, no Graphviz, no Qt) for the lecture's neuron and micrograd's moons MLP
on one sample (the issue asks for under 100 ms and under 1 s). Run: python -m benchmarks.bench_draw
"""

from __future__ import annotations

import random
import time

from engine import Value, draw_dot
from engine.nn import MLP


def best_ms(fn, repeat=10):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000, sorted(times)[len(times) // 2] * 1000


def neuron() -> Value:
    """The lecture's tanh neuron, labelled as in the lecture, after backward."""
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    x1w1, x2w2 = x1 * w1, x2 * w2
    x1w1.label, x2w2.label = "x1*w1", "x2*w2"
    s = x1w1 + x2w2
    s.label = "x1*w1 + x2*w2"
    n = s + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    o.backward()
    return o


def moons_sample() -> Value:
    """micrograd's moons MLP (2-16-16-1) on one sample with the hinge loss, after backward."""
    random.seed(1337)
    model = MLP(2, [16, 16, 1])
    loss = (1 + -Value(1.0, label="y") * model([Value(0.5, label="x1"), Value(-0.2, label="x2")])).relu()
    loss.backward()
    return loss


def main() -> None:
    for name, root, repeat in (("neuron", neuron(), 20), ("moons MLP, one sample", moons_sample(), 5)):
        picture = draw_dot(root)
        best, median = best_ms(lambda root=root: draw_dot(root), repeat)
        print(f"{name:24s} {picture.nodes:5d} nodes  {len(picture.svg) / 1024:7.0f} KiB SVG  "
              f"best {best:7.1f} ms  median {median:7.1f} ms")


if __name__ == "__main__":
    main()
