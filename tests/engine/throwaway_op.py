"""A throwaway op, registered only for the length of a test: softsign(x) = x / (1 + |x|).

It is defined here and nowhere else, with the fields any op has. Tests register it, check that the
whole app picks it up, and unregister it so that no other test sees it.
"""

from __future__ import annotations

import contextlib

import numpy as np

from engine import ops

NAME = "softsign"
FAST_CALLS: list[int] = []  # one entry per fast_backward call


def softsign(x):
    return x / (1.0 + np.abs(x))


def dsoftsign(x):
    return 1.0 / (1.0 + np.abs(x)) ** 2


def _fast(g, out, xs, needs):
    FAST_CALLS.append(1)
    (x,) = xs
    return (g * (1.0 - np.abs(out)) ** 2 if needs[0] else None,)  # 1 - |softsign(x)| = 1 / (1 + |x|)


@contextlib.contextmanager
def registered(fast: bool = True):
    """The op in the registry for the duration of the block (with or without a fast backward), then gone."""
    FAST_CALLS.clear()
    op = ops.define(
        NAME, "x", lambda m, x: x / (1.0 + m.abs(x)),
        lambda m, g, out, x: (g / ((1.0 + m.abs(x)) * (1.0 + m.abs(x))),),  # d softsign/dx = 1 / (1 + |x|)^2
        "softsign", "activation", "d/dx softsign(x) = 1 / (1 + |x|)^2", ("1/(1 + |x|)^2",),
        "Softsign: x / (1 + |x|), a slow-saturating squash to (-1, 1).",
        torch="torch.nn.functional.softsign({x})", groupable=True, fast_backward=_fast if fast else None)
    try:
        yield op
    finally:
        ops.unregister(NAME)
