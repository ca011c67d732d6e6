"""A document's dataset as arrays, and the columns its data nodes read."""

from __future__ import annotations

import functools
import json

import numpy as np

from .document import CircuitError


def dataset_arrays(spec: dict | None):
    """(X, y) for a document's dataset choice: inline points or a named generator."""
    if not spec:
        raise CircuitError("the circuit has data nodes but no dataset is chosen")
    try:
        return _dataset_arrays(spec)
    except (TypeError, ValueError, IndexError) as exc:  # parameters the generator refuses, ragged points
        if isinstance(exc, CircuitError):
            raise
        raise CircuitError(f"the dataset {spec.get('name', 'inline')!r} cannot be made: {exc}") from None


def _dataset_arrays(spec: dict):
    if "X" in spec:
        X, y = np.asarray(spec["X"], dtype=np.float64), np.asarray(spec.get("y", []), dtype=np.float64)
    else:
        from .. import datasets

        name = spec.get("name")
        if name not in datasets.DATASETS:
            raise CircuitError(f"unknown dataset {name!r}; known: {', '.join(datasets.DATASETS)}")
        X, y = _named_dataset(name, json.dumps(spec.get("params", {}), sort_keys=True))
    extra = spec.get("points") or []
    if extra:
        X = np.vstack([X, np.asarray([p[:-1] for p in extra], dtype=np.float64)])
        y = np.concatenate([np.ravel(y), np.asarray([p[-1] for p in extra], dtype=np.float64)])
    if spec.get("features"):  # x1^2, sin x1...: columns after the base ones (engine.features)
        from .. import features

        X = features.add_features(X, spec["features"])
    return np.atleast_2d(np.asarray(X, dtype=np.float64)), np.asarray(y, dtype=np.float64)


@functools.lru_cache(maxsize=8)
def _named_dataset(name: str, params_json: str):
    """A generated or bundled dataset, made once per (name, params): every pass reads the same arrays
    (loading the digits takes ~20 ms, far longer than a training step)."""
    from .. import datasets

    X, y = datasets.DATASETS[name](**json.loads(params_json))
    X, y = np.array(X, dtype=np.float64), np.array(y, dtype=np.float64)
    X.flags.writeable = y.flags.writeable = False  # shared between passes: nobody may change them
    return X, y


def column_names(width: int) -> list[str]:
    """The columns a data node can read from a dataset of `width` features: x1..xd, y and X."""
    return [f"x{k}" for k in range(1, width + 1)] + ["y", "X"]


def column(X, y, name: str):
    """A data node's column: 'x1'..'xd' (features), 'y' (targets) or 'X' (the whole matrix)."""
    if name == "X":
        return X
    if name == "y":
        return np.ravel(y) if np.ndim(y) > 1 and np.shape(y)[1] == 1 else y
    if name in column_names(X.shape[1]):
        return X[:, int(name[1:]) - 1].copy()
    raise CircuitError(f"dataset has no column {name!r} (it has x1..x{X.shape[1]}, y and X)")
