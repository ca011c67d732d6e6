"""Composite blocks: a Neuron (sum of w*x + b -> activation) and a matrix-valued Dense layer.

Their weights live in the node's params; the tape reports their gradients per parameter.
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

    @staticmethod
    def _z(x, W, b):
        return np.atleast_2d(np.asarray(x, dtype=np.float64)) @ np.asarray(W, dtype=np.float64).T + np.asarray(b)

    @staticmethod
    def forward(m, x, nin=2, nout=2, activation="relu", W=(), b=(), **_):
        out = _activate(A, Dense._z(x, W, b), activation)
        return out[:, 0] if out.shape[1] == 1 else out  # one unit: a per-sample scalar wire

    @staticmethod
    def backward(m, g, out, x, nin=2, nout=2, activation="relu", W=(), b=(), **_):
        x2 = np.atleast_2d(np.asarray(x, dtype=np.float64))
        z = Dense._z(x, W, b)
        g = np.broadcast_to(np.asarray(g, dtype=np.float64).reshape(-1, z.shape[1]), z.shape)
        dz = _activation_grad(A, g, np.reshape(out, z.shape), z, activation)
        dx = dz @ np.asarray(W, dtype=np.float64)  # d(xW^T)/dx = W
        return (dx.reshape(np.shape(x)),), {"W": (dz.T @ x2).tolist(), "b": unbroadcast(dz, np.shape(b)).tolist()}


BLOCKS = {"neuron": Neuron, "dense": Dense}
