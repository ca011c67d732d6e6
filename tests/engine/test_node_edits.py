"""Switching a value node's kind and replacing the whole circuit: one undo entry each, exact undo."""

import pytest

from engine.circuit import io
from engine.circuit.document import CircuitError
from engine.circuit.evaluate import Evaluator
from engine.circuit.node_edits import kind_commands, replace_commands
from engine.commands import History
from engine.expr import circuit_from_expression

LECTURE = "L = (a*b + c) * f; a = 2; b = -3; c = 10; f = -2"


def test_kind_switch_keeps_everything_else_and_undoes_exactly():
    doc = circuit_from_expression(LECTURE)
    history, ev = History(doc), Evaluator(doc)
    b = doc.by_label("b")
    before, wires = io.to_dict(doc), [e for e in doc.edges() if e[0] == b.id]
    history.push(kind_commands(doc, b.id, "weight"))
    after = doc.node(b.id)
    assert (after.kind, after.label, after.value, after.pos, after.slider) == ("weight", "b", -3.0, b.pos, b.slider)
    assert [e for e in doc.edges() if e[0] == b.id] == wires and len(wires) == 1
    assert ev.value(doc.by_label("L").id) == -8.0 and ev.grad(b.id) == -4.0  # the numbers do not move
    assert history.depth == 1 and history.undo_text() == "make b a weight"
    assert [n.label for n in doc.nodes() if n.trainable] == ["b"]
    history.undo()
    assert io.to_dict(doc) == before
    history.redo()
    assert doc.node(b.id).kind == "weight"


def test_kind_switch_refusals():
    doc = circuit_from_expression(LECTURE)
    with pytest.raises(CircuitError, match="only inputs, weights and constants"):
        kind_commands(doc, doc.by_label("L").id, "weight")
    with pytest.raises(CircuitError, match="already an input"):
        kind_commands(doc, doc.by_label("a").id, "input")
    with pytest.raises(CircuitError, match="asked for 'op'"):
        kind_commands(doc, doc.by_label("a").id, "op")


def test_replace_is_one_entry_keeps_new_labels_and_undoes_exactly():
    doc = circuit_from_expression("y = a*b + 1")
    history = History(doc)
    before = io.to_dict(doc)
    new = circuit_from_expression(LECTURE)
    history.push(replace_commands(doc, new, "build L"))
    assert sorted(n.label for n in doc.nodes()) == sorted(n.label for n in new.nodes())  # a, b keep their names
    assert not {n["id"] for n in before["nodes"]} & {n.id for n in doc.nodes()}  # fresh ids
    ev = Evaluator(doc)
    assert ev.value(doc.by_label("L").id) == -8.0 and ev.grad(doc.by_label("a").id) == 6.0
    assert history.depth == 1 and history.undo_text() == "build L"
    history.undo()
    assert io.to_dict(doc) == before
