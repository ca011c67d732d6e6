"""Every bug switch shows its wrong numbers next to the right ones; the right ones match PyTorch or the
engine's own backward pass, the wrong ones match a hand computation of the mistake."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.teaching import bugs


def _engine_grads(build):
    leaves, root = build()
    root.backward()  # the engine's own pass: the switches never touch it
    return {k: v.grad for k, v in leaves.items()}


def _torch_grads(fn, **values):
    torch = pytest.importorskip("torch")  # the oracle, where installed
    xs = {k: torch.tensor(float(v), dtype=torch.float64, requires_grad=True) for k, v in values.items()}
    fn(**xs).backward()
    return {k: x.grad.item() for k, x in xs.items()}


def test_switches_are_off_by_default_and_agree_with_the_engine():
    for build in (bugs.a_plus_a, bugs.lecture_a_b, bugs.neuron_exp):
        leaves, root = build()
        bugs.backward(root)
        assert {k: v.grad for k, v in leaves.items()} == pytest.approx(_engine_grads(build))


def test_fanout_assignment_instead_of_accumulation():
    assert bugs._grads(bugs.a_plus_a) == {"a": 2.0}
    assert bugs._grads(bugs.a_plus_a, accumulate=False) == {"a": 1.0}  # a + a: 1 instead of 2
    right = bugs._grads(bugs.lecture_a_b)
    assert right == pytest.approx(_torch_grads(lambda a, b: (a * b) * (a + b), a=-2, b=3))
    assert right == pytest.approx({"a": -3.0, "b": -8.0})
    wrong = bugs._grads(bugs.lecture_a_b, accumulate=False)
    # with '=' each leaf keeps one path's share only: a gets b*e = 3 or d = -6, b gets a*e = -2 or d = -6
    assert wrong["a"] in (3.0, -6.0) and wrong["b"] in (-2.0, -6.0)
    assert wrong != right
    demo = bugs.fanout_demo()
    assert demo.wrong["a (a + a)"] == 1 and demo.right["a (a + a)"] == 2


def test_backward_in_the_wrong_order():
    torch = pytest.importorskip("torch")  # the oracle, where installed
    right = bugs._grads(bugs.neuron_exp)
    tanh = lambda x1, w1, x2, w2, b: torch.tanh(x1 * w1 + x2 * w2 + b)  # noqa: E731
    assert right == pytest.approx(_torch_grads(tanh, x1=2, w1=-3, x2=0, w2=1, b=6.8813735870195432))
    wrong = bugs._grads(bugs.neuron_exp, order="depth_first")
    # e = exp(2n) runs after e - 1 only: it passes on d o/d(e - 1) = 1/(e + 1) and misses e + 1's share
    e = math.exp(2 * (2 * -3 + 6.8813735870195432))
    share = 1 / (e + 1) * 2 * e
    assert wrong == pytest.approx({"x1": share * -3, "w1": share * 2, "x2": share * 1, "w2": 0.0, "b": share})
    assert wrong["x1"] == pytest.approx(-5.1213, abs=1e-4) and right["x1"] == pytest.approx(-1.5)


def test_forgetting_zero_grad_piles_gradients_up():
    right, wrong = bugs.train_lecture_mlp(zero_grad=True), bugs.train_lecture_mlp(zero_grad=False)
    assert right[0] == wrong[0] and right[1] == wrong[1]  # the first step is the same: nothing piled up yet
    assert right[-1] < 1e-3 and all(b <= a * 1.01 for a, b in zip(right[1:], right[2:], strict=False))
    assert max(wrong[1:]) > wrong[0]  # the piled-up steps overshoot: the loss climbs above where it began
    assert wrong[-1] > 100 * right[-1]


def test_zero_grad_switch_reuses_the_gradients_of_earlier_steps():
    """Without zero_grad the step k update is lr x (sum of the true gradients of steps 1..k)."""
    import random

    from engine.nn import MLP
    from engine.value import Value

    random.seed(1)
    model = MLP(3, [4, 4, 1], activation="tanh")
    X, y = bugs.lecture4()
    params = model.parameters()
    total = np.zeros(len(params))
    for _ in range(2):
        loss = sum(((bugs._one(model([Value(float(v)) for v in row])) - float(t)) ** 2 for row, t in zip(X, y,
                    strict=True)), Value(0.0))
        before = np.array([p.grad for p in params])
        loss.backward()
        total += np.array([p.grad for p in params]) - before  # this step's own gradient
        assert np.allclose([p.grad for p in params], total)
        for p in params:
            p.data -= 0.05 * p.grad


def test_float16_gives_seed_003_its_zero_gradients():
    torch = pytest.importorskip("torch")  # the oracle, where installed
    wrong, right = bugs.seed003(np.float16), bugs.seed003(np.float64)
    assert wrong["loss"] == pytest.approx(0.3333, abs=1e-4) and right["loss"] == pytest.approx(1 / 3, abs=1e-4)
    assert np.all(wrong["a2"] == 1.0)  # σ(9) = 0.99988 rounds to 1: the spacing below 1 is 2**-11
    assert np.float16(1 / (1 + math.exp(-9))) == 1.0 and np.finfo(np.float16).epsneg == 2 ** -11
    assert np.all(wrong["grad_theta1"] == 0) and np.all(wrong["grad_theta2"] == 0)
    assert np.all(right["grad_theta2"] != 0)
    # the right numbers: PyTorch in float64
    X = torch.arange(9, dtype=torch.float64).reshape(3, 3)
    y = torch.tensor([[1.0], [0.0], [1.0]], dtype=torch.float64)
    t1 = torch.ones(3, 3, dtype=torch.float64, requires_grad=True)
    t2 = torch.ones(1, 3, dtype=torch.float64, requires_grad=True)
    loss = ((torch.sigmoid(torch.relu(X @ t1.T) @ t2.T) - y) ** 2).mean()
    loss.backward()
    assert right["grad_theta2"] == pytest.approx(t2.grad.numpy(), rel=1e-9)
    assert right["grad_theta1"] == pytest.approx(t1.grad.numpy(), rel=1e-9)
    # and PyTorch in float16 agrees that nothing is left
    h = torch.sigmoid(torch.tensor([9.0, 36.0, 63.0], dtype=torch.float16))
    assert torch.all(h * (1 - h) == 0)


def test_too_large_a_learning_rate_names_the_node_where_inf_started():
    bad = bugs.descend_until_nan(lr=1.0)
    # w_k - 1/3 = (w_0 - 1/3)(1 - 2 lr x^2)^k = (1/6)(-17)^k; err = 3w - 1 = 0.5 (-17)^k; err**2 overflows
    # once |err| > sqrt(max float64)
    k = math.ceil(math.log(math.sqrt(np.finfo(float).max) / 0.5) / math.log(17))
    assert bad["steps"] == k and bad["node"] == "loss" and "overflow" in bad["message"]
    assert bad["w"] == pytest.approx(1 / 3 + (1 / 6) * (-17.0) ** k, rel=1e-9)
    good = bugs.descend_until_nan(lr=0.05)
    assert good["node"] is None and good["w"] == pytest.approx(1 / 3)
    assert bugs.learning_rate_demo().wrong["first bad node"] == "loss"
    w, steps = 0.5, 0  # left running in plain floats, the infinities meet: inf - inf = NaN, as the demo says
    while w == w and steps < 1000:
        w, steps = w - 1.0 * 2 * (w * 3 - 1) * 3, steps + 1
    assert w != w and k < steps < 1000


def test_dead_relu_initialisation_never_learns():
    dead, alive = bugs.dead_relu(True), bugs.dead_relu(False)
    assert all(g == 0.0 for g in dead["hidden_grads"])
    assert dead["losses"][0] == dead["losses"][-1] == pytest.approx(4.0)  # the output is its bias: 0 -> sum y^2
    assert any(g != 0.0 for g in alive["hidden_grads"])
    assert alive["losses"][-1] < alive["losses"][0] / 2


def test_every_demo_has_wrong_right_and_why_in_both_languages():
    for name, make in bugs.DEMOS.items():
        demo = make()
        assert demo.name == name and demo.wrong and demo.right and demo.wrong != demo.right
        assert demo.why["en"] and demo.why["pt_BR"] and demo.why["en"] != demo.why["pt_BR"]
