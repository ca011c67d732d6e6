"""Backpropagation for Tensor: the reverse sweep, the hot ops' rules, and undoing broadcasting.

The generic step calls the registry's backward rule of each node. For the hottest ops the rules
are written out here so that only the gradients some parent needs are computed (a constant
operand gets none) and a whole-array sum hands a uniform 0-d gradient through elementwise ops.
"""

from __future__ import annotations

import operator
from sys import getrefcount

import numpy as np

from . import ops as _ops
from .backends import A

_F64, _NDARRAY = np.float64, np.ndarray
_SEQ = operator.attrgetter("_seq")  # creation order: parents are always older than their children
_ADD, _SUB, _MUL, _MATMUL = _ops.get("add"), _ops.get("sub"), _ops.get("mul"), _ops.get("matmul")
_SUM, _HINGE, _RELU = _ops.get("sum"), _ops.get("hinge"), _ops.get("relu")


def unbroadcast(grad, shape: tuple) -> np.ndarray:
    """Sum a gradient back down to `shape`: undo numpy broadcasting (the ONLY place this happens)."""
    grad = np.asarray(grad)
    if grad.shape == shape:
        return grad
    if grad.ndim == 0:  # a uniform gradient (e.g. from a whole-array sum): spread it out
        return np.full(shape, grad, dtype=np.float64)
    if grad.ndim == len(shape) + 1 and grad.shape[1:] == shape:  # the common case: a bias over a batch
        return np.add.reduce(grad, axis=0)
    extra = grad.ndim - len(shape)
    if extra > 0:
        grad = grad.sum(axis=tuple(range(extra)))
    axes = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    return grad if grad.shape == shape else np.broadcast_to(grad, shape)



# Each fast rule takes (upstream g, node, parents) and returns one gradient (or None) per parent.
# The registry's rules, written out for the hottest ops so that only the gradients some parent
# needs are computed (a constant operand gets none). Each takes (upstream g, node, parents).
def _mul_grads(g, node, parents):
    a, b = parents
    if a is b:  # x * x: one gradient 2 g x instead of two halves added up
        return (g + g) * a.data, None
    return (g * b.data if a.requires_grad else None, g * a.data if b.requires_grad else None)


def _matmul_grads_needed(g, node, parents):
    a, b = parents
    if a.data.ndim == 2 and b.data.ndim == 2:
        return (g @ b.data.T if a.requires_grad else None, a.data.T @ g if b.requires_grad else None)
    return _MATMUL.backward(A, g, node.data, a.data, b.data)


def _hinge_grads(g, node, parents):
    s, y = parents
    if y.requires_grad:
        return _HINGE.backward(A, g, node.data, s.data, y.data)
    active = (y.data * s.data < 1.0) * (g / max(np.broadcast(s.data, y.data).size, 1))
    return -y.data * active, None


_FAST = {
    _ADD: lambda g, node, parents: (g, g),
    _SUB: lambda g, node, parents: (g, -g if parents[1].requires_grad else None),
    _MUL: _mul_grads,
    _MATMUL: _matmul_grads_needed,
    _RELU: lambda g, node, parents: (g * (parents[0].data > 0),),
    _SUM: lambda g, node, parents: (g,),  # whole-array sum: a uniform 0-d gradient
    _HINGE: _hinge_grads,
}
_ELEMENTWISE = frozenset(op for op in _ops.OPS.values() if op.scalar)  # rules that broadcast g themselves


def needs_grad(root) -> list:
    """The nodes that need a gradient, newest first (a valid reverse topological order), with the
    gradients of inner nodes cleared. Creation order replaces a depth-first sort: parents are older."""
    seen = {root}  # Tensor hashes by identity (it defines no __eq__)
    stack = [root]
    while stack:
        for p in stack.pop()._parents:
            if p.requires_grad and p not in seen:
                seen.add(p)
                stack.append(p)
                if p._op is not None:
                    p._grad = None
    nodes = sorted(seen, key=_SEQ, reverse=True)
    return nodes



def backward_pass(root) -> None:
    """Fill the gradients of everything `root` (a size-1 Tensor) depends on; numpy errors already silenced."""
    nodes = needs_grad(root)
    seed = _F64(1.0) if type(root.data) is _F64 else np.ones_like(root.data)
    root._grad = seed if root._grad is None or root._op is not None else root._grad + seed
    fast_rules, elementwise, ndarray = _FAST, _ELEMENTWISE, _NDARRAY
    for node in nodes:  # newest first: every child is done before its parents
        op = node._op
        if op is None:
            continue
        g = node._grad
        if g is None:
            continue
        parents, params = node._parents, node._params
        if params is None:
            fast = fast_rules.get(op)
            grads = (fast(g, node, parents) if fast is not None
                     else op.backward(A, g, node.data, *[p.data for p in parents]))
        else:
            grads = op.backward(A, g, node.data, *[p.data for p in parents], **params)
        for k, p in enumerate(parents):
            pg = grads[k]
            if pg is None or not p.requires_grad:
                continue
            if type(pg) is not ndarray or pg.shape != p.data.shape:
                uniform = type(pg) is _F64 or (type(pg) is ndarray and pg.ndim == 0)
                if not (uniform and p._op is not None and (p._op in elementwise or p.data.shape == ())):
                    pg = unbroadcast(pg, p.data.shape)  # (an elementwise op may keep a uniform 0-d gradient)
            if p._grad is None:
                # a leaf keeps its gradient across calls, so it must own it: copy unless the array
                # is fresh (no base, referenced only by `grads`, `pg` and getrefcount's argument)
                if p._op is None and (pg.base is not None or getrefcount(pg) > 3):
                    pg = pg.copy()
                p._grad = pg
            else:
                p._grad = p._grad + pg
