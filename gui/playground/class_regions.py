"""Several classes on the decision boundary panel: each grid point in the colour of its highest-scoring
class, paler where the softmax is unsure; the class of each data point in the same colours."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from .plots import NEG, POS

# class 0, 1, 2...: the two-class panel's blue and orange, then a green, a purple, a red and a teal
CLASS_COLORS = (POS, NEG, "#2ca02c", "#8e44ad", "#d62728", "#17a2a2")


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - np.max(z, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def shade_classes(z: np.ndarray) -> np.ndarray:
    """RGBA image of class scores z (nx, ny, C): the winning class's colour, strength by the softmax
    margin between the best and the second-best class (non-finite scores: transparent)."""
    finite = np.isfinite(z).all(axis=-1)
    p = softmax(np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0))
    top2 = np.sort(p, axis=-1)[..., -2:]
    strength = (top2[..., 1] - top2[..., 0])[..., None] * 0.55 + 0.1
    cmap = pg.ColorMap(np.arange(len(CLASS_COLORS)), [pg.mkColor(c) for c in CLASS_COLORS])
    color = cmap.map(p.argmax(axis=-1).ravel() % len(CLASS_COLORS), mode="float")[:, :3] * 255.0
    color = color.reshape(*z.shape[:2], 3)
    rgb = 255.0 * (1 - strength) + color * strength
    alpha = np.where(finite, 255, 0)[..., None]
    return np.concatenate([rgb, alpha], axis=-1).astype(np.ubyte)


def brushes(y) -> list:
    """One brush per data point, in its class's colour."""
    return [pg.mkBrush(CLASS_COLORS[int(label) % len(CLASS_COLORS)]) for label in np.ravel(y)]


def margin_to_others(z: np.ndarray, k: int) -> np.ndarray:
    """Class k's score minus the best other class's: zero on the border of class k's region."""
    others = np.delete(z, k, axis=-1).max(axis=-1)
    return np.nan_to_num(z[..., k] - others, nan=0.0)
