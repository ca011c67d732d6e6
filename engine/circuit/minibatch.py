"""The trainer's own passes over its dataset's rows: a mini-batch of the training split for each step,
and the held-out test split for the test loss and accuracy (engine.circuit.batches chooses the rows).

The evaluator keeps showing the whole dataset; these passes read the document's current parameters
through the evaluator's compiled tape and change nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import result
from .batches import Batches, split
from .data import dataset_arrays
from .probe import accuracy_at, classifier


def wants_feed(doc, tape, settings: dict) -> bool:
    """True if training reads its own rows: the circuit reads a dataset and the settings ask for
    mini-batches or a held-out share."""
    return bool(doc.dataset and tape.data and (settings.get("batch_size") or settings.get("test_share")))


@dataclass
class Metrics:
    loss: float
    accuracy: float | None


class DataFeed:
    """The dataset split once (seeded), the training rows served in mini-batches."""

    def __init__(self, doc, settings: dict):
        self.spec = doc.dataset
        self.X, self.y = dataset_arrays(doc.dataset)
        seed = int(settings.get("seed") or 0)
        self.train, self.test = split(len(self.X), settings.get("test_share") or 0.0, seed)
        self.batches = Batches(self.train, settings.get("batch_size"), seed)
        self.key = (id(doc.dataset), settings.get("batch_size"), settings.get("test_share"), seed)

    def rows(self, idx) -> tuple[np.ndarray, np.ndarray]:
        return self.X[idx], self.y[idx]

    def run(self, ev, idx, grads: bool) -> result.Result:
        """Forward (and backward) on the rows `idx` with the document's current parameters."""
        tape = ev.ensure_compiled()
        res = result.forward(tape, ev.leaves(data=self.rows(idx)))
        return result.backward(res, tape.slots[ev.root()]) if grads else res

    @staticmethod
    def metrics(ev, res: result.Result) -> Metrics:
        """The root's value (the loss) and, for a classifier, its accuracy on the rows of `res`."""
        v = res.values.get(ev.root())
        loss = float(np.sum(v)) if isinstance(v, np.ndarray) else float(v)
        clf = classifier(ev)
        if clf is None:
            return Metrics(loss, None)
        pred, target = res.values.get(clf.pred_id), res.values.get(clf.target_id)
        if not isinstance(pred, np.ndarray) or not isinstance(target, np.ndarray) or not np.isfinite(pred).all():
            return Metrics(loss, None)
        return Metrics(loss, accuracy_at(pred, target, clf.threshold))

    def test_metrics(self, ev) -> Metrics | None:
        """Loss and accuracy on the held-out rows (None without a test split)."""
        if not len(self.test):
            return None
        return self.metrics(ev, self.run(ev, self.test, grads=False))
