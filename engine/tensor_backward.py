"""Backpropagation for Tensor: the reverse sweep over the registry's rules.

Each node runs its op's backward rule; in a whole pass an op's `fast_backward` (engine.registry)
computes only the gradients some parent needs (a constant operand gets none), and a whole-array
sum hands a uniform 0-d gradient through elementwise ops. Broadcasting is undone by
engine.backends.unbroadcast, the one place that does it.
"""

from __future__ import annotations

import operator
from sys import getrefcount

import numpy as np

from .backends import A, unbroadcast

_F64, _NDARRAY = np.float64, np.ndarray
_SEQ = operator.attrgetter("_seq")  # creation order: parents are always older than their children


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
    ndarray = _NDARRAY
    for node in nodes:  # newest first: every child is done before its parents
        op = node._op
        if op is None:
            continue
        g = node._grad
        if g is None:
            continue
        parents, params = node._parents, node._params
        if params is None:
            fast = op.fast_backward
            if len(parents) == 2:
                a, b = parents
                grads = (op.backward(A, g, node.data, a.data, b.data) if fast is None else
                         fast(g, node.data, (a.data, b.data), (a.requires_grad, b.requires_grad)))
            elif len(parents) == 1:
                (a,) = parents
                grads = (op.backward(A, g, node.data, a.data) if fast is None else
                         fast(g, node.data, (a.data,), (a.requires_grad,)))
            elif fast is None:
                grads = op.backward(A, g, node.data, *[p.data for p in parents])
            else:
                grads = fast(g, node.data, [p.data for p in parents], [p.requires_grad for p in parents])
        else:
            grads = op.backward(A, g, node.data, *[p.data for p in parents], **params)
        for k, p in enumerate(parents):
            pg = grads[k]
            if pg is None or not p.requires_grad:
                continue
            if type(pg) is not ndarray or pg.shape != p.data.shape:
                uniform = type(pg) is _F64 or (type(pg) is ndarray and pg.ndim == 0)
                if not (uniform and p._op is not None and (p._op.scalar or p.data.shape == ())):
                    pg = unbroadcast(pg, p.data.shape)  # (an elementwise op may keep a uniform 0-d gradient)
            if p._grad is None:
                # a leaf keeps its gradient across calls, so it must own it: copy unless the array
                # is fresh (no base, referenced only by `grads`, `pg` and getrefcount's argument)
                if p._op is None and (pg.base is not None or getrefcount(pg) > 3):
                    pg = pg.copy()
                p._grad = pg
            else:
                p._grad = p._grad + pg
