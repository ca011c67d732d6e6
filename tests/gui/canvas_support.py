"""Shared helpers for the canvas tests: the undo bridge, an evaluator, scenes built from examples."""

from __future__ import annotations

import math

from PySide6.QtGui import QUndoStack

from engine import ops
from engine.backends import S
from engine.circuit.document import Circuit
from engine.circuit.events import EvaluatorEvents
from gui.undo import UndoBridge


class Bridge(UndoBridge):
    """The app's own undo (UndoBridge over the engine History, mirrored on a QUndoStack), seen from a test."""

    def __init__(self, doc):
        self.refused: list[str] = []  # what the window would show in its status bar
        super().__init__(doc, QUndoStack(), self.refused.append)

    @property
    def done(self) -> list:
        return list(self.history.entries)

    def undo(self) -> None:
        self.stack.undo()  # what Ctrl+Z does


class FakeEvaluator:
    """Scalar forward/backward straight from the op registry (used until engine evaluate.py exists)."""

    def __init__(self, doc):
        self.doc, self.events = doc, EvaluatorEvents()
        self.values, self.grads, self.errors = {}, {}, {}
        for name in ("node_added", "node_removed", "edge_added", "edge_removed", "value_changed",
                     "params_changed", "document_reset"):
            doc.events[name].connect(self.run)
        self.run()

    def value(self, node_id):
        return self.values.get(node_id)

    def grad(self, node_id):
        return self.grads.get(node_id)

    def run(self) -> None:
        doc = self.doc
        self.values, self.grads, self.errors = {}, {}, {}
        order = doc.topological_order()
        for nid in order:
            node = doc.node(nid)
            if node.is_leaf:
                self.values[nid] = node.value
                continue
            ins = doc.inputs_of(nid)
            ports = node.input_ports()
            if any(p not in ins for p in ports) or node.kind != "op" or not ops.get(node.op).scalar:
                if node.kind == "output" and "x" in ins:
                    self.values[nid] = self.values.get(ins["x"])
                continue
            xs = [self.values.get(ins[p]) for p in ports]
            if any(x is None for x in xs):
                continue
            op = ops.get(node.op)
            try:
                out = op.forward(S, *xs, **node.params)
            except (ValueError, ZeroDivisionError, OverflowError):
                out = float("nan")
            self.values[nid] = out
            if not math.isfinite(out) and not self.errors:
                self.errors[nid] = ops.diagnose(op, xs, node.params)
        roots = [n.id for n in doc.outputs() if n.id in self.values]
        if roots and not self.errors:
            root = roots[0]
            self.grads = {nid: 0.0 for nid in self.values}
            self.grads[root] = 1.0
            for nid in reversed(order):
                node = doc.node(nid)
                if nid not in self.values or node.is_leaf:
                    continue
                ins = doc.inputs_of(nid)
                if node.kind == "output":
                    self.grads[ins["x"]] += self.grads[nid]
                    continue
                op = ops.get(node.op)
                xs = [self.values[ins[p]] for p in node.input_ports()]
                local = op.backward(S, self.grads[nid], self.values[nid], *xs, **node.params)
                for p, g in zip(node.input_ports(), local, strict=True):
                    if g is not None:
                        self.grads[ins[p]] += g
        self.events.evaluated.emit()


def make_evaluator(doc):
    """The engine's Evaluator when it exists (with automatic backward), else FakeEvaluator."""
    try:
        from engine.circuit.evaluate import Evaluator
    except ImportError:
        return FakeEvaluator(doc)
    ev = Evaluator(doc)
    ev.auto_backward = True
    ev.run()
    return ev


def lecture_L() -> Circuit:
    """L = (a*b + c) * f built by hand, laid out like the examples."""
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a", value=2.0, pos=(0, 0)))
    b = doc.add_node(doc.make_node("weight", label="b", value=-3.0, pos=(0, 90)))
    e = doc.add_node(doc.make_node("op", "mul", label="e", pos=(180, 45)))
    c = doc.add_node(doc.make_node("input", label="c", value=10.0, pos=(180, 140)))
    d = doc.add_node(doc.make_node("op", "add", label="d", pos=(360, 90)))
    f = doc.add_node(doc.make_node("input", label="f", value=-2.0, pos=(360, 190)))
    L = doc.add_node(doc.make_node("op", "mul", label="L", pos=(540, 140)))
    for src, dst, port in ((a, e, "a"), (b, e, "b"), (e, d, "a"), (c, d, "b"), (d, L, "a"), (f, L, "b")):
        doc.connect(src.id, dst.id, port)
    return doc
