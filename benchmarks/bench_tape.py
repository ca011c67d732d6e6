"""The moons classifier as a SCALAR circuit (one node per multiply/add/relu), run by the tape on
all 100 samples at once, against micrograd looping the samples and PyTorch eager replaying the same
graph on (100,) tensors; and re-evaluation after one input change on a 1,000-node circuit.
Run: python -m benchmarks.bench_tape
"""

from __future__ import annotations

import random
import time

import numpy as np
from sklearn.datasets import make_moons

from engine import Value
from engine.circuit.evaluate import Evaluator
from engine.circuit.from_value import circuit_from_value
from engine.nn import MLP


def best_ms(fn, repeat=20):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000


def moons_circuit():
    """One sample's graph built with Values, turned into a circuit whose x1, x2, y are data columns."""
    random.seed(1337)
    model = MLP(2, [16, 16, 1])
    x1, x2, y = Value(0.0, label="x1"), Value(0.0, label="x2"), Value(1.0, label="y")
    loss = (1 + -y * model([x1, x2])).relu()
    doc = circuit_from_value(loss, weights=set(model.parameters()))
    for label in ("x1", "x2", "y"):
        node = doc.by_label(label)
        node.kind, node.params = "data", {"column": label}
    X, labels = make_moons(n_samples=100, noise=0.1, random_state=1)
    doc.set_dataset({"name": "custom", "X": X.tolist(), "y": (labels * 2.0 - 1).tolist()})
    return doc, model, X, labels * 2.0 - 1


def micrograd_ms(X, y):
    try:
        from micrograd.engine import Value as MgValue
        from micrograd.nn import MLP as MgMLP
    except ImportError:
        return None
    random.seed(1337)
    model = MgMLP(2, [16, 16, 1])

    def run():
        for xi, yi in zip(X, y, strict=True):
            out = (1 + -yi * model([MgValue(xi[0]), MgValue(xi[1])])).relu()
            out.backward()

    return best_ms(run, repeat=2)


def torch_ms(ev):
    try:
        import torch
    except ImportError:
        return None
    tape = ev.tape
    fns = {"add": torch.add, "mul": torch.mul, "sub": torch.sub, "relu": torch.relu, "neg": torch.neg}
    base = [torch.as_tensor(np.asarray(v, dtype=np.float64)) for v in ev.leaves()]

    def run():
        vals = [b.clone().requires_grad_(True) for b in base]
        for ins in tape.instrs:
            name = getattr(ins.fn, "name", "output")
            vals[ins.out] = vals[ins.ins[0]] if name == "output" else fns[name](*[vals[i] for i in ins.ins])
        vals[tape.instrs[-1].out].sum().backward()

    return best_ms(run)


def main() -> None:
    doc, model, X, y = moons_circuit()
    ev = Evaluator(doc)
    n = len(ev.tape.instrs)
    ours = best_ms(ev.forward)  # auto-backward: forward + backward over the batch
    print(f"moons as a scalar circuit: {n} op nodes, 100 samples per pass")
    rows = [("ours (tape, numpy batch)", ours)]
    mg = micrograd_ms(X, y)
    if mg is not None:
        rows.append(("micrograd (loop over samples)", mg))
    th = torch_ms(ev)
    if th is not None:
        rows.append(("PyTorch eager (same graph)", th))
    print(f"{'run':32s} {'ms/pass':>9s} {'us/node':>9s} {'vs ours':>9s}")
    for name, ms in rows:
        print(f"{name:32s} {ms:9.2f} {ms * 1000 / n:9.2f} {ms / ours:9.2f}")

    # built from Values: a 330-term formula is beyond the expression parser's size limits
    a = [Value(0.5 if i == 0 else 1.0, label=f"a{i}") for i in range(330)]
    w = [Value(1.0, label=f"w{i}") for i in range(330)]
    total = sum(((ai * wi).tanh() for ai, wi in zip(a[1:], w[1:], strict=True)), (a[0] * w[0]).tanh())
    total.label = "out"
    big = circuit_from_value(total, weights=set(w))
    ev = Evaluator(big)
    leaf = big.by_label("a0").id
    nodes = len(big.nodes())
    for auto in (False, True):
        ev.auto_backward = auto
        vals = iter(np.linspace(-1, 1, 100_000))

        def nudge(vals=vals):
            for _ in range(100):
                big.set_value(leaf, float(next(vals)))

        ms = best_ms(nudge) / 100
        what = "values + gradients" if auto else "values only"
        print(f"{nodes}-node circuit, one input changed, {what}: {ms:.3f} ms")


if __name__ == "__main__":
    main()
