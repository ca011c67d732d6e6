"""Gradient checking: analytic gradients (backward) against central finite differences in float64.

Works for scalar Values and for Tensors. A non-scalar Tensor output is contracted with a fixed random
weight first, so every output element takes part in the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .tensor import Tensor
from .value import Value

# the gradient check the app and `main.py check` run on a circuit: central differences with step EPS,
# a gradient passes when |analytic - numeric| <= ATOL + RTOL * max(|analytic|, |numeric|)
CHECK_RTOL, CHECK_ATOL, CHECK_EPS = 1e-4, 1e-6, 1e-6


def check_close(analytic: float, numeric: float, rtol: float = CHECK_RTOL, atol: float = CHECK_ATOL) -> bool:
    """The circuit gradient check's verdict on one number (see CHECK_RTOL)."""
    return abs(analytic - numeric) <= atol + rtol * max(abs(analytic), abs(numeric))


@dataclass
class GradcheckReport:
    """Per-input relative errors between analytic and numeric gradients, and whether all are close."""

    ok: bool
    rel_errors: list[float]
    analytic: list = field(repr=False)
    numeric: list = field(repr=False)

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        errs = ", ".join(f"{e:.2e}" for e in self.rel_errors)
        return f"gradcheck {'ok' if self.ok else 'FAILED'}: relative error per input [{errs}]"


def _check_inputs(inputs) -> list:
    inputs = list(inputs)
    for x in inputs:
        if isinstance(x, Tensor):
            if x.data.dtype != np.float64:
                raise TypeError(f"gradcheck needs float64 tensors, got {x.data.dtype}")
        elif not isinstance(x, Value):
            raise TypeError(f"gradcheck inputs must be Values or Tensors, got {type(x).__name__}")
    return inputs


def _scalar(out, weight_seed: int = 1234) -> float | Value | Tensor:
    """Reduce f's output to one number: a Tensor with several elements is dotted with fixed weights."""
    if isinstance(out, Tensor) and out.size != 1:
        w = np.random.default_rng(weight_seed).uniform(0.5, 1.5, size=out.shape)
        return (out * w).sum()
    return out


def _value(out) -> float:
    return float(out.data) if isinstance(out, Value) else float(np.asarray(out.data).item())


def numeric_grad(f, inputs, eps: float = 1e-6) -> list:
    """Central differences (f(x + eps) - f(x - eps)) / 2 eps for every element of every input."""
    inputs = _check_inputs(inputs)
    grads: list = []
    for x in inputs:
        if isinstance(x, Value):
            x0 = x.data
            x.data = x0 + eps
            up = _value(_scalar(f(*inputs)))
            x.data = x0 - eps
            down = _value(_scalar(f(*inputs)))
            x.data = x0
            grads.append((up - down) / (2.0 * eps))
            continue
        g = np.zeros_like(x.data)
        flat, gflat = x.data.reshape(-1), g.reshape(-1)
        for i in range(flat.size):
            x0 = flat[i]
            flat[i] = x0 + eps
            up = _value(_scalar(f(*inputs)))
            flat[i] = x0 - eps
            down = _value(_scalar(f(*inputs)))
            flat[i] = x0
            gflat[i] = (up - down) / (2.0 * eps)
        grads.append(g)
    return grads


def analytic_grad(f, inputs) -> list:
    """The gradients backward() computes for every input (inputs' old gradients are cleared first)."""
    inputs = _check_inputs(inputs)
    for x in inputs:
        if isinstance(x, Value):
            x.grad = 0.0
        else:
            x.zero_grad()
    _scalar(f(*inputs)).backward()
    return [x.grad if isinstance(x, Value) else np.array(x.grad) for x in inputs]


def gradcheck(f, inputs, eps: float = 1e-6, rtol: float = 1e-5, atol: float = 1e-7) -> GradcheckReport:
    """Compare backward() with central differences; ok when every element is within atol + rtol * |numeric|."""
    inputs = _check_inputs(inputs)
    ana = analytic_grad(f, inputs)
    num = numeric_grad(f, inputs, eps)
    errors, ok = [], True
    for a, n in zip(ana, num, strict=True):
        a, n = np.asarray(a, dtype=np.float64), np.asarray(n, dtype=np.float64)
        diff = np.abs(a - n)
        scale = np.maximum(np.abs(a), np.abs(n))
        rel = np.where(diff == 0, 0.0, diff / np.maximum(scale, 1e-300))
        errors.append(float(rel.max()) if rel.size else 0.0)
        ok = ok and bool(np.all(diff <= atol + rtol * np.abs(n)))
    return GradcheckReport(ok, errors, ana, num)
