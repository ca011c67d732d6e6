"""Exporters: the generated scripts run standalone and print the app's numbers; the DOT text is well formed."""

import subprocess
import sys

import pytest

from engine import Value
from engine.circuit.evaluate import Evaluator
from engine.circuit.from_value import circuit_from_value
from engine.export import ExportError, to_dot, to_python, to_torch
from engine.expr import circuit_from_expression
from tests.engine.export_harness import parse_dot, record_fields

FORMULAS = {
    "L": ("e = a*b; d = e + c; L = d*f", {"a": 2, "b": -3, "c": 10, "f": -2}),
    "neuron": ("n = x1*w1 + x2*w2 + b; o = tanh(n)", {"x1": 2, "x2": 0, "w1": -3, "w2": 1, "b": 6.8813735870195432}),
    "sin_exp": ("c = x**3; e = exp(c); y = sin(e)", {"x": 2}),
    "a_plus_a": ("a = 3; b = a + a", {}),
    "zoo": ("p = max(a, b) / (abs(c) + 1) - relu(a) * sigmoid(b)\nq = log(square(a) + 1) ** 0.5 + a ** b - cos(-c)\n"
            "y = p * q", {"a": 1.5, "b": 0.75, "c": -2.0}),
    "leaf_root": ("x", {"x": 4.0}),
    "two_sinks": ("p = a*b; q = a + b", {"a": 2.0, "b": 5.0}),
}


def circuits():
    yield from ((name, circuit_from_expression(text, values=vals)) for name, (text, vals) in FORMULAS.items())
    x1, w1 = Value(2.0, label="x1"), Value(-3.0, label="w1")
    s = x1 * w1
    s.label = "x1*w1"  # a label that is not an identifier
    o = (s + 1.0).tanh()
    o.label = "o"
    yield "from_value", circuit_from_value(o, weights=[w1])


def app_numbers(doc):
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors
    return {n.label: (float(ev.value(n.id)), float(ev.grad(n.id))) for n in doc.nodes()}


def run_script(tmp_path, text):
    path = tmp_path / "exported.py"
    path.write_text(text)
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = {}
    for line in done.stdout.splitlines():
        label, data, grad = line.rsplit("\t", 2)
        rows[label] = (float(data), float(grad))
    return rows


@pytest.mark.parametrize("name, doc", list(circuits()), ids=[n for n, _ in circuits()])
def test_python_script_prints_the_app_numbers(tmp_path, name, doc):
    expected = app_numbers(doc)
    got = run_script(tmp_path, to_python(doc))
    assert set(got) == set(expected)
    for label, (data, grad) in expected.items():
        assert got[label][0] == pytest.approx(data, rel=1e-12, abs=1e-12), label
        assert got[label][1] == pytest.approx(grad, rel=1e-9, abs=1e-12), label


@pytest.mark.parametrize("name, doc", list(circuits()), ids=[n for n, _ in circuits()])
def test_torch_script_prints_the_app_numbers(tmp_path, name, doc):
    pytest.importorskip("torch")
    expected = app_numbers(doc)
    got = run_script(tmp_path, to_torch(doc))
    assert set(got) == set(expected)
    for label, (data, grad) in expected.items():
        assert got[label][0] == pytest.approx(data, rel=1e-12, abs=1e-12), label
        assert got[label][1] == pytest.approx(grad, rel=1e-9, abs=1e-12), label


def test_lecture_numbers_in_the_python_script(tmp_path):
    text, vals = FORMULAS["L"]
    got = run_script(tmp_path, to_python(circuit_from_expression(text, values=vals)))
    assert got == {"a": (2.0, 6.0), "b": (-3.0, -4.0), "c": (10.0, -2.0), "f": (-2.0, 4.0),
                   "e": (-6.0, -2.0), "d": (4.0, -2.0), "L": (-8.0, 1.0)}


def check_dot(text):
    """DOT read back with a Graphviz-style lexer: every edge endpoint declared, records of three fields."""
    _, nodes, edges = parse_dot(text)
    assert edges and all(a in nodes and b in nodes for a, b, _ in edges)
    for attrs in nodes.values():
        if attrs.get("shape") == "record":
            assert len(record_fields(attrs["label"])) == 3
    return set(nodes), [(a, b) for a, b, _ in edges]


def test_dot_is_draw_dot_style():
    text, vals = FORMULAS["L"]
    doc = circuit_from_expression(text, values=vals)
    dot = to_dot(doc)
    declared, edges = check_dot(dot)
    assert "rankdir=LR" in dot
    a = doc.by_label("a").id
    assert 'label="{ a | data 2.0000 | grad 6.0000 }"' in dot
    assert 'label="{ L | data -8.0000 | grad 1.0000 }"' in dot
    e = doc.by_label("e").id
    assert (a, f"{e}_op") in edges and (f"{e}_op", e) in edges
    assert len(declared) == 7 + 3  # 7 value records + 3 op nodes


def test_dot_escapes_awkward_labels_and_uses_a_given_evaluator():
    doc = circuit_from_expression("y = a * b", values={"a": 2, "b": 3})
    a = doc.by_label("a").id
    doc.set_label(a, 'a{|}"<x>\\')
    ev = Evaluator(doc)
    ev.run()
    check_dot(to_dot(doc, ev))
    _, nodes, _ = parse_dot(to_dot(doc, ev))
    assert record_fields(nodes[a]["label"]) == ['a{|}"<x>\\', "data 2.0000", "grad 3.0000"]
    assert "grad 3.0000" in to_dot(doc, ev)


def test_scripts_refuse_dataset_circuits_clearly():
    doc = circuit_from_expression("y = a * b")
    doc.add_node(doc.make_node("data", label="x1"))
    for export in (to_python, to_torch):
        with pytest.raises(ExportError, match="dataset"):
            export(doc)
    doc = circuit_from_expression("y = a * b")
    doc.disconnect(doc.by_label("y").id, "b")
    with pytest.raises(ExportError, match="unwired"):
        to_python(doc)
