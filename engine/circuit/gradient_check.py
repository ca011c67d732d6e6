"""The gradient check of a circuit (F7 in the app, `main.py check`): the gradient backward computes for
every leaf and for a sample of every layer weight, beside a numeric estimate that does not depend on
backward at all (engine.gradcheck.derivative: central differences refined by Richardson extrapolation).

Both come from the pure evaluation contract (engine.circuit.result) on the document's current values;
nothing the evaluator holds is read or changed, so a check half-way through stepping is still right.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..backends import A
from ..gradcheck import MISMATCH, OK, UNSURE, derivative, verdict
from . import result
from .compile import run_forward
from .data import dataset_arrays

SAMPLES = 8  # a circuit with a dataset is checked on its first SAMPLES rows
PER_ARRAY = 20  # layer weights: at most this many evenly spread entries of each array are checked


@dataclass(frozen=True)
class CheckRow:
    """One checked number (a leaf's gradient) or one layer array (its checked entries, worst first)."""

    node_id: str
    key: str | None  # None: the node itself; "W", "b", "w": a layer's weight array
    label: str
    analytic: float
    numeric: float
    error: float  # the numeric estimate's own uncertainty
    verdict: str  # OK, MISMATCH or UNSURE (engine.gradcheck)
    kink: bool = False  # not smooth here: backward's number is the slope on one side (numeric: that side's)
    entries: int = 1  # checked entries of the array
    size: int = 1  # entries in the whole array

    @property
    def ok(self) -> bool:
        return self.verdict == OK


@dataclass(frozen=True)
class GradientCheck:
    """The rows of one check and the leaf values it was made at."""

    rows: tuple[CheckRow, ...]
    tape: object
    at: tuple  # the leaf values (slot order) the check ran at
    samples: int | None = None  # a circuit with a dataset is checked on its first `samples` rows

    @property
    def mismatches(self) -> int:
        return sum(r.verdict == MISMATCH for r in self.rows)

    @property
    def unsure(self) -> int:
        return sum(r.verdict == UNSURE for r in self.rows)

    def is_current(self, ev) -> bool:
        """Still about the evaluator's circuit and values (nothing was edited or moved since)?"""
        return ev.tape is self.tape and _leaf_values(ev.tape, ev.doc) == self.at


def _leaf_values(tape, doc) -> tuple:
    return tuple(float(tape.nodes[nid].value) for nid in tape.leaves) if tape is not None else ()


def _total(v) -> float:
    return float(np.sum(v)) if isinstance(v, np.ndarray) else float(v if v is not None else 0.0)


def _judge(analytic: float, run, x0: float) -> tuple[float, float, str, bool]:
    """(numeric, its error, verdict) for one number. At a kink (relu at 0) the central estimate is the
    mean of two slopes and backward rightly gives one of them: a one-sided estimate that agrees with
    backward and differs from the central one accepts it."""
    numeric, error = derivative(run, x0)
    v = verdict(analytic, numeric, error)
    if v != OK:
        for side in (1, -1):
            n, e = derivative(run, x0, side=side)
            if verdict(analytic, n, e) == OK and verdict(numeric, n, max(e, error)) != OK:
                return n, e, OK, True
    return numeric, error, v, False


def check_gradients(ev, per_array: int = PER_ARRAY) -> GradientCheck:
    """Check every input, weight and constant, and `per_array` entries of every layer weight array."""
    tape = ev.ensure_compiled()
    root = tape.slots[ev.root()]
    samples = None
    if tape.data:  # the rules do not depend on the batch size: a few samples keep each pass cheap
        X, y = dataset_arrays(ev.doc.dataset)
        samples = min(SAMPLES, len(X))
        base = ev.leaves(data=(X[:samples], y[:samples]))
    else:
        base = ev.leaves()
    grads = result.backward(result.forward(tape, list(base)), root)
    m = result.mode(tape)
    rows = []
    for nid, slot in tape.leaves.items():
        def run(x, slot=slot):
            vals = list(base)
            vals[slot] = x
            with np.errstate(all="ignore"):
                run_forward(tape, vals, m)
            return _total(vals[root])

        analytic = _total(grads.slot_grads[slot])
        numeric, error, v, kink = _judge(analytic, run, float(base[slot]))
        rows.append(CheckRow(nid, None, tape.nodes[nid].label, analytic, numeric, error, v, kink))
    for i, ins in enumerate(tape.instrs):
        if ins.block:
            rows += _block_rows(tape, i, base, root, grads.param_grads.get(ins.node_id, {}), per_array)
    return GradientCheck(tuple(rows), tape, _leaf_values(tape, ev.doc), samples)


def _block_rows(tape, i: int, base: list, root: int, param_grads: dict, per_array: int) -> list[CheckRow]:
    """One row per weight array of the block at instruction i: the worst of its checked entries."""
    ins, rows = tape.instrs[i], []
    for key in ("W", "b", "w"):
        if key not in ins.params:
            continue
        array = np.asarray(ins.params[key], dtype=np.float64)
        full = np.ravel(np.asarray(param_grads.get(key, 0.0), dtype=np.float64))
        picks = np.unique(np.linspace(0, array.size - 1, min(per_array, array.size)).round().astype(int))
        worst = None
        for k in picks:
            run = _entry_runner(tape, i, key, array, int(k), base, root)
            analytic = float(full[k] if full.size > 1 else full[0])
            numeric, error, v, kink = _judge(analytic, run, float(array.flat[k]))
            gap = abs(analytic - numeric) / max(abs(analytic), abs(numeric), 1e-300)
            rank = ({MISMATCH: 2, UNSURE: 1, OK: 0}[v], gap)
            if worst is None or rank > worst[0]:
                worst = (rank, analytic, numeric, error, v, kink)
        _, analytic, numeric, error, v, kink = worst
        rows.append(CheckRow(ins.node_id, key, f"{tape.nodes[ins.node_id].label}.{key}", analytic, numeric,
                             error, v, kink, len(picks), array.size))
    return rows


def _entry_runner(tape, i: int, key: str, array: np.ndarray, k: int, base: list, root: int):
    """The root as a function of entry k of the array `key` of the block at instruction i."""
    ins = tape.instrs[i]

    def run(x: float) -> float:
        nudged = array.copy()
        nudged.flat[k] = x
        instrs = list(tape.instrs)
        instrs[i] = dataclasses.replace(ins, params={**ins.params, key: nudged})
        vals = list(base)
        with np.errstate(all="ignore"):
            run_forward(dataclasses.replace(tape, instrs=instrs, faults={}, grad_faults={}), vals, A)
        return _total(vals[root])

    return run
