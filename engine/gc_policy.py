"""Keeps Python's cyclic garbage collector out of the engine's own hot loops, and nothing else.

Value and Tensor graphs hold no reference cycles (a node keeps its parents and the name of its
op; no closure points back at it), so reference counting frees them the moment they are dropped.
The cyclic collector has nothing to find there, yet it re-scans the large live graph over and
over while a graph is built and walked. Importing the engine changes nothing in the process:
backward passes and the engine's training steps run inside `paused()`, and a script that builds
graphs in its own loop may opt in with `with relaxed(): ...`. `python -m benchmarks.bench_value`
measures both against micrograd.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

RELAXED_GEN0 = 100_000


@contextmanager
def paused():
    """Pause the cyclic collector for the duration of a block (re-entrant)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def relaxed(gen0: int = RELAXED_GEN0):
    """Collect the youngest generation only every `gen0` new objects inside the block (opt-in), then restore."""
    before = gc.get_threshold()
    gc.set_threshold(max(gen0, before[0]), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
