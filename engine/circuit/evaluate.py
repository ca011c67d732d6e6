"""The Evaluator: keeps a circuit's latest Result (values, gradients, NaN diagnosis) current as the
document changes, and publishes it.

It compiles the document once, recompiles only on structural edits, and re-runs only the
instructions downstream of a changed value. The passes themselves are engine.circuit.result's
pure functions; the Evaluator only decides when to run them and keeps what they return.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from contextlib import contextmanager

import numpy as np

from ..backends import A, S
from ..errors import EngineError
from . import result, vectorized
from .compile import FAULTS, IDENTITY, compile_circuit, run_forward, with_params
from .data import column, dataset_arrays
from .display import shown
from .document import Circuit, CircuitError
from .events import EVALUATOR_PRIORITY, STRUCTURAL, EvaluatorEvents, Subscriptions, emit
from .nodes import BLOCK_KINDS
from .result import EMPTY, Result


class Evaluator:
    """Keeps the latest Result (engine.circuit.result) of a document current through its events and
    publishes it; nobody else writes into it. Read it as `evaluator.result` (values, grads, errors)."""

    def __init__(self, doc: Circuit):
        self.doc = doc
        self.events = EvaluatorEvents()
        self.tape = None
        self.result = Result()
        self.auto_backward = True
        self._batching = 0
        self._dirty = False
        self._quiet = 0  # inside coalesced(): results are kept, the views hear of the last one at the end
        self._unheard = False
        self._last_root: str | None = None  # the result of the last evaluation (kept while a wire is cut)
        self._subs = Subscriptions()
        for name in STRUCTURAL:  # before any view hears of the edit (events.EVALUATOR_PRIORITY)
            slot = self._params_changed if name == "params_changed" else self._structure_changed
            self._subs.connect(doc.events[name], slot, priority=EVALUATOR_PRIORITY)
        self._subs.connect(doc.events.value_changed, self._value_changed, priority=EVALUATOR_PRIORITY)
        # another document: its result is its own (heard before the recompile above)
        self._subs.connect(doc.events.document_reset, self._forget_root, priority=EVALUATOR_PRIORITY + 1)
        self._refresh()

    def close(self) -> None:
        """Stop following the document (its window closed)."""
        self._subs.disconnect_all()

    # ------------------------------------------------------------ the latest result, read-only
    @property
    def values(self) -> Mapping:
        return self.result.values

    @property
    def grads(self) -> Mapping:
        return EMPTY if self.result.grads is None else self.result.grads

    @property
    def errors(self) -> Mapping:
        return self.result.errors

    @property
    def grads_stale(self) -> bool:
        return self.result.grads is None

    @property
    def incomplete(self) -> Mapping:
        """node id -> what it is missing ("needs input b") for the nodes a partial circuit leaves out."""
        return self.result.incomplete

    @property
    def compile_error(self) -> str | None:
        return self.result.compile_error

    @property
    def backward_error(self) -> str | None:
        return self.result.backward_error

    def publish(self, result: Result, stepped: bool = False) -> None:
        """Make `result` the latest one and tell the views (the steppers publish their steps here)."""
        self.result = result
        if self._quiet and not stepped:
            self._unheard = True
            return
        emit(self.events.stepped if stepped else self.events.evaluated)

    @contextmanager
    def coalesced(self):
        """Passes inside publish their results at once (the trainer reads them), but the views hear only
        of the last one, when the block ends (a timer tick of several training steps redraws once)."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1
            if not self._quiet and self._unheard:
                self._unheard = False
                emit(self.events.evaluated)

    # ------------------------------------------------------------ document events
    def _structure_changed(self):
        self.tape = None
        self._refresh()

    def _params_changed(self, node_id, params, old_ports):
        """New weights or activation of a block whose ports stay: the tape keeps its order and slots and only
        that instruction reads the new parameters (a training step writes its layers back every step)."""
        tape = self.tape
        node = self.doc.node(node_id)
        if tape is not None and node.kind in BLOCK_KINDS and tuple(old_ports) == node.input_ports():
            patched = with_params(tape, node_id, node.params)
            if patched is not None:
                self.tape = patched
                self._refresh()
                return
        self._structure_changed()

    def _forget_root(self):
        self._last_root = None

    def _value_changed(self, node_id, value):
        if self._batching:
            self._dirty = True
            return
        tape, res = self.tape, self.result
        if tape is None or node_id not in tape.leaves or res.tape is not tape or len(res.slot_values) != len(tape.ids):
            self._refresh()
            return
        slot = tape.leaves[node_id]
        vals = result.editable(res.slot_values)  # only the instructions downstream of the moved leaf run again
        vals[slot] = float(value)
        self._after_forward(result.forward(tape, vals, tape.downstream[slot]))

    def _refresh(self):
        if self._batching:
            self._dirty = True
            return
        try:
            self.forward()
        except EngineError as exc:  # cannot compile (a port without a wire, no dataset, ...)
            self.publish(Result(compile_error=str(exc)))

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
            self.tape = compile_circuit(self.doc, partial=True)  # an unwired node blanks only itself
        return self.tape

    def leaves(self, replace: Mapping | None = None, data=None) -> list:
        """A fresh slot list of the compiled tape with the document's leaf values and data columns."""
        return result.load_leaves(self.ensure_compiled(), self.doc.dataset, replace, data)

    def compute(self) -> Result:
        """A forward pass from the document's values (not published)."""
        return result.forward(self.ensure_compiled(), self.leaves())

    def forward(self):
        """Recompute every value from the document (and the gradients when auto_backward is on)."""
        if self._grouped_pass():
            return
        res = self.compute()
        self._after_forward(res)
        tape = self.tape
        if tape.plan is None and self.auto_backward:  # first pass: can later passes run grouped?
            try:
                tape.plan = vectorized.build(tape, list(res.slot_values), tape.slots[self.root()]) or False
            except CircuitError:
                tape.plan = False

    def _grouped_pass(self) -> bool:
        """Forward and backward at once by groups of nodes (engine.circuit.vectorized), when possible."""
        tape = self.tape
        if tape is None or not tape.plan or not self.auto_backward or self._batching:
            return False
        plan = tape.plan
        try:
            R, S = plan.load(self.leaves())
            plan.forward(R, S)
            G, GS = plan.backward(R, S)
        except FAULTS:  # a numeric fault: the per-node tape runs this pass and names the node
            tape.plan = False
            return False
        n = len(tape.ids)
        res = result.values_result(tape, plan.slots(n, R, S))
        grads = result.freeze(plan.slots(n, G, GS))
        self.publish(dataclasses.replace(res, grads=result.SlotView(tape.slots, grads, default=0.0),
                                         slot_grads=grads))
        return True

    def _after_forward(self, res: Result):
        try:
            self.root()
        except CircuitError as exc:
            if res.tape.incomplete:  # the result itself is incomplete: the values stand, say what is missing
                self.publish(dataclasses.replace(res, compile_error=str(exc), backward_error=str(exc)))
                return
        if self.auto_backward and not self._batching:
            try:
                res = result.backward(res, res.tape.slots[self.root()])
            except CircuitError as exc:  # values stand; say why there are no gradients
                res = res.without_grads(str(exc))
        self.publish(res)

    def root(self) -> str:
        """The node whose gradient is 1: an output node, else the single sink (doc.root()); while part of
        the circuit is unwired, see _root_while_incomplete. CircuitError says why there is none, or what
        the root is missing ("'L' waits for 'e' (needs input b)")."""
        tape = self.tape
        if tape is not None and tape.root_id is not None:
            return tape.root_id
        incomplete = tape.incomplete if tape is not None else {}
        try:
            root_id = self.doc.root().id
        except CircuitError:
            root_id = self._root_while_incomplete(incomplete) if incomplete else None
            if root_id is None:
                raise
        self._last_root = root_id
        if root_id in incomplete:
            raise CircuitError(f"{self.doc.node(root_id).label!r} {incomplete[root_id]}")
        if tape is not None:
            tape.root_id = root_id
        return root_id

    def _root_while_incomplete(self, incomplete) -> str | None:
        """Several sinks because a wire was cut or a node added: the last result stays the result; with
        none yet, the one complete sink when every other sink is a node nobody has wired yet, or the one
        wired sink when none is complete; else None (ambiguous)."""
        outs = [n.id for n in self.doc.outputs()]
        if self._last_root in outs:
            return self._last_root
        complete = [nid for nid in outs if nid not in incomplete]
        wired = [nid for nid in outs if self.doc.graph.in_degree(nid)]
        if complete:
            return self._single(complete) if not set(wired) - set(complete) else None
        return self._single(wired)

    @staticmethod
    def _single(ids: list) -> str | None:
        return ids[0] if len(ids) == 1 else None

    def current(self) -> Result:
        """The latest result if it holds every value of the compiled tape, else a fresh forward pass."""
        tape, res = self.ensure_compiled(), self.result
        if res.tape is tape and len(res.slot_values) == len(tape.ids):
            return res
        return self.compute()

    def backward(self):
        """Run the whole backward pass on the current values and publish the gradients."""
        res = self.current()
        self.publish(result.backward(res, res.tape.slots[self.root()]))

    def run(self):
        self.forward()
        if not self.auto_backward:
            self.backward()

    def zero_grad(self):
        self.publish(self.result.without_grads())

    # ------------------------------------------------------------ reading results
    def value(self, node_id: str):
        """A node's value as one number (the batch mean; engine.circuit.display picks a sample)."""
        return shown(self.values.get(node_id))

    def grad(self, node_id: str):
        """A node's gradient as one number; None when unknown (stale, incomplete, or a data column,
        whose gradient a whole backward pass does not compute: nothing upstream of it learns)."""
        if self.grads_stale or node_id in self.result.incomplete:
            return None
        if result.grad_skipped(self.result, node_id):
            return None
        return shown(self.grads.get(node_id))

    def param_grads(self, node_id: str) -> dict:
        return self.result.param_grads.get(node_id, {})

    def root_value(self) -> float:
        v = self.values.get(self.root())
        return float(np.sum(v)) if isinstance(v, np.ndarray) else float(v)

    def numeric_grads(self, eps: float = 1e-6) -> dict[str, float]:
        """Central differences of the root with respect to every input, weight and constant."""
        tape = self.ensure_compiled()
        root = tape.slots[self.root()]
        base = self.leaves()
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


__all__ = ["Evaluator", "IDENTITY", "Result", "dataset_arrays", "column"]
