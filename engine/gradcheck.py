"""Gradient checking: analytic gradients (backward) against central finite differences in float64.

Works for scalar Values and for Tensors. A non-scalar Tensor output is contracted with a fixed random
weight first, so every output element takes part in the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .tensor import Tensor
from .value import Value

# the gradient check the app and `main.py check` run on a circuit: the numeric estimate comes from
# derivative() (central differences refined by Richardson extrapolation), and a gradient passes when
# |analytic - numeric| <= ATOL + RTOL * max(|analytic|, |numeric|)
CHECK_RTOL, CHECK_ATOL = 1e-6, 1e-8
# verdicts: the numbers agree; they do not; the numeric estimate never settled (not smooth here?)
OK, MISMATCH, UNSURE = "ok", "mismatch", "unsure"

_SAFE = 2.0  # Ridders: stop once the tableau's error is this much worse than the best seen


def check_close(analytic: float, numeric: float, rtol: float = CHECK_RTOL, atol: float = CHECK_ATOL) -> bool:
    """The circuit gradient check's verdict on one number (see CHECK_RTOL)."""
    return abs(analytic - numeric) <= atol + rtol * max(abs(analytic), abs(numeric))


def verdict(analytic: float, numeric: float, error: float) -> str:
    """OK when the numbers agree within the check's tolerance; UNSURE when they do not but the numeric
    estimate is itself that uncertain (its error estimate, from derivative()); MISMATCH otherwise."""
    if not (np.isfinite(analytic) and np.isfinite(numeric)):
        return MISMATCH if np.isfinite(numeric) or np.isfinite(analytic) else UNSURE
    if check_close(analytic, numeric):
        return OK
    return UNSURE if not np.isfinite(error) or error * 3.0 >= abs(analytic - numeric) else MISMATCH


def _safe(f, x: float) -> float:
    try:
        return float(f(x))
    except (ArithmeticError, ValueError):  # outside the function's domain: no number there
        return np.nan


def derivative(f, x0: float, h0: float | None = None, side: int = 0, levels: int = 40,
               vectorized: bool = False) -> tuple[float, float]:
    """df/dx at x0 and an estimate of that number's own error (Ridders' method).

    Central differences (f(x0 + h) - f(x0 - h)) / 2h with h = h0, h0/2, h0/4, ... (h0 scaled to the value:
    0.1 * max(|x0|, 1)) are extrapolated to h -> 0 (Richardson: each column of the tableau cancels the
    next power of h). The answer is the tableau entry whose neighbours agree best; the search stops once
    it is stable (later entries only get worse: round-off) or after `levels` halvings. A fixed small step
    would be either too big for a fast-turning function (sin(exp(x^3)) at 2 turns within 2e-4) or lose
    digits to round-off. side=+1 or -1 gives the one-sided derivative from the right or the left.
    vectorized=True: f takes an array of points and is called once with every point the search may need."""
    x0 = float(x0)
    h = 0.1 * max(abs(x0), 1.0) if h0 is None else float(h0)
    hs = h / 2.0 ** np.arange(levels)
    his = x0 + (hs if side == 0 else side * hs)  # steps that are exact in binary: the divisor is the true spacing
    los = x0 - hs if side == 0 else np.full(levels, x0)
    if vectorized:
        with np.errstate(all="ignore"):
            fx = np.asarray(f(np.concatenate([his, los])), dtype=np.float64)
        diffs = (fx[:levels] - fx[levels:]) / (his - los)
        return _ridders(lambda level: float(diffs[level]), levels, 4.0 if side == 0 else 2.0)
    f0 = _safe(f, x0) if side else 0.0

    def difference(level: int) -> float:
        lo = f0 if side else _safe(f, float(los[level]))
        return (_safe(f, float(his[level])) - lo) / (his[level] - los[level])

    return _ridders(difference, levels, 4.0 if side == 0 else 2.0)


def _ridders(difference, levels: int, ratio: float) -> tuple[float, float]:
    """Richardson's tableau over difference(0), difference(1), ... (each step half the last; the error of
    the raw differences has powers of ratio = 4 for central, 2 for one-sided differences)."""
    best, err, best_level, prev = np.nan, np.inf, 0, []
    for level in range(levels):
        row = [difference(level)]
        fac = ratio
        for j in range(1, level + 1):
            row.append(row[j - 1] + (row[j - 1] - prev[j - 1]) / (fac - 1.0))
            fac *= ratio
            e = max(abs(row[j] - row[j - 1]), abs(row[j] - prev[j - 1]))
            if e <= err:
                best, err, best_level = row[j], e, level
        if level == 0 or not np.isfinite(best):
            best = row[0] if np.isfinite(row[0]) else best
        if level >= 2 and row[0] == prev[0] == best:
            break  # exact: every difference quotient is the same number (a linear function)
        if level - best_level >= 1 and err <= 0.01 * (CHECK_ATOL + CHECK_RTOL * abs(best)):
            break  # settled far inside the check's tolerance, and the next level did not improve it
        if level and abs(row[level] - prev[level - 1]) >= _SAFE * err and level - best_level >= 2 \
                and err <= 1e-8 * max(abs(best), 1e-300):
            break  # settled: the extrapolation got worse again for two levels
        prev = row
    return float(best), max(float(err), 4.0 * np.finfo(float).eps * abs(float(best)))


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
