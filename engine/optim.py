"""Optimizers (SGD with momentum, Adam) and learning-rate schedules for Value and Tensor parameters.

The update rules are written with plain arithmetic, so the same code steps a Value (float .data and
.grad) and a Tensor (ndarray .data and .grad, updated in place).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np


def constant(lr: float) -> Callable[[int], float]:
    """A schedule that always returns lr."""
    return lambda k: lr


def linear_decay(lr0: float, lr_end: float, steps: int) -> Callable[[int], float]:
    """lr0 at step 0 falling linearly to lr_end at `steps` (and staying there); micrograd's moons
    demo uses linear_decay(1.0, 0.1, 100), i.e. 1.0 - 0.9 * k / 100."""
    if steps <= 0:
        raise ValueError(f"steps must be positive, got {steps}")
    return lambda k: lr0 + (lr_end - lr0) * min(k, steps) / steps


def _zero(p) -> None:
    if hasattr(p, "zero_grad"):
        p.zero_grad()
    else:
        p.grad = 0.0


class Optimizer:
    """Shared bookkeeping: the parameter list, the step counter k and the learning rate (float or schedule)."""

    def __init__(self, params: Iterable, lr):
        self.params = list(params)
        if not self.params:
            raise ValueError("the optimizer got an empty parameter list")
        if not callable(lr) and not lr > 0:
            raise ValueError(f"lr must be positive or a schedule k -> lr, got {lr!r}")
        self.lr = lr
        self.k = 0  # steps taken so far

    @property
    def current_lr(self) -> float:
        """The learning rate the next step() will use."""
        return float(self.lr(self.k)) if callable(self.lr) else float(self.lr)

    def zero_grad(self) -> None:
        """Reset every parameter's gradient."""
        for p in self.params:
            _zero(p)

    def step(self) -> None:
        """Update every parameter from its gradient, then advance the step counter."""
        lr = self.current_lr
        for i, p in enumerate(self.params):
            self._update(i, p, p.grad, lr)
        self.k += 1

    def _update(self, i: int, p, g, lr: float) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Gradient descent, optionally with momentum (PyTorch's form: v = mu * v + g; p -= lr * v)."""

    def __init__(self, params: Iterable, lr=0.01, momentum: float = 0.0):
        super().__init__(params, lr)
        self.momentum = momentum
        self.velocity: list = [None] * len(self.params)

    def _update(self, i, p, g, lr):
        if self.momentum:
            v = self.velocity[i]
            v = g if v is None else self.momentum * v + g
            self.velocity[i] = v
            g = v
        p.data -= lr * g


class Adam(Optimizer):
    """Adam with bias correction (Kingma & Ba; the same update as torch.optim.Adam)."""

    def __init__(self, params: Iterable, lr=1e-3, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8):
        super().__init__(params, lr)
        self.betas, self.eps = betas, eps
        self.m: list = [None] * len(self.params)
        self.v: list = [None] * len(self.params)

    def _update(self, i, p, g, lr):
        b1, b2 = self.betas
        t = self.k + 1
        c1, c2 = 1.0 - b1**t, 1.0 - b2**t  # bias corrections
        if isinstance(p.data, np.ndarray):  # arrays: the same update, in place (no temporaries kept)
            if self.m[i] is None:
                self.m[i], self.v[i] = np.zeros_like(p.data), np.zeros_like(p.data)
            m, v = self.m[i], self.v[i]
            m *= b1
            m += (1.0 - b1) * g
            v *= b2
            v += (1.0 - b2) * (g * g)
            denom = np.sqrt(v)
            denom *= 1.0 / c2**0.5
            denom += self.eps
            step = m / denom
            step *= lr / c1
            p.data -= step
            return
        m = b1 * (self.m[i] or 0.0) + (1.0 - b1) * g
        v = b2 * (self.v[i] or 0.0) + (1.0 - b2) * (g * g)
        self.m[i], self.v[i] = m, v
        p.data -= lr * (m / c1) / ((v / c2) ** 0.5 + self.eps)
