"""The confusion matrix (engine.circuit.confusion) against scikit-learn's on predictions computed directly
with numpy, and the stop condition (engine.circuit.stop) on real training runs."""

import numpy as np
import pytest
from sklearn.metrics import confusion_matrix as sk_confusion

from engine import datasets
from engine.circuit import io
from engine.circuit.batches import split
from engine.circuit.confusion import circuit_confusion, confusion_matrix
from engine.circuit.evaluate import Evaluator
from engine.circuit.probe import current_accuracy
from engine.circuit.stop import StopRule, reached
from engine.circuit.training import Trainer
from tests.conftest import EXAMPLES
from tests.engine.test_minibatch import forward, numpy_mlp


def test_moons_binary_matrix_equals_sklearn_on_numpy_predictions():
    doc = io.load(EXAMPLES / "moons.json")
    ev = Evaluator(doc)
    Trainer(doc, ev).run(20)
    ev.forward()
    X, y = datasets.moons(**{k: v for k, v in doc.dataset["params"].items()})
    hs = X
    for n in (n for n in doc.nodes() if n.kind == "dense"):  # the moons MLP by hand (tanh, tanh, linear)
        z = hs @ np.asarray(n.params["W"]).T + np.asarray(n.params["b"])
        hs = {"tanh": np.tanh, "relu": lambda a: np.maximum(a, 0), "linear": lambda a: a}[n.params["activation"]](z)
    predicted = np.where(hs.ravel() > 0, 1.0, -1.0)
    got = circuit_confusion(ev)
    assert got.labels == [-1.0, 1.0]
    np.testing.assert_array_equal(got.matrix, sk_confusion(y, predicted, labels=[-1.0, 1.0]))
    assert got.accuracy == pytest.approx(current_accuracy(ev))
    assert got.total == len(X)


def test_digits_ten_class_matrix_on_the_test_split_equals_sklearn():
    doc = io.load(EXAMPLES / "digits.json")
    ev = Evaluator(doc)
    Trainer(doc, ev).run(5)
    X, y = datasets.digits()
    _, test = split(len(X), doc.training["test_share"], doc.training["seed"])
    predicted = forward(numpy_mlp(doc), X[test])[-1].argmax(axis=1)
    got = circuit_confusion(ev, "test", doc.training)
    assert got.labels == list(range(10)) and got.total == len(test)
    np.testing.assert_array_equal(got.matrix, sk_confusion(y[test].astype(int), predicted, labels=range(10)))
    train = circuit_confusion(ev, "train", doc.training)
    assert train.total + got.total == len(X)


def test_matrix_counts_and_non_classifiers():
    m = confusion_matrix(np.array([0, 1, 2, 2, 1]), np.array([0, 2, 2, 1, 1]), [0, 1, 2])
    np.testing.assert_array_equal(m, [[1, 0, 0], [0, 1, 1], [0, 1, 1]])
    doc = io.load(EXAMPLES / "neuron.json")
    assert circuit_confusion(Evaluator(doc)) is None
    with pytest.raises(ValueError, match="rows must be one of"):
        circuit_confusion(Evaluator(doc), "validation")


def _train_until(rule, limit=500):
    doc = io.load(EXAMPLES / "moons.json")
    trainer = Trainer(doc)
    for k in range(1, limit + 1):
        trainer.step()
        why = reached(rule, trainer, k)
        if why:
            return trainer, k, why
    return trainer, None, None


def test_stop_rules_fire_at_the_first_step_that_meets_them():
    trainer, k, why = _train_until(StopRule("loss_below", 0.5))
    assert trainer.history[-1] < 0.5 and all(v >= 0.5 for v in trainer.history[:-1]) and "below 0.5" in why
    trainer, k, why = _train_until(StopRule("accuracy_above", 0.85))
    assert trainer.accuracy[-1] > 0.85 and all(a <= 0.85 for a in trainer.accuracy[:-1]) and "85.0%" in why
    _, k, why = _train_until(StopRule("steps", 7))
    assert k == 7 and why == "stopped: 7 steps done"
    _, k, _ = _train_until(StopRule(), limit=30)
    assert k is None


@pytest.mark.parametrize("kind, value, text", [("accuracy_above", 1.5, "between 0 and 1"), ("steps", 0, "N >= 1"),
                                                 ("loss", 1.0, "must be one of")])
def test_bad_stop_rules_are_refused_with_a_message(kind, value, text):
    with pytest.raises(ValueError, match=text):
        StopRule(kind, value)
