"""Inside the network: every unit's output over the input plane as a thumbnail, one row per layer, and
the hidden space (the data as a chosen layer sees it). Clicking a thumbnail opens it large in the Decision
boundary panel; hovering one shows its weights, bias, activation and formula with the numbers filled in.
Everything drawn comes from engine.circuit.unit_maps; pyqtgraph's ImageItem and ColorMap colour it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from engine.circuit import unit_maps
from engine.circuit.probe import class_values

from ..panel import Panel
from .controller import one_blas_thread
from .plots import NEG, POS, SEL, class_brushes, make_plot, show_range

GRID = 32  # samples per axis of a thumbnail
PER_ROW = 8  # thumbnails per row; a wider layer wraps
SHORT_TERMS = 4  # a wider unit's formula under the thumbnails names its largest weights only
COLORS = pg.ColorMap([0.0, 0.5, 1.0], [NEG, "#ffffff", POS])  # negative orange, 0 white, positive blue
# COLORS at 1021 even steps (0.5 is one of them), as rounded bytes
_LUT = np.rint(255 * COLORS.map(np.linspace(0.0, 1.0, 1021), mode="float")).astype(np.ubyte)


def colour(maps: list[np.ndarray]) -> np.ndarray:
    """RGBA bytes (k, n, n, 4) of k unit maps, each on its own levels symmetric around 0 (white is always 0,
    the colour's depth the size against the map's largest |value|), in one ColorMap lookup; NaN is
    transparent. The ImageItems take these bytes as they are (no levels, no lookup table): pyqtgraph then
    builds no colour table per image and frame."""
    z = np.stack(maps)
    finite = np.isfinite(z)
    z0 = np.where(finite, z, 0.0)
    m = np.abs(z0).max(axis=tuple(range(1, z.ndim)), keepdims=True)
    t = np.clip(0.5 + 0.5 * z0 / np.where(m > 0, m, 1.0), 0.0, 1.0)
    rgba = _LUT[np.rint(t * (len(_LUT) - 1)).astype(np.intp)]  # (a table gather: np.interp per channel costs 5x)
    rgba[..., 3] = np.where(finite, 255, 0)
    return rgba


def still_fits(shown, wanted, fill: float = 0.7) -> bool:
    """True if a shown view ((x0, x1), (y0, y1)) can stay for the wanted one: it holds it, and the wanted
    spans fill at least `fill` of it on both axes. While training moves the points a little each frame, the
    view (and its axes, whose ticks and labels are laid out again on every change) stays put."""
    if shown is None:
        return False
    for (s0, s1), (w0, w1) in zip(shown, wanted, strict=True):
        if w0 < s0 or w1 > s1 or (w1 - w0) < fill * (s1 - s0):
            return False
    return True


class UnitsPanel(Panel):
    """One row of unit maps per layer of a 2-D classifier, and the hidden space of a chosen layer."""

    unit_opened = Signal(object)  # a Unit clicked: show it large (the playground connects the boundary panel)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.maps: unit_maps.UnitMaps | None = None
        self.space: unit_maps.HiddenSpace | None = None
        self.opened: unit_maps.Unit | None = None
        self.hovered: unit_maps.Unit | None = None  # its text follows training
        self._rect = None  # the plane the thumbnails show
        self._shape: tuple = ()  # the layers the thumbnails were built for
        self.thumbs: dict[unit_maps.Unit, tuple[pg.ViewBox, pg.ImageItem]] = {}
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        outer.addLayout(left, 3)
        self.grid_view = pg.GraphicsLayoutWidget()
        self.grid_view.setBackground("w")
        self.grid_view.setMinimumHeight(150)
        self.grid_view.ci.layout.setSpacing(2)
        left.addWidget(self.grid_view, 1)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.info.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        left.addWidget(self.info)
        right = QVBoxLayout()
        outer.addLayout(right, 2)
        pick = QHBoxLayout()
        self.layer_box, self.a_box, self.b_box = QComboBox(), QComboBox(), QComboBox()
        for box, tip in ((self.layer_box, self.tr("The layer whose outputs place the points")),
                         (self.a_box, self.tr("The unit on the horizontal axis")),
                         (self.b_box, self.tr("The unit on the vertical axis"))):
            box.setToolTip(tip)
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # (shrinks with the panel)
            box.setMinimumContentsLength(7)
            pick.addWidget(box)
            box.activated.connect(self._picked)
        pick.addStretch(1)  # (picking a layer puts its two liveliest units on the axes)
        right.addLayout(pick)
        self.space_plot = make_plot(right, self.tr("Hidden space"))
        self.space_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=1))
        self.space_plot.addItem(self.space_points)
        self.grid_view.scene().sigMouseMoved.connect(self._hover)
        self.grid_view.scene().sigMouseClicked.connect(self._clicked)

    # ------------------------------------------------------------ drawing
    def refresh(self) -> None:
        with one_blas_thread():  # (small products: BLAS worker threads would only contend with the GUI thread)
            self._refresh()

    def _refresh(self) -> None:
        self._dirty = False
        self.maps = maps = unit_maps.unit_maps(self.ev, GRID)
        self.grid_view.setVisible(maps is not None)
        self.space_plot.setVisible(maps is not None)
        if maps is None:
            self._build(())
            self.space, self.opened = None, None
            self.info.setText(self.tr(
                "Unit maps appear for a network of neuron or dense blocks that classifies a 2-D dataset, "
                "such as the moons example."))
            return
        shape = tuple((layer.name, layer.units) for layer in maps.layers)
        if shape != self._shape:
            self._build(maps.layers)
        rect = pg.QtCore.QRectF(maps.xs[0], maps.ys[0], maps.xs[-1] - maps.xs[0], maps.ys[-1] - maps.ys[0])
        moved, self._rect = rect != self._rect, rect
        rgba = colour([maps.maps[unit] for unit in self.thumbs]) if self.thumbs else ()
        for (unit, (_, image)), pixels in zip(self.thumbs.items(), rgba, strict=True):
            image.setImage(pixels, autoLevels=False)
            if moved:
                image.setRect(rect)
                self.thumbs[unit][0].setRange(rect, padding=0)  # (a thumbnail fills its square: no aspect lock)
        if self.hovered in maps.maps:
            self.show_unit_info(self.hovered)
        elif not self.info.text() or self.info.property("empty"):
            self.info.setProperty("empty", False)
            self.info.setText(self.tr("Each square is one unit's output over the input plane (blue positive, "
                                      "orange negative). Hover for its formula; click to open it large."))
        self._draw_space()

    def _build(self, layers) -> None:
        """One row of thumbnails per layer (wrapping after PER_ROW), the layer's name first."""
        self.grid_view.ci.clear()
        self._rect = self.hovered = None
        self.thumbs = {}
        self._shape = tuple((layer.name, layer.units) for layer in layers)
        self.info.setProperty("empty", True)
        row = 0
        for layer in layers:
            self.grid_view.ci.addLabel(layer.name, row=row, col=0, color="#333", size="9pt")
            for k, unit in enumerate(layer.units):
                box = self.grid_view.ci.addViewBox(row=row + k // PER_ROW, col=1 + k % PER_ROW,
                                                   enableMouse=False, enableMenu=False)
                box.disableAutoRange()
                box.setBorder(pg.mkPen("#bbb"))
                image = pg.ImageItem()  # (RGBA bytes from colour(): no levels, no lookup table)
                box.addItem(image)
                self.thumbs[unit] = (box, image)
            row += (len(layer.units) - 1) // PER_ROW + 1
        self._mark(self.opened)
        self._fill_layers(layers)

    def _fill_layers(self, layers) -> None:
        current = self.layer_box.currentText()
        self.layer_box.clear()
        self.layer_box.addItems([layer.name for layer in layers])
        if current in [layer.name for layer in layers]:
            self.layer_box.setCurrentText(current)
        elif len(layers) > 1:
            self.layer_box.setCurrentIndex(len(layers) - 2)  # the last hidden layer: the one the output reads
        self._fill_units(keep=False)

    def _layer(self) -> unit_maps.Layer | None:
        i = self.layer_box.currentIndex()
        return self.maps.layers[i] if self.maps is not None and 0 <= i < len(self.maps.layers) else None

    def _fill_units(self, keep: bool = True) -> None:
        layer = self._layer()
        names = [u.name for u in layer.units] if layer else []
        defaults = unit_maps.liveliest(self.ev, layer) if layer and not keep else (0, 1)
        for box, default in zip((self.a_box, self.b_box), defaults, strict=True):
            current = box.currentIndex() if keep else default
            box.clear()
            box.addItems(names)
            box.setCurrentIndex(min(current, len(names) - 1))
        self.b_box.setVisible(len(names) > 1)

    def _picked(self) -> None:
        if self.sender() is self.layer_box:
            self._fill_units(keep=False)
        self._draw_space()

    def _draw_space(self) -> None:
        layer = self._layer()
        self.space = space = None if layer is None else unit_maps.hidden_space(
            self.ev, layer, max(self.a_box.currentIndex(), 0), max(self.b_box.currentIndex(), 0))
        if space is None:
            self.space_points.setData([], [])
            return
        positive, _ = class_values(space.y)
        x = space.coords[:, 0]
        if space.coords.shape[1] == 2:
            y = space.coords[:, 1]
            label = space.axes[1].name
        else:  # a 1-unit layer: a strip, the classes a little apart so that both stay readable
            y = np.where(space.y == positive, 0.25, -0.25) + np.random.default_rng(0).uniform(-0.15, 0.15, len(x))
            label = ""
        self.space_points.setData(x, y, brush=class_brushes(space.y, positive))
        plot = self.space_plot.getPlotItem()
        for side, text in (("bottom", space.axes[0].name), ("left", label)):
            if plot.getAxis(side).labelText != text:  # (setting a label re-lays the plot out)
                plot.setLabel(side, text)
        plot.showAxis("left", bool(label))  # (a strip's vertical spread only keeps the classes apart)
        finite = np.isfinite(x) & np.isfinite(y)
        if finite.any():
            pad = lambda v: (float(v.min()) - 0.05 * (np.ptp(v) or 1), float(v.max()) + 0.05 * (np.ptp(v) or 1))  # noqa: E731
            view = (pad(x[finite]), pad(y[finite]) if label else (-0.6, 0.6))
            if not still_fits(getattr(self.space_plot, "shown_range", None), view):
                show_range(self.space_plot, *view)

    # ------------------------------------------------------------ hover and click
    def unit_at(self, scene_pos) -> unit_maps.Unit | None:
        for unit, (box, _) in self.thumbs.items():
            if box.sceneBoundingRect().contains(scene_pos):
                return unit
        return None

    def _hover(self, scene_pos) -> None:
        unit = self.unit_at(scene_pos)
        if unit is not None:
            self.show_unit_info(unit)

    def describe(self, unit, short: bool = False) -> str:
        """What hovering a unit shows: its formula with the numbers, weights, bias and activation. short: a
        wide unit's formula keeps its largest SHORT_TERMS weights and the weights line is left out."""
        info = unit_maps.unit_info(self.doc, unit)
        first = f"{unit.name} = {info.formula(most=SHORT_TERMS if short else None)}"
        if short and len(info.weights) > SHORT_TERMS:
            summary = self.tr("{n} weights from {lo:.3g} to {hi:.3g}; bias: {bias:.4g}; activation: {act}")
            return first + "\n" + summary.format(n=len(info.weights), lo=info.weights.min(), hi=info.weights.max(),
                                                  bias=info.bias, act=info.activation)
        weights = ", ".join(f"{name}: {w:.4g}" for name, w in zip(info.inputs, info.weights, strict=True))
        return "\n".join([first, self.tr("weights: {weights}").format(weights=weights),
                          self.tr("bias: {bias:.4g}; activation: {act}").format(bias=info.bias, act=info.activation)])

    def show_unit_info(self, unit) -> None:
        """The hovered unit's short text under the thumbnails, all its weights in the tooltip."""
        self.hovered = unit
        self.info.setText(self.describe(unit, short=True))
        self.grid_view.setToolTip(self.describe(unit))

    def _clicked(self, event) -> None:
        unit = self.unit_at(event.scenePos())
        if unit is not None and event.button() == Qt.LeftButton:
            self.open_unit(unit)
            event.accept()

    def open_unit(self, unit) -> None:
        """Show a unit large in the Decision boundary panel (and mark its thumbnail)."""
        self._mark(unit)
        self.opened = unit
        self.unit_opened.emit(unit)

    def _mark(self, unit) -> None:
        for u, (box, _) in self.thumbs.items():
            box.setBorder(pg.mkPen(SEL, width=3) if u == unit else pg.mkPen("#bbb"))

    def reset(self) -> None:
        """Another document: no unit stays open (in the boundary panel either)."""
        if self.opened is not None:
            self.opened = None
            self.unit_opened.emit(None)
        self._shape = ("reset",)
        super().reset()

