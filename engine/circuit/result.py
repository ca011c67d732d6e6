"""The evaluation contract: pure passes over a compiled tape that return immutable Results.

    vals = load_leaves(tape, doc.dataset)        # a fresh slot list: leaves and data columns
    res = forward(tape, vals)                    # values and the non-finite diagnosis
    res = backward(res, root_slot)               # ... and the gradients

forward() owns the list it is given; backward() returns a new Result and leaves its argument as it
was. A Result is never changed after it is made: its mappings are read-only and the arrays they
hand out are marked non-writeable. The Evaluator (engine.circuit.evaluate) keeps the latest Result and
publishes it; the steppers, the strategies, the probe and the gradient check build their own
through these same functions and never write into the evaluator.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np

from .. import ops
from ..backends import A, S
from .compile import backward_steps, run_forward
from .data import column, dataset_arrays

EMPTY: Mapping = MappingProxyType({})


class SlotView(Mapping):
    """node id -> the value in a slot sequence, without copying (a pass over 1,000 nodes builds none)."""

    __slots__ = ("_slots", "_vals", "_default")

    def __init__(self, slots: dict, vals, default=None):
        self._slots, self._vals, self._default = slots, vals, default

    def __getitem__(self, node_id):
        v = self._vals[self._slots[node_id]]
        if v is None:
            return self._default
        if type(v) is np.ndarray and v.flags.writeable:  # marked read-only when first handed out:
            v.flags.writeable = False  # (marking all of them up front costs a whole fast pass)
        return v

    def __iter__(self):
        return iter(self._slots)

    def __len__(self):
        return len(self._slots)

    def __contains__(self, node_id):
        return node_id in self._slots


@dataclasses.dataclass(frozen=True, eq=False)
class Result:
    """One evaluation of a compiled circuit: values, gradients and what went non-finite, frozen."""

    tape: object = None  # the compiled tape these slots belong to (None: nothing compiled)
    slot_values: tuple = ()  # slot -> value (floats or read-only arrays)
    values: Mapping = dataclasses.field(default_factory=lambda: EMPTY)  # node id -> value
    grads: Mapping | None = None  # node id -> d root / d node; None while there are no current gradients
    slot_grads: tuple | None = None
    param_grads: Mapping = dataclasses.field(default_factory=lambda: EMPTY)  # block node id -> {"W": dW, "b": db}
    # node id -> why its value is NaN/inf (only the first culprit is named)
    errors: Mapping = dataclasses.field(default_factory=lambda: EMPTY)
    backward_error: str | None = None  # why there are no (or NaN) gradients
    compile_error: str | None = None  # why the circuit (its result) cannot be evaluated
    # node id -> what it is missing ("needs input b"), for the nodes left out of a partial circuit: their
    # values are None, every other node has its value (and its gradient when the result is complete)
    incomplete: Mapping = dataclasses.field(default_factory=lambda: EMPTY)

    @property
    def grads_stale(self) -> bool:
        return self.grads is None

    def without_grads(self, backward_error: str | None = None) -> Result:
        return dataclasses.replace(self, grads=None, slot_grads=None, param_grads=EMPTY,
                                   backward_error=backward_error)


class Overlay:
    """A copy-on-write slot sequence: another Result's slots with some of them replaced (an
    incremental pass after a grouped one re-runs a few nodes without copying every slot)."""

    __slots__ = ("_base", "_over")

    def __init__(self, base, over: dict | None = None):
        if type(base) is Overlay:  # flatten: one level, whatever the number of slider moves
            base, over = base._base, {**base._over, **(over or {})}
        self._base, self._over = base, over if over is not None else {}

    def __len__(self) -> int:
        return len(self._base)

    def __getitem__(self, slot: int):
        over = self._over
        return over[slot] if slot in over else self._base[slot]

    def __setitem__(self, slot: int, value) -> None:
        self._over[slot] = value

    def __iter__(self):
        return (self[i] for i in range(len(self)))


def editable(slot_values):
    """A slot sequence a pass may write into, leaving `slot_values` (a Result's) as it is."""
    return list(slot_values) if type(slot_values) is tuple else Overlay(slot_values, {})


def freeze(vals):
    """The slots a Result keeps: a list becomes a tuple; a grouped pass's lazy rows
    (engine.circuit.vectorized) stay lazy. Arrays are marked read-only as the mappings hand them out."""
    return tuple(vals) if type(vals) is list else vals


def mode(tape):
    return A if tape.batch else S


def load_leaves(tape, dataset, replace: Mapping | None = None, data=None) -> list:
    """A fresh slot list holding the leaves' values (or `replace`'s) and the data columns
    (of the dataset choice, or of the (X, y) given as `data`)."""
    vals = [None] * len(tape.ids)
    for nid, slot in tape.leaves.items():
        vals[slot] = tape.nodes[nid].value if replace is None else replace.get(nid, tape.nodes[nid].value)
    if tape.data:
        X, y = data if data is not None else dataset_arrays(dataset)
        for nid, slot in tape.data.items():
            vals[slot] = column(X, y, tape.nodes[nid].params.get("column", "x1"))
    return vals


def forward(tape, vals: list, only: list[int] | None = None, m=None) -> Result:
    """Run the tape (or the instructions in `only`) into `vals`, which the Result then owns."""
    run_forward(tape, vals, m or mode(tape), only)
    return values_result(tape, vals)


def values_result(tape, vals) -> Result:
    """A Result of the values in `vals` (already computed), with their diagnosis and no gradients."""
    vals = freeze(vals)
    return Result(tape, vals, SlotView(tape.slots, vals), errors=MappingProxyType(diagnose(tape, vals)),
                  incomplete=MappingProxyType(tape.incomplete) if tape.incomplete else EMPTY)


def backward(res: Result, root: int, m=None) -> Result:
    """The same Result with the gradients of slot `root` (1 at the root; 0 where it does not depend)."""
    grads, param_grads, steps = backward_start(res, root, fast=True, m=m)
    for _ in steps:
        pass
    return with_grads(res, grads, param_grads)


def backward_start(res: Result, root: int, fast: bool = False, m=None):
    """(grads, param_grads, the generator that steps the backward pass, filling both) for a stepper."""
    tape = res.tape
    grads = [None] * len(tape.ids)
    rv = res.slot_values[root]
    grads[root] = np.ones_like(rv) if isinstance(rv, np.ndarray) else 1.0
    param_grads: dict = {}
    return grads, param_grads, backward_steps(tape, res.slot_values, grads, root, m or mode(tape), param_grads, fast)


def with_grads(res: Result, grads, param_grads: Mapping, reached: set | None = None) -> Result:
    """res with these gradients (those of the nodes in `reached` only, for a stepper half-way)."""
    tape = res.tape
    if reached is not None:  # a stepper half-way: copies, since the pass goes on adding into them
        shown = {tape.ids[s]: (g.copy() if isinstance(g, np.ndarray) else g) for s, g in enumerate(grads)
                 if g is not None and tape.ids[s] in reached}
        for g in shown.values():
            if type(g) is np.ndarray:
                g.flags.writeable = False
        return dataclasses.replace(res, grads=MappingProxyType(shown), slot_grads=None,
                                   param_grads=MappingProxyType(dict(param_grads)), backward_error=None)
    grads = freeze(grads)
    return dataclasses.replace(res, grads=SlotView(tape.slots, grads, default=0.0), slot_grads=grads,
                               param_grads=MappingProxyType(param_grads), backward_error=grad_fault(tape, res.errors))


def grad_skipped(res: Result, node_id: str) -> bool:
    """True for a data column whose gradient the whole backward pass did not compute (a dense layer's
    input: nothing upstream learns); views show it as unknown, not as 0."""
    tape, sg = res.tape, res.slot_grads
    return tape is not None and sg is not None and node_id in tape.data and sg[tape.data[node_id]] is None


def grad_fault(tape, errors) -> str | None:
    """A backward step that raised gave NaN gradients: say where (unless its value is already named)."""
    for node_id, why in tape.grad_faults.items():
        if node_id not in errors:
            node = tape.nodes[node_id]
            return f"{node.label!r} ({getattr(node, 'op', None) or node.kind}): the gradient failed: {why}"
    return None


def _finite(v) -> bool:
    if type(v) is float:
        return v - v == 0.0
    return v is None or bool(np.isfinite(v).all())


def _culprit_inputs(out, xs) -> list:
    """The inputs at the first sample where the output went non-finite."""
    if np.ndim(out) == 0:
        return [float(x) if np.ndim(x) == 0 else x for x in xs]
    idx = int(np.argmax(~np.isfinite(np.ravel(out))))
    return [float(np.ravel(x)[idx]) if np.size(x) == np.size(out) else (float(x) if np.ndim(x) == 0 else x)
            for x in xs]


def diagnose(tape, vals) -> dict[str, str]:
    """node id -> why its value went non-finite, for the first culprit on each path."""
    if all(_finite(vals[s]) for s in tape.checkpoints):
        return {}  # nothing non-finite can hide between checkpoints: no need to look at every node
    bad = {}
    for ins in tape.instrs:
        out = vals[ins.out]
        if type(out) is float:
            if out - out == 0.0:  # finite, the fast scalar check
                continue
        elif np.isfinite(out).all():
            continue
        xs = [vals[i] for i in ins.ins]
        if not all(np.all(np.isfinite(x)) for x in xs):
            continue  # inherited: only the first culprit is named
        label = tape.nodes[ins.node_id].label
        reason = "non-finite result"
        if ins.node_id in tape.faults:
            reason = f"the computation failed: {tape.faults[ins.node_id]}"
        elif isinstance(ins.fn, ops.Op):
            try:
                reason = ops.diagnose(ins.fn, _culprit_inputs(out, xs), ins.params)
            except (TypeError, ValueError):
                pass
        bad[ins.node_id] = f"{label!r} ({getattr(ins.fn, 'name', 'block')}): {reason}"
    return bad
