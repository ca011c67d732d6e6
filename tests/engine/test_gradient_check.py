"""The gradient check (engine.gradcheck.derivative and engine.circuit.gradient_check): a correct gradient
is never flagged, a wrong one always is. Oracles: closed-form derivatives, the seed notebook's
sin(exp(x^3)) at 2 (-32757.521776103014), and throwaway ops with deliberately broken backward rules."""

import contextlib
import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from engine import ops
from engine.circuit.document import Circuit
from engine.circuit.evaluate import Evaluator
from engine.circuit.gradient_check import check_gradients
from engine.expr import circuit_from_expression
from engine.gradcheck import MISMATCH, OK, derivative, verdict
from tests.engine.circuit_strategies import SCALAR_OPS, op_params

SEED_GRAD = -32757.521776103014  # the seed notebook's y.backward() for sin(exp(x^3)) at x = 2


def sin_exp_cube(x):
    return math.sin(math.exp(x**3))


def test_derivative_of_the_seed_function_is_accurate_where_a_fixed_step_is_not():
    estimate, error = derivative(sin_exp_cube, 2.0)
    assert estimate == pytest.approx(SEED_GRAD, rel=1e-9)
    assert error < 1e-6 * abs(SEED_GRAD)
    fixed = (sin_exp_cube(2 + 1e-6) - sin_exp_cube(2 - 1e-6)) / 2e-6  # the old check's estimate: -32750.5
    assert abs(fixed - SEED_GRAD) > 5 and verdict(SEED_GRAD, fixed, 0.0) == MISMATCH


@pytest.mark.parametrize("f, x0, want", [
    (lambda x: 3 * x**2 - 4 * x + 5, 3.0, 14.0),  # the lecture's f(x): slope 14 at 3
    (math.exp, 1.0, math.e),
    (math.tanh, 0.8813735870195432, 0.5),  # the neuron's tanh at n: 1 - 0.7071^2
    (math.log, 1e-5, 1e5),  # near the edge of the domain: the first, wide steps give NaN
    (lambda x: 1e8 * x**3, 1e-3, 300.0),
    (lambda x: 2.5 * x - 1, 7.0, 2.5),
])
def test_derivative_matches_closed_forms(f, x0, want):
    estimate, error = derivative(f, x0)
    assert estimate == pytest.approx(want, rel=1e-9)
    assert verdict(want, estimate, error) == OK
    assert verdict(want * (1 + 1e-4), estimate, error) == MISMATCH


def test_one_sided_derivatives_at_a_kink():
    assert derivative(abs, 0.0, side=1)[0] == 1.0 and derivative(abs, 0.0, side=-1)[0] == -1.0
    assert derivative(abs, 0.0)[0] == 0.0  # the central estimate is the mean of the two slopes


def test_sin_exp_cube_circuit_passes_the_check():
    doc = circuit_from_expression("y = sin(exp(x**3))", values={"x": 2.0})
    check = check_gradients(Evaluator(doc))
    (row,) = check.rows
    assert row.label == "x" and row.analytic == pytest.approx(SEED_GRAD, rel=1e-12)
    assert row.numeric == pytest.approx(SEED_GRAD, rel=1e-9) and row.verdict == OK and check.mismatches == 0


@contextlib.contextmanager
def broken_square(factor: float):
    """x^2 registered with a backward rule that is `factor` times the true 2x (1.0: correct)."""
    op = ops.define("badsq", "x", lambda m, x: x * x, lambda m, g, out, x: (g * 2.0 * factor * x,),
                    "badsq", "function", "d/dx x^2 = 2x", ("2x",), "x squared, with a rule to test the check.")
    try:
        yield op
    finally:
        ops.unregister("badsq")


@pytest.mark.parametrize("factor, want", [(1.0, OK), (1.01, MISMATCH), (0.9999, MISMATCH), (-1.0, MISMATCH)])
def test_a_broken_backward_rule_is_flagged(factor, want):
    with broken_square(factor):
        doc = circuit_from_expression("y = sin(badsq(x)) * w", values={"x": 1.3, "w": 0.7})
        rows = {r.label: r for r in check_gradients(Evaluator(doc)).rows}
    assert rows["x"].verdict == want
    assert rows["x"].numeric == pytest.approx(2 * 1.3 * math.cos(1.3**2) * 0.7, rel=1e-9)
    assert rows["w"].verdict == OK  # the rule does not touch w's path


def test_a_kink_is_named_not_flagged():
    doc = circuit_from_expression("y = relu(x) * 3", values={"x": 0.0})
    (x,) = [r for r in check_gradients(Evaluator(doc)).rows if r.label == "x"]
    assert x.verdict == OK and x.kink and x.analytic == x.numeric == 0.0  # backward takes the left slope


def test_layers_are_checked_on_a_few_samples():
    from engine.circuit import io
    from tests.conftest import EXAMPLES

    ev = Evaluator(io.load(EXAMPLES / "moons.json"))
    check = check_gradients(ev)
    layers = [r for r in check.rows if r.key]
    assert check.samples == 8 and {r.label for r in layers} >= {"layer1.W", "layer2.W", "layer3.b"}
    assert all(r.ok for r in check.rows) and layers[0].entries == 20
    assert check.is_current(ev)


values = st.floats(-2.5, 2.5, allow_nan=False).filter(lambda v: abs(v) > 1e-3)


@st.composite
def smooth_circuits(draw):
    """Three leaves and up to six random scalar ops wired to earlier nodes, values in [-2.5, 2.5]."""
    doc = Circuit()
    nodes = [doc.add_node(doc.make_node(kind, label=name, value=draw(values))).id
             for kind, name in (("input", "a"), ("weight", "b"), ("constant", "c"))]
    for k in range(draw(st.integers(1, 6))):
        name = draw(st.sampled_from(SCALAR_OPS))
        node = doc.add_node(doc.make_node("op", name, label=f"n{k}", params=op_params(draw, name)))
        for port in node.input_ports():
            doc.connect(draw(st.sampled_from(nodes)), node.id, port)
        nodes.append(node.id)
    sinks = [n for n in nodes if doc.graph.out_degree(n) == 0]
    out = doc.add_node(doc.make_node("op", "add", label="out")).id if len(sinks) > 1 else None
    if out:  # one root: the sum of two sinks
        doc.connect(sinks[-1], out, "a")
        doc.connect(sinks[-2], out, "b")
        for extra in sinks[:-2]:
            doc.remove_node(extra)
    return doc


@given(smooth_circuits())
def test_correct_gradients_pass_and_wrong_ones_fail(doc):
    ev = Evaluator(doc)
    assume(not ev.compile_error and not ev.errors and not ev.backward_error)
    vals = [ev.value(n.id) for n in doc.nodes()]
    assume(all(np.isfinite(v) and abs(v) < 1e6 for v in vals))
    check = check_gradients(ev)
    assert check.mismatches == 0, [(r.label, r.analytic, r.numeric, r.error) for r in check.rows]
    for r in check.rows:
        if r.ok and not r.kink and abs(r.analytic) > 1e-6:
            assert verdict(r.analytic * (1 + 1e-4), r.numeric, r.error) != OK
            assert verdict(r.analytic * 1.01, r.numeric, r.error) == MISMATCH


def test_vectorized_derivative_gives_the_same_number():
    estimate, error = derivative(lambda x: np.sin(np.exp(x**3)), 2.0, vectorized=True)  # one call, 80 points
    assert estimate == pytest.approx(SEED_GRAD, rel=1e-9) and error < 1e-6 * abs(SEED_GRAD)
