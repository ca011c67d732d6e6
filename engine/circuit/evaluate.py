"""The Evaluator: keeps a circuit's values and gradients current as the document changes.

It compiles the document once, recompiles only on structural edits, and re-runs only the
instructions downstream of a changed value. Backward is the stepper's loop run to the end.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from contextlib import contextmanager

import numpy as np

from .. import ops
from ..backends import A, S
from ..errors import EngineError
from . import vectorized
from .compile import FAULTS, IDENTITY, backward_steps, compile_circuit, run_forward
from .document import Circuit, CircuitError
from .events import Emitter

STRUCTURAL = ("node_added", "node_removed", "edge_added", "edge_removed", "params_changed",
              "dataset_changed", "document_reset")


def dataset_arrays(spec: dict | None):
    """(X, y) for a document's dataset choice: inline points or a named generator."""
    if not spec:
        raise CircuitError("the circuit has data nodes but no dataset is chosen")
    try:
        return _dataset_arrays(spec)
    except (TypeError, ValueError, IndexError) as exc:  # parameters the generator refuses, ragged points
        if isinstance(exc, CircuitError):
            raise
        raise CircuitError(f"the dataset {spec.get('name', 'inline')!r} cannot be made: {exc}") from None


def _dataset_arrays(spec: dict):
    if "X" in spec:
        X, y = np.asarray(spec["X"], dtype=np.float64), np.asarray(spec.get("y", []), dtype=np.float64)
    else:
        from .. import datasets

        name = spec.get("name")
        if name not in datasets.DATASETS:
            raise CircuitError(f"unknown dataset {name!r}; known: {', '.join(datasets.DATASETS)}")
        X, y = _named_dataset(name, json.dumps(spec.get("params", {}), sort_keys=True))
    extra = spec.get("points") or []
    if extra:
        X = np.vstack([X, np.asarray([p[:-1] for p in extra], dtype=np.float64)])
        y = np.concatenate([np.ravel(y), np.asarray([p[-1] for p in extra], dtype=np.float64)])
    return np.atleast_2d(np.asarray(X, dtype=np.float64)), np.asarray(y, dtype=np.float64)


@functools.lru_cache(maxsize=8)
def _named_dataset(name: str, params_json: str):
    """A generated or bundled dataset, made once per (name, params): every pass reads the same arrays
    (loading the digits takes ~20 ms, far longer than a training step)."""
    from .. import datasets

    X, y = datasets.DATASETS[name](**json.loads(params_json))
    X, y = np.array(X, dtype=np.float64), np.array(y, dtype=np.float64)
    X.flags.writeable = y.flags.writeable = False  # shared between passes: nobody may change them
    return X, y


def column(X, y, name: str):
    """A data node's column: 'x1'..'xd' (features), 'y' (targets) or 'X' (the whole matrix)."""
    if name == "X":
        return X
    if name == "y":
        return np.ravel(y) if np.ndim(y) > 1 and np.shape(y)[1] == 1 else y
    if name.startswith("x") and name[1:].isdigit() and 1 <= int(name[1:]) <= X.shape[1]:
        return X[:, int(name[1:]) - 1].copy()
    raise CircuitError(f"dataset has no column {name!r} (it has x1..x{X.shape[1]}, y and X)")


class SlotView(Mapping):
    """node id -> the value in a slot list, without copying (a pass over 1,000 nodes builds none)."""

    __slots__ = ("_slots", "_vals", "_default")

    def __init__(self, slots: dict, vals: list, default=None):
        self._slots, self._vals, self._default = slots, vals, default

    def __getitem__(self, node_id):
        v = self._vals[self._slots[node_id]]
        return self._default if v is None else v

    def __iter__(self):
        return iter(self._slots)

    def __len__(self):
        return len(self._slots)

    def __contains__(self, node_id):
        return node_id in self._slots


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


class Evaluator:
    """Values, gradients and NaN diagnoses of a document, kept current through its events."""

    def __init__(self, doc: Circuit):
        self.doc = doc
        self.events = Emitter()
        self.tape = None
        self.values: dict = {}
        self.grads: dict = {}
        self.errors: dict[str, str] = {}
        self._param_grads: dict = {}
        self.auto_backward = True
        self.grads_stale = True
        self.sample: int | None = None
        self.compile_error: str | None = None
        self.backward_error: str | None = None
        self._vals: list = []
        self._batching = 0
        self._dirty = False
        doc.events.subscribe("*", self._on_event)
        self._refresh()

    # ------------------------------------------------------------ document events
    def _on_event(self, name, payload):
        if name in STRUCTURAL:
            self.tape = None
            self._refresh()
        elif name == "value_changed":
            self._value_changed(payload["node_id"], payload["value"])

    def _value_changed(self, node_id, value):
        if self._batching:
            self._dirty = True
            return
        tape = self.tape
        if tape is None or node_id not in tape.leaves:
            self._refresh()
            return
        slot = tape.leaves[node_id]
        self._vals[slot] = float(value)
        run_forward(tape, self._vals, A if tape.batch else S, tape.downstream[slot])
        self._publish_values()
        self._after_forward()

    def _refresh(self):
        if self._batching:
            self._dirty = True
            return
        try:
            self.forward()
        except EngineError as exc:  # cannot compile (a port without a wire, no dataset, ...)
            self.compile_error = str(exc)
            self.values, self.grads, self.errors, self._vals = {}, {}, {}, []
            self.grads_stale = True
            self.events.emit("evaluated")

    @contextmanager
    def batch_update(self):
        """Apply many value edits (a training step) and evaluate once at the end."""
        self._batching += 1
        try:
            yield
        finally:
            self._batching -= 1
            if not self._batching and self._dirty:
                self._dirty = False
                self._refresh()

    # ------------------------------------------------------------ forward / backward
    def ensure_compiled(self):
        if self.tape is None:
            self.tape = compile_circuit(self.doc)
            self.compile_error = None
        return self.tape

    def _load_leaves(self, tape):
        vals = [None] * len(tape.ids)
        for nid, slot in tape.leaves.items():
            vals[slot] = tape.nodes[nid].value
        if tape.data:
            X, y = dataset_arrays(self.doc.dataset)
            for nid, slot in tape.data.items():
                vals[slot] = column(X, y, self.doc.node(nid).params.get("column", "x1"))
        return vals

    def _compute(self):
        tape = self.ensure_compiled()
        self._vals = self._load_leaves(tape)
        run_forward(tape, self._vals, A if tape.batch else S)
        self._publish_values()

    def forward(self):
        """Recompute every value from the document (and the gradients when auto_backward is on)."""
        if self._grouped_pass():
            return
        self._compute()
        self._after_forward()
        tape = self.tape
        if tape.plan is None and self.auto_backward:  # first pass: can later passes run grouped?
            try:
                tape.plan = vectorized.build(tape, self._vals, tape.slots[self.root()]) or False
            except CircuitError:
                tape.plan = False

    def _grouped_pass(self) -> bool:
        """Forward and backward at once by groups of nodes (engine.circuit.vectorized), when possible."""
        tape = self.tape
        if tape is None or not tape.plan or not self.auto_backward or self._batching:
            return False
        plan = tape.plan
        try:
            R, S = plan.load(self._load_leaves(tape))
            plan.forward(R, S)
            G, GS = plan.backward(R, S)
        except FAULTS:  # a numeric fault: the per-node tape runs this pass and names the node
            tape.plan = False
            return False
        self._vals = plan.slots(len(tape.ids), R, S)
        self._publish_values()
        self._grad_slots = plan.slots(len(tape.ids), G, GS)
        self._param_grads = {}
        self.backward_error = None
        self.grads_stale = False
        self.grads = SlotView(tape.slots, self._grad_slots, default=0.0)
        self.events.emit("evaluated")
        return True

    def _after_forward(self):
        self.backward_error = None
        if self.auto_backward and not self._batching:
            try:
                self.backward()
                self._note_grad_faults()
                return
            except CircuitError as exc:  # values stand; say why there are no gradients
                self.backward_error = str(exc)
        self._mark_stale()

    def _note_grad_faults(self):
        """A backward step that raised gave NaN gradients: say where (unless its value is already named)."""
        tape = self.tape
        for node_id, why in tape.grad_faults.items():
            if node_id not in self.errors:
                ins_name = getattr(tape.nodes[node_id], "op", None) or tape.nodes[node_id].kind
                self.backward_error = f"{tape.nodes[node_id].label!r} ({ins_name}): the gradient failed: {why}"
                return

    def _mark_stale(self):
        self.grads_stale = True
        self.events.emit("evaluated")

    def _publish_values(self):
        tape = self.tape
        self.values = SlotView(tape.slots, self._vals)
        self.errors = self._find_errors(tape)

    def _find_errors(self, tape):
        vals = self._vals
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
            label = self.doc.node(ins.node_id).label
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

    def root(self) -> str:
        """The node whose gradient is 1: an output node, else the single sink."""
        tape = self.tape
        if tape is not None and tape.root_id is not None:
            return tape.root_id
        outs = self.doc.outputs()
        if len(outs) != 1:
            labels = ", ".join(n.label for n in outs) or "none"
            raise CircuitError(f"the circuit needs exactly one result to differentiate (found: {labels}); "
                               "add an output node")
        if tape is not None:
            tape.root_id = outs[0].id
        return outs[0].id

    def backward(self):
        """Run the whole backward pass (the stepper's loop to the end, without step records)."""
        for _ in self.backward_iter(fast=True):
            pass
        self.events.emit("evaluated")

    def backward_iter(self, fast: bool = False):
        """Prepare fresh gradients (root = 1) and return the generator that steps the backward pass."""
        tape = self.ensure_compiled()
        if len(self._vals) != len(tape.ids):
            self._compute()
        root = tape.slots[self.root()]
        grads = [None] * len(tape.ids)
        rv = self._vals[root]
        grads[root] = np.ones_like(rv) if isinstance(rv, np.ndarray) else 1.0
        self._grad_slots = grads
        self._param_grads = {}
        self.grads_stale = False
        self.grads = {}
        steps = backward_steps(tape, self._vals, grads, root, A if tape.batch else S, self._param_grads, fast)

        def run():
            yield from steps
            # nodes the root does not depend on have gradient 0
            self.grads = SlotView(tape.slots, grads, default=0.0)

        return run()

    def run(self):
        self.forward()
        if not self.auto_backward:
            self.backward()

    def zero_grad(self):
        self.grads, self._param_grads = {}, {}
        self.grads_stale = True
        self.events.emit("evaluated")

    # ------------------------------------------------------------ reading results
    def _show(self, v):
        if v is None:
            return None
        if isinstance(v, np.ndarray):
            if self.sample is not None and v.ndim >= 1 and 0 <= self.sample < v.shape[0]:
                v = v[self.sample]
            return float(np.mean(v))
        return float(v)

    def value(self, node_id: str):
        return self._show(self.values.get(node_id))

    def grad(self, node_id: str):
        if self.grads_stale:
            return None
        return self._show(self.grads.get(node_id))

    def param_grads(self, node_id: str) -> dict:
        return self._param_grads.get(node_id, {})

    def root_value(self) -> float:
        v = self.values.get(self.root())
        return float(np.sum(v)) if isinstance(v, np.ndarray) else float(v)

    def numeric_grads(self, eps: float = 1e-6) -> dict[str, float]:
        """Central differences of the root with respect to every input, weight and constant."""
        tape = self.ensure_compiled()
        root = tape.slots[self.root()]
        base = self._load_leaves(tape)
        m = A if tape.batch else S
        out = {}
        for nid, slot in tape.leaves.items():
            f = []
            for h in (eps, -eps):
                vals = list(base)
                vals[slot] = base[slot] + h
                run_forward(tape, vals, m)
                f.append(float(np.sum(vals[root])))
            out[nid] = (f[0] - f[1]) / (2 * eps)
        return out

    def stepper(self):
        from .stepper import BackwardStepper

        return BackwardStepper(self)

    def forward_stepper(self):
        from .stepper import ForwardStepper

        return ForwardStepper(self)


__all__ = ["Evaluator", "IDENTITY", "dataset_arrays", "column"]
