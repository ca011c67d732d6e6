"""Composite blocks: a Neuron (sum of w*x + b -> activation) and a matrix-valued Dense layer.

Their weights live in the node's params; the tape reports their gradients per parameter. A dense
layer's W and b are kept as read-only float64 arrays (stored_params): an edit or a training step
replaces an array, never writes into it, so an undo entry can hold the old one by reference
(copy-on-write). Files keep lists; a neuron's few weights stay a list of floats.
The activation's curve and derivative come from the op registry. Each block's `glyph` followed by
its activation (Σ→tanh) is how the canvas, the palette, exports and tooltips show it.
"""

from __future__ import annotations

import numpy as np

from .. import ops
from ..backends import A, unbroadcast


def _activate(m, z, activation):
    if activation == "linear":
        return z
    return ops.get(activation).forward(m, z)


def _activation_grad(m, g, out, z, activation):
    if activation == "linear":
        return g
    return ops.get(activation).backward(m, g, out, z)[0]


class _Block:
    """What a tape step needs to know of a block besides forward and backward (the fields of an Op)."""

    params = ()
    infix, fast_backward = None, None
    masks_nonfinite, groupable = True, False
    glyph = ""

    @classmethod
    def display(cls, activation: str = "f") -> str:
        """The block's symbol: its glyph and activation (Σ→tanh; the palette shows Σ→f)."""
        return cls.glyph + activation


class Neuron(_Block):
    """n inputs -> b + sum(w_i * x_i) -> activation; scalar or per-sample wires."""

    name, symbol, glyph = "neuron", "neuron", "Σ→"

    @staticmethod
    def forward(m, *xs, n=2, activation="tanh", w=(), b=0.0, **_):
        z = b
        for wi, xi in zip(w, xs, strict=True):
            z = z + wi * xi
        return _activate(m, z, activation)

    @staticmethod
    def backward(m, g, out, *xs, n=2, activation="tanh", w=(), b=0.0, **_):
        z = b
        for wi, xi in zip(w, xs, strict=True):
            z = z + wi * xi
        dz = _activation_grad(m, g, out, z, activation)
        in_grads = tuple(dz * wi for wi in w)
        w_grads = [float(unbroadcast(dz * xi, ())) for xi in xs]  # a weight's gradient sums over the samples
        return in_grads, {"w": w_grads, "b": float(unbroadcast(dz, ()))}


class Dense(_Block):
    """(batch, nin) -> (batch, nout): activation(x @ W^T + b)."""

    name, symbol, glyph = "dense", "dense", "Wx→"
    input_grad_optional = True  # a whole backward pass skips dL/dx when x is a data column

    @staticmethod
    def _z(x, W, b):
        return np.atleast_2d(np.asarray(x, dtype=np.float64)) @ np.asarray(W, dtype=np.float64).T + np.asarray(b)

    @staticmethod
    def forward(m, x, nin=2, nout=2, activation="relu", W=(), b=(), **_):
        out = _activate(A, Dense._z(x, W, b), activation)
        return out[:, 0] if out.shape[1] == 1 else out  # one unit: a per-sample scalar wire

    @staticmethod
    def backward(m, g, out, x, nin=2, nout=2, activation="relu", W=(), b=(), input_grad=True, **_):
        """input_grad=False (x is a data column: nothing upstream learns): dL/dx is not computed."""
        x2 = np.atleast_2d(np.asarray(x, dtype=np.float64))
        W = np.asarray(W, dtype=np.float64)
        shape = (x2.shape[0], W.shape[0])
        g = np.broadcast_to(np.asarray(g, dtype=np.float64).reshape(-1, shape[1]), shape)
        out = np.reshape(out, shape)
        # every activation's derivative is a function of its output (tanh: 1 - out^2, sigmoid: out (1 - out),
        # relu: [x > 0] = [out > 0]), so x W^T + b is not computed again: the output stands in for it
        # (tests/engine/test_blocks.py checks this for every activation)
        dz = _activation_grad(A, g, out, out, activation)
        dx = (dz @ W).reshape(np.shape(x)) if input_grad else None  # d(xW^T)/dx = W
        return (dx,), {"W": dz.T @ x2, "b": np.asarray(unbroadcast(dz, np.shape(b)))}


BLOCKS = {"neuron": Neuron, "dense": Dense}
ARRAY_PARAMS = {"dense": {"W": 2, "b": 1}}  # block kind -> parameter -> its number of dimensions
_NUMBERS = frozenset({float, int})


def stored_array(value) -> np.ndarray:
    """A block parameter as the document keeps it: float64 and read-only. An array the caller owns
    alone is frozen in place (no copy); anything else is copied first."""
    a = np.asarray(value, dtype=np.float64)
    if a is value and not a.flags.writeable:
        return a
    if a is not value or not a.flags.owndata:
        a = a.copy()
    a.flags.writeable = False
    return a


def _numbers(value, ndim: int) -> bool:
    """A list (of lists) of plain numbers with rows of one length, or a numeric array, of ndim dimensions."""
    if isinstance(value, np.ndarray):
        return value.ndim == ndim and value.dtype.kind in "fiu"
    if not isinstance(value, list | tuple):
        return False
    if ndim == 1:
        return _NUMBERS.issuperset(map(type, value))
    return bool(value) and len({len(r) if isinstance(r, list | tuple) else -1 for r in value}) == 1 and all(
        _numbers(r, ndim - 1) for r in value)


def stored_params(kind: str, params: dict) -> dict:
    """A block's parameters with its arrays stored read-only (stored_array); a malformed value (ragged
    rows, a string) is left as it is for the validator to name."""
    shapes = ARRAY_PARAMS.get(kind)
    if not shapes:
        return params
    out = dict(params)
    for key, ndim in shapes.items():
        if key in out and _numbers(out[key], ndim):
            try:
                out[key] = stored_array(out[key])
            except OverflowError:  # an int beyond float64: the validator names it
                pass
    return out
