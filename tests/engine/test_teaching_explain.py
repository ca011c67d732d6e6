"""The chain-rule explanation's arithmetic is the gradient: over every path from a node to the output,
the products of the local derivatives it writes add up to the engine's gradient (and to PyTorch's)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.circuit.evaluate import Evaluator
from engine.expr import circuit_from_expression
from engine.teaching.explain import _Hop, _paths, explain_grad, fmt

NAMES = ("a", "b", "c")
TORCH = ("tanh", "exp", "sin")  # torch functions of these names: the oracle


BINARY = {"+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y}


def trees():
    """Expression trees: a name, (op, left, right) or (function, inner); written out by text() and torched()."""
    def grow(inner):
        return st.tuples(st.sampled_from(sorted(BINARY)), inner, inner) | st.tuples(st.sampled_from(sorted(TORCH)),
                                                                                    inner)

    return st.recursive(st.sampled_from(NAMES), grow, max_leaves=6).filter(lambda t: not isinstance(t, str))


def text(t) -> str:
    if isinstance(t, str):
        return t
    if len(t) == 3:
        return f"({text(t[1])} {t[0]} {text(t[2])})"
    return f"{t[0]}({text(t[1])})"


def torched(t, xs):
    if isinstance(t, str):
        return xs[t]
    if len(t) == 3:
        return BINARY[t[0]](torched(t[1], xs), torched(t[2], xs))
    return getattr(pytest.importorskip("torch"), t[0])(torched(t[1], xs))


def names(t) -> set:
    return {t} if isinstance(t, str) else set().union(*(names(x) for x in t[1:]))


@settings(max_examples=80, deadline=None)
@given(trees(), st.lists(st.floats(-1.5, 1.5), min_size=3, max_size=3))
def test_the_paths_of_the_explanation_add_up_to_the_gradient(tree, values):
    torch = pytest.importorskip("torch")  # the oracle, where installed
    used = sorted(names(tree))
    vals = dict(zip(NAMES, values, strict=True))
    doc = circuit_from_expression("y = " + text(tree), {n: vals[n] for n in used}, {n: "input" for n in used})
    ev = Evaluator(doc)
    root = ev.root()
    xs = {n: torch.tensor(vals[n], dtype=torch.float64, requires_grad=True) for n in used}
    torched(tree, xs).backward()
    for name in used:
        nid = doc.by_label(name).id
        paths = _paths(doc, nid, root)
        total = sum(math.prod(_Hop(doc, ev.values, dst, port).local for dst, port in p) for p in paths)
        assert total == pytest.approx(ev.grad(nid), rel=1e-9, abs=1e-12)
        assert total == pytest.approx(xs[name].grad.item(), rel=1e-9, abs=1e-12)
        said = explain_grad(doc, ev.values, nid, root, 1e6, ev.grad(nid))
        assert said["en"].endswith(fmt(ev.grad(nid))) and said["pt_BR"].endswith(fmt(ev.grad(nid)))
        assert f"∂y/∂{name} is not 1000000" in said["en"] and f"∂y/∂{name} não é 1000000" in said["pt_BR"]


def test_a_node_that_does_not_reach_the_output_and_the_output_itself():
    doc = circuit_from_expression("y = a*b", {"a": 2, "b": 3})
    c = doc.add_node(doc.make_node("input", label="c", value=1.0))
    ev = Evaluator(doc)
    root = ev.root()
    assert np.isclose(ev.grad(c.id), 0)
    assert explain_grad(doc, ev.values, c.id, root, 1, 0)["en"] == "∂y/∂c is not 1: c does not reach y, so it is 0"
    said = explain_grad(doc, ev.values, root, root, 2, 1)
    assert said["pt_BR"] == "∂y/∂y não é 2: y é a saída, e ∂y/∂y = 1 por definição"
