"""The confusion matrix of a classifier circuit: how many rows of each true class it predicts as each class.

Two classes: the prediction's side of the loss's threshold (hinge and BCE with logits: 0; BCE: 0.5).
Several classes (softmax cross-entropy): the highest score. Computed on every row of the dataset, or on
the training or held-out test rows of the run's split (engine.circuit.batches.split, same seed).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .batches import split
from .probe import _run, class_values, classifier_data

ROWS = ("all", "train", "test")


@dataclass
class Confusion:
    labels: list  # the class labels, in the order of the matrix's rows and columns
    matrix: np.ndarray  # matrix[i, j]: rows of true class labels[i] predicted as labels[j]

    @property
    def total(self) -> int:
        return int(self.matrix.sum())

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.matrix) / self.total) if self.total else float("nan")


def confusion_matrix(true: np.ndarray, predicted: np.ndarray, labels) -> np.ndarray:
    """Counts of (true, predicted) pairs over `labels` (a label not in the list is not counted)."""
    index = {float(v): i for i, v in enumerate(labels)}
    out = np.zeros((len(labels), len(labels)), dtype=np.int64)
    t = np.array([index.get(float(v), -1) for v in np.ravel(true)])
    p = np.array([index.get(float(v), -1) for v in np.ravel(predicted)])
    keep = (t >= 0) & (p >= 0)
    np.add.at(out, (t[keep], p[keep]), 1)
    return out


def classes_of(pred: np.ndarray, target: np.ndarray, threshold: float | None) -> tuple[np.ndarray, np.ndarray, list]:
    """(true class, predicted class, labels) of each row from a classifier's scores and targets."""
    target = np.asarray(target)
    if threshold is None:  # several classes: one score column per class
        pred = np.atleast_2d(pred)
        n = pred.shape[1]
        true = target.argmax(axis=1) if target.ndim == 2 else np.ravel(target).astype(int)
        return true, pred.argmax(axis=1), list(range(n))
    positive, negative = class_values(target)
    predicted = np.where(np.ravel(pred) > threshold, positive, negative)
    return np.ravel(target), predicted, [negative, positive]


def circuit_confusion(ev, rows: str = "all", settings: dict | None = None) -> Confusion | None:
    """The confusion matrix of the evaluator's classifier circuit on its dataset's rows (all of them, or the
    train / test split of `settings`: test_share and seed); None if the circuit is not a classifier on a
    dataset or has no such rows."""
    if rows not in ROWS:
        raise ValueError(f"rows must be one of {', '.join(ROWS)}, got {rows!r}")
    found = classifier_data(ev)
    if found is None:
        return None
    clf, X, y = found
    if rows != "all":
        s = settings or {}
        train, test = split(len(X), s.get("test_share") or 0.0, int(s.get("seed") or 0))
        idx = train if rows == "train" else test
        if not len(idx):
            return None
        X, y = X[idx], y[idx]
    scores, target = ev.values.get(clf.pred_id), ev.values.get(clf.target_id)
    if rows != "all" or not (isinstance(scores, np.ndarray) and len(scores) == len(X)):
        tape = ev.ensure_compiled()  # not the rows the evaluator shows: a pass of its own over them
        vals = _run(ev, {}, (X, y))  # the boundary's pure pass; several classes keep their score columns
        scores, target = vals[tape.slots[clf.pred_id]], vals[tape.slots[clf.target_id]]
    scores, target = np.asarray(scores, dtype=np.float64), np.asarray(target, dtype=np.float64)
    if not np.isfinite(scores).all():
        return None
    if clf.threshold is not None:
        scores = np.ravel(scores)
    true, predicted, labels = classes_of(scores, target, clf.threshold)
    return Confusion(labels, confusion_matrix(true, predicted, labels))

