"""The hacker's guide's four ways to make a circuit's output bigger, on any circuit:
random search, random local search, numerical gradient and analytic gradient. Each reports the
output it reached and how many circuit evaluations it spent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..backends import A, S
from . import result
from .compile import run_forward
from .evaluate import Evaluator

STRATEGIES = ("random_search", "random_local_search", "numerical_gradient", "analytic_gradient")


@dataclass
class StrategyResult:
    """Where a strategy got to and what it cost."""

    name: str
    start_output: float
    output: float
    values: dict[str, float]  # leaf label -> value reached
    evaluations: int
    history: list[tuple[int, float]] = field(default_factory=list)  # (evaluations so far, best output)


class _Probe:
    """Evaluates the root for chosen input values on the compiled tape, counting evaluations."""

    def __init__(self, doc):
        ev = Evaluator(doc)  # compiles the circuit and finds its root, then stops following the document
        try:
            tape = ev.ensure_compiled()
            self.tape, self.root = tape, tape.slots[ev.root()]
            self.base = ev.leaves()
        finally:
            ev.close()
        self.ids = [nid for nid in tape.leaves if doc.node(nid).kind in ("input", "weight")]
        self.count = 0

    def _load(self, x: np.ndarray) -> list:
        vals = list(self.base)
        for nid, v in zip(self.ids, x, strict=True):
            vals[self.tape.leaves[nid]] = float(v)
        self.count += 1
        return vals

    def __call__(self, x: np.ndarray) -> float:
        vals = self._load(x)
        run_forward(self.tape, vals, A if self.tape.batch else S)
        return float(np.sum(vals[self.root]))

    def gradient(self, x: np.ndarray) -> np.ndarray:
        """Analytic gradient: one forward and one backward pass (engine.circuit.result)."""
        res = result.backward(result.forward(self.tape, self._load(x)), self.root)
        return np.array([float(np.sum(res.grads.get(nid, 0.0))) for nid in self.ids])


def run_strategy(doc, name: str, steps: int = 100, step_size: float = 0.01, seed: int = 0) -> StrategyResult:
    """Try to raise the circuit's output with one of the four strategies."""
    if name not in STRATEGIES:
        raise ValueError(f"unknown strategy {name!r}; use one of {', '.join(STRATEGIES)}")
    probe = _Probe(doc)
    rng = np.random.default_rng(seed)
    x = np.array([doc.node(nid).value for nid in probe.ids], dtype=float)
    best_x, best = x.copy(), probe(x)
    start, history = best, [(probe.count, best)]
    for _ in range(steps):
        if name == "random_search":
            lo = np.array([doc.node(nid).slider[0] for nid in probe.ids])
            hi = np.array([doc.node(nid).slider[1] for nid in probe.ids])
            trial = rng.uniform(lo, hi)
        elif name == "random_local_search":
            trial = best_x + step_size * rng.uniform(-1.0, 1.0, size=x.shape)
        elif name == "numerical_gradient":
            h, f0 = 1e-4, probe(best_x)
            grad = np.array([(probe(best_x + h * e) - f0) / h for e in np.eye(len(x))])
            trial = best_x + step_size * grad
        else:
            grad = probe.gradient(best_x)
            trial = best_x + step_size * grad
        out = probe(trial)
        if out > best or name in ("numerical_gradient", "analytic_gradient"):
            best_x, best = trial, out
        history.append((probe.count, best))
    labels = {doc.node(nid).label: float(v) for nid, v in zip(probe.ids, best_x, strict=True)}
    return StrategyResult(name, start, best, labels, probe.count, history)
