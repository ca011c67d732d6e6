"""The digits example (64-128-64-10 MLP) trained in-process, once per test session, and a numpy forward
pass of it (the oracle of the digits views' tests)."""

from functools import lru_cache

import numpy as np

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import Trainer
from tests.conftest import EXAMPLES

TRAINED_STEPS = 200  # the file's settings (Adam 0.001, batches of 128, 20 % held out): ~95 % on the test rows


def dense_layers(doc):
    return sorted((n for n in doc.nodes() if n.kind == "dense"), key=lambda n: n.label)


@lru_cache(maxsize=1)
def _trained_params():
    doc = io.load(EXAMPLES / "digits.json")
    Trainer(doc, Evaluator(doc)).run(TRAINED_STEPS)
    return {n.id: (np.array(n.params["W"]), np.array(n.params["b"])) for n in dense_layers(doc)}


def trained_digits(**training):
    """A fresh digits document with the weights of TRAINED_STEPS in-process training steps."""
    doc = io.load(EXAMPLES / "digits.json")
    doc.training = {**doc.training, **training}
    for nid, (W, b) in _trained_params().items():
        doc.set_params(nid, {**doc.node(nid).params, "W": W.copy(), "b": b.copy()})
    return doc


def numpy_scores(doc, X) -> np.ndarray:
    """The class scores of the document's MLP for the rows of X, by numpy."""
    h = np.asarray(X, dtype=np.float64)
    layers = dense_layers(doc)
    for i, n in enumerate(layers):
        h = h @ np.asarray(n.params["W"]).T + np.asarray(n.params["b"])
        h = np.maximum(h, 0.0) if i < len(layers) - 1 else h
    return h
