"""What the evaluator does for a training run: a block's new weights patch the compiled tape (no
recompile) and the result is what a fresh compile gives and what numpy gives; results published inside
coalesced() reach the views once, as the last one."""

import numpy as np
import pytest

from engine.circuit import io
from engine.circuit.compile import compile_circuit
from engine.circuit.data import dataset_arrays
from engine.circuit.evaluate import Evaluator
from engine.circuit.result import forward, load_leaves
from engine.circuit.training import Trainer
from engine.commands import History
from tests.conftest import EXAMPLES


def moons():
    doc = io.load(EXAMPLES / "moons.json")
    return doc, Evaluator(doc)


def mlp_output(doc):
    """The moons MLP's output on every row, by numpy (relu, relu, then the last layer's activation)."""
    X, _ = dataset_arrays(doc.dataset)
    h = X
    for label in ("layer1", "layer2", "layer3"):
        p = doc.by_label(label).params
        z = h @ np.asarray(p["W"]).T + np.asarray(p["b"])
        act = p["activation"]
        h = {"relu": np.maximum(z, 0), "tanh": np.tanh(z), "linear": z, "sigmoid": 1 / (1 + np.exp(-z))}[act]
    return h[:, 0] if h.shape[1] == 1 else h


def test_new_weights_patch_the_tape_and_give_a_fresh_compiles_result():
    doc, ev = moons()
    tape = ev.tape
    layer = doc.by_label("layer2")
    W = np.asarray(layer.params["W"]) * 0.5 + 0.1
    doc.set_params(layer.id, {**layer.params, "W": W})
    assert ev.tape is not tape and ev.tape.slots is tape.slots and ev.tape.ids is tape.ids  # patched, not compiled
    assert [i.params is j.params for i, j in zip(ev.tape.instrs, tape.instrs, strict=True)].count(False) == 1
    fresh = forward(compile_circuit(doc, partial=True), load_leaves(compile_circuit(doc, partial=True), doc.dataset))
    out = doc.by_label("layer3").id
    np.testing.assert_allclose(ev.values[out], fresh.values[out])
    np.testing.assert_allclose(ev.values[out], mlp_output(doc))
    assert ev.grads and not ev.grads_stale  # the backward pass ran on the new weights too
    assert ev.root_value() == pytest.approx(float(np.sum(fresh.values[ev.root()])))


def test_a_changed_port_or_activation_still_gives_the_right_result():
    doc, ev = moons()
    layer = doc.by_label("layer1")
    doc.set_params(layer.id, {**layer.params, "activation": "tanh"})  # the same port: patched
    np.testing.assert_allclose(ev.values[doc.by_label("layer3").id], mlp_output(doc))


def test_results_published_inside_coalesced_reach_the_views_once_as_the_last_one():
    doc, ev = moons()
    heard = []
    ev.events.evaluated.connect(lambda: heard.append(ev.result))
    trainer = Trainer(doc, ev, History(doc))
    with ev.coalesced():
        for _ in range(4):
            trainer.step()
        assert heard == []  # (the trainer still read every step's fresh gradients: see the history below)
    assert len(heard) == 1 and heard[0] is ev.result
    np.testing.assert_allclose(ev.values[doc.by_label("layer3").id], mlp_output(doc))
    losses = trainer.history
    assert len(losses) == 4 and losses[-1] < losses[0]
    with ev.coalesced():  # nothing published: nothing heard
        pass
    assert len(heard) == 1


def test_coalesced_steps_take_the_same_path_as_steps_one_by_one():
    (doc1, ev1), (doc2, ev2) = moons(), moons()
    t1, t2 = Trainer(doc1, ev1, History(doc1)), Trainer(doc2, ev2, History(doc2))
    with ev1.coalesced():
        for _ in range(5):
            t1.step()
    for _ in range(5):
        t2.step()
    assert t1.history == t2.history
    for label in ("layer1", "layer2", "layer3"):
        np.testing.assert_array_equal(doc1.by_label(label).params["W"], doc2.by_label(label).params["W"])
