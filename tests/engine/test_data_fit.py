"""Choosing a dataset fits the network to it (engine.circuit.data_fit): no choice leaves a whole-matrix
network unable to run; the labels follow the loss; the new weights are seeded; one undo entry undoes all.
Oracles: a direct numpy forward pass of the fitted MLP, and the datasets' own label sets."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import datasets
from engine.circuit import io
from engine.circuit.commands import History, Macro
from engine.circuit.data import dataset_arrays
from engine.circuit.data_fit import choose
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import Trainer
from engine.circuit.validate import run_problems
from tests.conftest import EXAMPLES

NETWORKS = ["moons", "spiral3", "digits"]  # the examples whose first layer reads the whole data matrix


def chose(example: str, name: str, params=None):
    doc = io.load(EXAMPLES / f"{example}.json")
    history = History(doc)
    before = json.dumps(io.to_dict(doc), sort_keys=True)
    edits, dropped, notes = choose(doc, {"name": name, "params": params or {}})
    history.push(Macro("choose dataset", edits))
    return doc, history, before, notes


def dense(doc, label):
    return doc.by_label(label).params


@pytest.mark.parametrize("example", NETWORKS)
@pytest.mark.parametrize("name", list(datasets.DATASETS))
def test_no_dataset_choice_leaves_a_whole_matrix_network_broken_and_undo_restores_it(example, name):
    doc, history, before, _ = chose(example, name)
    assert run_problems(doc) == []
    X, _ = dataset_arrays(doc.dataset)
    assert np.asarray(dense(doc, "layer1")["W"]).shape[1] == X.shape[1] == dense(doc, "layer1")["nin"]
    ev = Evaluator(doc)
    ev.forward()
    assert np.isfinite(ev.root_value())
    history.undo()
    assert json.dumps(io.to_dict(doc), sort_keys=True) == before


def relu(z):
    return np.maximum(z, 0.0)


def test_the_moons_network_on_the_digits_reads_64_pixels_as_numpy_computes_and_says_hinge_cannot_read_ten():
    doc, _, _, notes = chose("moons", "digits")
    assert ("reads", "layer1", 64) in notes and ("two_classes", "hinge", 10) in notes
    p1, p2, p3 = (dense(doc, f"layer{k}") for k in (1, 2, 3))
    assert np.asarray(p1["W"]).shape == (16, 64) and not np.any(p1["b"])
    limit = np.sqrt(6 / 64)  # He uniform for a ReLU layer of fan-in 64
    assert np.abs(p1["W"]).max() <= limit and np.abs(p1["W"]).max() > 0.9 * limit
    X, y = dataset_arrays(doc.dataset)
    h = relu(relu(X @ np.asarray(p1["W"]).T + p1["b"]) @ np.asarray(p2["W"]).T + p2["b"])
    score = (h @ np.asarray(p3["W"]).T + p3["b"]).ravel()
    want = np.mean(np.maximum(0.0, 1.0 - y * score))  # the hinge the circuit computes, from numpy
    ev = Evaluator(doc)
    ev.forward()
    assert ev.root_value() == pytest.approx(want, rel=1e-12)


def test_the_digits_network_on_the_moons_gets_two_inputs_two_logits_and_0_1_labels_and_learns_them():
    doc, _, _, notes = chose("digits", "moons")
    assert notes == [("reads", "layer1", 2), ("logits", "layer3", 2)]
    assert doc.dataset["params"]["labels"] == "01"
    _, y = dataset_arrays(doc.dataset)
    assert set(np.unique(y)) == {0.0, 1.0}
    assert np.asarray(dense(doc, "layer3")["W"]).shape == (2, 64) and len(dense(doc, "layer3")["b"]) == 2
    doc.set_training({**(doc.training or {}), "test_share": 0.0, "batch_size": 0, "lr": 0.01})
    trainer = Trainer(doc)
    losses = [trainer.step() for _ in range(150)]
    assert losses[-1] < 0.5 * losses[0] and trainer.accuracy[-1] >= 0.85


def test_the_spiral_network_keeps_three_arms_and_on_the_digits_gives_ten_logits():
    doc, _, _, notes = chose("spiral3", "spiral")
    assert notes == [] and doc.dataset["params"]["classes"] == 3  # as many arms as logits
    _, y = dataset_arrays(doc.dataset)
    assert set(np.unique(y)) == {0.0, 1.0, 2.0}
    doc, _, _, notes = chose("spiral3", "digits")
    assert notes == [("reads", "layer1", 64), ("logits", "layer3", 10)]
    assert np.asarray(dense(doc, "layer3")["W"]).shape == (10, 32)


def test_labels_a_loss_cannot_read_are_named_and_the_same_choice_gives_the_same_weights():
    _, _, _, notes = chose("spiral3", "lecture4")  # -1/+1 labels under a cross-entropy
    assert ("labels", "softmax_ce", "-1, 1") in notes
    _, _, _, notes = chose("moons", "seed3x3")  # 0/1 labels under a hinge
    assert ("labels", "hinge", "0, 1") in notes
    a, _, _, _ = chose("moons", "digits")
    b, _, _, _ = chose("moons", "digits")
    np.testing.assert_array_equal(dense(a, "layer1")["W"], dense(b, "layer1")["W"])


def test_a_network_that_already_fits_is_left_alone():
    doc, _, _, notes = chose("moons", "circles")
    assert notes == []
    original = io.load(EXAMPLES / "moons.json")
    np.testing.assert_array_equal(dense(doc, "layer1")["W"], dense(original, "layer1")["W"])
    assert doc.dataset == {"name": "circles", "params": {}}  # (its default labels, -1/+1, are the hinge's)


@pytest.mark.parametrize("name", ["digits", "circles", "lecture4"])
def test_a_network_with_features_fits_the_next_dataset_too(name):
    from engine.circuit.feature_edits import toggle

    doc = io.load(EXAMPLES / "moons.json")
    history = History(doc)
    history.push(toggle(doc, "x1^2"))  # the first layer reads x1, x2, x1²
    assert dense(doc, "layer1")["nin"] == 3
    before = json.dumps(io.to_dict(doc), sort_keys=True)
    edits, dropped, _ = choose(doc, {"name": name, "params": {}})
    history.push(Macro("choose dataset", edits))
    X, _ = dataset_arrays(doc.dataset)
    assert dense(doc, "layer1")["nin"] == X.shape[1] and run_problems(doc) == []
    assert dropped == ([] if name == "circles" else ["x1^2"])
    history.undo()
    assert json.dumps(io.to_dict(doc), sort_keys=True) == before


@settings(max_examples=25, deadline=None)
@given(example=st.sampled_from(NETWORKS),
       moves=st.lists(st.one_of(st.sampled_from(list(datasets.DATASETS)), st.sampled_from(["+x1^2", "+sin x2"])),
                      min_size=1, max_size=5))
def test_any_walk_of_dataset_choices_and_features_keeps_the_network_running_and_undoes_whole(example, moves):
    from engine.circuit.feature_edits import can_add, toggle

    doc = io.load(EXAMPLES / f"{example}.json")
    history = History(doc)
    start = json.dumps(io.to_dict(doc), sort_keys=True)
    for move in moves:
        if move.startswith("+"):
            if can_add(doc) is not None:
                continue  # (the buttons are disabled then)
            history.push(toggle(doc, move[1:]))
        else:
            history.push(Macro("choose dataset", choose(doc, {"name": move, "params": {}})[0]))
        assert run_problems(doc) == [], (move, doc.dataset)
    while history.can_undo():
        history.undo()
    assert json.dumps(io.to_dict(doc), sort_keys=True) == start


def test_wiring_the_digits_into_a_fresh_dense_block_gives_it_64_inputs_and_the_document_saves():
    from engine.circuit.commands import AddNode
    from engine.circuit.data_fit import wire_edits

    doc = io.load(EXAMPLES / "digits.json")
    history = History(doc)
    block = doc.make_node("dense", label="mine", pos=(0, 400))
    history.push(AddNode(block))
    X = doc.by_label("X").id
    values, _ = dataset_arrays(doc.dataset)
    edits = wire_edits(doc, X, block.id, "x", values)
    assert [type(e).__name__ for e in edits] == ["Connect", "SetParams"]
    history.push(Macro("connect", edits))
    assert dense(doc, "mine")["nin"] == 64 and np.asarray(dense(doc, "mine")["W"]).shape == (2, 64)
    assert run_problems(doc) == [] and "mine" in io.dumps(doc)
    history.undo()
    assert doc.inputs_of(block.id) == {} and dense(doc, "mine")["nin"] == 2
    layer2 = doc.by_label("layer2").id  # a source as wide as the block reads: the wire alone
    assert len(wire_edits(doc, doc.by_label("layer1").id, layer2, "x", np.zeros((5, 128)))) == 1
