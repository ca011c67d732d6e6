"""Grouped whole passes (engine.circuit.vectorized) against the per-node tape they replace."""

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Value
from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.circuit.from_value import circuit_from_value
from engine.nn import MLP
from tests.conftest import EXAMPLES
from tests.engine.dataset_circuits import as_data_columns, expression_on_data


def scalar_mlp_circuit(sizes=(2, [4, 4, 1]), samples=30, seed=5):
    """A Value MLP as a scalar circuit whose inputs and target are data columns (hinge per sample)."""
    random.seed(seed)
    model = MLP(sizes[0], sizes[1])
    xs = [Value(0.0, label=f"x{i + 1}") for i in range(sizes[0])]
    y = Value(1.0, label="y")
    loss = (1 + -y * model(xs)).relu()
    doc = circuit_from_value(loss, weights=set(model.parameters()))
    targets = np.sign(np.random.default_rng(seed + 1).normal(size=samples))
    as_data_columns(doc, [f"x{i + 1}" for i in range(sizes[0])], samples, seed, y=targets)
    node = doc.by_label("y")
    node.kind, node.params = "data", {"column": "y"}
    return doc


def per_node(doc):
    """Values and gradients from the per-node tape only (the plan switched off)."""
    ev = Evaluator(doc)
    ev.tape.plan = False
    ev.forward()
    return ev


@pytest.mark.parametrize("sizes", [(2, [4, 4, 1]), (3, [5, 1]), (2, [16, 16, 1])])
def test_grouped_passes_equal_the_per_node_tape(sizes):
    doc = scalar_mlp_circuit(sizes)
    ev = Evaluator(doc)
    assert ev.tape.plan, "a scalar circuit on a dataset gets a plan after its first pass"
    ev.forward()  # this one runs grouped
    ref = per_node(doc)
    for n in doc.nodes():
        np.testing.assert_allclose(ev.values[n.id], ref.values[n.id], rtol=1e-13, atol=0)
        np.testing.assert_allclose(ev.grads[n.id], ref.grads[n.id], rtol=1e-11, atol=1e-14)
    weights = [n for n in doc.nodes() if n.kind == "weight"]
    assert all(isinstance(ev.grads[w.id], float) for w in weights)  # a weight's gradient is summed over samples
    numeric = ev.numeric_grads()
    for w in [w for w in weights if w.value != 0.0][:6]:  # (zero biases can sit on relu's kink)
        assert ev.grads[w.id] == pytest.approx(numeric[w.id], rel=1e-5, abs=1e-8)


def test_after_a_grouped_pass_edits_steps_and_training_still_agree():
    doc = scalar_mlp_circuit()
    ev = Evaluator(doc)
    ev.forward()
    w = next(n for n in doc.nodes() if n.kind == "weight")
    doc.set_value(w.id, 0.25)  # an incremental update re-runs a few nodes on the per-node tape
    ref = per_node(doc)
    root = ev.root()
    np.testing.assert_allclose(ev.values[root], ref.values[root], rtol=1e-13)
    np.testing.assert_allclose(ev.grads[w.id], ref.grads[w.id], rtol=1e-11)
    ev.forward()
    st = ev.stepper()  # the stepper walks the per-node tape from the grouped values
    st.run_to_end()
    for n in doc.nodes():
        np.testing.assert_allclose(ev.grads[n.id], ref.grads[n.id], rtol=1e-11, atol=1e-14)


def test_an_overflow_in_a_grouped_pass_is_named():
    doc = scalar_mlp_circuit((2, [3, 1]))
    ev = Evaluator(doc)
    for w in [n for n in doc.nodes() if n.kind == "weight"]:
        doc.set_value(w.id, 1e200)  # the second layer multiplies 1e200 by about 1e200: inf
    ev.forward()
    assert ev.tape.plan and ev.errors
    ref = per_node(doc)
    assert set(ev.errors) == set(ref.errors)


@pytest.mark.parametrize("name", ["moons.json", "mlp_lecture.json", "neuron.json", "L.json"])
def test_circuits_with_blocks_losses_or_no_dataset_have_no_plan(name):
    ev = Evaluator(io.load(EXAMPLES / name))
    ev.forward()
    assert ev.tape.plan is False


def test_sub_neg_and_row_times_row_group_correctly():
    doc = expression_on_data("L = relu(a*x1 - b*x2) + x1*x2 - c + -(x2*a)", {"a": 0.7, "b": -1.2, "c": 0.3},
                             samples=25, seed=11)
    ev = Evaluator(doc)
    assert ev.tape.plan
    ev.forward()
    ref = per_node(doc)
    numeric = ev.numeric_grads()
    for n in doc.nodes():
        np.testing.assert_allclose(ev.values[n.id], ref.values[n.id], rtol=1e-13)
        np.testing.assert_allclose(ev.grads[n.id], ref.grads[n.id], rtol=1e-12, atol=1e-14)
    for label in ("a", "b", "c"):
        assert ev.grads[doc.by_label(label).id] == pytest.approx(numeric[doc.by_label(label).id], rel=1e-6)


@st.composite
def groupable_circuits(draw):
    """Random DAGs of add/sub/mul/neg/relu over two data columns, weights and a constant, with an output."""
    from engine.circuit.document import Circuit

    doc = Circuit()
    pool = [doc.add_node(doc.make_node("input", label=name, value=0.0)).id for name in ("x1", "x2")]
    for i in range(draw(st.integers(1, 3))):
        pool.append(doc.add_node(doc.make_node("weight", label=f"w{i}", value=draw(st.floats(-2, 2)))).id)
    pool.append(doc.add_node(doc.make_node("constant", label="c", value=draw(st.floats(-2, 2)))).id)
    rows = pool[:2]  # nodes holding one number per sample; every op takes at least one of them
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["add", "sub", "mul", "neg", "relu"]))
        node = doc.add_node(doc.make_node("op", op))
        sources = [draw(st.sampled_from(rows))] + [draw(st.sampled_from(pool)) for _ in node.input_ports()[1:]]
        if draw(st.booleans()):
            sources.reverse()
        for port, src in zip(node.input_ports(), sources, strict=True):
            doc.connect(src, node.id, port)
        pool.append(node.id)
        rows.append(node.id)
    out = doc.add_node(doc.make_node("output", label=doc.unique_label("out")))
    doc.connect(pool[-1], out.id, "x")
    return as_data_columns(doc, ["x1", "x2"], samples=draw(st.integers(1, 20)), seed=draw(st.integers(0, 99)))


@settings(max_examples=60, deadline=None)
@given(groupable_circuits())
def test_random_groupable_circuits_agree_with_the_per_node_tape(doc):
    ev = Evaluator(doc)
    assert ev.tape.plan  # every op reads a per-sample row, so the whole circuit groups
    ev.forward()
    ref = per_node(doc)
    for n in doc.nodes():
        np.testing.assert_allclose(ev.values[n.id], ref.values[n.id], rtol=1e-12, atol=1e-300)
        np.testing.assert_allclose(ev.grads[n.id], ref.grads[n.id], rtol=1e-9, atol=1e-12)
    assert set(ev.errors) == set(ref.errors)
