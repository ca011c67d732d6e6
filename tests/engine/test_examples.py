"""Every file in resources/examples is loaded, run and checked against independently known numbers."""

import json
import math

import numpy as np
import pytest

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from tests.conftest import EXAMPLES
from tests.engine import examples_oracles as oracles

FILES = sorted(p for p in EXAMPLES.glob("*.json") if p.name != "index.json")


def evaluated(path):
    doc = io.load(path)
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors, {doc.node(k).label: v for k, v in ev.errors.items()}
    return doc, ev


def numbers(doc, ev):
    """label -> (data, grad) as floats (arrays must not appear in scalar examples)."""
    return {n.label: (float(ev.value(n.id)), float(ev.grad(n.id))) for n in doc.nodes()}


def test_there_are_examples_and_an_index():
    index = json.loads((EXAMPLES / "index.json").read_text(encoding="utf-8"))
    listed = [e["file"] for e in index["examples"]]
    assert sorted(listed) == sorted(p.name for p in FILES)
    assert index["default"] == "neuron.json" and listed[0] == "neuron.json"
    assert all(e["title"] and e["description"] for e in index["examples"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_example_loads_runs_and_matches_its_oracle(path):
    doc, ev = evaluated(path)
    view = getattr(doc, "view", None) or {}
    assert view.get("title") and view.get("description"), "every example has a title and a description"
    positions = [n.pos for n in doc.nodes()]
    assert len(set(positions)) == len(positions), "laid out: no two nodes on the same spot"
    check = SCALAR.get(path.name) or oracles.DATASET.get(path.name)
    if check is None:
        generic_check(doc, ev)
    elif path.name in SCALAR:
        check(numbers(doc, ev))
    else:
        check(doc, ev)


# ------------------------------------------------------------------ scalar examples: the seeds' numbers
def expect(table, **wanted):
    for label, (data, grad) in wanted.items():
        label = {"x1w1": "x1*w1", "x2w2": "x2*w2"}.get(label, label)
        got_data, got_grad = table[label]
        if data is not None:
            assert got_data == pytest.approx(data, rel=1e-12, abs=1e-12), label
        if grad is not None:
            assert got_grad == pytest.approx(grad, rel=1e-9, abs=1e-12), label


def check_neuron(t):
    assert round(t["o"][0], 4) == 0.7071 and t["o"][0] == pytest.approx(math.sqrt(0.5), abs=1e-12)
    expect(t, x1=(2.0, -1.5), w1=(-3.0, 1.0), x2=(0.0, 0.5), w2=(1.0, 0.0), b=(6.8813735870195432, 0.5),
           n=(None, 0.5), x1w1=(-6.0, 0.5), x2w2=(0.0, 0.5))


SCALAR = {
    "neuron.json": check_neuron,
    "neuron_exp.json": check_neuron,
    "derivative.json": lambda t: expect(t, f=(20.0, 1.0), x=(3.0, 14.0)),
    "d.json": lambda t: expect(t, d=(4.0, 1.0), a=(2.0, -3.0), b=(-3.0, 2.0), c=(10.0, 1.0)),
    "L.json": lambda t: expect(t, L=(-8.0, 1.0), a=(2.0, 6.0), b=(-3.0, -4.0), c=(10.0, -2.0), f=(-2.0, 4.0),
                               e=(-6.0, -2.0), d=(4.0, -2.0)),
    "a_plus_a.json": lambda t: expect(t, a=(3.0, 2.0), b=(6.0, 1.0)),
    "multiply_gate.json": lambda t: expect(t, f=(-6.0, 1.0), x=(-2.0, 3.0), y=(3.0, -2.0)),  # the guide
    "sin_exp_cube.json": lambda t: expect(t, y=(0.40176297151886475, 1.0), x=(2.0, -32757.521776103014)),
}


# ------------------------------------------------------------------ any other example: finite differences
def generic_check(doc, ev, eps=1e-6):
    """A new example without its own oracle: every leaf's gradient against central differences."""
    root = doc.outputs()[0].id
    leaves = [n for n in doc.nodes() if n.kind in ("input", "weight", "constant")]
    assert leaves, "an example without numbers to nudge"
    for leaf in leaves:
        base = leaf.value
        rows = []
        for x in (base + eps, base - eps):
            doc.set_value(leaf.id, x)
            probe = Evaluator(doc)
            probe.run()
            rows.append(float(np.mean(probe.value(root))))
        doc.set_value(leaf.id, base)
        numeric = (rows[0] - rows[1]) / (2 * eps)
        assert float(np.mean(ev.grad(leaf.id))) == pytest.approx(numeric, rel=1e-4, abs=1e-6), leaf.label
