"""Mini-batches and the held-out split (engine.circuit.batches, engine.circuit.minibatch): the steps
against a numpy MLP over the same seeded batches, the split against its contract, the test accuracy
against a direct numpy computation, undo, the schema, and the lecture's nudge left alone."""

import json

import numpy as np
import pytest

from engine import datasets
from engine.circuit import io
from engine.circuit.batches import Batches, split
from engine.circuit.commands import History
from engine.circuit.evaluate import Evaluator
from engine.circuit.minibatch import DataFeed
from engine.circuit.training import Trainer
from engine.expr import circuit_from_expression
from tests.conftest import EXAMPLES


def digits(**training):
    doc = io.load(EXAMPLES / "digits.json")
    doc.training = {**doc.training, **training}
    return doc


def numpy_mlp(doc):
    """The digits circuit's layers as numpy arrays [(W, b), ...] (copies)."""
    return [(np.array(n.params["W"]), np.array(n.params["b"])) for n in doc.nodes() if n.kind == "dense"]


def forward(layers, X):
    hs = [X]
    for i, (W, b) in enumerate(layers):
        z = hs[-1] @ W.T + b
        hs.append(np.maximum(z, 0.0) if i < len(layers) - 1 else z)
    return hs


def loss_and_grads(layers, X, y):
    """Mean softmax cross-entropy and its gradients by hand."""
    hs = forward(layers, X)
    z = hs[-1] - hs[-1].max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    n = len(X)
    loss = -np.mean(np.log(p[np.arange(n), y.astype(int)]))
    g = p.copy()
    g[np.arange(n), y.astype(int)] -= 1.0
    g /= n
    grads = []
    for i in range(len(layers) - 1, -1, -1):
        W, _ = layers[i]
        grads.append((g.T @ hs[i], g.sum(axis=0)))
        g = (g @ W) * (hs[i] > 0)
    return loss, grads[::-1]


@pytest.mark.parametrize("optimizer, momentum", [("sgd", 0.0), ("momentum", 0.9)])
def test_mini_batch_steps_equal_a_numpy_loop_over_the_same_seeded_batches(optimizer, momentum):
    doc = digits(optimizer=optimizer, lr=0.05, momentum=momentum, batch_size=128, test_share=0.2, seed=7)
    layers = numpy_mlp(doc)
    X, y = datasets.digits()
    # the contract written out: 20 % held out by a permutation seeded (seed, rows); the rest shuffled per
    # epoch by (seed, epoch) and cut into batches of 128, the last one of an epoch smaller
    held = np.random.default_rng([7, len(X)]).permutation(len(X))[:round(0.2 * len(X))]
    train = np.setdiff1d(np.arange(len(X)), held)
    batches = []
    for epoch in range(2):
        order = np.random.default_rng([7, epoch]).permutation(train)
        batches += [order[k:k + 128] for k in range(0, len(order), 128)]
    assert len(batches[11]) == len(train) - 11 * 128  # 1437 rows: 11 full batches and one of 29
    trainer = Trainer(doc, Evaluator(doc))
    velocity = [(0.0, 0.0)] * len(layers)
    expected = []
    for rows in batches[:14]:  # across the epoch's end
        loss, grads = loss_and_grads(layers, X[rows], y[rows])
        expected.append(loss)
        new = []
        for (W, b), (gW, gb), (vW, vb) in zip(layers, grads, velocity, strict=True):
            vW, vb = (momentum * vW + gW, momentum * vb + gb) if momentum else (gW, gb)
            new.append(((W - 0.05 * vW, b - 0.05 * vb), (vW, vb)))
        layers, velocity = [n[0] for n in new], [n[1] for n in new]
        trainer.step()
    assert trainer.history == pytest.approx(expected, rel=1e-9)
    for (W, b), (W2, b2) in zip(numpy_mlp(doc), layers, strict=True):
        np.testing.assert_allclose(W, W2, rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(b, b2, rtol=1e-9, atol=1e-12)


def test_the_split_is_disjoint_seeded_and_stable_across_save_and_load():
    train, test = split(1797, 0.2, seed=3)
    assert len(test) == 359 and len(train) == 1438
    assert not set(train) & set(test) and sorted({*train, *test}) == list(range(1797))
    again, other = split(1797, 0.2, seed=3), split(1797, 0.2, seed=4)
    assert np.array_equal(again[1], test) and not np.array_equal(other[1], test)
    doc = digits(seed=3)
    loaded = io.loads(io.dumps(doc))
    assert loaded.training == doc.training
    assert np.array_equal(DataFeed(loaded, loaded.training).test, split(1797, 0.2, seed=3)[1])
    assert len(split(5, 0.9, 0)[0]) == 1 and len(split(1, 0.5, 0)[0]) == 1  # at least one training row


def test_batches_visit_every_training_row_once_per_epoch():
    rows = np.arange(10, 40)
    b = Batches(rows, 8, seed=1)
    epoch = np.concatenate([b.next() for _ in range(4)])  # 8 + 8 + 8 + 6
    assert sorted(epoch) == list(rows) and b.epoch == 1
    assert not np.array_equal(np.concatenate([b.next() for _ in range(4)]), epoch)  # reshuffled
    assert np.array_equal(Batches(rows, None).next(), rows) and Batches(rows, 100).size is None


def test_test_accuracy_and_loss_equal_numpy_on_the_held_out_rows():
    doc = digits(batch_size=64, test_share=0.25, seed=5)
    trainer = Trainer(doc, Evaluator(doc))
    X, y = datasets.digits()
    _, test = split(len(X), 0.25, 5)
    for _ in range(5):
        layers = numpy_mlp(doc)  # the parameters the step reads
        trainer.step()
    logits = forward(layers, X[test])[-1]
    assert trainer.test_accuracy[-1] == pytest.approx(np.mean(logits.argmax(axis=1) == y[test]), abs=0)
    assert trainer.test_loss[-1] == pytest.approx(loss_and_grads(layers, X[test], y[test])[0], rel=1e-9)
    assert len(trainer.test_accuracy) == len(trainer.history) == len(trainer.accuracy) == 5


def test_a_run_of_mini_batch_steps_is_one_undo_entry():
    doc = digits()
    start = numpy_mlp(doc)
    history = History(doc)
    Trainer(doc, Evaluator(doc), history).run(20)
    assert len(history.entries) == 1 and history.entries[0].steps == 20
    history.undo()
    for (W, b), (W0, b0) in zip(numpy_mlp(doc), start, strict=True):
        assert np.array_equal(W, W0) and np.array_equal(b, b0)


def test_the_lectures_nudge_ignores_batch_settings():
    plain = circuit_from_expression("a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f")
    doc = circuit_from_expression("a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f")
    doc.training = {"batch_size": 16, "test_share": 0.2}
    t1, t2 = Trainer(plain, Evaluator(plain)), Trainer(doc, Evaluator(doc))
    t1.step(), t2.step()
    assert t2.feed is None and not t2.test_accuracy
    assert {x: doc.by_label(x).value for x in "abcf"} == {x: plain.by_label(x).value for x in "abcf"}
    assert doc.by_label("a").value == pytest.approx(2.0 + 0.01 * 6.0)  # a.data += 0.01 * a.grad (dL/da = -2 * -3)


@pytest.mark.parametrize("settings, message", [
    ({"batch_size": 0}, "training.batch_size must be between 1 and 1e+06, got 0"),
    ({"batch_size": 1.5}, "training.batch_size must be a whole number, got 1.5"),
    ({"test_share": 0.95}, "training.test_share must be between 0 and 0.9, got 0.95"),
    ({"seed": -1}, "training.seed must be between 0 and 1e+09, got -1"),
])
def test_bad_batch_settings_are_refused_with_a_clear_message(settings, message):
    data = json.loads(io.dumps(digits()))
    data["training"].update(settings)
    with pytest.raises(io.LoadError) as info:
        io.loads(json.dumps(data))
    assert message in str(info.value)


def test_steps_inside_one_evaluator_update_read_each_steps_new_weights():
    """The app's timer tick takes its steps inside ev.batch_update() (the evaluator refreshes once): each
    step still reads the weights the step before wrote."""
    plain, ticked = digits(), digits()
    t1 = Trainer(plain, Evaluator(plain))
    ev = Evaluator(ticked)
    t2 = Trainer(ticked, ev)
    for _ in range(6):
        t1.step()
    with ev.batch_update():
        for _ in range(6):
            t2.step()
    assert t2.history == t1.history and t2.test_accuracy == t1.test_accuracy
    assert ev.root_value() == Evaluator(plain).root_value()  # refreshed once at the end, on every row
