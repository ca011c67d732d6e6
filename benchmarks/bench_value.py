"""micrograd's moons demo with our Value/nn against micrograd itself, same data and weights.

Prints ms per training step for micrograd, micrograd with the GC off, ours as imported (Python's
default collector: importing the engine changes no threshold; only backward() pauses it) and ours
inside the opt-in `gc_policy.relaxed()`, the ratios, and
the final loss and accuracy of each (they must agree). Run: python -m benchmarks.bench_value
"""

from __future__ import annotations

import gc
import random
import time

from sklearn.datasets import make_moons

from engine import gc_policy
from engine.nn import MLP


def train(value_cls, mlp_cls, steps, X, y, seed=1337):
    """The demo's loop: hinge loss + 1e-4 L2, SGD lr 1.0 - 0.9 k/100; returns (ms/step, loss, accuracy)."""
    random.seed(seed)
    model = mlp_cls(2, [16, 16, 1])
    inputs = [[value_cls(float(a)) for a in row] for row in X]
    t0 = time.perf_counter()
    for k in range(steps):
        scores = [model(x) for x in inputs]
        losses = [(1 + -yi * si).relu() for yi, si in zip(y, scores, strict=True)]
        data_loss = sum(losses) * (1.0 / len(losses))
        reg = 1e-4 * sum(p * p for p in model.parameters())
        total = data_loss + reg
        acc = sum((yi > 0) == (si.data > 0) for yi, si in zip(y, scores, strict=True)) / len(y)
        model.zero_grad()
        total.backward()
        lr = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= lr * p.grad
    return (time.perf_counter() - t0) * 1000 / steps, total.data, acc


def main(steps: int = 10) -> None:
    X, labels = make_moons(n_samples=100, noise=0.1, random_state=1)
    y = [float(v) * 2 - 1 for v in labels]
    from engine import Value

    rows = []
    try:
        from micrograd.engine import Value as MgValue
        from micrograd.nn import MLP as MgMLP

        rows.append(("micrograd", *train(MgValue, MgMLP, steps, X, y)))
        gc.disable()
        rows.append(("micrograd, GC off", *train(MgValue, MgMLP, steps, X, y)))
        gc.enable()
    except ImportError:
        print("micrograd not installed: ./run.sh bench installs the reference extra")
    rows.append(("ours, Python's default GC", *train(Value, MLP, steps, X, y)))
    with gc_policy.relaxed():
        rows.append(("ours, opt-in gc_policy.relaxed()", *train(Value, MLP, steps, X, y)))
    anchor = rows[0][1]
    print(f"moons demo, {steps} steps, 100 points, MLP(2, [16, 16, 1])")
    print(f"{'run':34s} {'ms/step':>9s} {'x faster':>9s} {'final loss':>12s} {'accuracy':>9s}")
    for name, ms, loss, acc in rows:
        print(f"{name:34s} {ms:9.1f} {anchor / ms:9.2f} {loss:12.8f} {acc:9.2f}")


if __name__ == "__main__":
    main()
