"""The decision boundary of a 2-D classifier circuit, redrawn as it trains; clicks add data points."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from engine.circuit import probe
from engine.commands import SetDocAttr

from ..panel import Panel
from . import class_regions
from .class_chooser import ClassChooser
from .controller import one_blas_thread
from .isocurve import IsocurveItem
from .plots import NEG, POS, class_brushes, make_plot, show_range

GRID = 60  # samples per axis
QWIDGETSIZE_MAX = 16777215  # (Qt's "no maximum")
SIDE_WIDTH = 250  # px: the class buttons and caption beside the plot
TEST_SYMBOL = "t1"  # held-out test points: an upward triangle (training points are circles)


def _rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i:i + 2], 16) for i in (1, 3, 5)], dtype=np.float64)


def shade(z: np.ndarray, threshold: float) -> np.ndarray:
    """RGBA image of a score grid: the class colour, paler where the circuit is unsure."""
    margin = z - threshold
    scale = np.nanpercentile(np.abs(margin), 90) if np.isfinite(margin).any() else 1.0
    strength = np.tanh(np.abs(np.nan_to_num(margin)) / (scale or 1.0))[..., None] * 0.55 + 0.1
    color = np.where((margin > 0)[..., None], _rgb(POS), _rgb(NEG))
    rgb = 255.0 * (1 - strength) + color * strength
    alpha = np.where(np.isfinite(margin), 255, 0)[..., None]
    return np.concatenate([rgb, alpha], axis=-1).astype(np.ubyte)


class BoundaryPanel(Panel):
    """Class regions and the boundary of the circuit's classifier over its dataset's plane."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.undo = session.undo
        self.grid: probe.Grid | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()  # the plot, and beside it the class buttons and the caption (the dock is wide and low)
        layout.addLayout(row, 1)
        self.plot = make_plot(row, self.tr("Decision boundary"))
        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(0, 0, 0, 0)
        self.classes = ClassChooser()  # which class a click adds (any of 2 or several)
        self.classes.hide()
        side.addWidget(self.classes)
        self.image = pg.ImageItem()
        self.plot.addItem(self.image)
        self.contour = IsocurveItem(pen=pg.mkPen("#222", width=2))
        self.contour.setParentItem(self.image)  # drawn in the image's pixel coordinates
        self.class_borders: list[IsocurveItem] = []  # with several classes: one border per class region
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen("w", width=1))
        self._points_key = None  # what self.points shows (see _draw_points)
        self.plot.addItem(self.points)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignTop | Qt.AlignLeft)  # at the top when the plots are hidden
        side.addWidget(self.caption)
        side.addStretch(1)  # the buttons and the caption at the top, beside the plot's title
        row.addWidget(self.side)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.aspect: float | None = None  # the view's width over height the grid was made for
        self.plot.getPlotItem().vb.sigResized.connect(self._resized)

    def view_aspect(self) -> float | None:
        """The plot area's width over its height in pixels (None before it is laid out)."""
        size = self.plot.getPlotItem().vb.size()
        return size.width() / size.height() if size.width() > 1 and size.height() > 1 else None

    def _resized(self, *_args) -> None:
        """A new shape of the view: the plane is fitted again (only when it changed by more than 2 %)."""
        aspect = self.view_aspect()
        if aspect is not None and (self.aspect is None or abs(aspect / self.aspect - 1) > 0.02):
            self.schedule()

    def refresh(self) -> None:
        with one_blas_thread():  # (a 60 x 60 grid's small products: BLAS worker threads only contend)
            self._refresh()

    def _refresh(self) -> None:
        self._dirty = False
        if getattr(self, "unit_view", None) is not None and self.unit_view.draw():  # a unit opened large
            self.classes.hide()  # (no clicks add points while a unit is shown)
            return
        self.aspect = self.view_aspect()
        self.grid = grid = (probe.decision_grid(self.ev, GRID, aspect=self.aspect) if not self.ev.compile_error
                            else None)
        self.plot.setVisible(grid is not None)  # no empty axes: the caption explains what is needed
        self.classes.setVisible(grid is not None)
        self.side.setMaximumWidth(SIDE_WIDTH if grid is not None else QWIDGETSIZE_MAX)
        if grid is None:
            self.image.clear()
            self.contour.setData(None)
            for curve in self.class_borders:
                curve.setData(None)
            self.points.setData([], [])
            self._points_key = None
            self.caption.setText(self.tr(
                "The decision boundary appears for a circuit that classifies a 2-D dataset "
                "(data nodes into a hinge or binary cross-entropy loss), such as the moons example."))
            return
        multi = grid.threshold is None  # softmax scores: one colour per class
        dx, dy = grid.xs[1] - grid.xs[0], grid.ys[1] - grid.ys[0]
        self.image.setImage(class_regions.shade_classes(grid.z) if multi else shade(grid.z, grid.threshold),
                            autoLevels=False)  # RGBA bytes as they are: no levels, no lookup
        self.image.setRect(QRectF(grid.xs[0] - dx / 2, grid.ys[0] - dy / 2, dx * len(grid.xs), dy * len(grid.ys)))
        show_range(self.plot, (grid.xs[0] - dx / 2, grid.xs[-1] + dx / 2), (grid.ys[0] - dy / 2, grid.ys[-1] + dy / 2))
        self._draw_borders(grid)
        test = grid.test if grid.test is not None else np.zeros(len(grid.y), dtype=bool)
        positive, _ = probe.class_values(grid.y)
        labels = probe.click_classes(grid)
        self.classes.set_classes(labels, class_regions.CLASS_COLORS[:len(labels)] if multi else (POS, NEG))
        self._draw_points(grid.X, grid.y, test, multi, positive)
        acc = probe.current_accuracy(self.ev) or 0.0  # the evaluator already ran the circuit on these points
        if multi:
            text = self.tr("Accuracy {acc:.0%} on {n} points of {k} classes.").format(
                acc=acc, n=len(grid.y), k=grid.z.shape[-1])
        else:
            text = self.tr("Accuracy {acc:.0%} on {n} points. Shift+click adds a point of the other class."
                           ).format(acc=acc, n=len(grid.y))
        if test.any():
            text += " " + self.tr("Triangles: the {k} held-out test points.").format(k=int(test.sum()))
        self.caption.setText(text)

    def _draw_points(self, X, y, test, multi: bool, positive) -> None:
        """The data points, the held-out ones as triangles; set again only when they change (a training step
        does not move them, and a scatter's setData restyles every point)."""
        key = (X.tobytes(), y.tobytes(), test.tobytes(), multi, positive)
        if key == self._points_key and len(self.points.data) == len(y):
            return
        self._points_key = key
        brushes = class_regions.brushes(y) if multi else class_brushes(y, positive)
        self.points.setData(X[:, 0], X[:, 1], brush=brushes, symbol=np.where(test, TEST_SYMBOL, "o"),
                            size=np.where(test, 11, 8))

    def _draw_borders(self, grid: probe.Grid) -> None:
        """The boundary: the threshold's isocurve, or with several classes each class region's border."""
        multi = grid.threshold is None
        self.contour.setLevel(0.0 if multi else grid.threshold)
        self.contour.setData(None if multi else np.nan_to_num(grid.z, nan=grid.threshold))
        classes = grid.z.shape[-1] if multi else 0
        while len(self.class_borders) < classes:
            curve = IsocurveItem(level=0.0, pen=pg.mkPen("#222", width=2))
            curve.setParentItem(self.image)
            self.class_borders.append(curve)
        for k, curve in enumerate(self.class_borders):
            curve.setData(class_regions.margin_to_others(grid.z, k) if k < classes else None)

    def add_point(self, x: float, y: float, other_class: bool = False, label: float | None = None) -> bool:
        """Add a point of class `label` (default: the class chosen above the plot; other_class: with two
        classes, the other one) to the circuit's dataset (one undo entry)."""
        if self.grid is None:
            return False
        if label is None:
            label = self.classes.chosen(other_class)
        if label is None or float(label) not in probe.click_classes(self.grid):
            return False
        self.undo.seal()
        ok = self.undo.push(SetDocAttr("dataset", probe.with_point(self.doc.dataset, x, y, label)))
        self.undo.seal()
        return bool(ok)

    def _clicked(self, event) -> None:
        if self.grid is None or event.button() != Qt.LeftButton or event.double():
            return
        vb = self.plot.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        pos = vb.mapSceneToView(event.scenePos())
        self.add_point(pos.x(), pos.y(), bool(event.modifiers() & Qt.ShiftModifier))
        event.accept()
