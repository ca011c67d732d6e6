"""pyqtgraph's IsocurveItem with its path made from engine.circuit.contour's whole-array marching squares
(the same points as pyqtgraph's own isocurve, without its Python loop over every grid cell)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from engine.circuit.contour import segments


class IsocurveItem(pg.IsocurveItem):
    """Drop-in for pg.IsocurveItem (setData, setLevel, data, level); draws the line as segments."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pen.setCapStyle(Qt.RoundCap)  # (the segments' joints stay closed, as a connected line's)

    def setPen(self, *args, **kwargs):  # noqa: N802 (Qt override)
        super().setPen(*args, **kwargs)
        self.pen.setCapStyle(Qt.RoundCap)

    def generatePath(self):  # noqa: N802 (pyqtgraph override)
        if self.data is None:
            self.path = None
            return
        data = self.data.T if self.axisOrder == "row-major" else self.data
        seg = segments(np.asarray(data), self.level)
        self.path = pg.arrayToQPath(seg[:, :, 0].ravel(), seg[:, :, 1].ravel(), connect="pairs")
