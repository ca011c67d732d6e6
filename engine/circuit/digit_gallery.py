"""The held-out test digits the network gets wrong, each with its true class, the class the network
predicts and the probability it gives that class; the most confident mistakes first.

The test rows are the ones training holds out: the trainer's DataFeed split (engine.circuit.minibatch),
or, before any training, the same seeded split of the document's training settings (batches.split).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .batches import split
from .confusion import classes_of
from .digit_views import PIXELS, SIDE, first_layer, softmax
from .probe import _run, classifier_data


@dataclass(frozen=True)
class Mistake:
    row: int  # the digit's row in the dataset
    true: int  # its class
    predicted: int  # the class the network gives it
    confidence: float  # the network's probability for the predicted class
    picture: np.ndarray = field(compare=False, repr=False)  # (8, 8), pixels 0..1


@dataclass(frozen=True)
class Gallery:
    mistakes: list[Mistake]  # sorted by confidence, highest first (ties: dataset order)
    tested: int  # how many test rows were looked at
    finite: bool = True  # False: the network's scores are not finite numbers (nothing is judged)


def held_out_rows(doc, n: int) -> np.ndarray:
    """The rows of n that training holds out under the document's settings (empty without a test share)."""
    settings = doc.training or {}
    return split(n, float(settings.get("test_share") or 0.0), int(settings.get("seed") or 0))[1]


def misclassified(ev, rows=None) -> Gallery | None:
    """The test digits (`rows` of the dataset, by default the document's held-out split) that the
    evaluator's softmax classifier of 64 pixels gets wrong; None if the circuit is no such classifier."""
    found = classifier_data(ev)
    if found is None or found[0].threshold is not None or first_layer(ev.doc) is None:
        return None
    clf, X, y = found
    if X.ndim != 2 or X.shape[1] != PIXELS:
        return None
    rows = held_out_rows(ev.doc, len(X)) if rows is None else np.asarray(rows, dtype=np.int64)
    if not len(rows):
        return Gallery([], 0)
    scores, target = ev.values.get(clf.pred_id), ev.values.get(clf.target_id)
    if isinstance(scores, np.ndarray) and scores.ndim == 2 and len(scores) == len(X) and isinstance(
            target, np.ndarray) and len(target) == len(X):
        scores, target = scores[rows], target[rows]  # the evaluator shows every row: its scores will do
    else:  # a pass of our own over the test rows (nothing the evaluator holds changes)
        vals = _run(ev, {}, (X[rows], y[rows]))
        tape = ev.ensure_compiled()
        scores, target = vals[tape.slots[clf.pred_id]], vals[tape.slots[clf.target_id]]
    scores = np.asarray(scores, dtype=np.float64)
    if scores.ndim != 2 or scores.shape[0] != len(rows) or scores.shape[1] < 2:
        return None
    if not np.isfinite(scores).all():
        return Gallery([], len(rows), finite=False)
    true, predicted, _ = classes_of(scores, np.asarray(target, dtype=np.float64), None)
    confidence = softmax(scores)[np.arange(len(rows)), predicted]
    wrong = np.flatnonzero(predicted != true)
    wrong = wrong[np.lexsort((rows[wrong], -confidence[wrong]))]
    return Gallery([Mistake(int(rows[i]), int(true[i]), int(predicted[i]), float(confidence[i]),
                            X[rows[i]].reshape(SIDE, SIDE)) for i in wrong], len(rows))
