"""One unit's map shown large in the Decision boundary panel (opened from the Units panel), with the data
points and the line where the unit's activation turns; a button goes back to the decision boundary."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QPushButton

from engine.circuit import unit_maps
from engine.circuit.probe import class_values

from . import class_regions
from .plots import class_brushes, show_range
from .units_panel import colour

GRID = 60  # as the decision boundary's


class UnitView:
    """Draws the opened unit in a BoundaryPanel instead of its boundary (the panel asks draw() first)."""

    def __init__(self, panel, units):
        self.panel, self.units = panel, units  # the boundary panel it draws in; the Units panel (unit texts)
        self.unit: unit_maps.Unit | None = None
        self.back = QPushButton(QCoreApplication.translate("UnitView", "Back to the decision boundary"))
        self.back.hide()
        self.back.clicked.connect(lambda: self.open(None))
        panel.layout().addWidget(self.back)

    def open(self, unit) -> None:
        """Show `unit` large (None: the decision boundary again)."""
        self.unit = unit
        self.back.setVisible(unit is not None)
        self.panel.schedule()

    def draw(self) -> bool:
        """Draw the opened unit; False when none is open (or it is gone: then the boundary is back)."""
        if self.unit is None:
            return False
        p = self.panel
        maps = unit_maps.unit_maps(p.ev, GRID)
        if maps is None or self.unit not in maps.maps:
            self.unit = None
            self.back.hide()
            return False
        unit = next(u for u in maps.maps if u == self.unit)  # (its name as the document has it now)
        z = maps.maps[unit]
        rgba = colour([z])[0]
        xs, ys = maps.xs, maps.ys
        dx, dy = xs[1] - xs[0], ys[1] - ys[0]
        p.grid = None  # (no clicks add points while a unit is shown)
        p.plot.setVisible(True)
        p.image.setImage(rgba, autoLevels=False)
        p.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))
        show_range(p.plot, (xs[0] - dx / 2, xs[-1] + dx / 2), (ys[0] - dy / 2, ys[-1] + dy / 2))
        info = unit_maps.unit_info(p.doc, unit)
        level = unit_maps.TURNING.get(info.activation, 0.0)
        p.contour.setLevel(level)
        p.contour.setData(np.nan_to_num(z, nan=level))
        for curve in p.class_borders:  # (the borders of several classes' regions belong to the boundary)
            curve.setData(None)
        positive, _ = class_values(maps.y)
        several = len(np.unique(maps.y)) > 2
        p.points.setData(maps.X[:, 0], maps.X[:, 1],
                         brush=class_regions.brushes(maps.y) if several else class_brushes(maps.y, positive))
        p._points_key = None  # (the boundary sets its own points again when it is back)
        p.caption.setText(self.units.describe(unit, short=True).replace("\n", "; ") + "  " + QCoreApplication.translate(
            "UnitView", "(blue: output above 0, orange: below; the black line is where the activation turns)"))
        return True


def connect(units, boundary, layout) -> None:
    """A unit clicked in the Units panel opens large in the Decision boundary panel, which comes to the front."""
    boundary.unit_view = view = UnitView(boundary, units)

    def opened(unit):
        view.open(unit)
        if unit is not None:
            layout.bring_to_front("boundary")

    units.unit_opened.connect(opened)
    view.back.clicked.connect(lambda: units.open_unit(None))
