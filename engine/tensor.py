"""Numpy autograd: a `Tensor` is an ndarray that remembers the registry op that made it.

A node stores (op, parents, params) exactly like Value: no closures, no reference cycles. Every
forward and backward rule comes from engine.ops.OPS run on the array backend; broadcasting is undone
in one place, `unbroadcast`. Non-finite results follow numpy (inf/nan, no warnings) and
`check_finite()` turns them into a MathDomainError that says which op produced them and why.
"""

from __future__ import annotations

import itertools
import math
import numbers

import numpy as np

from . import gc_policy
from . import ops as _ops
from .backends import A, unbroadcast  # noqa: F401 (unbroadcast is part of this module's API)
from .errors import MathDomainError, ShapeError
from .tensor_backward import backward_pass
from .value import topological_order

_F64 = np.float64
_ADD, _SUB, _MUL, _DIV = _ops.get("add"), _ops.get("sub"), _ops.get("mul"), _ops.get("div")
_POW, _POWK, _MATMUL, _NEG = _ops.get("pow"), _ops.get("powk"), _ops.get("matmul"), _ops.get("neg")
_SUM, _MEAN, _SQUARE = _ops.get("sum"), _ops.get("mean"), _ops.get("square")
_seq = itertools.count()
_NDARRAY = np.ndarray
_NEW = object.__new__  # a node without running __init__

try:  # np.errstate costs ~0.7 us; setting numpy's error-state context variable directly ~0.2 us
    from numpy._core.umath import _extobj_contextvar as _errvar
    from numpy._core.umath import _make_extobj
except ImportError:  # pragma: no cover - other numpy versions: the public, slower context manager

    class _ErrShim:
        """np.errstate behind the set/reset interface of a context variable."""

        def set(self, _):
            state = np.errstate(all="ignore")
            state.__enter__()
            return state

        def reset(self, state):
            state.__exit__(None, None, None)

    _errvar, _make_extobj = _ErrShim(), lambda **kw: None

_IGNORE = _make_extobj(all="ignore")  # numpy error state "ignore everything", built once


def _as_array(data, dtype) -> np.ndarray:
    """Copy numeric data into a fresh float array; anything non-numeric is a TypeError."""
    if isinstance(data, Tensor):
        data = data.data
    raw = np.asarray(data)
    if raw.dtype.kind not in "biuf":
        raise TypeError(f"Tensor needs real numbers, got {type(data).__name__} with dtype {raw.dtype} "
                        f"({data!r:.60})")
    return np.array(raw, dtype=dtype)


def _shape_error(op, parents, err) -> ShapeError:
    shapes = " and ".join(str(p.data.shape) for p in parents)
    return ShapeError(f"{op.name}: cannot combine shapes {shapes} ({err})")


def _apply(op, parents: tuple, params: dict | None) -> Tensor:
    """Run a registry op forward on the parents' arrays (numpy warnings silenced) and record the node."""
    token = _errvar.set(_IGNORE)
    try:
        if params:
            data = op.forward(A, *[p.data for p in parents], **params)
        elif len(parents) == 2:
            a, b = parents
            data = op.forward(A, a.data, b.data)
        else:
            data = op.forward(A, *[p.data for p in parents])
    except (ValueError, IndexError) as err:
        raise _shape_error(op, parents, err) from None
    finally:
        _errvar.reset(token)
    out = _NEW(Tensor)
    # a numpy scalar stands for a 0-d result: same shape/ndim/size/item, seven times faster to compute with
    out.data = data if type(data) is _NDARRAY or type(data) is _F64 else np.asarray(data)
    out._grad = None
    out.label = ""
    out._seq = next(_seq)
    out._op = op
    out._parents = parents
    out._params = params
    out.requires_grad = False
    for p in parents:
        if p.requires_grad:
            out.requires_grad = True
            break
    return out


def _new(data: np.ndarray, requires_grad: bool) -> Tensor:
    """A bare node around an existing array (no copy, no checks)."""
    out = Tensor.__new__(Tensor)
    out.data = data
    out._grad = None
    out.requires_grad = requires_grad
    out.label = ""
    out._op = None
    out._parents = ()
    out._params = None
    out._seq = next(_seq)
    return out


def _wrap(x) -> Tensor:
    """A constant operand (number or array) as a Tensor that needs no gradient."""
    if isinstance(x, Tensor):
        return x
    if type(x) is float or type(x) is int:
        return _new(np.array(x, dtype=_F64), False)
    if isinstance(x, numbers.Real | np.ndarray | list | tuple | np.generic):
        return Tensor(x, requires_grad=False)
    raise TypeError(f"cannot combine a Tensor with {type(x).__name__} ({x!r:.60})")


class Tensor:
    """An n-dimensional float array that records how it was computed, so gradients can flow back."""

    __slots__ = ("data", "_grad", "requires_grad", "label", "_op", "_parents", "_params", "_seq", "__weakref__")
    __array_ufunc__ = None  # numpy defers to our reflected dunders: ndarray * Tensor -> Tensor

    def __init__(self, data, requires_grad: bool = True, label: str = "", dtype=_F64):
        self.data = _as_array(data, dtype)
        self._grad = None
        self.requires_grad = bool(requires_grad)
        self.label = label
        self._op = None
        self._parents = ()
        self._params = None
        self._seq = next(_seq)

    # ------------------------------------------------------------ array-like surface
    shape = property(lambda self: self.data.shape, doc="The array's shape.")
    ndim = property(lambda self: self.data.ndim, doc="Number of dimensions.")
    size = property(lambda self: self.data.size, doc="Number of elements.")
    T = property(lambda self: self.transpose(), doc="Transpose (reverses the axes).")

    @property
    def grad(self) -> np.ndarray:
        """d(root)/d(self) after backward(); zeros before."""
        return np.zeros_like(self.data) if self._grad is None else self._grad

    @grad.setter
    def grad(self, value):
        self._grad = None if value is None else np.asarray(value, dtype=self.data.dtype)

    def zero_grad(self) -> None:
        """Forget the accumulated gradient."""
        self._grad = None

    def item(self) -> float:
        """The single element as a Python float."""
        return float(self.data.item())

    def numpy(self) -> np.ndarray:
        """The data array (not a copy)."""
        return self.data

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        name = f", label={self.label!r}" if self.label else ""
        return f"Tensor({np.array2string(self.data, precision=4, threshold=20)}{name})"

    # ------------------------------------------------------------ any registry op
    def apply(self, op_name: str, *others, **params) -> Tensor:
        """Apply a registered op by name: `t.apply('powk', k=3)`, `a.apply('max', b)`."""
        op = _ops.get(op_name)
        parents = (self, *[_wrap(o) for o in others])
        if len(parents) != op.arity:
            raise TypeError(f"op {op_name!r} takes {op.arity} input(s), got {len(parents)}")
        if op.params:
            params = {**op.defaults(), **params}
        return _apply(op, parents, params or None)

    # ------------------------------------------------------------ dunders (reflected ones too)
    def __add__(self, o):
        return _apply(_ADD, (self, _wrap(o)), None)

    def __radd__(self, o):
        return _apply(_ADD, (_wrap(o), self), None)

    def __sub__(self, o):
        return _apply(_SUB, (self, _wrap(o)), None)

    def __rsub__(self, o):
        return _apply(_SUB, (_wrap(o), self), None)

    def __mul__(self, o):
        if o is self:  # x * x is the registry's square: one gradient 2x g instead of two halves added up
            return _apply(_SQUARE, (self,), None)
        return _apply(_MUL, (self, _wrap(o)), None)

    def __rmul__(self, o):
        return _apply(_MUL, (_wrap(o), self), None)

    def __truediv__(self, o):
        return _apply(_DIV, (self, _wrap(o)), None)

    def __rtruediv__(self, o):
        return _apply(_DIV, (_wrap(o), self), None)

    def __matmul__(self, o):
        return _apply(_MATMUL, (self, _wrap(o)), None)

    def __rmatmul__(self, o):
        return _apply(_MATMUL, (_wrap(o), self), None)

    def __pow__(self, o):
        if isinstance(o, numbers.Real):
            return _apply(_POWK, (self,), {"k": float(o)})
        return _apply(_POW, (self, _wrap(o)), None)

    def __rpow__(self, o):
        return _apply(_POW, (_wrap(o), self), None)

    def __neg__(self):
        return _apply(_NEG, (self,), None)

    def __abs__(self):
        return self.apply("abs")

    def maximum(self, other) -> Tensor:
        """Elementwise max(self, other) (the registry's `max` op)."""
        return self.apply("max", other)

    # ------------------------------------------------------------ reductions and shape ops
    def sum(self, axis=None, keepdims: bool = False) -> Tensor:
        """Sum over `axis` (all elements by default)."""
        return _apply(_SUM, (self,), None if axis is None and not keepdims else {"axis": axis, "keepdims": keepdims})

    def mean(self, axis=None, keepdims: bool = False) -> Tensor:
        """Mean over `axis` (all elements by default)."""
        return _apply(_MEAN, (self,), None if axis is None and not keepdims else {"axis": axis, "keepdims": keepdims})

    def reshape(self, *shape) -> Tensor:
        """Same elements, new shape: `t.reshape(2, 3)` or `t.reshape((2, 3))`."""
        shape = tuple(shape[0]) if len(shape) == 1 and isinstance(shape[0], tuple | list) else shape
        return self.apply("reshape", shape=shape)

    def transpose(self, axes=None) -> Tensor:
        """Permute the axes (reverse them by default)."""
        return self.apply("transpose", axes=None if axes is None else tuple(axes))

    def softmax(self, axis: int = -1) -> Tensor:
        """Softmax along `axis`."""
        return self.apply("softmax", axis=axis)

    # ------------------------------------------------------------ backpropagation
    def backward(self) -> None:
        """Fill .grad of every tensor this scalar depends on (leaves accumulate, like PyTorch)."""
        if self.data.size != 1:
            raise ShapeError(f"backward() needs a scalar (size-1) result, got shape {self.data.shape}; "
                             "reduce it first, e.g. with .sum() or .mean()")
        if not math.isfinite(self.data.item()):
            raise MathDomainError(f"backward() from a non-finite result ({self.item()}): {_first_problem(self)}")
        if not self.requires_grad:
            return
        with gc_policy.paused():
            token = _errvar.set(_IGNORE)
            try:
                backward_pass(self)
            finally:
                _errvar.reset(token)

    def check_finite(self) -> Tensor:
        """Return self if every value it was computed from is finite, else raise MathDomainError
        naming the first op that turned finite inputs into inf/nan, and why."""
        problem = _first_problem(self)
        if problem:
            raise MathDomainError(problem)
        return self


def _first_problem(root: Tensor) -> str:
    """Words for the first node (in computation order) with finite inputs but a non-finite result."""
    for node in topological_order(root):
        if np.isfinite(node.data).all():
            continue
        if node._op is None:
            return f"the input tensor {node.label or node!r} holds inf or nan"
        xs = [p.data for p in node._parents]
        if all(np.isfinite(x).all() for x in xs):  # else a parent is bad: the culprit comes earlier
            return _explain(node, xs)
    return ""


def _explain(node: Tensor, xs: list) -> str:
    """Diagnose the first bad element of a node in words (registry diagnose on scalars)."""
    op = node._op
    bad = np.argwhere(~np.isfinite(np.atleast_1d(node.data)))[0]
    where = f" at index {tuple(int(i) for i in bad)}" if node.data.ndim else ""
    if op.scalar:
        shape = node.data.shape
        elems = [float(np.broadcast_to(x, shape)[tuple(bad)] if shape else x) for x in xs]
        reason = _ops.diagnose(op, elems, node._params)
        inputs = ", ".join(f"{n}={v:.6g}" for n, v in zip(op.inputs, elems, strict=False))
        return f"{reason}{where} (inputs: {inputs})"
    if op.domain is not None and not np.all(op.domain(A, *xs, **(node._params or {}))):
        return f"{op.domain_msg}{where}"
    return f"{op.name} produced inf or nan{where}: the result is too large for a float64"


def _unary_method(op):
    if op.params:
        return lambda self, **params: _apply(op, (self,), {**op.defaults(), **params})
    return lambda self, **params: _apply(op, (self,), params or None)


def _named_unary_method(op):
    method = _unary_method(op)
    method.__name__, method.__doc__ = op.name, f"{op.doc} (the registry's {op.name!r} op)"
    return method


def tensor(data, requires_grad: bool = False, label: str = "") -> Tensor:
    """A constant Tensor (no gradient) unless asked otherwise: handy for data and targets."""
    return Tensor(data, requires_grad=requires_grad, label=label)


# a method for every one-input op of the registry (exp, log, tanh, relu, ...), also for ops registered later
_ops.derive_methods(Tensor, lambda op: op.arity == 1, _named_unary_method)
