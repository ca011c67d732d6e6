"""The evaluation contract (engine.circuit.result): pure passes returning frozen Results."""

import dataclasses

import numpy as np
import pytest

from engine.circuit import io, result
from engine.circuit.evaluate import Evaluator
from engine.circuit.gradient_check import check_gradients
from tests.conftest import EXAMPLES


def test_forward_backward_match_the_evaluator_and_leave_their_argument_alone():
    doc = io.load(EXAMPLES / "neuron.json")
    ev = Evaluator(doc)
    tape = ev.ensure_compiled()
    values = result.forward(tape, ev.leaves())
    assert values.grads is None and values.grads_stale
    full = result.backward(values, tape.slots[ev.root()])
    assert values.grads is None  # backward returned a new Result
    for nid in tape.ids:
        assert full.values[nid] == pytest.approx(ev.values[nid])
        assert full.grads[nid] == pytest.approx(ev.grads[nid])
    numeric = ev.numeric_grads()  # the oracle: central differences
    for nid, g in numeric.items():
        assert full.grads[nid] == pytest.approx(g, abs=1e-5)


def test_results_refuse_writes():
    doc = io.load(EXAMPLES / "moons.json")
    res = Evaluator(doc).result
    nid = next(iter(res.values))
    with pytest.raises(TypeError):
        res.values[nid] = 0.0
    with pytest.raises(TypeError):
        res.errors["x"] = "boom"
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.values = {}
    arrays = [v for v in res.values.values() if isinstance(v, np.ndarray)]
    assert arrays
    for a in arrays:
        with pytest.raises(ValueError):
            a[...] = 0.0
    grads = [g for g in res.grads.values() if isinstance(g, np.ndarray)]
    assert grads
    for g in grads:
        with pytest.raises(ValueError):
            g[...] = 0.0


def test_a_slider_move_publishes_a_new_result_and_keeps_the_old_one():
    doc = io.load(EXAMPLES / "neuron.json")
    ev = Evaluator(doc)
    old = ev.result
    seen = []
    ev.events.evaluated.connect(lambda: seen.append(ev.result))
    leaf = next(iter(ev.tape.leaves))
    before = {nid: old.values[nid] for nid in old.values}
    doc.set_value(leaf, doc.node(leaf).value + 0.5)
    assert seen and seen[-1] is ev.result is not old
    assert {nid: old.values[nid] for nid in old.values} == before  # the old Result did not change
    fresh = Evaluator(doc)
    for nid in fresh.values:
        assert ev.values[nid] == pytest.approx(fresh.values[nid])
        assert ev.grads[nid] == pytest.approx(fresh.grads[nid])


def test_the_gradient_check_leaves_the_cached_tape_alone():
    doc = io.load(EXAMPLES / "moons.json")
    ev = Evaluator(doc)
    tape = ev.ensure_compiled()
    params = [(ins, ins.params) for ins in tape.instrs]
    res = ev.result
    check = check_gradients(ev)
    assert [r for r in check.rows if r.key] and all(r.ok for r in check.rows)
    assert all(ins.params is p for ins, p in params) and ev.tape is tape and ev.result is res
