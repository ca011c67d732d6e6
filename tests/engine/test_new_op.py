"""Adding an op is one registry entry: a throwaway op (tests/engine/throwaway_op.py) works in Value,
Tensor, circuits (the per-node tape and the grouped plan), saved files, the exports and the steppers,
with no other edit. Gradients are checked against central differences and closed forms (numpy)."""

import numpy as np
import pytest

from engine import ops
from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.errors import UnknownOpError
from engine.export import to_dot, to_python, to_torch
from engine.expr import circuit_from_expression
from engine.gradcheck import gradcheck
from engine.tensor import Tensor
from engine.value import Value
from tests.engine import throwaway_op
from tests.engine.dataset_circuits import expression_on_data
from tests.engine.export_harness import parse_dot, record_fields, run_script
from tests.engine.throwaway_op import FAST_CALLS, NAME, dsoftsign, softsign

VALUES = {"x": 0.8, "w": -1.5, "b": 0.4}  # z = w*x + b = -0.8: away from softsign's kink at 0


@pytest.fixture
def op():
    with throwaway_op.registered() as op:
        yield op
    assert NAME not in ops.OPS  # gone again: no other test sees it


def scalar_circuit():
    return circuit_from_expression("z = w*x + b; y = softsign(z)", values=VALUES)


def test_the_op_is_gone_after_the_test(op):
    assert ops.get(NAME) is op
    ops.unregister(NAME)
    with pytest.raises(UnknownOpError):
        ops.get(NAME)
    with pytest.raises(AttributeError):
        Value(1.0).softsign()
    ops.register(op)  # the fixture unregisters it


def test_value_method_and_gradient(op):
    x = Value(-0.7, label="x")
    y = x.softsign()
    assert y.data == pytest.approx(softsign(-0.7), rel=1e-15) and y._op == "softsign"
    y.backward()
    assert x.grad == pytest.approx(dsoftsign(-0.7), rel=1e-14)
    for x0 in (-2.0, -0.3, 0.5, 3.0):
        report = gradcheck(lambda v: (v * 2.0).softsign() * v, [Value(x0)], rtol=1e-6, atol=1e-9)
        assert report.ok, f"softsign at {x0}: {report}"


def test_tensor_method_gradient_and_fast_backward(op):
    rng = np.random.default_rng(3)
    data = rng.uniform(0.3, 2.0, size=(3, 4)) * rng.choice([-1.0, 1.0], size=(3, 4))
    t = Tensor(data)
    out = (t.softsign() * t).sum()
    out.backward()
    np.testing.assert_allclose(t.grad, dsoftsign(data) * data + softsign(data), rtol=1e-12)
    assert FAST_CALLS, "a whole backward pass uses the op's fast rule"
    report = gradcheck(lambda a: a.softsign(), [Tensor(data)], rtol=1e-6, atol=1e-9)
    assert report.ok, str(report)


def test_circuit_tape_on_one_point(op):
    doc = scalar_circuit()
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors and not ev.compile_error
    x, w, b, y = (doc.by_label(n).id for n in ("x", "w", "b", "y"))
    z = VALUES["w"] * VALUES["x"] + VALUES["b"]
    assert ev.value(y) == pytest.approx(softsign(z), rel=1e-15)
    assert ev.grad(w) == pytest.approx(dsoftsign(z) * VALUES["x"], rel=1e-13)
    numeric = ev.numeric_grads()
    for nid in (x, w, b):
        assert ev.grad(nid) == pytest.approx(numeric[nid], rel=1e-6, abs=1e-9)
    assert doc.node(y).input_ports() == ("x",) and doc.node(y).symbol() == "softsign"
    again = io.loads(io.dumps(doc))  # a saved file with the op loads back and runs the same
    ev2 = Evaluator(again)
    ev2.run()
    assert ev2.value(again.by_label("y").id) == pytest.approx(softsign(z), rel=1e-15)


@pytest.mark.parametrize("fast", [True, False], ids=["fast_backward", "backward"])
def test_circuit_grouped_plan_on_a_dataset(fast):
    with throwaway_op.registered(fast):
        grouped_plan_on_a_dataset(fast)


def grouped_plan_on_a_dataset(fast):
    doc = expression_on_data("h = w1*x1 + w2*x2; y = softsign(h) - b", {"w1": 0.7, "w2": -1.3, "b": 0.2},
                             samples=40, seed=2)
    ev = Evaluator(doc)
    assert ev.tape.plan, "a circuit of groupable ops on a dataset gets a grouped plan"
    FAST_CALLS.clear()
    ev.forward()  # runs grouped: op.forward and op.backward (or its fast rule) on (nodes x samples) blocks
    assert bool(FAST_CALLS) == fast, "a grouped pass is a whole pass: it takes the fast rule when there is one"
    X = np.asarray(doc.dataset["X"])
    h = 0.7 * X[:, 0] - 1.3 * X[:, 1]
    y = doc.by_label("y").id
    np.testing.assert_allclose(ev.values[y], softsign(h) - 0.2, rtol=1e-14)
    w1, w2, b = (doc.by_label(n).id for n in ("w1", "w2", "b"))
    assert ev.grads[w1] == pytest.approx(float(np.sum(dsoftsign(h) * X[:, 0])), rel=1e-12)  # root = sum over samples
    assert ev.grads[w2] == pytest.approx(float(np.sum(dsoftsign(h) * X[:, 1])), rel=1e-12)
    assert ev.grads[b] == pytest.approx(-40.0, rel=1e-15)
    numeric = ev.numeric_grads()
    for nid in (w1, w2, b):
        assert ev.grads[nid] == pytest.approx(numeric[nid], rel=1e-6, abs=1e-8)
    per_node = Evaluator(doc)  # the same pass on the per-node tape
    per_node.tape.plan = False
    per_node.forward()
    for n in doc.nodes():
        np.testing.assert_allclose(ev.grads[n.id], per_node.grads[n.id], rtol=1e-12, atol=1e-14)


def test_exports_run_and_print_the_engine_numbers(op, tmp_path):
    doc = scalar_circuit()
    ev = Evaluator(doc)
    ev.run()
    expected = {n.label: (ev.value(n.id), ev.grad(n.id)) for n in doc.nodes()}
    scripts = [to_python(doc)]
    try:
        import torch  # noqa: F401
        scripts.append(to_torch(doc))
    except ImportError:
        pass
    assert "softsign" in scripts[-1]
    for text in scripts:
        code, out = run_script(text, tmp_path)  # in this interpreter, where the op is registered
        assert code is None, out
        rows = {label: (float(d), float(g)) for label, d, g in (line.rsplit("\t", 2) for line in out.splitlines())}
        assert set(rows) == set(expected)
        for label, (data, grad) in expected.items():
            assert rows[label][0] == pytest.approx(data, rel=1e-12), label
            assert rows[label][1] == pytest.approx(grad, rel=1e-9), label
    _, nodes, edges = parse_dot(to_dot(doc, ev))
    y = doc.by_label("y").id
    assert nodes[f"{y}_op"]["label"] == "softsign" and (f"{y}_op", y) in [(a, b) for a, b, _ in edges]
    assert record_fields(nodes[y]["label"])[1] == f"data {expected['y'][0]:.4f}"


def test_steppers_write_the_op_out(op):
    doc = scalar_circuit()
    ev = Evaluator(doc)
    ev.run()
    z = VALUES["w"] * VALUES["x"] + VALUES["b"]
    forward = ev.forward_stepper()
    forward.run_to_end()
    assert forward.history[-1] == f"y = softsign(z) = softsign(-0.8) = {softsign(z):.4g}"
    backward = ev.stepper()
    step = backward.step()  # the root's own step: y = softsign(z)
    assert step.label == "y"
    (c,) = step.contributions
    assert c.target_label == "z" and c.local_text == "1/(1 + |z|)^2"  # the rule in the nodes' names
    assert c.local == pytest.approx(dsoftsign(z), rel=1e-14)
    assert step.text[1] == f"∂y/∂z = ∂y/∂y × ∂y/∂z = 1.0 × {dsoftsign(z):.4g} = {dsoftsign(z):.4g}"
