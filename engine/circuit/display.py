"""What a view shows for a node: the batch mean of its values, or one chosen sample.

This is view state, not evaluation: the Evaluator's results hold whole arrays; a Display picks the
number a canvas node, a plot or a notebook table shows, and says when that choice changes.
"""

from __future__ import annotations

import numpy as np
from psygnal import Signal

from .result import grad_skipped


def shown(v, sample: int | None = None) -> float | None:
    """The number shown for a value: itself, one sample's entry, or the mean over the batch."""
    if v is None:
        return None
    if isinstance(v, np.ndarray):
        if sample is not None and v.ndim >= 1 and 0 <= sample < v.shape[0]:
            v = v[sample]
        return float(np.mean(v))
    return float(v)


class Display:
    """The shown sample (None: the batch mean) of one evaluator's results."""

    changed = Signal()  # the shown sample changed: views redraw

    def __init__(self, evaluator):
        self.ev = evaluator
        self.sample: int | None = None
        self.hidden: frozenset = frozenset()  # node ids whose gradient a lesson hides (a predict step)

    def set_sample(self, sample: int | None) -> None:
        if sample != self.sample:
            self.sample = sample
            self.changed.emit()

    def hide(self, node_ids=()) -> None:
        """Hide these nodes' gradients from every view that reads them here (empty: show all)."""
        ids = frozenset(node_ids)
        if ids != self.hidden:
            self.hidden = ids
            self.changed.emit()

    def value(self, node_id: str) -> float | None:
        return shown(self.ev.result.values.get(node_id), self.sample)

    def grad(self, node_id: str) -> float | None:
        res = self.ev.result
        # an unwired node has no gradient (not 0); a hidden one is the learner's to work out
        if res.grads is None or node_id in res.incomplete or node_id in self.hidden or grad_skipped(res, node_id):
            return None
        return shown(res.grads.get(node_id), self.sample)
