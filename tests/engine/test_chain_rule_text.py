"""The backward stepper's chain rule in words: ∂ with the root's name, expression labels in parentheses,
gradient × local derivative with the numbers, += with every contribution where a node feeds several.
Oracles: the lecture's numbers (seed 001 / micrograd) and the evaluator's own full backward pass."""

import pytest

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.circuit.stepper import name, partial
from engine.expr import circuit_from_expression
from tests.conftest import EXAMPLES


def steps_of(doc):
    st = Evaluator(doc).stepper()
    st.run_to_end()
    return st.history


def test_names_are_unambiguous():
    assert name("x1") == "x1" and name("3") == "3"
    assert name("x1*w1 + x2*w2") == "(x1*w1 + x2*w2)" and name("a b") == "(a b)"
    assert partial("o", "x1*w1") == "∂o/∂(x1*w1)"


def test_neuron_lines_read_as_the_lecture():
    history = steps_of(io.load(EXAMPLES / "neuron.json"))
    text = "\n".join(line for s in history for line in s.text)
    assert "∂o/∂n = ∂o/∂o × ∂o/∂n = 1.0 × 0.5 = 0.5" in text
    assert "∂o/∂(x1*w1 + x2*w2) = ∂o/∂n × ∂n/∂(x1*w1 + x2*w2) = 0.5 × 1.0 = 0.5" in text
    assert "∂o/∂x1 = ∂o/∂(x1*w1) × ∂(x1*w1)/∂x1 = 0.5 × -3.0 = -1.5" in text
    tanh_step = history[0]
    assert tanh_step.expression == "tanh(n)" and tanh_step.contributions[0].local_text == "1 - o^2"
    x1 = next(c for s in history for c in s.contributions if c.target_label == "x1")
    assert x1.local_text == "w1" and x1.local == -3.0 and not x1.accumulated  # ∂(x1*w1)/∂x1 = w1


@pytest.mark.parametrize("formula, values, target, want_parts", [
    ("b = a + a", {"a": 3.0}, "a", (1.0, 1.0)),  # the lecture's bug case: a feeds b twice
    ("y = a*c + a", {"a": 2.0, "c": -4.0}, "a", None),  # a feeds two different nodes
])
def test_a_node_that_feeds_several_gets_every_contribution_with_plus_equals(formula, values, target, want_parts):
    doc = circuit_from_expression(formula, values=values)
    full = Evaluator(doc)
    history = steps_of(doc)
    contributions = [c for s in history for c in s.contributions if c.target_label == target]
    assert len(contributions) == 2 and all(c.accumulated and c.uses == 2 for c in contributions)
    last = contributions[-1]
    assert last.parts == tuple(c.amount for c in contributions)
    assert last.total == pytest.approx(sum(last.parts)) == pytest.approx(full.grad(doc.by_label(target).id))
    if want_parts:
        assert last.parts == want_parts
    head = f"∂{doc.node(full.root()).label}/∂{target} +="
    lines = [line for s in history for line in s.text if line.startswith(head)]
    assert "(contribution 1 of 2)" in lines[0] and "contribution 2 of 2; total" in lines[1]


def test_large_numbers_keep_their_digits():
    history = steps_of(io.load(EXAMPLES / "sin_exp_cube.json"))
    assert history[-1].text[-1].endswith("= -32757.52")  # the seed's -32757.521776
    assert history[-1].contributions[0].local_text == "3 * x^(3-1)"  # the rule with k filled in
