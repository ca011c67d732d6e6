"""The check of a "build" step: does the learner's circuit compute the target formula?

Both circuits run on the same random points (inputs and weights drawn in the step's ranges); the
learner's inputs and weights are matched to the formula's names by label when the labels agree,
else by trying every assignment (at most 6 names: 720 orders), so any correct wiring passes,
whatever its labels or layout. Constants keep their values. A structure already judged is not run
again until the circuit is recompiled or a constant changes (a slider move costs a dictionary look-up).
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from ..circuit.compile import compile_circuit, run_forward
from ..circuit.result import load_leaves, mode
from ..errors import EngineError
from ..expr import circuit_from_expression
from .explain import both as _both
from .explain import fmt

FREE = ("input", "weight")
MAX_PERMUTED = 6


class Target:
    """A formula compiled once, with the random points it is compared on."""

    def __init__(self, formula: str, ranges: dict | None = None, points: int = 6, tol: float = 1e-6, seed: int = 12):
        self.formula = formula
        doc = circuit_from_expression(formula)
        self.tape = compile_circuit(doc)
        self.root = self.tape.slots[doc.root().id]
        self.names = sorted(n.label for n in self.tape.nodes.values() if n.kind in FREE)
        rng = np.random.default_rng(seed)
        ranges = ranges or {}
        self.points = [{name: float(rng.uniform(*ranges.get(name, (-2.0, 2.0)))) for name in self.names}
                       for _ in range(points)]
        self.tol = tol
        by_label = {n.label: nid for nid, n in self.tape.nodes.items() if n.kind in FREE}
        self.expected = [self._run(self.tape, self.root, {by_label[k]: v for k, v in p.items()}) for p in self.points]
        self._seen = None  # (tape, constants) -> verdict

    @staticmethod
    def _run(tape, root: int, replace: dict) -> float:
        vals = load_leaves(tape, None, replace)
        try:
            run_forward(tape, vals, mode(tape))
            out = vals[root]
            return float(np.sum(out)) if isinstance(out, np.ndarray) else float(out)
        except (ArithmeticError, ValueError, TypeError, EngineError):
            return math.nan

    def _matches(self, tape, root: int, order: list[str]) -> tuple[bool, int, float]:
        """(all points agree, first failing point, the learner's value there) for one name -> node order."""
        for i, (point, want) in enumerate(zip(self.points, self.expected, strict=True)):
            if not math.isfinite(want):
                continue
            got = self._run(tape, root, {nid: point[name] for name, nid in zip(self.names, order, strict=True)})
            if not math.isclose(got, want, rel_tol=self.tol, abs_tol=self.tol):
                return False, i, got
        return True, -1, math.nan

    def judge(self, evaluator) -> tuple[bool, dict[str, str]]:
        """(passes, why in both languages) for the evaluator's current circuit."""
        try:
            tape = evaluator.ensure_compiled()
            root = tape.slots[evaluator.root()]
        except EngineError as exc:
            return False, _both(f"the circuit cannot run yet: {exc}", f"o circuito ainda não pode rodar: {exc}")
        if tape.data or any(n.kind not in (*FREE, "constant", "op", "output") for n in tape.nodes.values()):
            return False, _both("build it from inputs, weights, constants and operations (no data or layer blocks)",
                                "monte com entradas, pesos, constantes e operações (sem dados nem blocos de camada)")
        consts = tuple(n.value for n in tape.nodes.values() if n.kind == "constant")
        if self._seen is not None and self._seen[0] is tape and self._seen[1] == consts:
            return self._seen[2]
        verdict = self._judge(tape, root)
        self._seen = (tape, consts, verdict)
        return verdict

    def _judge(self, tape, root: int) -> tuple[bool, dict[str, str]]:
        free = {n.label: nid for nid, n in tape.nodes.items() if n.kind in FREE}
        if len(free) != len(self.names):
            have = ", ".join(sorted(free)) or "none"
            return False, _both(f"your circuit has {len(free)} inputs and weights ({have}); "
                                f"{self.formula} uses {len(self.names)} ({', '.join(self.names)})",
                                f"seu circuito tem {len(free)} entradas e pesos ({have}); "
                                f"{self.formula} usa {len(self.names)} ({', '.join(self.names)})")
        if set(free) == set(self.names):
            orders = [[free[name] for name in self.names]]
        elif len(free) <= MAX_PERMUTED:
            orders = [list(p) for p in itertools.permutations(free.values())]
        else:
            return False, _both(f"label your inputs and weights {', '.join(self.names)}",
                                f"dê às entradas e aos pesos os nomes {', '.join(self.names)}")
        first = None
        for order in orders:
            ok, i, got = self._matches(tape, root, order)
            if ok:
                return True, _both("your circuit computes " + self.formula, "seu circuito calcula " + self.formula)
            first = first or (order, i, got)
        order, i, got = first
        label = {nid: n.label for nid, n in tape.nodes.items()}
        at = ", ".join(f"{label[nid]} = {fmt(self.points[i][name])}" for name, nid in zip(self.names, order,
                                                                                             strict=True))
        return False, _both(f"at {at} your circuit gives {fmt(got)}, but {self.formula} gives {fmt(self.expected[i])}",
                            f"em {at} seu circuito dá {fmt(got)}, mas {self.formula} dá {fmt(self.expected[i])}")
