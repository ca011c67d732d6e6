"""Keeps Python's cyclic garbage collector out of the autograd hot path.

Value and Tensor graphs hold no reference cycles (a node keeps its parents and the name of its
op; no closure points back at it), so reference counting frees them the moment they are dropped.
The cyclic collector has nothing to find there, yet with its default gen-0 threshold of 700 it
re-scans the large live graph over and over while a training step builds it: on the moons demo
that is most of the time. So the engine (1) pauses the collector during backward passes and
training steps, and (2) raises the gen-0 threshold to 100,000 when it is imported, only if it is
still at a default below that. `python -m benchmarks.bench_value` measures both choices.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

RELAXED_GEN0 = 100_000
_original: tuple[int, int, int] | None = None


def relax() -> None:
    """Raise the gen-0 threshold so graph building is not interrupted by full re-scans."""
    global _original
    current = gc.get_threshold()
    if current[0] < RELAXED_GEN0:
        _original = current
        gc.set_threshold(RELAXED_GEN0, *current[1:])


def restore() -> None:
    """Put back the thresholds the process had before relax()."""
    global _original
    if _original is not None:
        gc.set_threshold(*_original)
        _original = None


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
