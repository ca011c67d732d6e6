"""Matrix ops, reductions and losses: registered into the same table as the scalar ops.

These run on numpy arrays only (scalar=False). Losses average over the batch (first axis).
"""

from __future__ import annotations

import numpy as np

from .registry import define

_LOG_FLOOR = -100.0  # log is clamped here in BCE (as PyTorch does) so p = 0 or 1 stays finite


def _expand(g, x, axis, keepdims):
    """Broadcast the gradient of a reduction back to the input's shape."""
    if axis is None:  # the common whole-array case: one number everywhere
        return np.full(np.shape(x), g, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64)
    if not keepdims:
        g = np.expand_dims(g, axis)
    return np.broadcast_to(g, np.shape(x))


def _sum(x, axis=None, keepdims=False):
    x = np.asarray(x, dtype=np.float64)
    return np.add.reduce(x, axis=axis, keepdims=True) if keepdims else np.add.reduce(x, axis=axis)


def _mean(x, axis=None, keepdims=False):
    total = _sum(x, axis, keepdims)
    x = np.asarray(x)
    return total / max(x.size // max(np.size(total), 1), 1) if x.size else total * np.nan


def _matmul_grads(g, a, b):
    a2 = a[None, :] if a.ndim == 1 else a
    b2 = b[:, None] if b.ndim == 1 else b
    g2 = np.asarray(g, dtype=np.float64)
    if b.ndim == 1:  # expand the trailing axis first so a 0-d gradient (vector @ vector) works too
        g2 = np.expand_dims(g2, -1)
    if a.ndim == 1:
        g2 = np.expand_dims(g2, -2)
    ga = g2 @ np.swapaxes(b2, -1, -2)  # d(AB)/dA: G B^T
    gb = np.swapaxes(a2, -1, -2) @ g2  # d(AB)/dB: A^T G
    if a.ndim == 1:
        ga = ga.reshape(ga.shape[:-2] + (ga.shape[-1],))
    if b.ndim == 1:
        gb = gb.reshape(gb.shape[:-1])
    return ga, gb


def _softmax(x, axis=-1):
    z = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return z / np.sum(z, axis=axis, keepdims=True)


def _log_softmax(x, axis=-1):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _n(x, t):
    """How many terms a loss averages: the size of pred and target broadcast together."""
    return np.broadcast(x, t).size


def _batch(x):
    return np.shape(x)[0] if np.ndim(x) else 1


def _onehot(target, logits):
    t = np.asarray(target)
    if t.ndim == np.ndim(logits):
        return t.astype(np.float64), False
    eye = np.zeros(np.shape(logits))
    eye[np.arange(t.shape[0]), t.astype(np.int64)] = 1.0
    return eye, True


def _bce_logits(z, t):
    return np.mean(np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z))))


def _bce(p, t):
    logp = np.maximum(np.log(np.maximum(p, 0.0)), _LOG_FLOOR)
    log1mp = np.maximum(np.log(np.maximum(1.0 - p, 0.0)), _LOG_FLOOR)
    return -np.mean(t * logp + (1.0 - t) * log1mp)


def _bce_grad(g, p, t):
    # Clamp where the forward clamps (log at -100, i.e. p at e^-100), not at 1e-12: a tighter clamp
    # gives a gradient that is not the derivative of the reported loss when the sigmoid saturates.
    tiny = np.exp(_LOG_FLOOR)
    n = _n(p, t)
    logp = np.maximum(np.log(np.maximum(p, 0.0)), _LOG_FLOOR)
    log1mp = np.maximum(np.log(np.maximum(1.0 - p, 0.0)), _LOG_FLOOR)
    # dL/dp = -(t/p - (1-t)/(1-p)) / n ; dL/dt = -(log p - log(1-p)) / n
    return (g * -(t / np.maximum(p, tiny) - (1.0 - t) / np.maximum(1.0 - p, tiny)) / n,
            g * -(logp - log1mp) / n)


def _softmax_ce(z, t):
    onehot, _ = _onehot(t, z)
    return -np.sum(onehot * _log_softmax(z)) / _batch(z)


def _softmax_ce_grad(g, z, t):
    onehot, labels = _onehot(t, z)
    n = _batch(z)
    s = _softmax(z) if labels else _softmax(z) * np.sum(onehot, axis=-1, keepdims=True)  # rows may not sum to 1
    gz = g * (s - onehot) / n  # dL/dz = (softmax(z) Σy - y) / n
    return gz, (None if labels else g * -_log_softmax(z) / n)


def _hinge(s, y):
    margin = 1.0 - y * s
    return np.add.reduce(np.maximum(margin, 0.0), axis=None) / max(margin.size, 1)


def _hinge_grad(g, s, y, need_y=True):
    active = (y * s < 1.0) * (g / _n(s, y))  # dL/ds = -y where the margin is violated
    return -y * active, (-s * active if need_y else None)


def _matmul_fast(g, out, xs, needs):
    a, b = xs
    if type(a) is np.ndarray and type(b) is np.ndarray and a.ndim == 2 and b.ndim == 2:
        # d(AB)/dA = G B^T, d(AB)/dB = A^T G: only those needed
        return (g @ b.T if needs[0] else None, a.T @ g if needs[1] else None)
    return _matmul_grads(g, a, b)


# ---------------------------------------------------------------- matrix ops and reductions
define("matmul", "ab", lambda m, a, b: np.matmul(a, b),
    lambda m, g, out, a, b: _matmul_grads(g, a, b),
    "@", "tensor", "d/dA (A @ B) = G @ B^T, d/dB (A @ B) = A^T @ G", ("G @ B^T", "A^T @ G"),
    "Matrix product.", scalar=False, fast_backward=_matmul_fast)
define("sum", "x", lambda m, x, axis=None, keepdims=False: _sum(x, axis, keepdims),
    lambda m, g, out, x, axis=None, keepdims=False: (_expand(g, x, axis, keepdims),),
    "Σ", "tensor", "d/dx_i sum(x) = 1", ("1",), "Sum of elements.", scalar=False, masks_nonfinite=False,
    fast_backward=lambda g, out, xs, needs: (g,))  # a whole-array sum hands down one uniform 0-d gradient
define("mean", "x", lambda m, x, axis=None, keepdims=False: _mean(x, axis, keepdims),
    lambda m, g, out, x, axis=None, keepdims=False: (
        _expand(g, x, axis, keepdims) * (np.size(out) / max(np.size(x), 1)),),
    "mean", "tensor", "d/dx_i mean(x) = 1 / n", ("1/n",), "Mean of elements.", scalar=False)
define("reshape", "x", lambda m, x, shape: np.reshape(x, shape),
    lambda m, g, out, x, shape: (np.reshape(g, np.shape(x)),),
    "reshape", "tensor", "the gradient is reshaped back", ("1",), "Reshape.", scalar=False)
define("transpose", "x", lambda m, x, axes=None: np.transpose(x, axes),
    lambda m, g, out, x, axes=None: (
        np.transpose(g, None if axes is None else np.argsort(axes)),),
    "ᵀ", "tensor", "the gradient is transposed back", ("1",), "Transpose.", scalar=False)
define("softmax", "x", lambda m, x, axis=-1: _softmax(x, axis),
    # d softmax: s * (g - sum(g * s))
    lambda m, g, out, x, axis=-1: (out * (g - np.sum(g * out, axis=axis, keepdims=True)),),
    "softmax", "tensor", "d s_i/dx_j = s_i (δ_ij - s_j)", ("s (δ - s)",), "Softmax.", scalar=False)

# ---------------------------------------------------------------- losses (mean over the batch)
define("mse", ("pred", "target"), lambda m, p, t: np.mean((p - t) ** 2),
    lambda m, g, out, p, t: (g * 2.0 * (p - t) / _n(p, t), g * -2.0 * (p - t) / _n(p, t)),
    "MSE", "loss", "d/dpred mean((pred - target)^2) = 2 (pred - target) / n",
    ("2(pred - target)/n", "-2(pred - target)/n"), "Mean squared error.", scalar=False)
define("bce", ("prob", "target"), lambda m, p, t: _bce(p, t),
    lambda m, g, out, p, t: _bce_grad(g, p, t),
    "BCE", "loss", "d/dp BCE = -(t/p - (1 - t)/(1 - p)) / n", ("-(t/p - (1-t)/(1-p))/n", "-logit(p)/n"),
    "Binary cross-entropy on probabilities (log clamped at -100).", scalar=False,
    domain=lambda m, p, t: (p >= 0) & (p <= 1), domain_msg="BCE needs probabilities in [0, 1]")
define("bce_logits", ("logit", "target"), lambda m, z, t: _bce_logits(z, t),
    lambda m, g, out, z, t: (g * (0.5 * (1.0 + np.tanh(0.5 * z)) - t) / _n(z, t), g * -z / _n(z, t)),
    "BCE(z)", "loss", "d/dz BCE(σ(z), t) = (σ(z) - t) / n", ("(σ(z) - t)/n", "-z/n"),
    "Binary cross-entropy from logits, stable for any z.", scalar=False)
define("softmax_ce", ("logits", "target"), lambda m, z, t: _softmax_ce(z, t),
    lambda m, g, out, z, t: _softmax_ce_grad(g, z, t),
    "CE", "loss", "d/dz CE(softmax(z), y) = (softmax(z) - y) / n", ("(softmax(z) - y)/n", "-log softmax(z)/n"),
    "Softmax cross-entropy; target is class indices or one-hot rows.", scalar=False)
define("hinge", ("score", "target"), lambda m, s, y: _hinge(s, y),
    lambda m, g, out, s, y: _hinge_grad(g, s, y),
    "hinge", "loss", "d/ds mean(max(0, 1 - y s)) = -y / n where 1 - y s > 0", ("-y[1 - ys > 0]/n", "-s[..]/n"),
    "Max-margin (hinge) loss with targets ±1.", scalar=False,
    fast_backward=lambda g, out, xs, needs: _hinge_grad(g, *xs, need_y=needs[1]))
