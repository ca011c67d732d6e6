"""A value the user types is never changed silently: outside the node's slider range, the range widens.

    cmd = set_value(doc, node_id, 10.0)   # SetValue, or one Macro (widen the slider, then set the value)
    history.push(cmd)                      # one undo entry either way

The value is kept exactly; the slider's new end is the next "nice" number (1, 2 or 5 times a power of
ten) at or past it, so the slider stays readable and the value sits on it.
"""

from __future__ import annotations

import math

from .commands import Command, Macro, SetSlider, SetValue
from .document import Circuit, CircuitError

__all__ = ["nice_ceil", "set_value", "widened"]


def nice_ceil(x: float) -> float:
    """The smallest of 1, 2, 5 times a power of ten that is >= x (x > 0)."""
    exp = math.floor(math.log10(x))
    for digit in (1.0, 2.0, 5.0, 10.0):
        bound = digit * 10.0 ** exp
        if bound >= x:
            return bound
    return 10.0 ** (exp + 1)  # (only when rounding in log10 left x just above 10 ** (exp + 1))


def widened(slider: tuple[float, float, float], value: float) -> tuple[float, float, float]:
    """The slider range (lo, hi, step) stretched to hold `value` (unchanged when it already does)."""
    lo, hi, step = slider
    if value > hi:
        hi = max(value, nice_ceil(value)) if value > 0 else value
    if value < lo:
        lo = min(value, -nice_ceil(-value)) if value < 0 else value
    return lo, hi, step


def set_value(doc: Circuit, node_id: str, value: float) -> Command:
    """The command that sets a typed or nudged value exactly, widening the slider range when needed."""
    value = float(value)
    node = doc.node(node_id)
    if not math.isfinite(value):
        raise CircuitError(f"{node.label!r} needs a finite number, got {value}")
    slider = widened(tuple(node.slider), value)
    if slider == tuple(node.slider):
        return SetValue(node_id, value)
    return Macro(f"set {node.label} to {value:g}", [SetSlider(node_id, slider), SetValue(node_id, value)])
