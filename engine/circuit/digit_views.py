"""What the digits views draw: the first layer's weights as 8x8 images (one per unit, tiled into one
mosaic), and the network's ten class probabilities for an 8x8 picture (the drawing pad's: digit_pad)."""

from __future__ import annotations

import numpy as np

from . import probe

SIDE = 8  # the digits are 8x8 pixels, row by row (scikit-learn's load_digits)
PIXELS = SIDE * SIDE


def first_layer(doc):
    """The dense block that reads the 64 pixels (a data node with the whole X), or None."""
    for node in doc.nodes():
        if node.kind != "dense" or int(node.params.get("nin", 0)) != PIXELS:
            continue
        src = doc.inputs_of(node.id).get("x")
        if src is not None and doc.node(src).kind == "data" and doc.node(src).params.get("column") == "X":
            return node
    return None


def weight_images(W) -> np.ndarray:
    """(units, 8, 8): unit k's 64 incoming weights laid out as the pixels they multiply."""
    W = np.asarray(W, dtype=np.float64)
    return W.reshape(W.shape[0], SIDE, SIDE)


def mosaic(images: np.ndarray, columns: int, gap: int = 1) -> np.ndarray:
    """The images tiled row by row, `columns` per row, with NaN in the gaps and empty tiles (image k's
    pixel (i, j) lands at row (k // columns) * (8 + gap) + i, column (k % columns) * (8 + gap) + j)."""
    n, h, w = images.shape
    rows = -(-n // columns)
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan)
    for k in range(n):
        r, c = divmod(k, columns)
        out[r * (h + gap):r * (h + gap) + h, c * (w + gap):c * (w + gap) + w] = images[k]
    return out


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def class_probabilities(ev, image) -> np.ndarray | None:
    """The softmax of the circuit's class scores for one 8x8 picture (pixels in [0, 1], as the dataset's),
    or None if the circuit is no softmax classifier of 64 pixels."""
    clf = probe.classifier(ev)
    if clf is None or clf.threshold is not None or first_layer(ev.doc) is None:
        return None
    scores = probe.scores(ev, clf, np.reshape(np.asarray(image, dtype=np.float64), (1, PIXELS)))
    if scores.ndim != 2 or not np.isfinite(scores).all():
        return None
    return softmax(scores[0])
