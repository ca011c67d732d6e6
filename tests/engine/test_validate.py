"""validate(): what the editor allows but evaluation cannot use, with the node concerned."""

from __future__ import annotations

from engine.circuit.document import Circuit
from engine.circuit.validate import Problem, errors, validate


def messages(doc):
    return [(p.severity, p.message) for p in validate(doc)]


def test_a_complete_circuit_has_no_problems():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    b = doc.add_node(doc.make_node("weight", label="b"))
    m = doc.add_node(doc.make_node("op", "mul", label="m"))
    doc.connect(a.id, m.id, "a")
    doc.connect(b.id, m.id, "b")
    assert validate(doc) == []


def test_unwired_port_is_an_error_on_that_node():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    m = doc.add_node(doc.make_node("op", "mul"))
    doc.connect(a.id, m.id, "a")
    assert validate(doc) == [Problem("error", m.id, "'mul' port b has no wire")]
    assert str(validate(doc)[0]) == "error: 'mul' port b has no wire"


def test_empty_and_rootless_documents():
    assert messages(Circuit()) == [("warning", "the circuit is empty")]
    doc = Circuit()
    doc.add_node(doc.make_node("input", label="x"))
    assert messages(doc)[0][0] == "error" and "no output" in messages(doc)[0][1]


def test_islands_are_warnings_naming_their_labels():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    t = doc.add_node(doc.make_node("op", "tanh", label="t"))
    out = doc.add_node(doc.make_node("output", label="L"))
    doc.connect(a.id, t.id, "x")
    doc.connect(t.id, out.id, "x")
    lone = doc.add_node(doc.make_node("weight", label="w"))
    x = doc.add_node(doc.make_node("input", label="x"))
    n = doc.add_node(doc.make_node("op", "neg", label="n"))
    doc.connect(x.id, n.id, "x")
    found = validate(doc)
    assert [(p.severity, p.node_id, p.message) for p in found] == [
        ("warning", lone.id, "node 'w' not connected to the rest of the circuit"),
        ("warning", x.id, "nodes 'x', 'n' not connected to the rest of the circuit"),
    ]
    assert errors(found) == []


def test_several_sinks_without_output_node_warn():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    for op in ("neg", "tanh"):
        doc.connect(a.id, doc.add_node(doc.make_node("op", op)).id, "x")
    assert messages(doc) == [("warning", "several results nothing uses ('neg', 'tanh'); "
                                         "add an output node to choose the root")]


def test_data_node_needs_a_dataset():
    doc = Circuit()
    x = doc.add_node(doc.make_node("data", label="x1"))
    t = doc.add_node(doc.make_node("op", "tanh"))
    doc.connect(x.id, t.id, "x")
    assert messages(doc) == [("error", "data node 'x1' reads column 'x1' but the circuit has no dataset")]
    doc.set_dataset({"name": "moons"})
    assert [m for m in messages(doc) if "dataset" in m[1] and "no dataset" in m[1]] == []


def test_inconsistent_block_params():
    doc = Circuit()
    n = doc.add_node(doc.make_node("neuron", label="nrn", params={"n": 3, "w": [1.0, 2.0]}))
    d = doc.add_node(doc.make_node("dense", label="dns", params={"nin": 3, "nout": 2}))
    found = {(p.node_id, p.message) for p in errors(validate(doc))}
    assert (n.id, "neuron 'nrn': w must hold n = 3 numbers, got 2 values") in found
    assert (d.id, "dense 'dns': W must be nout x nin = 2 x 3, got 2 x 2") in found
    doc.node(d.id).params.update({"W": [[0.0] * 3, [0.0] * 3], "b": [0.0, 0.0]})
    doc.node(n.id).params["w"] = [1.0, 2.0, 3.0]
    assert not [p for p in validate(doc) if "must" in p.message]
