"""Scalar circuits whose inputs are data columns, for tests of whole passes over a dataset."""

import numpy as np

from engine.expr import circuit_from_expression


def as_data_columns(doc, labels, samples: int, seed: int, y=None):
    """Turn the nodes `labels` into data columns of a random normal dataset (in place); returns doc."""
    for name in labels:
        node = doc.by_label(name)
        node.kind, node.params = "data", {"column": name}
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(samples, len(labels)))
    doc.set_dataset({"name": "custom", "X": X.tolist(), "y": list(y) if y is not None else [0.0] * samples})
    return doc


def expression_on_data(text: str, values: dict, columns=("x1", "x2"), samples: int = 30, seed: int = 0):
    """An expression circuit with `columns` fed from a dataset (those names need a placeholder value)."""
    doc = circuit_from_expression(text, values={**values, **{c: 0.0 for c in columns}})
    return as_data_columns(doc, columns, samples, seed)
