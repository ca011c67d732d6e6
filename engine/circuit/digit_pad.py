"""The draw-a-digit pad's picture, made the way the 8x8 digits were made.

scikit-learn's digits (UCI optdigits) are 32x32 bitmaps of handwritten digits, size-normalised by NIST's
programs (every digit fills the box's height and sits in the middle: its ink's bounding box is centred),
then counted in 4x4 blocks into 8x8 cells of 0..16 (our dataset divides by 16). A drawing read as it is
only matches that when it happens to be drawn full height and centred; so the pad keeps the pen's
strokes (in cell units, 0..8) and the network reads them the data's way: scaled to fill the height,
centred, drawn with a pen whose ink matches the data's strokes, and counted in 4x4 blocks.
"""

from __future__ import annotations

import numpy as np

from .digit_views import SIDE  # cells per side of the picture the network reads

RES = 32  # pixels per side of the bitmap the cells are counted from (the UCI bitmaps' size)
PEN = 0.75  # the pen's radius in cells (3 of 32 pixels): drawn digits then hold about as much ink as the
#             data's digits of their class (a drawn 1, 0, 7: 0.6, 1.4 and 1.1 times; 2 and 4 alike)
STEP = 0.1  # the pen records a point when it has moved this many cells

_Y, _X = ((np.mgrid[0:RES, 0:RES].reshape(2, -1) + 0.5) * (SIDE / RES))  # each pixel's centre in cells


def bitmap(strokes, radius: float = PEN) -> np.ndarray:
    """(RES, RES) of 0/1: a pixel is inked if its centre lies within `radius` cells of a stroke (a list
    of (x, y) points in cells; one point is a dot)."""
    segments = []
    for stroke in strokes:
        pts = np.asarray(stroke, dtype=np.float64).reshape(-1, 2)
        if len(pts):
            pts = np.vstack([pts, pts[-1:]]) if len(pts) == 1 else pts
            segments.append(np.stack([pts[:-1], pts[1:]], axis=1))
    if not segments:
        return np.zeros((RES, RES))
    seg = np.concatenate(segments)
    ax, ay, bx, by = seg[:, 0, 0], seg[:, 0, 1], seg[:, 1, 0], seg[:, 1, 1]  # the ends of each segment
    abx, aby = bx - ax, by - ay
    length2 = np.maximum(abx * abx + aby * aby, 1e-300)
    dx, dy = _X[:, None] - ax, _Y[:, None] - ay  # (pixels, segments)
    t = np.clip((dx * abx + dy * aby) / length2, 0.0, 1.0)  # where on the segment the pixel is nearest
    dx -= t * abx
    dy -= t * aby
    d2 = (dx * dx + dy * dy).min(axis=1)
    return (d2 <= radius * radius).astype(np.float64).reshape(RES, RES)


def cells(bits: np.ndarray) -> np.ndarray:
    """The (SIDE, SIDE) picture of a (RES, RES) bitmap: each cell the inked share of its 4x4 block."""
    k = RES // SIDE
    return np.asarray(bits, dtype=np.float64).reshape(SIDE, k, SIDE, k).mean(axis=(1, 3))


def normalised(strokes, radius: float = PEN) -> list[np.ndarray]:
    """The strokes scaled (keeping their shape) so that their ink fills the picture's height, or its width
    if wider than tall, and moved so that the ink's bounding box is centred, as the data's digits are."""
    strokes = [np.asarray(s, dtype=np.float64).reshape(-1, 2) for s in strokes if len(s)]
    if not strokes:
        return []
    pts = np.concatenate(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = float(np.max(hi - lo))
    scale = (SIDE - 2.0 * radius) / span if span > 0 else 1.0  # the pen's ink reaches the picture's edge
    centre = (lo + hi) / 2.0
    return [(s - centre) * scale + SIDE / 2.0 for s in strokes]


def network_input(strokes, radius: float = PEN) -> np.ndarray:
    """The (SIDE, SIDE) picture the network reads for the drawn strokes (values 0..1, as the dataset's)."""
    return cells(bitmap(normalised(strokes, radius), radius))


class Pad:
    """What the pad holds: the strokes drawn so far, or a dataset digit loaded to be looked at."""

    def __init__(self):
        self.strokes: list[list[tuple[float, float]]] = []
        self.loaded: np.ndarray | None = None  # a dataset's 8x8 digit, read as it is
        self.row: int | None = None  # its row in the dataset
        self.label: int | None = None  # its true class
        self._ink = np.zeros((RES, RES))  # the strokes' bitmap, inked segment by segment as the pen moves

    def empty(self) -> bool:
        return not self.strokes and self.loaded is None

    def clear(self) -> None:
        self.strokes, self.loaded, self.row, self.label = [], None, None, None
        self._ink = np.zeros((RES, RES))

    def begin(self, x: float, y: float) -> None:
        """The pen goes down at (x, y) (cells); a loaded digit makes way for the new drawing."""
        if self.loaded is not None:
            self.clear()
        x, y = np.clip((x, y), 0.0, SIDE)
        self.strokes.append([(float(x), float(y))])
        self._ink = np.maximum(self._ink, bitmap([self.strokes[-1]]))

    def extend(self, x: float, y: float) -> None:
        """The pen moves on to (x, y), drawing from where it was."""
        if not self.strokes:
            self.begin(x, y)
            return
        x, y = np.clip((x, y), 0.0, SIDE)  # the pen stops at the pad's edge
        px, py = self.strokes[-1][-1]
        if np.hypot(x - px, y - py) >= STEP:  # a still pen adds nothing (and keeps the strokes short)
            self.strokes[-1].append((float(x), float(y)))
            self._ink = np.maximum(self._ink, bitmap([self.strokes[-1][-2:]]))

    def load(self, picture, row: int | None = None, label: int | None = None) -> None:
        """Show a dataset digit (an 8x8 picture of 0..1) in place of the drawing."""
        self.strokes, self._ink = [], np.zeros((RES, RES))
        self.loaded = np.clip(np.asarray(picture, dtype=np.float64).reshape(SIDE, SIDE), 0.0, 1.0)
        self.row, self.label = row, label

    def picture(self) -> np.ndarray:
        """The 8x8 picture the network reads."""
        return self.loaded.copy() if self.loaded is not None else network_input(self.strokes)

    def shown(self) -> np.ndarray:
        """The (RES, RES) image on the pad: the strokes as drawn, or the loaded digit's cells enlarged."""
        if self.loaded is not None:
            return np.kron(self.loaded, np.ones((RES // SIDE, RES // SIDE)))
        return self._ink.copy()
