"""Datasets for circuits and benchmarks: scikit-learn generators where it has them, the lecture's
toy sets, CSV import, train/test split and accuracy. Every maker returns (X float64 (n, d), y).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from .errors import EngineError


class DatasetError(EngineError, ValueError):
    """A dataset that cannot be made or read; the message says what and where."""


def _labels(y, labels: str):
    y = np.asarray(y, dtype=np.float64)
    if labels == "pm1":
        return y * 2.0 - 1.0
    if labels == "01":
        return y
    raise DatasetError(f"labels must be 'pm1' or '01', got {labels!r}")


def moons(n=100, noise=0.1, seed=1, labels="pm1"):
    from sklearn.datasets import make_moons

    X, y = make_moons(n_samples=int(n), noise=float(noise), random_state=int(seed))
    return X.astype(np.float64), _labels(y, labels)


def circles(n=100, noise=0.05, factor=0.5, seed=1, labels="pm1"):
    from sklearn.datasets import make_circles

    X, y = make_circles(n_samples=int(n), noise=float(noise), factor=float(factor), random_state=int(seed))
    return X.astype(np.float64), _labels(y, labels)


def blobs(n=100, spread=1.0, seed=1, labels="pm1"):
    from sklearn.datasets import make_blobs

    X, y = make_blobs(n_samples=int(n), centers=2, cluster_std=float(spread), random_state=int(seed))
    return X.astype(np.float64), _labels(y, labels)


def xor(n=100, noise=0.1, seed=1, labels="pm1"):
    rng = np.random.default_rng(int(seed))
    X = rng.uniform(-1.0, 1.0, size=(int(n), 2))
    y = (np.sign(X[:, 0]) != np.sign(X[:, 1])).astype(np.float64)
    return X + rng.normal(0.0, float(noise), X.shape), _labels(y, labels)


def spiral(n=100, noise=0.1, turns=1.5, seed=1, labels="pm1", classes=2):
    """Interleaved spiral arms, one per class, each turned 360/classes degrees from the last. Two classes
    are labelled by `labels`; three or more are labelled 0, 1, 2... (for softmax cross-entropy)."""
    rng, k = np.random.default_rng(int(seed)), int(classes)
    if k < 2:
        raise DatasetError(f"spiral: classes must be at least 2, got {k}")
    m = int(n) // k
    if m < 1:
        raise DatasetError(f"spiral: n = {int(n)} is too few points for {k} classes")
    t = np.sqrt(rng.uniform(0.05, 1.0, size=m)) * turns * 2 * np.pi
    arm = np.c_[t * np.cos(t), t * np.sin(t)] / (turns * 2 * np.pi)
    if k == 2:
        arms = [arm, -arm]
    else:
        turn = [np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]]) for a in 2 * np.pi * np.arange(k) / k]
        arms = [arm @ r.T for r in turn]
    X = np.vstack(arms) + rng.normal(0.0, float(noise) / 5, (k * m, 2))
    y = np.repeat(np.arange(k, dtype=np.float64), m)
    return X, (_labels(y, labels) if k == 2 else y)


def lecture4():
    X = np.array([[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]])
    return X, np.array([1.0, -1.0, -1.0, 1.0])


def seed3x3():
    return np.arange(9, dtype=np.float64).reshape(3, 3), np.array([1.0, 0.0, 1.0])


def digits():
    from sklearn.datasets import load_digits

    data = load_digits()
    return data.data.astype(np.float64) / 16.0, data.target.astype(np.float64)


DATASETS = {"moons": moons, "circles": circles, "blobs": blobs, "xor": xor, "spiral": spiral,
            "lecture4": lecture4, "seed3x3": seed3x3, "digits": digits}
MAX_SAMPLES = 100_000  # the most samples a generated dataset may ask for
_N, _SEED, _NOISE, _LABELS = ("int", 1, MAX_SAMPLES), ("int", 0, 2**32 - 1), ("float", 0.0, 10.0), ("pm1", "01")
# The parameters each maker takes, with type and range ((kind, lo, hi) or a tuple of choices), and its
# number of feature columns: engine.circuit.schema checks files against this; a test checks it against
# the makers' signatures.
PARAMS = {
    "moons": {"n": _N, "noise": _NOISE, "seed": _SEED, "labels": _LABELS},
    "circles": {"n": _N, "noise": _NOISE, "factor": ("float", 0.0, 0.99), "seed": _SEED, "labels": _LABELS},
    "blobs": {"n": _N, "spread": ("float", 0.0, 100.0), "seed": _SEED, "labels": _LABELS},
    "xor": {"n": _N, "noise": _NOISE, "seed": _SEED, "labels": _LABELS},
    "spiral": {"n": ("int", 2, MAX_SAMPLES), "noise": _NOISE, "turns": ("float", 0.1, 100.0), "seed": _SEED,
               "labels": _LABELS, "classes": ("int", 2, 6)},
    "lecture4": {}, "seed3x3": {}, "digits": {},
}
FEATURES = {"moons": 2, "circles": 2, "blobs": 2, "xor": 2, "spiral": 2, "lecture4": 3, "seed3x3": 3, "digits": 64}
SAMPLES = {"lecture4": 4, "seed3x3": 3, "digits": 1797}  # fixed sizes; the others have a parameter n
DESCRIPTIONS = {
    "moons": "Two interleaving half circles (scikit-learn make_moons), labels -1/+1.",
    "circles": "A circle inside a ring (make_circles), labels -1/+1.",
    "blobs": "Two Gaussian blobs (make_blobs), labels -1/+1.",
    "xor": "Points in [-1, 1]^2 labelled by the sign of x1*x2 (XOR), labels -1/+1.",
    "spiral": "Two interleaved spiral arms, labels -1/+1 (classes: 3 or more arms, labels 0, 1, 2...).",
    "lecture4": "The lecture's 4 samples of 3 features with targets [1, -1, -1, 1].",
    "seed3x3": "X = arange(9).reshape(3, 3) with targets [1, 0, 1] (the tensor seed).",
    "digits": "scikit-learn's 1,797 handwritten 8x8 digits, pixels scaled to [0, 1], classes 0-9.",
}


def load_csv(path, target_column: int = -1):
    """Read a numeric CSV (optional header row); the target is one column, the rest are features."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from None
    rows = [r for r in csv.reader(text.splitlines()) if any(c.strip() for c in r)]
    if not rows:
        raise DatasetError(f"{path} is empty")
    start = 0 if _numeric_row(rows[0]) else 1
    if start == len(rows):
        raise DatasetError(f"{path} has a header but no data rows")
    width = len(rows[start])
    values = []
    for i, row in enumerate(rows[start:], start=start + 1):
        if len(row) != width:
            raise DatasetError(f"{path}, line {i}: {len(row)} columns, expected {width}")
        parsed = []
        for j, cell in enumerate(row, start=1):
            try:
                v = float(cell)
            except ValueError:
                raise DatasetError(f"{path}, line {i}, column {j}: {cell.strip()!r} is not a number") from None
            if not np.isfinite(v):
                raise DatasetError(f"{path}, line {i}, column {j}: {cell.strip()!r} is not a finite number")
            parsed.append(v)
        values.append(parsed)
    data = np.array(values)
    if width < 2:
        raise DatasetError(f"{path}: need at least one feature column and a target column")
    y = data[:, target_column]
    return np.delete(data, target_column % width, axis=1), y


def _numeric_row(row) -> bool:
    try:
        [float(c) for c in row]
    except ValueError:
        return False
    return True


def train_test_split(X, y, test_fraction=0.25, seed=0):
    """Shuffle with a seed and split: (X_train, X_test, y_train, y_test)."""
    n = len(X)
    order = np.random.default_rng(seed).permutation(n)
    cut = n - int(round(n * test_fraction))
    tr, te = order[:cut], order[cut:]
    return X[tr], X[te], y[tr], y[te]


def accuracy(pred, y) -> float:
    """Share of equal labels; scores are thresholded by sign for -1/+1 targets, argmax for class scores."""
    pred, y = np.asarray(pred), np.ravel(np.asarray(y))
    if pred.ndim == 2 and pred.shape[1] > 1:
        pred = pred.argmax(axis=1)
    elif set(np.unique(y)) <= {-1.0, 1.0}:
        pred = np.where(np.ravel(pred) > 0, 1.0, -1.0)
    else:
        pred = (np.ravel(pred) > 0.5).astype(float)
    return float(np.mean(pred == y))
