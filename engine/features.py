"""TensorFlow Playground's feature inputs: extra data columns computed from a 2-D dataset's x1 and x2.

A dataset choice may name features ({"name": "circles", "features": ["x1^2", "x2^2"]}); they are
appended to X after the base columns (and after added points), in the order named, so the first one
is column x3. The decision boundary computes the same features on its grid points.
"""

from __future__ import annotations

import numpy as np

from .errors import EngineError

# name -> (what the learner reads, the column from the base columns x1, x2)
FEATURES = {
    "x1^2": ("x1²", lambda X: X[:, 0] ** 2),
    "x2^2": ("x2²", lambda X: X[:, 1] ** 2),
    "x1*x2": ("x1·x2", lambda X: X[:, 0] * X[:, 1]),
    "sin x1": ("sin x1", lambda X: np.sin(X[:, 0])),
    "sin x2": ("sin x2", lambda X: np.sin(X[:, 1])),
}
BASE_WIDTH = 2  # features are made from a 2-D dataset


class FeatureError(EngineError, ValueError):
    """A feature list that cannot be applied; the message says which entry and why."""


def check(names, width: int | None = None) -> list[str]:
    """The feature names as a list, or FeatureError: known names, each once, on a 2-D dataset."""
    if not isinstance(names, list):
        raise FeatureError(f"dataset.features must be a list of names, got {type(names).__name__}")
    for i, name in enumerate(names):
        if name not in FEATURES:
            raise FeatureError(f"dataset.features[{i}]: unknown feature {name!r}; known: {', '.join(FEATURES)}")
        if name in names[:i]:
            raise FeatureError(f"dataset.features[{i}]: {name!r} is named twice")
    if names and width is not None and width != BASE_WIDTH:
        raise FeatureError(f"features need a 2-D dataset (x1, x2); this one has {width} columns")
    return list(names)


def add_features(X, names) -> np.ndarray:
    """X (n, 2) with one more column per named feature, in order."""
    X = np.atleast_2d(np.asarray(X, dtype=np.float64))
    names = check(list(names), X.shape[1])
    if not names:
        return X
    return np.column_stack([X] + [FEATURES[name][1](X) for name in names])


def column_name(names, name: str) -> str:
    """The data column ('x3', 'x4'...) that the feature `name` fills when the dataset has `names`."""
    return f"x{BASE_WIDTH + 1 + list(names).index(name)}"


def label(name: str) -> str:
    """How the canvas and the buttons show a feature (x1², x1·x2...)."""
    return FEATURES[name][0]
