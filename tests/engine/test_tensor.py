"""Tensor autograd: the seed example by hand and by PyTorch, broadcasting, API surface, bad inputs."""

import gc
import weakref

import numpy as np
import pytest

from engine import ops
from engine.errors import MathDomainError, ShapeError
from engine.gradcheck import gradcheck
from engine.losses import bce, bce_logits, hinge, mse, softmax_ce
from engine.tensor import Tensor, unbroadcast
from engine.tensor_nn import MLP, Dense

X = np.arange(9.0).reshape(3, 3)
Y = np.array([[1.0], [0.0], [1.0]])


def _seed_forward(scale=1.0):
    theta1, theta2 = Tensor(np.ones((3, 3)) * scale), Tensor(np.ones((1, 3)) * scale)
    z1 = Tensor(X, requires_grad=False) @ theta1.T
    a1 = z1.relu()
    z2 = a1 @ theta2.T
    return theta1, theta2, a1.data, z1.data, z2.sigmoid()


def _hand_grads(theta1, theta2, dz2, a1, z1):
    """Backprop by hand: z1 = X th1^T, a1 = relu(z1), z2 = a1 th2^T."""
    dtheta2 = dz2.T @ a1
    dz1 = (dz2 @ theta2) * (z1 > 0)
    return dz1.T @ X, dtheta2


@pytest.mark.parametrize("scale", [1.0, 0.05])
def test_seed_example_mse_matches_hand_derivation(scale):
    t1, t2, a1, z1, a2 = _seed_forward(scale)
    mse(a2, Y).backward()
    p = a2.data
    dz2 = 2.0 * (p - Y) / Y.size * p * (1.0 - p)
    h1, h2 = _hand_grads(t1.data, t2.data, dz2, a1, z1)
    assert np.all(t2.grad != 0) and np.any(t1.grad != 0)
    np.testing.assert_allclose(t1.grad, h1, rtol=1e-12, atol=1e-30)
    np.testing.assert_allclose(t2.grad, h2, rtol=1e-12, atol=1e-30)


@pytest.mark.parametrize("scale", [1.0, 0.05])
def test_seed_example_bce_matches_hand_derivation(scale):
    """BCE after a sigmoid: dL/dz2 = (a2 - y) / n, even where the sigmoid saturates (scale 1: z2 = 63)."""
    t1, t2, a1, z1, a2 = _seed_forward(scale)
    bce(a2, Y).backward()
    dz2 = (a2.data - Y) / Y.size
    h1, h2 = _hand_grads(t1.data, t2.data, dz2, a1, z1)
    assert np.all(t2.grad != 0) and np.all(t1.grad[:, 1:] != 0)
    np.testing.assert_allclose(t1.grad, h1, rtol=1e-9)
    np.testing.assert_allclose(t2.grad, h2, rtol=1e-9)


@pytest.mark.parametrize("loss", ["mse", "bce"])
@pytest.mark.parametrize("scale", [1.0, 0.05])
def test_seed_example_matches_torch(loss, scale):
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    t1, t2, _, _, a2 = _seed_forward(scale)
    ours = {"mse": mse, "bce": bce}[loss](a2, Y)
    ours.backward()
    T1 = torch.tensor(np.ones((3, 3)) * scale, requires_grad=True)
    T2 = torch.tensor(np.ones((1, 3)) * scale, requires_grad=True)
    z2 = torch.relu(torch.tensor(X) @ T1.T) @ T2.T
    target = torch.tensor(Y)
    if loss == "mse":
        ref = F.mse_loss(torch.sigmoid(z2), target)
        assert ours.item() == pytest.approx(ref.item(), rel=1e-9)
    else:  # same loss value as BCELoss on the same probabilities; the gradient oracle is the logits form,
        # because BCELoss clamps p(1-p) at 1e-12 in backward: off by 5000x here, where sigmoid(36) saturates
        assert ours.item() == pytest.approx(F.binary_cross_entropy(torch.sigmoid(z2), target).item(), rel=1e-12)
        ref = F.binary_cross_entropy_with_logits(z2, target)
    ref.backward()
    np.testing.assert_allclose(t1.grad, T1.grad.numpy(), rtol=1e-9, atol=1e-20)
    np.testing.assert_allclose(t2.grad, T2.grad.numpy(), rtol=1e-9, atol=1e-20)


def test_unbroadcast_sums_back_to_every_shape():
    g = np.arange(24.0).reshape(2, 3, 4)
    assert unbroadcast(g, (2, 3, 4)) is g
    np.testing.assert_array_equal(unbroadcast(g, (4,)), g.sum((0, 1)))
    np.testing.assert_array_equal(unbroadcast(g, (3, 1)), g.sum(0).sum(1, keepdims=True))
    np.testing.assert_array_equal(unbroadcast(g, (1, 1, 1)), g.sum().reshape(1, 1, 1))
    assert unbroadcast(g, ()) == g.sum()


def test_broadcast_gradients_have_each_inputs_shape():
    a, b, c = Tensor(np.ones((4, 3))), Tensor([1.0, 2.0, 3.0]), Tensor([[2.0], [1.0], [0.5], [1.0]])
    ((a * b + c) * c).sum().backward()
    assert a.grad.shape == (4, 3) and b.grad.shape == (3,) and c.grad.shape == (4, 1)
    np.testing.assert_allclose(b.grad, (np.ones((4, 3)) * c.data).sum(0))
    np.testing.assert_allclose(c.grad, (a.data * b.data + 2 * c.data).sum(1, keepdims=True))
    assert gradcheck(lambda a, b, c: ((a * b + c) * c).sum(), [a, b, c]).ok


def test_reflected_dunders_and_scalars():
    t = Tensor([0.5, 2.0])
    for expr, grad in [(lambda t: 2 * t, [2, 2]), (lambda t: 1 - t, [-1, -1]), (lambda t: 1 / t, [-4, -0.25]),
                       (lambda t: t ** 2, [1, 4]), (lambda t: 2 ** t, np.log(2) * 2 ** t.data),
                       (lambda t: -t, [-1, -1]), (lambda t: abs(t), [1, 1]), (lambda t: t / 4 + 3, [0.25, 0.25]),
                       (lambda t: np.array([3.0, 4.0]) * t, [3, 4])]:
        t.zero_grad()
        expr(t).sum().backward()
        np.testing.assert_allclose(t.grad, grad)


def test_every_unary_registry_op_is_a_method():
    t = Tensor([[0.5, 1.5]])
    for op in ops.OPS.values():
        if op.arity == 1:
            assert callable(getattr(Tensor, op.name)), op.name
    np.testing.assert_allclose(t.tanh().data, np.tanh(t.data))
    np.testing.assert_allclose(t.powk(k=3).data, t.data ** 3)
    np.testing.assert_allclose(t.softmax().data.sum(), 1.0)
    assert t.T.shape == (2, 1) and t.reshape(2).shape == (2,) and t.mean(axis=1, keepdims=True).shape == (1, 1)


def test_matmul_chain_and_leaf_accumulation():
    rng = np.random.default_rng(0)
    a, b = Tensor(rng.normal(size=(3, 4))), Tensor(rng.normal(size=(4, 2)))
    (a @ b).sum().backward()
    first = a.grad.copy()
    (a @ b).sum().backward()  # leaves accumulate, like PyTorch
    np.testing.assert_allclose(a.grad, 2 * first)
    np.testing.assert_allclose(first, np.ones((3, 2)) @ b.data.T)
    a.zero_grad()
    assert np.all(a.grad == 0) and a.grad.shape == (3, 4)


def test_leaf_gradients_are_owned_not_shared():
    a, b, c = Tensor([1.0, 2.0]), Tensor([3.0, 4.0]), Tensor([5.0, 6.0])
    mid = a * 1.0
    (mid + b + c).sum().backward()  # add hands the same upstream array to both of its inputs
    grads = [a.grad, b.grad, c.grad, mid.grad]
    assert len({id(g) for g in grads}) == 4
    a.grad += 10.0
    np.testing.assert_array_equal(b.grad, [1.0, 1.0])
    np.testing.assert_array_equal(c.grad, [1.0, 1.0])
    np.testing.assert_array_equal(mid.grad, [1.0, 1.0])


def test_shared_subexpression_gets_both_paths():
    x = Tensor([3.0])
    y = x * x
    (y + y * x).sum().backward()  # d/dx (x^2 + x^3) = 2x + 3x^2
    assert x.grad[0] == pytest.approx(6 + 27)


def test_graph_is_freed_without_the_cycle_collector():
    gc.disable()
    try:
        x = Tensor(np.ones(3))
        y = (x * 2).exp().sum()
        y.backward()
        ref = weakref.ref(y)
        del y
        assert ref() is None
    finally:
        gc.enable()


def test_deep_graph_has_no_recursion_limit():
    x = Tensor([1.0])
    y = x
    for _ in range(5000):
        y = y * 1.0001
    y.sum().backward()
    assert x.grad[0] == pytest.approx(1.0001 ** 5000)


def test_mlp_shapes_gradcheck_and_training_reduces_loss():
    model = MLP(3, [5, 4, 2], activation="tanh", seed=1)
    Xb = np.random.default_rng(1).normal(size=(6, 3))
    assert model(Xb).shape == (6, 2) and len(model.parameters()) == 6
    labels = np.array([0, 1, 1, 0, 1, 0])
    assert gradcheck(lambda *ps: softmax_ce(model(Xb), labels), model.parameters()).ok
    before = softmax_ce(model(Xb), labels).item()
    for _ in range(50):
        model.zero_grad()
        softmax_ce(model(Xb), labels).backward()
        for p in model.parameters():
            p.data -= 0.1 * p.grad
    assert softmax_ce(model(Xb), labels).item() < 0.5 * before


def test_dense_init_is_seeded_and_scaled():
    a, b = Dense(100, 50, rng=np.random.default_rng(0)), Dense(100, 50, rng=np.random.default_rng(0))
    np.testing.assert_array_equal(a.W.data, b.W.data)
    assert a.W.data.std() == pytest.approx(np.sqrt(2 / 100), rel=0.1)
    assert np.all(a.b.data == 0)
    with pytest.raises(ValueError, match="activation"):
        Dense(2, 2, activation="swish")


# ------------------------------------------------------------------ bad input
def test_shape_mismatch_names_shapes_and_op():
    with pytest.raises(ShapeError, match=r"add.*\(3,\).*\(2,\)"):
        Tensor([1.0, 2.0, 3.0]) + Tensor([1.0, 2.0])
    with pytest.raises(ShapeError, match=r"matmul.*\(2, 3\).*\(2, 3\)"):
        Tensor(np.ones((2, 3))) @ Tensor(np.ones((2, 3)))
    with pytest.raises(ShapeError, match=r"reshape"):
        Tensor(np.ones(5)).reshape(2, 3)
    with pytest.raises(ShapeError, match=r"mse.*\(3, 1\).*\(3,\)"):
        mse(Tensor(np.ones((3, 1))), np.ones(3))
    with pytest.raises(ShapeError, match="softmax_ce"):
        softmax_ce(Tensor(np.ones((3, 4))), np.array([0, 1]))


def test_backward_needs_a_scalar():
    with pytest.raises(ShapeError, match=r"scalar.*\(2,\)"):
        Tensor([1.0, 2.0]).exp().backward()


@pytest.mark.parametrize("data", ["abc", None, [1, "x"], {"a": 1}, 1 + 2j, object()])
def test_non_numeric_data_is_a_type_error(data):
    with pytest.raises(TypeError, match="real numbers"):
        Tensor(data)


def test_operand_of_a_wrong_type():
    with pytest.raises(TypeError, match="cannot combine a Tensor with str"):
        Tensor([1.0]) + "a"


@pytest.mark.parametrize("expr, reason", [
    (lambda: Tensor([1.0, -2.0]).log(), r"log needs x > 0, got x = -2 at index \(1,\)"),
    (lambda: Tensor([1.0, 2.0]) / Tensor([1.0, 0.0]), "division by zero"),
    (lambda: Tensor([1.0, 800.0]).exp(), "exp overflows: x = 800"),
    (lambda: Tensor([-8.0]) ** 0.5, "undefined for x = -8"),
])
def test_non_finite_results_are_kept_and_explained(expr, reason):
    out = expr()
    assert not np.isfinite(out.data).all()  # numpy semantics: inf / nan, no exception, no warning
    loss = (out * 2.0).sum()
    with pytest.raises(MathDomainError, match=reason):
        loss.check_finite()
    with pytest.raises(MathDomainError, match="backward.*non-finite.*" + reason):
        loss.backward()  # no gradient is computed from a nan/inf loss


@pytest.mark.parametrize("expr", [lambda x: x.log().exp(), lambda x: (1.0 / x).tanh()])
def test_finite_result_through_a_non_finite_step_flags_the_gradient(expr):
    x = Tensor([0.0, 1.0])
    out = expr(x).sum()
    assert np.isfinite(out.item())
    out.backward()
    assert np.isnan(x.grad[0]) and np.isfinite(x.grad[1])


def test_check_finite_passes_on_finite_graphs():
    t = Tensor([1.0, 2.0])
    out = t.log().sum()
    assert out.check_finite() is out


def test_losses_match_their_definitions():
    rng = np.random.default_rng(2)
    p, z = rng.uniform(0.1, 0.9, size=(5, 1)), rng.normal(size=(5, 1))
    t = (rng.uniform(size=(5, 1)) > 0.5) * 1.0
    assert mse(Tensor(p), t).item() == pytest.approx(np.mean((p - t) ** 2))
    assert bce(Tensor(p), t).item() == pytest.approx(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))
    assert bce_logits(Tensor(z), t).item() == pytest.approx(bce(Tensor(1 / (1 + np.exp(-z))), t).item())
    assert hinge(Tensor(z), 2 * t - 1).item() == pytest.approx(np.mean(np.maximum(0, 1 - (2 * t - 1) * z)))
    logits, labels = rng.normal(size=(4, 3)), np.array([0, 2, 1, 2])
    logp = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    assert softmax_ce(Tensor(logits), labels).item() == pytest.approx(-logp[np.arange(4), labels].mean())
    with pytest.raises(ValueError, match="labels must lie in"):
        softmax_ce(Tensor(logits), np.array([0, 3, 1, 2]))


@pytest.mark.parametrize("name, f, shapes", [
    ("square of itself", lambda x: (x * x).sum(), [(4, 3)]),
    ("constant times param", lambda w: (Tensor(np.arange(6.0).reshape(2, 3), requires_grad=False) * w).sum(),
     [(2, 3)]),
    ("constant @ param", lambda w: (Tensor(np.arange(6.0).reshape(2, 3), requires_grad=False) @ w).sum(), [(3, 4)]),
    ("param @ constant", lambda w: (w @ Tensor(np.arange(12.0).reshape(3, 4), requires_grad=False)).tanh().sum(),
     [(2, 3)]),
    ("uniform gradient through elementwise ops", lambda x: (x.tanh() * 3.0 - x).sum(), [(5,)]),
    ("whole sum into a one-element leaf", lambda x: (x * 2.0).sum() + x.sum(), [(1,)]),
    ("sum then matmul consumer", lambda a, b: (a @ b).sum() * (a * a).sum(), [(2, 3), (3, 2)]),
    ("bias over a batch", lambda W, b: ((Tensor(np.ones((7, 3)), requires_grad=False) @ W + b).relu() * 1.5).sum(),
     [(3, 4), (4,)]),
    ("subtraction with a constant", lambda x: (2.0 - x * x).sum() - (x - 1.0).sum(), [(3,)]),
    ("hinge with the target learnt too", lambda s, y: hinge(s, y), [(6, 1), (6, 1)]),
])
def test_the_fast_backward_rules_match_finite_differences(name, f, shapes):
    rng = np.random.default_rng(7)
    inputs = [Tensor(rng.uniform(-1.5, 1.5, size=shape)) for shape in shapes]
    report = gradcheck(f, inputs)
    assert report.ok, (name, report.errors)
    for t, g in zip(inputs, report.analytic, strict=True):
        assert np.shape(g) == t.shape  # every leaf gets a gradient of its own shape
    out = f(*inputs)
    assert out.shape == () and out.ndim == 0 and isinstance(out.item(), float)  # a 0-d result, whatever holds it
    out.backward()
    assert all(isinstance(t.grad, np.ndarray) and t.grad.shape == t.shape for t in inputs)
