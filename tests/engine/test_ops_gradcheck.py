"""Every op of the registry against central finite differences (a newly registered op is picked up).

Scalar ops run through Value (floats) and through Tensor (arrays); tensor ops and losses through Tensor.
Inputs are random float64 values kept away from kinks and domain edges by rejection sampling.
"""

import zlib

import numpy as np
import pytest

from engine import ops
from engine.backends import A
from engine.gradcheck import gradcheck, numeric_grad
from engine.tensor import Tensor
from engine.value import Value

SHAPE = (3, 4)


def _sample(op, rng, shape, params):
    """Inputs with |x| in [0.3, 2], inside the op's domain and with distinct operands (no ties at max)."""
    xs = [rng.uniform(0.3, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape) for _ in op.inputs]
    for _ in range(200):
        bad = np.zeros(shape, dtype=bool)
        if op.domain is not None:
            bad |= ~np.broadcast_to(op.domain(A, *xs, **params), shape)
        if len(xs) == 2:
            bad |= np.abs(xs[0] - xs[1]) < 0.2
        if not bad.any():
            return xs
        for x in xs:
            x[bad] = rng.uniform(0.3, 2.0, size=bad.sum()) * rng.choice([-1.0, 1.0], size=bad.sum())
    raise AssertionError(f"could not sample valid inputs for {op.name}")


def _fresh_rng(op):
    return np.random.default_rng(zlib.crc32(op.name.encode()))


@pytest.mark.parametrize("op", ops.scalar_ops(), ids=lambda op: op.name)
def test_scalar_op_through_value(op):
    rng = _fresh_rng(op)
    params = op.defaults()
    for _ in range(5):
        xs = [Value(float(x[0])) for x in _sample(op, rng, (1,), params)]
        report = gradcheck(lambda *vs: vs[0].apply(op.name, *vs[1:], **params), xs, rtol=1e-6, atol=1e-9)
        assert report.ok, f"{op.name} at {[x.data for x in xs]}: {report}"


@pytest.mark.parametrize("op", ops.scalar_ops(), ids=lambda op: op.name)
def test_scalar_op_through_tensor(op):
    rng = _fresh_rng(op)
    params = op.defaults()
    xs = [Tensor(x) for x in _sample(op, rng, SHAPE, params)]
    report = gradcheck(lambda *ts: ts[0].apply(op.name, *ts[1:], **params), xs, rtol=1e-6, atol=1e-9)
    assert report.ok, f"{op.name}: {report}"


@pytest.mark.parametrize("op", [op for op in ops.scalar_ops() if op.arity == 2], ids=lambda op: op.name)
def test_binary_op_broadcasts(op):
    rng = _fresh_rng(op)
    a, b = _sample(op, rng, SHAPE, op.defaults())
    xs = [Tensor(a), Tensor(b[:1, :]), ]  # (3, 4) with (1, 4)
    report = gradcheck(lambda s, t: s.apply(op.name, t), xs, rtol=1e-6, atol=1e-9)
    assert report.ok, f"{op.name}: {report}"
    assert xs[1].grad.shape == (1, 4)


def _labels(rng, n, c):
    return rng.integers(0, c, size=n)


# How to feed each tensor op / loss: a list of (inputs factory, params) cases. A new tensor op gets the
# default case (same-shape inputs); if that does not suit it, this test fails until a case is written.
def _tensor_cases(name, rng):
    u = lambda *shape: rng.uniform(-2.0, 2.0, size=shape)
    p = lambda *shape: rng.uniform(0.1, 0.9, size=shape)
    away = lambda *shape: rng.uniform(0.3, 2.0, size=shape) * rng.choice([-1.0, 1.0], size=shape)
    cases = {
        "matmul": [([u(3, 4), u(4, 2)], {}), ([u(4), u(4, 2)], {}), ([u(3, 4), u(4)], {}), ([u(4), u(4)], {}),
                   ([u(2, 3, 4), u(4, 5)], {})],
        "sum": [([u(3, 4)], {}), ([u(3, 4)], {"axis": 0}), ([u(3, 4)], {"axis": 1, "keepdims": True}),
                ([u(2, 3, 4)], {"axis": (0, 2)})],
        "mean": [([u(3, 4)], {}), ([u(3, 4)], {"axis": 0}), ([u(3, 4)], {"axis": -1, "keepdims": True})],
        "reshape": [([u(3, 4)], {"shape": (2, 6)}), ([u(3, 4)], {"shape": (12,)})],
        "transpose": [([u(3, 4)], {}), ([u(2, 3, 4)], {"axes": (1, 2, 0)})],
        "softmax": [([u(3, 4)], {}), ([u(3, 4)], {"axis": 0})],
        "mse": [([u(5, 2), u(5, 2)], {})],
        "bce": [([p(6, 1), p(6, 1)], {})],
        "bce_logits": [([u(6, 1), p(6, 1)], {})],
        "softmax_ce": [([u(5, 3), p(5, 3)], {})],
        "hinge": [([away(6, 1), np.sign(u(6, 1))], {})],
    }
    if name == "hinge":  # keep 1 - y s away from the kink at 0
        s, y = cases["hinge"][0][0]
        s[np.abs(1.0 - y * s) < 0.2] += 0.5
    return cases.get(name, [([u(3, 4) for _ in ops.get(name).inputs], {})])


@pytest.mark.parametrize("op", [op for op in ops.OPS.values() if not op.scalar], ids=lambda op: op.name)
def test_tensor_op(op):
    rng = _fresh_rng(op)
    for arrays, params in _tensor_cases(op.name, rng):
        xs = [Tensor(a) for a in arrays]
        report = gradcheck(lambda *ts, _p=params: ts[0].apply(op.name, *ts[1:], **_p), xs, rtol=1e-6, atol=1e-9)
        assert report.ok, f"{op.name} {params} shapes {[a.shape for a in arrays]}: {report}"


def test_softmax_ce_with_class_labels():
    rng = np.random.default_rng(3)
    z = Tensor(rng.normal(size=(6, 4)))
    labels = _labels(rng, 6, 4)
    report = gradcheck(lambda t: t.apply("softmax_ce", labels), [z], rtol=1e-6, atol=1e-9)
    assert report.ok, str(report)


def test_gradcheck_catches_a_wrong_rule(monkeypatch):
    """The checker itself can fail: a sin whose backward returns +sin instead of cos is caught."""
    bad = ops.Op(**{**ops.get("sin").__dict__, "backward": lambda m, g, out, x: (g * m.sin(x),)})
    monkeypatch.setitem(ops.OPS, "sin", bad)
    report = gradcheck(lambda t: t.apply("sin"), [Tensor([0.3, 1.1])])
    assert not report.ok and report.rel_errors[0] > 0.1


def test_numeric_grad_of_values_and_tensors():
    x, t = Value(1.5), Tensor([1.0, 2.0])
    gx, gt = numeric_grad(lambda a, b: a * a * 3.0 + 0.0, [x, t])[0], numeric_grad(lambda b: (b * b).sum(), [t])[0]
    assert gx == pytest.approx(9.0, rel=1e-8)
    np.testing.assert_allclose(gt, [2.0, 4.0], rtol=1e-8)
