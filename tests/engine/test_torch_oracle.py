"""PyTorch float64 as the oracle: random expressions over every scalar op, and every tensor op and loss."""

import numpy as np
import pytest

from engine import ops
from engine.tensor import Tensor
from engine.value import Value

torch = pytest.importorskip("torch")
F = torch.nn.functional

# How PyTorch spells each registry op (a new op without an entry fails test_every_op_has_a_torch_twin).
TORCH_SCALAR = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b, "div": lambda a, b: a / b,
    "neg": lambda x: -x, "pow": lambda a, b: a ** b, "powk": lambda x, k: x ** k, "square": lambda x: x * x,
    "max": torch.maximum, "exp": torch.exp, "log": torch.log, "sin": torch.sin, "cos": torch.cos,
    "abs": torch.abs, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu,
}
TORCH_TENSOR = {
    "matmul": lambda a, b: a @ b,
    "sum": lambda x, axis=None, keepdims=False: x.sum() if axis is None else x.sum(axis, keepdim=keepdims),
    "mean": lambda x, axis=None, keepdims=False: x.mean() if axis is None else x.mean(axis, keepdim=keepdims),
    "reshape": lambda x, shape: x.reshape(shape), "transpose": lambda x, axes=None: x.T,
    "softmax": lambda x, axis=-1: torch.softmax(x, axis),
    "mse": F.mse_loss, "bce": F.binary_cross_entropy, "bce_logits": F.binary_cross_entropy_with_logits,
    "softmax_ce": F.cross_entropy, "hinge": lambda s, y: torch.relu(1 - y * s).mean(),
}


def test_every_op_has_a_torch_twin():
    assert set(ops.OPS) == set(TORCH_SCALAR) | set(TORCH_TENSOR)


def _safe(name, xs):
    """Keep inputs away from domain edges and kinks: positive bases for log/pow, no ties for max."""
    a = xs[0]
    if name in ("log", "pow"):
        return [abs(a) + 0.5] + xs[1:]
    if name in ("div",):
        return [a, xs[1] if abs(xs[1]) > 0.3 else 1.3]
    if name in ("relu", "abs") and abs(a) < 0.1:
        return [a + 0.5]
    if name == "max" and abs(a - xs[1]) < 0.1:
        return [a, xs[1] + 0.5]
    return xs


def _random_expression(seed):
    """A random chain of every scalar op (in shuffled order) over 3 leaves, built twice: ours and torch's."""
    rng = np.random.default_rng(seed)
    init = rng.uniform(-1.5, 1.5, size=3)
    ours = [Value(float(v)) for v in init]
    theirs = [torch.tensor(float(v), dtype=torch.float64, requires_grad=True) for v in init]
    cur_o, cur_t = ours[0], theirs[0]
    names = [op.name for op in ops.scalar_ops()]
    rng.shuffle(names)
    for name in names:
        op = ops.get(name)
        j = int(rng.integers(0, 3))
        # squash the running value to a sane range first (keeps exp/pow finite)
        cur_o, cur_t = cur_o.tanh() * 1.5, torch.tanh(cur_t) * 1.5
        args_o = [cur_o] + ([ours[j]] if op.arity == 2 else [])
        vals = _safe(name, [a.data for a in args_o])
        shifts = [v - a.data for v, a in zip(vals, args_o, strict=True)]
        args_o = [a + s for a, s in zip(args_o, shifts, strict=True)]
        args_t = [a + s for a, s in zip([cur_t] + ([theirs[j]] if op.arity == 2 else []), shifts, strict=True)]
        params = op.defaults()
        cur_o = args_o[0].apply(name, *args_o[1:], **params)
        cur_t = TORCH_SCALAR[name](*args_t, *params.values())
    return ours, theirs, cur_o, cur_t


@pytest.mark.parametrize("seed", range(25))
def test_random_scalar_expressions_match_torch(seed):
    ours, theirs, out_o, out_t = _random_expression(seed)
    out_o.backward()
    out_t.backward()
    assert out_o.data == pytest.approx(out_t.item(), rel=1e-9, abs=1e-12)
    for v, t in zip(ours, theirs, strict=True):
        assert v.grad == pytest.approx(0.0 if t.grad is None else t.grad.item(), rel=1e-9, abs=1e-12)


def _torch(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), requires_grad=True)


@pytest.mark.parametrize("name", sorted(ops.get(n).name for n in TORCH_SCALAR))
def test_scalar_ops_on_tensors_match_torch(name):
    op = ops.get(name)
    rng = np.random.default_rng(len(name))
    xs = [rng.uniform(0.4, 2.0, size=(3, 4)) for _ in op.inputs]
    if name == "max":
        xs[1] = xs[0] + rng.choice([-0.3, 0.3], size=(3, 4))
    w = rng.normal(size=(3, 4))
    ours = [Tensor(x) for x in xs]
    theirs = [_torch(x) for x in xs]
    (ours[0].apply(name, *ours[1:], **op.defaults()) * w).sum().backward()
    (TORCH_SCALAR[name](*theirs, *op.defaults().values()) * torch.tensor(w)).sum().backward()
    for o, t in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(o.grad, t.grad.numpy(), rtol=1e-9, atol=1e-12)


def _cases(rng):
    u = lambda *s: rng.normal(size=s)
    prob = lambda *s: rng.uniform(0.05, 0.95, size=s)
    return [
        ("matmul", [u(3, 4), u(4, 2)], {}), ("matmul", [u(4), u(4, 2)], {}),
        ("sum", [u(3, 4)], {}), ("sum", [u(3, 4)], {"axis": 1, "keepdims": True}),
        ("mean", [u(3, 4)], {}), ("mean", [u(3, 4)], {"axis": 0}),
        ("reshape", [u(3, 4)], {"shape": (6, 2)}), ("transpose", [u(3, 4)], {}),
        ("softmax", [u(3, 4)], {}), ("softmax", [u(3, 4)], {"axis": 0}),
        ("mse", [u(5, 2), u(5, 2)], {}), ("bce", [prob(6, 1), prob(6, 1)], {}),
        ("bce_logits", [u(6, 1), prob(6, 1)], {}), ("softmax_ce", [u(5, 3), prob(5, 3)], {}),
        ("hinge", [u(6, 1), np.sign(u(6, 1))], {}),
    ]


@pytest.mark.parametrize("case", range(15))
def test_tensor_ops_and_losses_match_torch(case):
    rng = np.random.default_rng(case)
    name, arrays, params = _cases(rng)[case]
    ours, theirs = [Tensor(a) for a in arrays], [_torch(a) for a in arrays]
    out_o, out_t = ours[0].apply(name, *ours[1:], **params), TORCH_TENSOR[name](*theirs, **params)
    np.testing.assert_allclose(out_o.data, out_t.detach().numpy(), rtol=1e-9, atol=1e-12)
    w = rng.normal(size=out_o.shape)
    (out_o * w).sum().backward()
    (out_t * torch.tensor(w)).sum().backward()
    for o, t in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(o.grad, t.grad.numpy(), rtol=1e-9, atol=1e-12)


def test_softmax_ce_with_labels_matches_torch():
    rng = np.random.default_rng(7)
    z, labels = rng.normal(size=(6, 4)), rng.integers(0, 4, size=6)
    ours, theirs = Tensor(z), _torch(z)
    ours.apply("softmax_ce", labels).backward()
    F.cross_entropy(theirs, torch.tensor(labels)).backward()
    np.testing.assert_allclose(ours.grad, theirs.grad.numpy(), rtol=1e-9, atol=1e-12)
