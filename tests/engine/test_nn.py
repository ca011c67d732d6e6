"""engine.nn against micrograd itself (same seed, same weights) and the lecture's training."""

import random

import pytest

from engine import Value
from engine.nn import MLP, Neuron


def test_same_seed_same_network_as_micrograd():
    mg = pytest.importorskip("micrograd.nn")
    random.seed(7)
    theirs = mg.MLP(2, [4, 4, 1])
    random.seed(7)
    ours = MLP(2, [4, 4, 1])
    assert [p.data for p in ours.parameters()] == [p.data for p in theirs.parameters()]
    x = [0.3, -1.2]
    out_t, out_o = theirs(x), ours(x)
    out_t.backward()
    out_o.backward()
    assert out_o.data == pytest.approx(out_t.data, rel=1e-12)
    for p, q in zip(ours.parameters(), theirs.parameters(), strict=True):
        assert p.grad == pytest.approx(q.grad, rel=1e-9, abs=1e-15)
    assert repr(ours) == repr(theirs)


def test_lecture_mlp_training_lowers_the_loss():
    random.seed(1)
    xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
    ys = [1.0, -1.0, -1.0, 1.0]
    model = MLP(3, [4, 4, 1], activation="tanh", activate_last=True)
    losses = []
    for _ in range(30):
        loss = sum(((model(x) - y) ** 2 for x, y in zip(xs, ys, strict=True)), Value(0.0))
        model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= 0.05 * p.grad
        losses.append(loss.data)
    assert losses[-1] < 0.2 * losses[0]


def test_neuron_checks_its_input_size_and_activation():
    with pytest.raises(ValueError, match="takes 2 inputs, got 3"):
        Neuron(2)([1, 2, 3])
    with pytest.raises(ValueError, match="unknown activation"):
        Neuron(2, activation="gelu")
