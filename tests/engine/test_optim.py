"""Optimizers: a first step computed by hand, agreement with torch.optim, schedules, Value and Tensor params."""

import numpy as np
import pytest

from engine.optim import SGD, Adam, constant, linear_decay
from engine.tensor import Tensor
from engine.value import Value

W0 = np.array([[0.5, -1.0], [2.0, 0.25]])
X = np.array([[1.0, 2.0], [-1.0, 0.5], [0.3, -0.7]])
T = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])


def _loss(w):
    return ((Tensor(X, requires_grad=False) @ w - T) ** 2).mean()


def _grad(w):
    """Hand-derived gradient of mean((X w - T)^2)."""
    return 2.0 * X.T @ (X @ w - T) / T.size


def test_sgd_first_step_by_hand():
    w = Tensor(W0.copy())
    opt = SGD([w], lr=0.1)
    _loss(w).backward()
    opt.step()
    np.testing.assert_allclose(w.data, W0 - 0.1 * _grad(W0), rtol=1e-12)


def test_momentum_two_steps_by_hand():
    w = Tensor(W0.copy())
    opt = SGD([w], lr=0.1, momentum=0.9)
    g0 = _grad(W0)
    w1 = W0 - 0.1 * g0
    w2 = w1 - 0.1 * (0.9 * g0 + _grad(w1))
    for _ in range(2):
        opt.zero_grad()
        _loss(w).backward()
        opt.step()
    np.testing.assert_allclose(w.data, w2, rtol=1e-12)


def test_adam_first_step_by_hand():
    """After bias correction Adam's first step is -lr * g / (|g| + eps): every weight moves by ~lr."""
    w = Tensor(W0.copy())
    opt = Adam([w], lr=0.01)
    _loss(w).backward()
    opt.step()
    g = _grad(W0)
    np.testing.assert_allclose(w.data, W0 - 0.01 * g / (np.abs(g) + 1e-8), rtol=1e-12)


def test_adam_and_sgd_on_values():
    a, b = Value(2.0), Value(-1.0)
    for opt in (SGD([a, b], lr=0.1, momentum=0.5), Adam([a, b], lr=0.1)):
        for _ in range(200):
            opt.zero_grad()
            loss = (a - 3.0) ** 2 + (b * a - 1.5) ** 2
            loss.backward()
            opt.step()
        assert a.data == pytest.approx(3.0, abs=1e-2) and b.data == pytest.approx(0.5, abs=1e-2)
        assert isinstance(a.data, float) and a.grad != 0.0
    opt.zero_grad()
    assert a.grad == 0.0 and b.grad == 0.0


def test_schedules():
    micrograd = linear_decay(1.0, 0.1, 100)
    assert [micrograd(k) for k in (0, 50, 99, 100, 500)] == pytest.approx([1.0, 0.55, 0.109, 0.1, 0.1])
    assert all(micrograd(k) == pytest.approx(1.0 - 0.9 * k / 100) for k in range(100))
    assert constant(0.3)(7) == 0.3
    w = Tensor([1.0])
    opt = SGD([w], lr=linear_decay(1.0, 0.5, 2))
    seen = []
    for _ in range(3):
        seen.append(opt.current_lr)
        opt.zero_grad()
        (w * 1.0).sum().backward()
        opt.step()
    assert seen == [1.0, 0.75, 0.5] and w.data[0] == pytest.approx(1.0 - 2.25)


def test_bad_arguments():
    with pytest.raises(ValueError, match="empty"):
        SGD([], lr=0.1)
    with pytest.raises(ValueError, match="lr"):
        Adam([Tensor([1.0])], lr=-1.0)
    with pytest.raises(ValueError, match="steps"):
        linear_decay(1.0, 0.1, 0)


@pytest.mark.parametrize("kind", ["sgd", "momentum", "adam"])
def test_matches_torch_optim(kind):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(5)
    W1, W2 = rng.normal(size=(2, 4)), rng.normal(size=(4, 2))
    ours = [Tensor(W1.copy()), Tensor(W2.copy())]
    theirs = [torch.tensor(W.copy(), requires_grad=True) for W in (W1, W2)]
    sched = linear_decay(0.05, 0.01, 10)
    if kind == "adam":
        opt, topt = Adam(ours, lr=0.01, betas=(0.8, 0.99), eps=1e-6), torch.optim.Adam(
            theirs, lr=0.01, betas=(0.8, 0.99), eps=1e-6)
    else:
        mom = 0.9 if kind == "momentum" else 0.0
        opt, topt = SGD(ours, lr=sched, momentum=mom), torch.optim.SGD(theirs, lr=sched(0), momentum=mom)
    Xt = torch.tensor(X[:, :2])
    for k in range(10):
        opt.zero_grad()
        ((Tensor(X[:, :2], requires_grad=False) @ ours[0]).tanh() @ ours[1] - T).square().mean().backward()
        opt.step()
        topt.zero_grad()
        ((torch.tanh(Xt @ theirs[0]) @ theirs[1] - torch.tensor(T)) ** 2).mean().backward()
        if kind != "adam":
            topt.param_groups[0]["lr"] = sched(k)
        topt.step()
    for o, t in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(o.data, t.detach().numpy(), rtol=1e-10, atol=1e-12)
