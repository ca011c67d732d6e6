"""Evaluate a compiled circuit at many points without touching the document.

The function panel sweeps one input over a range (f(x) and its slope, the lecture's first
lesson); the decision-boundary panel runs a classifier circuit on a grid over its 2-D dataset.
(The gradient check is engine.circuit.gradient_check.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..backends import A
from ..features import add_features
from . import result
from .batches import split
from .compile import run_forward
from .document import CircuitError
from .evaluate import Evaluator, dataset_arrays

# loss op -> threshold on the prediction that separates the two classes (None: one score per class)
CLASSIFIER_LOSSES = {"hinge": 0.0, "bce_logits": 0.0, "bce": 0.5, "softmax_ce": None}


def _run(ev: Evaluator, replace: dict[str, object], data=None, tape=None) -> list:
    """Every slot's value with some leaves replaced (arrays run the tape on numpy), on the evaluator's
    compiled tape or on `tape` (a copy with other parameters). Nothing the evaluator holds changes."""
    vals = ev.leaves(replace, data)
    run_forward(tape or ev.ensure_compiled(), vals, A)
    return vals


# ------------------------------------------------------------------ one input swept
def sweep_input(ev: Evaluator) -> str | None:
    """The input the function panel sweeps: the circuit's only input node, if it has one."""
    inputs = [n.id for n in ev.doc.nodes() if n.kind == "input"]
    if ev.doc.dataset or any(n.kind == "data" for n in ev.doc.nodes()):
        return None
    return inputs[0] if len(inputs) == 1 else None


def sweep(ev: Evaluator, node_id: str, xs) -> tuple[np.ndarray, np.ndarray]:
    """The root's value and its derivative with respect to the leaf `node_id`, with that leaf set to
    each of xs in turn (one forward and one backward pass over the array; non-finite -> NaN)."""
    tape = ev.ensure_compiled()
    if node_id not in tape.leaves:
        raise CircuitError(f"{ev.doc.node(node_id).label!r} is not an input, weight or constant")
    xs = np.asarray(xs, dtype=np.float64)
    res = result.forward(tape, ev.leaves({node_id: xs}), m=A)
    root = tape.slots[ev.root()]
    res = result.backward(res, root, m=A)
    g = res.slot_grads[tape.leaves[node_id]]
    out = []
    for v in (res.slot_values[root], 0.0 if g is None else g):
        v = np.broadcast_to(np.asarray(v, dtype=np.float64), xs.shape)
        out.append(np.where(np.isfinite(v), v, np.nan))
    return out[0], out[1]


# ------------------------------------------------------------------ decision boundary
@dataclass
class Classifier:
    """Where a classifier circuit keeps its prediction and targets."""

    loss_id: str
    pred_id: str
    target_id: str
    threshold: float | None  # None: several classes, the highest score wins


def classifier(ev: Evaluator) -> Classifier | None:
    """The prediction/target pair feeding a hinge or BCE loss at the root, else None."""
    try:
        root = ev.doc.node(ev.root())
    except CircuitError:
        return None
    if root.kind == "output":
        src = ev.doc.inputs_of(root.id).get("x")
        root = ev.doc.node(src) if src else root
    if root.kind != "op" or root.op not in CLASSIFIER_LOSSES:
        return None
    ins = ev.doc.inputs_of(root.id)
    pred, target = (ins.get(p) for p in root.input_ports()[:2])
    if pred is None or target is None:
        return None
    return Classifier(root.id, pred, target, CLASSIFIER_LOSSES[root.op])


def predictions(ev: Evaluator, clf: Classifier, X, y=None) -> np.ndarray:
    """The circuit's prediction (score) for each row of X, as a flat array."""
    return np.ravel(scores(ev, clf, X, y))


def scores(ev: Evaluator, clf: Classifier, X, y=None) -> np.ndarray:
    """The prediction for each row of X as the circuit makes it: (N,) scores or (N, C) class scores."""
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    vals = _run(ev, {}, (X, np.zeros(len(X)) if y is None else y))
    return np.asarray(vals[ev.tape.slots[clf.pred_id]], dtype=np.float64)


def class_values(y) -> tuple[float, float]:
    """(positive, negative) labels of a two-class target vector: {1, -1} or {1, 0}."""
    labels = np.unique(np.ravel(y))
    low = -1.0 if labels.size and labels.min() < 0 else 0.0
    return 1.0, low


def accuracy_at(pred, target, threshold: float | None) -> float:
    """Share of samples whose prediction falls on the side of `threshold` that their label names;
    with several classes (threshold None) the highest score must be the target class."""
    if threshold is None:
        target = np.asarray(target)
        labels = target.argmax(axis=1) if target.ndim == 2 else np.ravel(target)
        return float(np.mean(np.atleast_2d(pred).argmax(axis=1) == labels))
    positive, negative = class_values(target)
    predicted = np.where(np.ravel(pred) > threshold, positive, negative)
    return float(np.mean(predicted == np.ravel(target)))


def current_accuracy(ev: Evaluator) -> float | None:
    """The accuracy of a classifier circuit on its dataset with the values it has now, else None."""
    clf = classifier(ev)
    if clf is None:
        return None
    pred, target = ev.values.get(clf.pred_id), ev.values.get(clf.target_id)
    if not isinstance(pred, np.ndarray) or not isinstance(target, np.ndarray) or not np.isfinite(pred).all():
        return None
    return accuracy_at(pred, target, clf.threshold)


@dataclass
class Grid:
    """The prediction over a rectangle of the plane (z[i, j] at xs[i], ys[j]; z[i, j, c], class c's score,
    for a softmax classifier, whose threshold is None)."""

    xs: np.ndarray
    ys: np.ndarray
    z: np.ndarray
    threshold: float | None
    X: np.ndarray  # the dataset's base columns x1, x2, for the scatter
    y: np.ndarray
    test: np.ndarray | None = None  # True for the rows held out for testing (drawn with another marker)


def classifier_data(ev: Evaluator):
    """(classifier, X, y) of a classifier circuit on its dataset, or None when it is not one or the
    dataset cannot be built."""
    clf = classifier(ev)
    if clf is None or not ev.doc.dataset:
        return None
    try:
        X, y = dataset_arrays(ev.doc.dataset)
    except CircuitError:
        return None
    return clf, X, y


MAX_STRETCH = 1.1  # the boundary view draws one unit of x1 at most this many times as long as one of x2 (a ring
# of the circles stays round to the eye)


def plane_bounds(X, margin: float = 0.5, aspect: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) corners of the rectangle the boundary shows: every point of X (n, 2) with a margin (at
    least `margin`, at least 8 % of the data's span), widened along one axis so that on a view `aspect`
    times as wide as tall (pixels) x1 and x2 keep nearly the same scale (within MAX_STRETCH)."""
    low, high = X.min(axis=0), X.max(axis=0)
    pad = np.maximum(margin, 0.08 * (high - low))
    low, high = low - pad, high + pad
    if aspect and np.isfinite(aspect) and aspect > 0:
        (w, h), centre = high - low, (high + low) / 2
        stretch = (w / h) / aspect  # x units per pixel over y units per pixel
        if stretch > MAX_STRETCH:  # too tall a view for the data: show more of x2
            h = w / (aspect * MAX_STRETCH)
        elif stretch < 1 / MAX_STRETCH:  # too wide: show more of x1
            w = h * aspect / MAX_STRETCH
        low, high = centre - np.array([w, h]) / 2, centre + np.array([w, h]) / 2
    return low, high


def decision_grid(ev: Evaluator, n: int = 60, margin: float = 0.5, aspect: float | None = None) -> Grid | None:
    """Evaluate a 2-D classifier circuit on an n x n grid around its data (plane_bounds: `aspect` is the
    view's width over its height); None if it is not one."""
    found = classifier_data(ev)
    if found is None:
        return None
    clf, X, y = found
    extra = list(ev.doc.dataset.get("features") or [])
    if X.shape[1] != 2 + len(extra) or not len(X):
        return None
    X = X[:, :2]  # the plane of x1, x2; the features are computed again on the grid's points
    (x0, y0), (x1, y1) = plane_bounds(X, margin, aspect)
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    gx, gy = np.meshgrid(xs, ys, indexing="ij")
    z = scores(ev, clf, add_features(np.column_stack([gx.ravel(), gy.ravel()]), extra))
    if clf.threshold is None and (z.ndim != 2 or z.shape[1] < 2):
        return None  # softmax over fewer than two scores: no regions to draw
    z = z.reshape(n, n, -1) if clf.threshold is None else np.ravel(z).reshape(n, n)
    return Grid(xs, ys, z, clf.threshold, X, np.ravel(y), held_out(ev.doc, len(X)))


def click_classes(grid: Grid) -> list[float]:
    """The class labels a click on the boundary can add, in colour order: (positive, negative) for two
    classes, 0, 1, ... C-1 for a softmax over C class scores."""
    if grid.threshold is None:
        return [float(k) for k in range(grid.z.shape[-1])]
    return list(class_values(grid.y))


def held_out(doc, n: int) -> np.ndarray | None:
    """A mask of the n dataset rows that training holds out (the split engine.circuit.batches makes with
    the document's test share and seed), or None without a held-out share."""
    settings = doc.training or {}
    share = float(settings.get("test_share") or 0.0)
    if not share:
        return None
    mask = np.zeros(n, dtype=bool)
    mask[split(n, share, int(settings.get("seed") or 0))[1]] = True
    return mask


def with_point(spec: dict, x: float, y: float, label: float) -> dict:
    """A copy of a dataset choice with one more point (x, y) of class `label`."""
    new = dict(spec)
    new["points"] = [list(p) for p in spec.get("points") or []] + [[float(x), float(y), float(label)]]
    return new
