"""Value graph -> circuit: same structure, labels, data and gradients as the Value engine's backward."""

import pytest

from engine import Value
from engine.circuit.evaluate import Evaluator
from engine.circuit.from_value import FromValueError, circuit_from_value


def run(doc):
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors, ev.errors
    return ({n.label: float(ev.value(n.id)) for n in doc.nodes()},
            {n.label: float(ev.grad(n.id)) for n in doc.nodes()})


def lecture_neuron():
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    x1w1 = x1 * w1
    x1w1.label = "x1*w1"
    x2w2 = x2 * w2
    x2w2.label = "x2*w2"
    s = x1w1 + x2w2
    s.label = "x1*w1 + x2*w2"
    n = s + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    return o, [x1, x2, w1, w2, b, x1w1, x2w2, s, n, o]


def test_neuron_round_trip_matches_backward():
    o, values = lecture_neuron()
    doc = circuit_from_value(o, weights={"w1", "w2", "b"})
    o.backward()
    data, grad = run(doc)
    assert set(data) == {v.label for v in values}
    for v in values:
        assert data[v.label] == v.data and grad[v.label] == pytest.approx(v.grad, abs=1e-12)
    assert {n.label for n in doc.nodes() if n.kind == "weight"} == {"w1", "w2", "b"}
    assert doc.by_label("o").op == "tanh" and doc.outputs()[0].label == "o"


def test_port_order_and_params_are_kept():
    a, b = Value(2.0, label="a"), Value(5.0, label="b")
    y = (a - b) / (a ** 3) + b ** a
    y.label = "y"
    doc = circuit_from_value(y)
    y.backward()
    data, grad = run(doc)
    assert data["y"] == pytest.approx(y.data)
    assert grad["a"] == pytest.approx(a.grad) and grad["b"] == pytest.approx(b.grad)
    cube = [n for n in doc.nodes() if n.op == "powk"]
    assert len(cube) == 1 and cube[0].params == {"k": 3.0}
    sub = [n for n in doc.nodes() if n.op == "sub"][0]
    assert doc.inputs_of(sub.id) == {"a": doc.by_label("a").id, "b": doc.by_label("b").id}


def test_a_plus_a_keeps_two_wires():
    a = Value(3.0, label="a")
    b = a + a
    b.label = "b"
    doc = circuit_from_value(b)
    assert len(doc.edges()) == 2
    assert run(doc)[1]["a"] == 2.0


def test_unlabelled_and_duplicate_labels_get_unique_names():
    x = Value(1.5, label="x")
    y = Value(-0.5, label="x")  # the same label twice
    w = Value(0.25)  # unlabelled, marked as a weight by identity
    z = (x * w + y * 2.0).relu()
    doc = circuit_from_value(z, weights=[w])
    labels = [n.label for n in doc.nodes()]
    assert len(labels) == len(set(labels))
    assert {"x", "x_2", "v1", "v2"} <= set(labels) and "relu" in labels
    assert [n.kind for n in doc.nodes() if n.value == 0.25] == ["weight"]
    z.backward()
    data, grad = run(doc)
    assert data["relu"] == z.data and grad["x"] == x.grad and grad["x_2"] == y.grad


def test_leaf_root_and_refusals():
    doc = circuit_from_value(Value(4.0, label="k"))
    assert [n.kind for n in doc.outputs()] == ["output"] and run(doc)[1]["k"] == 1.0
    a = Value(1.0, label="a")
    fake = Value(2.0, (a,), "+")  # built by hand: parents but no registered op
    with pytest.raises(FromValueError, match="no registered op"):
        circuit_from_value(fake)
    with pytest.raises(FromValueError, match="engine.Value"):
        circuit_from_value(3.0)


def test_deep_chain_needs_no_recursion():
    x = Value(0.001, label="x")
    y = x
    for _ in range(1500):
        y = y + 0.001
    doc = circuit_from_value(y)
    assert len(doc.nodes()) == 1 + 2 * 1500


def test_micrograd_values_convert_too():
    micrograd = pytest.importorskip("micrograd.engine")
    a, b = micrograd.Value(2.0), micrograd.Value(-3.0)
    y = (a * b + a ** 2 + (a + a)).relu() - b / a  # a + a: micrograd keeps one parent in its set
    y.backward()
    doc = circuit_from_value(y, weights=[a])
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors
    leaf = {n.value: n for n in doc.nodes() if n.is_leaf}
    assert leaf[2.0].kind == "weight" and leaf[-3.0].kind == "input"
    root = doc.outputs()[0].id
    assert ev.value(root) == pytest.approx(y.data, rel=1e-12)
    assert ev.grad(leaf[2.0].id) == pytest.approx(a.grad, rel=1e-12)
    assert ev.grad(leaf[-3.0].id) == pytest.approx(b.grad, rel=1e-12)
