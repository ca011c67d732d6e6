"""Digits views: the first layer's weights as 8x8 images (one per unit, redrawn as the network trains)
and a drawing pad whose picture the network classifies live, its ten class probabilities as bars."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QGridLayout, QLabel, QPushButton, QVBoxLayout

from engine.circuit import digit_views as dv

from ..panel import Panel
from .plots import NEG, POS, make_plot

COLUMNS = 16  # weight images per row of the mosaic (128 units: 8 rows)
WEIGHTS_CMAP = pg.colormap.get("CET-D1")  # diverging: negative weights blue, positive red, zero white
INK_CMAP = pg.ColorMap([0.0, 1.0], [pg.mkColor("w"), pg.mkColor("k")])


class PadImage(pg.ImageItem):
    """The 8x8 picture; dragging or clicking with the left button inks the cells under the pen."""

    def __init__(self, on_ink):
        super().__init__(axisOrder="row-major")
        self.on_ink = on_ink

    def mouseClickEvent(self, ev):  # noqa: N802 (Qt override)
        if ev.button() == Qt.LeftButton:
            ev.accept()
            self.on_ink(ev.pos().x(), ev.pos().y())

    def mouseDragEvent(self, ev):  # noqa: N802 (Qt override)
        if ev.button() != Qt.LeftButton:
            ev.ignore()
            return
        ev.accept()
        a, b = ev.lastPos(), ev.pos()  # ink along the segment, so a fast stroke leaves no gaps
        for t in np.linspace(0.0, 1.0, max(2, int(np.hypot(b.x() - a.x(), b.y() - a.y()) * 4) + 1)):
            self.on_ink(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()))


def _cell(grid: QGridLayout, row: int, column: int, rows: int = 1) -> QVBoxLayout:
    """A layout for one cell of the panel's grid (make_plot adds its plot to a layout)."""
    cell = QVBoxLayout()
    cell.setContentsMargins(0, 0, 0, 0)
    grid.addLayout(cell, row, column, rows, 1)
    return cell


def _image_plot(layout, title):
    plot = make_plot(layout, title, grid=False)
    plot.setAspectLocked(True)
    plot.invertY(True)  # row 0 at the top, as the digits are drawn
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    return plot


class DigitsPanel(Panel):
    """Weight images of the dense block on the 64 pixels, and the draw-a-digit pad with its bars."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.picture = np.zeros((dv.SIDE, dv.SIDE))
        self.probs: np.ndarray | None = None
        grid = QGridLayout(self)
        self.weights_plot = _image_plot(_cell(grid, 0, 0, 2), self.tr("First-layer weights, one 8x8 image per unit"))
        self.weights = pg.ImageItem(axisOrder="row-major")
        self.weights.setColorMap(WEIGHTS_CMAP)
        self.weights_plot.addItem(self.weights)
        self.pad_plot = _image_plot(_cell(grid, 0, 1), self.tr("Draw a digit"))
        self.pad = PadImage(self.ink)
        self.pad.setColorMap(INK_CMAP)
        self.pad_plot.addItem(self.pad)
        frame = QGraphicsRectItem(0, 0, dv.SIDE, dv.SIDE)  # the pad's edge (its empty cells are white)
        frame.setPen(pg.mkPen("#888", width=1, cosmetic=True))
        self.pad_plot.addItem(frame)
        self.pad_plot.setRange(QRectF(0, 0, dv.SIDE, dv.SIDE), padding=0.02)
        self.bars_plot = make_plot(_cell(grid, 1, 1), self.tr("Class probabilities"))
        self.bars_plot.setYRange(0.0, 1.0)
        self.bars_plot.setXRange(-0.6, 9.6)
        self.bars_plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=POS)
        self.bars_plot.addItem(self.bars)
        self.clear_button = QPushButton(self.tr("Clear the pad"))
        self.clear_button.clicked.connect(self.clear_pad)
        grid.addWidget(self.clear_button, 2, 1)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        grid.addWidget(self.caption, 2, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.pad.setImage(self.picture, levels=(0.0, 1.0))  # one pixel per cell: item coordinates are cells

    def title(self) -> str:
        return self.tr("Digits")

    def action_text(self) -> str:
        return self.tr("Digits views (weights, drawing pad)")

    def ink(self, x: float, y: float) -> None:
        """A pen stroke at (x, y) in cell units; the bars follow at once."""
        if not (0.0 <= x <= dv.SIDE and 0.0 <= y <= dv.SIDE):
            return
        self.picture = dv.paint(self.picture, x, y)
        self.pad.setImage(self.picture, levels=(0.0, 1.0))
        self._show_probabilities()

    def clear_pad(self) -> None:
        self.picture = np.zeros((dv.SIDE, dv.SIDE))
        self.pad.setImage(self.picture, levels=(0.0, 1.0))
        self._show_probabilities()

    def refresh(self) -> None:
        self._dirty = False
        first = None if self.ev.compile_error else dv.first_layer(self.doc)
        if first is None:
            self.weights.clear()
            self.probs = None
            self.bars.setOpts(height=np.zeros(10))
            self.caption.setText(self.tr(
                "The digits views appear for a circuit that reads the 64 pixels of the 8x8 digits into a dense "
                "layer, such as the Digits MLP example."))
            return
        images = dv.weight_images(first.params["W"])
        tiles = dv.mosaic(images, COLUMNS)
        bound = float(np.percentile(np.abs(images), 99)) or 1.0  # one outlier does not wash the rest out
        self.weights.setImage(tiles, levels=(-bound, bound))  # symmetric: white is a zero weight
        self.weights.setRect(QRectF(0, 0, tiles.shape[1], tiles.shape[0]))
        self.weights_plot.setRange(QRectF(0, 0, tiles.shape[1], tiles.shape[0]), padding=0.01)
        self._show_probabilities()

    def _show_probabilities(self) -> None:
        first = None if self.ev.compile_error else dv.first_layer(self.doc)
        self.probs = None if first is None else dv.class_probabilities(self.ev, self.picture)
        if self.probs is None:
            self.bars.setOpts(height=np.zeros(10))
            return
        best = int(np.argmax(self.probs))
        brushes = [pg.mkBrush(NEG if k == best else POS) for k in range(len(self.probs))]
        self.bars.setOpts(x=np.arange(len(self.probs)), height=self.probs, brushes=brushes)
        units = int(first.params["nout"])
        if self.picture.any():
            self.caption.setText(self.tr("{units} units: red weights are positive, blue ones negative. The "
                                         "network reads your drawing as {d} ({p:.0%}).").format(
                units=units, d=best, p=float(self.probs[best])))
        else:
            self.caption.setText(self.tr("{units} units: red weights are positive, blue ones negative. Draw a "
                                         "digit on the pad with the mouse.").format(units=units))


def add_digits_dock(window, layout, panel):
    """The panel as a dock that opens on demand (View > Digits views), floating at a size its 128 weight
    images need; the bottom tab row keeps its length. Returns the View menu's action."""
    from PySide6.QtGui import QAction

    layout.parts["digits"] = panel
    layout.titles["digits"] = panel.title()
    dock = layout.add("digits", "dock_digits", Qt.RightDockWidgetArea)
    dock.hide()
    layout.set_locked(layout.lock_action.isChecked())  # locked like the others (it still opens floating)
    action = QAction(panel.action_text(), window)
    action.setObjectName("show_digits")

    def show():
        dock.setFloating(True)
        dock.resize(900, 520)
        dock.show()
        dock.raise_()
        panel.exposed()

    action.triggered.connect(show)
    menu = getattr(window, "view_menu", None)
    if menu is not None:
        menu.addAction(action)
    return action
