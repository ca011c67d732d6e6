"""Digits views: the first layer's weights as 8x8 images (one per unit, redrawn as the network trains), a
drawing pad whose picture the network classifies live (its ten class probabilities as bars; the picture it
reads is the drawing scaled and centred as the data's digits are: engine.circuit.digit_pad), and the gallery
of misclassified test digits (a click puts one on the pad)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QGraphicsRectItem, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from engine.circuit import digit_pad as dp
from engine.circuit import digit_views as dv

from ..panel import Panel
from .digit_gallery import INK_CMAP, GalleryPanel, WrappingLabel
from .plots import CURVE, NEG, POS, make_plot

COLUMNS = 16  # weight images per row of the mosaic (128 units: 8 rows)
WEIGHTS_CMAP = pg.colormap.get("CET-D1")  # diverging: negative weights blue, positive red, zero white


class PadImage(pg.ImageItem):
    """The pad's picture; pressing and dragging with the left button draws a stroke (a click, a dot).
    `on_pen(x, y, start)` gets the pen's place in cells (0..8) and whether a new stroke starts there."""

    def __init__(self, on_pen):
        super().__init__(axisOrder="row-major")
        self.on_pen = on_pen

    def _cells(self, pos):
        k = dv.SIDE / max(self.width() or dp.RES, 1)  # item coordinates are the image's pixels
        return pos.x() * k, pos.y() * k

    def mouseClickEvent(self, ev):  # noqa: N802 (Qt override)
        if ev.button() == Qt.LeftButton:
            ev.accept()
            self.on_pen(*self._cells(ev.pos()), True)

    def mouseDragEvent(self, ev):  # noqa: N802 (Qt override)
        if ev.button() != Qt.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self.on_pen(*self._cells(ev.buttonDownPos()), True)
        self.on_pen(*self._cells(ev.pos()), False)


def _box(parent_layout, vertical: bool, stretch: int = 0) -> QBoxLayout:
    """A row or column of views added to a layout (make_plot adds its plot to a layout)."""
    box = QVBoxLayout() if vertical else QHBoxLayout()
    box.setContentsMargins(0, 0, 0, 0)
    parent_layout.addLayout(box, stretch)
    return box


class _Area(QWidget):
    """Views side by side that ask for `hint` (their plots would ask for 480 px each: the window would then
    squeeze them to their minimum, whatever the stretch)."""

    def __init__(self, hint: QSize):
        super().__init__()
        self.hint = hint

    def sizeHint(self):  # noqa: N802 (Qt override)
        return self.hint


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


def _framed_square(plot) -> None:
    """An 8x8-cell square's edge (its empty cells are white) and the view fitted to it."""
    frame = QGraphicsRectItem(0, 0, dv.SIDE, dv.SIDE)
    frame.setPen(pg.mkPen("#888", width=1, cosmetic=True))
    plot.addItem(frame)
    plot.setRange(QRectF(0, 0, dv.SIDE, dv.SIDE), padding=0.02)


class DigitsPanel(Panel):
    """Weight images of the dense block on the 64 pixels, the draw-a-digit pad with its bars, and the
    gallery of misclassified test digits."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.drawing = dp.Pad()
        self.picture = self.drawing.picture()  # what the network reads (8x8, 0..1)
        self.probs: np.ndarray | None = None
        layout = QVBoxLayout(self)
        area = _Area(QSize(900, 360))  # the weights | the pad, what it reads, the bars
        layout.addWidget(area, 1)
        top = QHBoxLayout(area)
        top.setContentsMargins(0, 0, 0, 0)
        self.weights_plot = _image_plot(_box(top, True, 5), self.tr("First-layer weights, one 8x8 image per unit"))
        self.weights = pg.ImageItem(axisOrder="row-major")
        self.weights.setColorMap(WEIGHTS_CMAP)
        self.weights_plot.addItem(self.weights)
        right = _box(top, vertical=True, stretch=4)
        pads = _box(right, vertical=False, stretch=5)
        self.pad_plot = _image_plot(_box(pads, True, 1), self.tr("Draw a digit"))
        self.pad = PadImage(self.pen)
        self.pad.setColorMap(INK_CMAP)
        self.pad_plot.addItem(self.pad)
        _framed_square(self.pad_plot)
        self.read_plot = _image_plot(_box(pads, True, 1), self.tr("What the network reads"))
        self.read_plot.setToolTip(self.tr("The drawing scaled to fill the height and centred, in 8x8 cells of "
                                          "ink: the data's digits were made this way."))
        self.read = pg.ImageItem(axisOrder="row-major")
        self.read.setColorMap(INK_CMAP)
        self.read_plot.addItem(self.read)
        _framed_square(self.read_plot)
        self.bars_plot = make_plot(_box(right, True, 4), self.tr("Class probabilities"))
        self.bars_plot.setYRange(0.0, 1.0)
        self.bars_plot.setXRange(-0.6, 9.6)
        self.bars_plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(10)]])
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=POS)
        self.bars_plot.addItem(self.bars)
        middle = _box(layout, vertical=False)
        self.caption = WrappingLabel()
        middle.addWidget(self.caption, 5)
        self.clear_button = QPushButton(self.tr("Clear the pad"))
        self.clear_button.clicked.connect(self.clear_pad)
        middle.addWidget(self.clear_button, 4, Qt.AlignTop)
        self.gallery = GalleryPanel(session, self.show_digit)
        layout.addWidget(self.gallery)
        self._show_pad()

    def title(self) -> str:
        return self.tr("Digits")

    def action_text(self) -> str:
        return self.tr("Digits views (weights, drawing pad, mistakes)")

    def reset(self) -> None:
        self.drawing.clear()
        self._show_pad()
        self.gallery.reset()
        super().reset()

    def detach(self) -> None:
        self.gallery.detach()
        super().detach()

    def pen(self, x: float, y: float, start: bool) -> None:
        """The pen at (x, y) in cells, starting a stroke or drawing on; the bars follow at once."""
        if start:
            self.drawing.begin(x, y)
        else:
            self.drawing.extend(x, y)
        self._show_pad()

    def show_digit(self, mistake) -> None:
        """Put a dataset digit (a gallery's mistake) on the pad: the bars show how the network reads it."""
        self.drawing.load(mistake.picture, mistake.row, mistake.true)
        self._show_pad()

    def clear_pad(self) -> None:
        self.drawing.clear()
        self._show_pad()

    def _show_pad(self) -> None:
        self.picture = self.drawing.picture()
        self.pad.setImage(self.drawing.shown(), levels=(0.0, 1.0))
        self.pad.setRect(QRectF(0, 0, dv.SIDE, dv.SIDE))  # view coordinates are cells
        self.read.setImage(self.picture, levels=(0.0, 1.0))
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
        drawn = self.drawing.loaded is not None or bool(self.drawing.strokes)
        # an empty pad: the bars (what the network makes of a blank image) are grey, none is singled out
        brushes = [pg.mkBrush((NEG if k == best else POS) if drawn else CURVE) for k in range(len(self.probs))]
        self.bars.setOpts(x=np.arange(len(self.probs)), height=self.probs, brushes=brushes)
        units = int(first.params["nout"])
        weights = self.tr("{units} units: red weights are positive, blue ones negative.").format(units=units)
        if self.drawing.loaded is not None:
            read = self.tr("Test digit of row {row}, a {t}: the network reads it as {d} ({p:.0%}).").format(
                row=self.drawing.row, t=self.drawing.label, d=best, p=float(self.probs[best]))
        elif self.drawing.strokes:
            read = self.tr("The network reads your drawing as {d} ({p:.0%}).").format(d=best, p=float(self.probs[best]))
        else:
            read = self.tr("Draw a digit on the pad with the mouse.")
        longest = self.tr("Test digit of row {row}, a {t}: the network reads it as {d} ({p:.0%}).").format(
            row=9999, t=8, d=8, p=1.0)
        self.caption.reserve = f"{weights} {max(longest, read, key=len)}"  # the pad keeps its size as this changes
        self.caption.setText(f"{weights} {read}")


def dock_size(screen) -> tuple[int, int]:
    """The floating window's size on a screen of `screen` (its available QSize, or None): room for the weight
    images, the pad and two rows of the gallery, within the screen (a 1366x768 one included), but never
    below the size the views need to be readable (900x600)."""
    width, height = 1120, 700
    if screen is not None:
        width, height = max(900, min(width, screen.width() - 40)), max(600, min(height, screen.height() - 40))
    return width, height


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
        layout.float_beside(dock, dock_size(window.screen().availableSize() if window.screen() else None))
        panel.exposed()

    action.triggered.connect(show)
    menu = getattr(window, "view_menu", None)
    if menu is not None:
        menu.addAction(action)
    return action
