"""Dense layers and MLPs on Tensors: X of shape (batch, nin) in, (batch, nout) out."""

from __future__ import annotations

import numpy as np

from . import ops as _ops
from .ops import ACTIVATIONS
from .tensor import Tensor, _apply, _wrap


class Dense:
    """One fully connected layer: activation(X @ W + b)."""

    def __init__(self, nin: int, nout: int, activation: str = "relu", rng: np.random.Generator | None = None):
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {activation!r}")
        rng = np.random.default_rng() if rng is None else rng
        gain = 2.0 if activation == "relu" else 1.0  # He for ReLU, Xavier/LeCun otherwise
        self.W = Tensor(rng.normal(0.0, np.sqrt(gain / nin), size=(nin, nout)), label="W")
        self.b = Tensor(np.zeros(nout), label="b")
        self.activation = activation
        self._act = None if activation == "linear" else _ops.get(activation)

    def __call__(self, X) -> Tensor:
        out = _wrap(X) @ self.W + self.b
        return out if self._act is None else _apply(self._act, (out,), None)

    def parameters(self) -> list[Tensor]:
        """The weight matrix and the bias vector."""
        return [self.W, self.b]

    def zero_grad(self) -> None:
        """Forget the gradients of W and b."""
        for p in self.parameters():
            p.zero_grad()

    def __repr__(self):
        return f"Dense({self.W.shape[0]}, {self.W.shape[1]}, activation={self.activation!r})"


class MLP:
    """A stack of Dense layers; the last one is linear (it produces scores or logits)."""

    def __init__(self, nin: int, nouts: list[int], activation: str = "relu", seed: int | None = 0):
        rng = np.random.default_rng(seed)
        sizes = [nin, *nouts]
        self.layers = [Dense(sizes[i], sizes[i + 1], activation if i < len(nouts) - 1 else "linear", rng=rng)
                       for i in range(len(nouts))]

    def __call__(self, X) -> Tensor:
        for layer in self.layers:
            X = layer(X)
        return X

    def parameters(self) -> list[Tensor]:
        """Every W and b, layer by layer."""
        return [p for layer in self.layers for p in layer.parameters()]

    def zero_grad(self) -> None:
        """Forget every parameter's gradient."""
        for p in self.parameters():
            p.zero_grad()

    def __repr__(self):
        return f"MLP({', '.join(map(repr, self.layers))})"
