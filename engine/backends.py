"""Math backends the op registry is written against: Python floats or numpy arrays.

Both follow IEEE semantics (inf/NaN instead of exceptions), so one op definition serves the
scalar Value, the numpy Tensor and the compiled circuit tapes. Callers decide what to do with a
non-finite result (Value raises a clear error, tapes flag the first node that produced it).
"""

from __future__ import annotations

import math

import numpy as np

INF = math.inf
NAN = math.nan
EXP_LIMIT = 709.782712893384  # math.exp overflows above this


class ScalarMath:
    """Scalar math on Python floats that never raises: overflow gives inf, bad domain gives NaN."""

    @staticmethod
    def exp(x):
        return math.exp(x) if x < EXP_LIMIT else INF

    @staticmethod
    def log(x):
        if x > 0.0:
            return math.log(x)
        return -INF if x == 0.0 else NAN

    @staticmethod
    def div(a, b):
        if b != 0.0:
            return a / b
        if a != a or a == 0.0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)

    @staticmethod
    def pow(a, b):
        try:
            return math.pow(a, b)
        except OverflowError:
            return INF if a > 0.0 or float(b).is_integer() and int(b) % 2 == 0 else -INF
        except ValueError:  # 0 ** negative, or negative ** fraction
            return INF if a == 0.0 else NAN

    @staticmethod
    def sign(x):
        return (x > 0.0) - (x < 0.0)

    @staticmethod
    def maximum(a, b):
        return a if a >= b else b

    @staticmethod
    def where(cond, a, b):
        return a if cond else b

    @staticmethod
    def relu(x):
        return x * 1.0 if x >= 0.0 else 0.0  # a float, like maximum(x, 0.0) * 1.0

    @staticmethod
    def isfinite(x):
        return x - x == 0.0

    tanh = staticmethod(math.tanh)
    floor = staticmethod(lambda x: float(math.floor(x)) if x - x == 0.0 else x)
    sin = staticmethod(lambda x: math.sin(x) if x - x == 0.0 else NAN)  # math.sin(inf) raises
    cos = staticmethod(lambda x: math.cos(x) if x - x == 0.0 else NAN)
    abs = staticmethod(abs)
    sqrt = staticmethod(lambda x: math.sqrt(x) if x >= 0.0 else NAN)


class ArrayMath:
    """The same vocabulary on numpy arrays (float64)."""

    exp = staticmethod(np.exp)
    log = staticmethod(np.log)
    div = staticmethod(np.divide)
    pow = staticmethod(np.power)
    sign = staticmethod(np.sign)
    maximum = staticmethod(np.maximum)
    relu = staticmethod(lambda x: np.maximum(x, 0.0))
    where = staticmethod(np.where)
    isfinite = staticmethod(np.isfinite)
    tanh = staticmethod(np.tanh)
    floor = staticmethod(np.floor)
    sin = staticmethod(np.sin)
    cos = staticmethod(np.cos)
    abs = staticmethod(np.abs)
    sqrt = staticmethod(np.sqrt)


S = ScalarMath
A = ArrayMath


def unbroadcast(grad, shape: tuple) -> np.ndarray:
    """Sum a gradient back down to `shape`: undo numpy broadcasting (the ONE place this happens).

    Returns `grad` itself when it already has the shape, else an array of exactly `shape` (which may be
    a view of `grad`: callers that keep it copy it if they must own it)."""
    if type(grad) is not np.ndarray:
        grad = np.asarray(grad)
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    if grad.ndim == 0:  # a uniform gradient (e.g. from a whole-array sum): spread it out
        return np.full(shape, grad, dtype=np.float64)
    if extra == 1 and grad.shape[1:] == shape:  # the common case: a bias over a batch
        return np.add.reduce(grad, axis=0)
    if extra > 0:
        grad = np.add.reduce(grad, axis=tuple(range(extra)))
    elif extra < 0:  # fewer axes than the value: numpy broadcasting prepends ones
        grad = grad.reshape((1,) * -extra + grad.shape)
    have = grad.shape
    axes = tuple([i for i, n in enumerate(shape) if n == 1 and have[i] != 1])
    if axes:
        grad = np.add.reduce(grad, axis=axes, keepdims=True)
    return grad if grad.shape == shape else np.broadcast_to(grad, shape).copy()


def backend_for(x) -> type:
    """The backend that fits a value: floats get ScalarMath, arrays get ArrayMath."""
    return A if isinstance(x, np.ndarray) else S
