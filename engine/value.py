"""Scalar autograd with micrograd's public surface: `Value(data, label=...)`, `.data`, `.grad`,
`_prev`, `_op`, the arithmetic dunders, `tanh()`, `relu()`, `exp()`, ... and `backward()`.

Unlike micrograd a node stores (op, parents) and looks its backward rule up in the registry,
so it holds no reference cycle, and the topological sort is iterative (no recursion limit).
A node is one object the garbage collector tracks: its first two parents sit in two slots
(`_a`, `_b`; a third and more in `_more`), not in a tuple of their own, so building a graph
triggers half as many collections, each scanning half as many objects.
"""

from __future__ import annotations

import itertools
import numbers
import operator

from . import gc_policy
from . import ops as _ops
from .backends import S
from .errors import MathDomainError

_counter = itertools.count()  # creation order: every node is newer than its inputs
_SEQ = operator.attrgetter("_seq")

_ADD, _MUL, _SUB, _DIV = _ops.get("add"), _ops.get("mul"), _ops.get("sub"), _ops.get("div")
_POW, _POWK = _ops.get("pow"), _ops.get("powk")


def _as_float(data) -> float:
    if isinstance(data, numbers.Real):
        return float(data)
    if hasattr(data, "item") and getattr(data, "size", 0) == 1:  # numpy scalar / 1-element array
        return _as_float(data.item())
    raise TypeError(f"Value needs a real number, got {data!r} ({type(data).__name__})")


class Value:
    """A scalar that remembers how it was computed, so gradients can flow back through it."""

    # _backed is set (to True) only by backward() on this node: the pictures' "backward has not run" note
    __slots__ = ("data", "grad", "label", "_a", "_b", "_more", "_fn", "_params", "_sym", "_seq", "_backed",
                 "__weakref__")

    def __init__(self, data, _children=(), _op="", label=""):
        self.data = _as_float(data)
        self.grad = 0.0
        self.label = label
        self._set_parents(tuple(_children))
        self._fn = None
        self._params = None
        self._sym = _op
        self._seq = next(_counter)

    # ------------------------------------------------------------ construction from the registry
    def _set_parents(self, parents: tuple) -> None:
        self._a = parents[0] if parents else None
        self._b = parents[1] if len(parents) > 1 else None
        self._more = parents[2:] if len(parents) > 2 else None

    @property
    def _parents(self) -> tuple:
        """The inputs this node was computed from, in order."""
        a, b = self._a, self._b
        if a is None:
            return ()
        if b is None:
            return (a,)
        return (a, b) if self._more is None else (a, b, *self._more)

    @staticmethod
    def _node(data, fn, a, b=None, params=None, more=None) -> Value:
        out = Value.__new__(Value)
        out.data = data
        out.grad = 0.0
        out.label = ""
        out._a = a
        out._b = b
        out._more = more
        out._fn = fn
        out._params = params
        out._sym = None
        out._seq = next(_counter)
        if data - data != 0.0:  # NaN or inf: say why, unless an input was already non-finite
            parents = out._parents
            xs = [p.data for p in parents]
            if all(x - x == 0.0 for x in xs):
                where = ", ".join(f"{p.label or 'value'}={p.data:.6g}" for p in parents)
                raise MathDomainError(f"{_ops.diagnose(fn, xs, params)} (inputs: {where})")
        return out

    def apply(self, op_name: str, *others, **params) -> Value:
        """Apply any registered scalar op by name: `x.apply('powk', k=3)`, `a.apply('max', b)`."""
        fn = _ops.get(op_name)
        if not fn.scalar:
            raise TypeError(f"op {op_name!r} works on tensors, not on scalar Values")
        parents = (self,) + tuple(o if isinstance(o, Value) else Value(o) for o in others)
        if len(parents) != fn.arity:
            raise TypeError(f"op {op_name!r} takes {fn.arity} input(s), got {len(parents)}")
        params = {**fn.defaults(), **params} if fn.params else None
        data = fn.forward(S, *(p.data for p in parents), **(params or {}))
        return Value._node(data, fn, parents[0], parents[1] if len(parents) > 1 else None, params,
                           parents[2:] if len(parents) > 2 else None)

    # ------------------------------------------------------------ arithmetic (hot paths inlined)
    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value._node(self.data + other.data, _ADD, self, other)

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value._node(self.data * other.data, _MUL, self, other)

    def __sub__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value._node(self.data - other.data, _SUB, self, other)

    def __truediv__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value._node(S.div(self.data, other.data), _DIV, self, other)

    def __pow__(self, other):
        if isinstance(other, Value):
            return Value._node(S.pow(self.data, other.data), _POW, self, other)
        if not isinstance(other, numbers.Real):
            raise TypeError(f"exponent must be a number or a Value, got {type(other).__name__}")
        return Value._node(S.pow(self.data, float(other)), _POWK, self, None, {"k": float(other)})

    def __radd__(self, other):
        return Value(other) + self

    def __rmul__(self, other):
        return Value(other) * self

    def __rsub__(self, other):
        return Value(other) - self

    def __rtruediv__(self, other):
        return Value(other) / self

    def __rpow__(self, other):
        return Value(other) ** self

    def __neg__(self):
        return self.apply("neg")

    def __abs__(self):
        return self.apply("abs")

    # ------------------------------------------------------------ micrograd's introspection
    @property
    def _prev(self) -> set:
        return set(self._parents)

    @property
    def _op(self) -> str:
        if self._fn is None:
            return self._sym or ""
        return self._fn.display(**(self._params or {}))

    def __repr__(self):
        return f"Value(data={self.data}, grad={self.grad})"

    # ------------------------------------------------------------ Jupyter shows a Value as its graph
    def _repr_svg_(self) -> str | None:
        """The graph as SVG (engine.draw); None (plain repr) past INLINE_LIMIT nodes: draw_dot draws any size."""
        picture = self._inline_picture()
        return None if picture is None else picture.svg

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict | None:
        """SVG and a scrolling HTML box around it, drawn once for both."""
        picture = self._inline_picture()
        if picture is None:
            return None
        return {"image/svg+xml": picture.svg, "text/html": picture._repr_html_()}

    def _inline_picture(self):
        from .draw import INLINE_LIMIT, draw_dot, graph_size

        return draw_dot(self) if graph_size(self, INLINE_LIMIT + 1) <= INLINE_LIMIT else None

    # ------------------------------------------------------------ backpropagation
    def _backward(self) -> None:
        """Apply this node's chain-rule step once: add its share of self.grad to its parents."""
        fn = self._fn
        if fn is None:
            return
        b = self._b
        if b is not None and self._params is None and self._more is None:
            a = self._a
            ga, gb = fn.backward(S, self.grad, self.data, a.data, b.data)
            a.grad += ga
            b.grad += gb
            return
        parents = self._parents
        if self._params is None:
            grads = fn.backward(S, self.grad, self.data, *[p.data for p in parents])
        else:
            grads = fn.backward(S, self.grad, self.data, *[p.data for p in parents], **self._params)
        for p, g in zip(parents, grads, strict=True):
            p.grad += g

    def backward(self) -> None:
        """Set this node's gradient to 1 and run the chain rule through the whole graph.

        The computed nodes are found without recursion and run newest first: a node is always
        created after its inputs, so creation order is a topological order."""
        with gc_policy.paused():
            seen, stack, inner = {self}, [self], []
            while stack:
                node = stack.pop()
                if node._fn is not None:
                    inner.append(node)
                    a, b = node._a, node._b
                    if a not in seen:
                        seen.add(a)
                        stack.append(a)
                    if b is not None and b not in seen:
                        seen.add(b)
                        stack.append(b)
                    for p in node._more or ():
                        if p not in seen:
                            seen.add(p)
                            stack.append(p)
            inner.sort(key=_SEQ, reverse=True)
            self.grad = 1.0
            self._backed = True
            for node in inner:
                node._backward()


def topological_order(root, parents_of=None) -> list:
    """Every node the root depends on, parents before children, found without recursion.

    `parents_of(node)` gives a node's ordered inputs (default: a Value's own parents).
    """
    parents_of = parents_of or (lambda v: v._parents)
    topo: list = []
    visited: set[int] = set()
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            topo.append(node)
            continue
        if id(node) in visited:
            continue
        visited.add(id(node))
        stack.append((node, True))
        for parent in reversed(parents_of(node)):
            if id(parent) not in visited:
                stack.append((parent, False))
    return topo


# a method for every unary scalar op of the registry (tanh, relu, log, ...), also for ops registered later
_ops.derive_methods(Value, lambda op: op.scalar and op.arity == 1 and not op.params,
                    lambda op: lambda self, _n=op.name: self.apply(_n))
