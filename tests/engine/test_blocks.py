"""Neuron blocks expand into scalar nodes with identical numbers and collapse back, undoably."""

import pytest

from engine.circuit import Circuit, io
from engine.circuit.block_edits import collapse_commands, expand_commands
from engine.circuit.evaluate import Evaluator
from engine.commands import History


def neuron_block_doc():
    doc = Circuit()
    x1 = doc.add_node(doc.make_node("input", label="x1", value=2.0))
    x2 = doc.add_node(doc.make_node("input", label="x2", value=0.0))
    nrn = doc.add_node(doc.make_node("neuron", label="o", params={
        "n": 2, "activation": "tanh", "w": [-3.0, 1.0], "b": 6.8813735870195432}))
    doc.connect(x1.id, nrn.id, "x1")
    doc.connect(x2.id, nrn.id, "x2")
    return doc, nrn


def test_expand_keeps_the_numbers_and_undo_restores_the_block():
    doc, nrn = neuron_block_doc()
    ev = Evaluator(doc)
    before = io.to_dict(doc)
    o_value = ev.values[nrn.id]
    history = History(doc)
    history.push(expand_commands(doc, nrn.id))
    assert not any(n.kind == "neuron" for n in doc.nodes())
    o = doc.by_label("o")
    assert o.op == "tanh" and ev.value(o.id) == pytest.approx(o_value, rel=1e-15)
    assert round(ev.value(o.id), 4) == 0.7071
    history.undo()
    assert io.to_dict(doc) == before


def test_collapse_folds_the_lecture_neuron_back():
    doc = io.load("resources/examples/neuron.json")
    ev = Evaluator(doc)
    o = doc.by_label("o")
    want = ev.value(o.id)
    grads = {label: ev.grad(doc.by_label(label).id) for label in ("x1", "x2")}
    History(doc).push(collapse_commands(doc, o.id))
    block = doc.by_label("o")
    assert block.kind == "neuron" and block.params["w"] == [-3.0, 1.0]
    assert block.params["b"] == pytest.approx(6.8813735870195432)
    assert ev.value(block.id) == pytest.approx(want, rel=1e-15)
    for label, g in grads.items():
        assert ev.grad(doc.by_label(label).id) == pytest.approx(g, abs=1e-12)
    assert ev.param_grads(block.id)["w"] == pytest.approx([1.0, 0.0], abs=1e-12)


def test_collapse_refuses_what_is_not_a_neuron():
    doc = io.load("resources/examples/L.json")
    with pytest.raises(ValueError, match="does not fit the neuron pattern"):
        collapse_commands(doc, doc.by_label("L").id)
