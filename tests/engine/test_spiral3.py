"""The 3-class spiral: the dataset against a direct numpy construction, the example trains with softmax
cross-entropy, and the decision grid holds one score per class, equal to a numpy forward pass."""

import numpy as np
import pytest

from engine import datasets
from engine.circuit import io, probe
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import Trainer
from tests.conftest import EXAMPLES


def test_two_arms_are_the_old_spiral_bit_for_bit():
    rng = np.random.default_rng(4)
    t = np.sqrt(rng.uniform(0.05, 1.0, size=50)) * 1.5 * 2 * np.pi
    arm = np.c_[t * np.cos(t), t * np.sin(t)] / (1.5 * 2 * np.pi)
    want = np.vstack([arm, -arm]) + rng.normal(0.0, 0.1 / 5, (100, 2))
    X, y = datasets.spiral(n=100, seed=4)
    assert np.array_equal(X, want) and np.array_equal(y, np.r_[-np.ones(50), np.ones(50)])


def test_three_arms_are_the_first_turned_by_120_degrees():
    X, y = datasets.spiral(n=300, noise=0.0, seed=3, classes=3)
    assert X.shape == (300, 2) and np.array_equal(y, np.repeat([0.0, 1.0, 2.0], 100))
    a = 2 * np.pi / 3
    turn = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    np.testing.assert_allclose(X[100:200], X[:100] @ turn.T, atol=1e-12)
    np.testing.assert_allclose(X[200:], X[:100] @ turn.T @ turn.T, atol=1e-12)
    with pytest.raises(datasets.DatasetError, match="too few points"):
        datasets.spiral(n=2, classes=3)


def relu(z):
    return np.maximum(z, 0.0)


def test_the_example_trains_and_its_grid_is_the_numpy_forward_pass():
    doc = io.load(EXAMPLES / "spiral3.json")
    ev = Evaluator(doc)
    assert probe.current_accuracy(ev) < 0.5
    Trainer(doc, ev).run(300)
    assert probe.current_accuracy(ev) >= 0.95
    grid = probe.decision_grid(ev, 25)
    assert grid.threshold is None and grid.z.shape == (25, 25, 3)
    layers = sorted((n for n in doc.nodes() if n.kind == "dense"), key=lambda n: n.label)
    gx, gy = np.meshgrid(grid.xs, grid.ys, indexing="ij")
    h = np.column_stack([gx.ravel(), gy.ravel()])
    for i, node in enumerate(layers):
        h = h @ np.asarray(node.params["W"]).T + np.asarray(node.params["b"])
        h = relu(h) if i < 2 else h
    np.testing.assert_allclose(grid.z, h.reshape(25, 25, 3), rtol=1e-10, atol=1e-12)
    assert set(np.unique(grid.z.argmax(axis=2))) == {0, 1, 2}  # three regions
