"""The hacker's guide's four ways to make a circuit's output bigger, on any circuit:
random search, random local search, numerical gradient and analytic gradient. Each reports the
output it reached and how many circuit evaluations it spent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import result
from .evaluate import Evaluator

STRATEGIES = ("random_search", "random_local_search", "numerical_gradient", "analytic_gradient")


@dataclass
class StrategyResult:
    """Where a strategy got to and what it cost."""

    name: str
    start_output: float
    output: float
    values: dict[str, float]  # leaf label -> value reached
    evaluations: int  # forward evaluations of the circuit
    history: list[tuple[int, float]] = field(default_factory=list)  # (passes so far, best output)
    backward_passes: int = 0  # the analytic gradient's backward passes (each costs about one evaluation)
    steps: int = 0
    step_size: float = 0.0
    h: float = 0.0  # the numerical gradient's nudge
    start_values: dict[str, float] = field(default_factory=dict)  # leaf label -> value at the start
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)  # random search: each leaf's range
    first_gradient: dict[str, float] = field(default_factory=dict)  # gradient methods: the slope at the start

    @property
    def passes(self) -> int:
        return self.evaluations + self.backward_passes


class _Probe:
    """Evaluates the root for chosen input values on the compiled tape, counting forward evaluations and
    backward passes."""

    def __init__(self, doc):
        ev = Evaluator(doc)  # compiles the circuit and finds its root, then stops following the document
        try:
            tape = ev.ensure_compiled()
            self.tape, self.root = tape, tape.slots[ev.root()]
            self.base = ev.leaves()
        finally:
            ev.close()
        self.ids = [nid for nid in tape.leaves if doc.node(nid).kind in ("input", "weight")]
        self.count = self.backward_count = 0

    def evaluate(self, x: np.ndarray):
        """(the output at x, the forward Result that a backward pass can start from)."""
        vals = list(self.base)
        for nid, v in zip(self.ids, x, strict=True):
            vals[self.tape.leaves[nid]] = float(v)
        self.count += 1
        res = result.forward(self.tape, vals)
        return float(np.sum(res.slot_values[self.root])), res

    def __call__(self, x: np.ndarray) -> float:
        return self.evaluate(x)[0]

    def gradient(self, res) -> np.ndarray:
        """Analytic gradient: one backward pass from a forward Result (engine.circuit.result)."""
        self.backward_count += 1
        grads = result.backward(res, self.root).grads
        return np.array([float(np.sum(grads.get(nid, 0.0))) for nid in self.ids])


def run_strategy(doc, name: str, steps: int = 100, step_size: float = 0.01, seed: int = 0,
                 h: float = 1e-4) -> StrategyResult:
    """Try to raise the circuit's output with one of the four strategies (the hacker's guide's), counting
    what each costs: random search tries points anywhere in the leaves' slider ranges; random local search
    tries small random moves from the best point; the numerical gradient nudges each input by h to measure
    the slope (one evaluation per input) and steps along it; the analytic gradient gets every slope from one
    backward pass. Each step's new output is one evaluation; the start is one more."""
    if name not in STRATEGIES:
        raise ValueError(f"unknown strategy {name!r}; use one of {', '.join(STRATEGIES)}")
    probe = _Probe(doc)
    rng = np.random.default_rng(seed)
    x = np.array([doc.node(nid).value for nid in probe.ids], dtype=float)
    lo = np.array([doc.node(nid).slider[0] for nid in probe.ids])
    hi = np.array([doc.node(nid).slider[1] for nid in probe.ids])
    best, res = probe.evaluate(x)
    best_x, start, first = x.copy(), best, None
    history = [(1, best)]
    for _ in range(steps):
        if name == "random_search":
            trial = rng.uniform(lo, hi)
        elif name == "random_local_search":
            trial = best_x + step_size * rng.uniform(-1.0, 1.0, size=x.shape)
        elif name == "numerical_gradient":  # f at best_x is known: one evaluation per input
            grad = np.array([(probe(best_x + h * e) - best) / h for e in np.eye(len(x))])
            trial = best_x + step_size * grad
        else:
            grad = probe.gradient(res)
            trial = best_x + step_size * grad
        if first is None and name in ("numerical_gradient", "analytic_gradient"):
            first = grad
        out, trial_res = probe.evaluate(trial)
        if out > best or name in ("numerical_gradient", "analytic_gradient"):
            best_x, best, res = trial, out, trial_res
        history.append((probe.count + probe.backward_count, best))
    labels = [doc.node(nid).label for nid in probe.ids]
    return StrategyResult(
        name, start, best, dict(zip(labels, map(float, best_x), strict=True)), probe.count, history,
        probe.backward_count, steps, step_size, h if name == "numerical_gradient" else 0.0,
        dict(zip(labels, map(float, x), strict=True)),
        {lab: (float(a), float(b)) for lab, a, b in zip(labels, lo, hi, strict=True)},
        dict(zip(labels, map(float, first), strict=True)) if first is not None else {})
