"""pyqtgraph panels: per-node gradients, loss over steps, and the activation at its operating point."""

from __future__ import annotations

import functools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QCheckBox, QGraphicsItem, QLabel, QVBoxLayout, QWidget

from engine import ops
from engine.backends import A
from engine.circuit.probe import current_accuracy

from ..panel import Panel
from .loss_curves import TEST, CurveLegend, hover_label, readout

POS, NEG, SEL = "#2f6fde", "#e06a1a", "#f2a900"


def class_brushes(labels, positive) -> list:
    """One brush per point by class, the same two brush objects every time: pyqtgraph caches a scatter's
    symbols per brush object, so a redraw does not render every point's symbol again (~0.35 ms a point)."""
    return [_CLASS_BRUSHES[label == positive] for label in labels]


_CLASS_BRUSHES = {True: pg.mkBrush(POS), False: pg.mkBrush(NEG)}
MAX_LABELS = 40
CURVE = "#7f8690"  # reads on the light and the dark plot background


STACKED_AXIS_WIDTH = 56  # plots stacked in one panel share this left-axis width, so their x lines up
MIN_PLOT_HEIGHT = 150  # no plot is squeezed below this: its axis labels, title and legend stay readable


class IntegerAxis(pg.AxisItem):
    """An axis of step numbers: ticks only at whole numbers (no 'step 2.5')."""

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph override)
        levels = []
        for spacing, values in super().tickValues(minVal, maxVal, size):
            if spacing >= 1:
                levels.append((spacing, [v for v in values if float(v).is_integer()]))
        return levels or [(1.0, [float(v) for v in range(math.ceil(minVal), math.floor(maxVal) + 1)])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        return [str(int(round(v * scale))) for v in values]


class PlotStack(QWidget):
    """Plots that belong together (f(x) over df/dx, loss over accuracy): one above the other in a
    tall panel, side by side in a wide one, so that each keeps at least MIN_PLOT_HEIGHT in a bottom
    dock. It hides itself while all its plots are hidden (the panel's caption then moves up)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.TopToBottom, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.plots: list = []
        self.setMinimumHeight(MIN_PLOT_HEIGHT)
        self.setVisible(False)

    def add(self, plot) -> None:
        self.plots.append(plot)
        self.box.addWidget(plot, 1)
        plot.installEventFilter(self)
        self._arrange(self.width(), self.height(), force=True)
        self._follow()

    def side_by_side(self) -> bool:
        return self.box.direction() == QBoxLayout.LeftToRight

    def _arrange(self, width: int, height: int, force: bool = False) -> None:
        """Side by side when the stack is clearly wider than tall (with some slack so it does not flicker)."""
        row = width >= (0.9 if self.side_by_side() else 1.2) * height
        if row == self.side_by_side() and not force:
            return
        self.box.setDirection(QBoxLayout.LeftToRight if row else QBoxLayout.TopToBottom)
        for plot in self.plots:  # one above the other: their x axes line up (same left-axis width)
            plot.getAxis("left").setWidth(None if row else STACKED_AXIS_WIDTH)
            plot.setMinimumHeight(MIN_PLOT_HEIGHT if row else 0)  # the stack itself keeps MIN_PLOT_HEIGHT

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange(event.size().width(), event.size().height())

    def _follow(self) -> None:
        show = any(not plot.isHidden() for plot in self.plots)
        if show == self.isHidden():
            self.setVisible(show)
            parent = self.parentWidget()
            if parent is not None and parent.layout() is not None:
                parent.layout().activate()  # the caption moves at once, not on a later event-loop turn

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override): a plot was shown or hidden
        if event.type() in (QEvent.ShowToParent, QEvent.HideToParent):
            self._follow()
        return False


def _stack_of(parent_layout) -> PlotStack:
    """The PlotStack at the end of a layout (stacked plots added one after another share it), or a new one."""
    last = parent_layout.itemAt(parent_layout.count() - 1) if parent_layout.count() else None
    if last is not None and isinstance(last.widget(), PlotStack):
        return last.widget()
    stack = PlotStack()
    parent_layout.addWidget(stack, 1)
    return stack


def make_plot(parent_layout, title: str | None, stacked: bool = False, grid: bool = True,
              integer_x: bool = False):
    """A themed plot added to a layout, at least MIN_PLOT_HEIGHT tall; stacked=True for plots that
    belong together (they share a PlotStack); integer_x for an x axis of step numbers."""
    widget = pg.PlotWidget(background="w", axisItems={"bottom": IntegerAxis("bottom")} if integer_x else None)
    if title is not None:
        widget.setTitle(title, color="#333", size="10pt")
    if grid:
        widget.showGrid(x=True, y=True, alpha=0.25)
    for name in ("left", "bottom"):  # an axis (ticks, labels and grid) is costly to draw: keep it as a pixmap,
        axis = widget.getAxis(name)  # and skip the finest grid level (its many faint lines cost ~5 ms a redraw)
        axis.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        axis.setStyle(maxTickLevel=1)
    widget.setMinimumHeight(MIN_PLOT_HEIGHT)
    if stacked:
        _stack_of(parent_layout).add(widget)
    else:
        parent_layout.addWidget(widget, 1)
    return widget


@functools.cache
def _brushes():
    return pg.mkBrush(POS), pg.mkBrush(NEG), pg.mkBrush(SEL)


def nice_bound(v: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is >= v (0 for v <= 0)."""
    if not v > 0 or not math.isfinite(v):
        return 0.0
    e = 10.0 ** math.floor(math.log10(v))
    return next(m * e for m in (1, 2, 5, 10) if v <= m * e * (1 + 1e-12))


def steady_range(values) -> tuple[float, float]:
    """A y range covering the values and 0, on 1-2-5 steps, so small changes do not move the axis."""
    finite = [v for v in values if math.isfinite(v)]
    lo, hi = -nice_bound(-min(finite, default=0.0)), nice_bound(max(finite, default=0.0))
    return (lo, hi) if hi > lo else (-1.0, 1.0)


class GradientsPanel(Panel):
    """A bar per node: its gradient, coloured by sign, the selected node highlighted."""

    results = ("evaluated", "stepped")

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.sorted_box = QCheckBox(self.tr("Sort by magnitude"))
        layout.addWidget(self.sorted_box)
        self.plot = make_plot(layout, self.tr("Gradient of each node"))
        self._title = self.tr("Gradient of each node")
        self.plot.disableAutoRange()
        self.plot.getAxis("left").setStyle(maxTickLevel=0)  # major lines only: bars are read against few
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7)
        self.plot.addItem(self.bars)
        self.labels, self.heights = [], []
        self._ticks, self._range = None, None
        self.sorted_box.toggled.connect(lambda _: self.refresh())
        self.listen(self.doc.events.label_changed, self.schedule)  # a rename changes no result: redraw the names
        self.refresh()

    def refresh(self):
        self._dirty = False
        rows = [(n.label, n.id, self.display.grad(n.id)) for n in self.doc.nodes() if n.kind != "data"]
        rows = [(label, nid, g) for label, nid, g in rows if g is not None]
        if not self.ev.grads_stale:  # layers: the size of their weight gradients (vanishing? exploding?)
            for n in self.doc.nodes():
                for key, g in sorted(self.ev.param_grads(n.id).items()):
                    rows.append((f"{n.label}.{key}", n.id, float(np.linalg.norm(np.asarray(g, dtype=np.float64)))))
        if self.sorted_box.isChecked():
            rows.sort(key=lambda r: -abs(r[2]))
        blocks = any(self.doc.node(nid).kind in ("neuron", "dense") for _, nid, _ in rows)
        title = self.tr("Gradient of each node; a block's W and b: the size of their gradients") if blocks \
            else self.tr("Gradient of each node")
        if title != self._title:
            self._title = title
            self.plot.setTitle(title, color=self.plot.getAxis("left").textPen().color(), size="10pt")
        self.labels = [r[0] for r in rows]
        self.heights = [r[2] for r in rows]
        pos, neg, sel = _brushes()
        brushes = [sel if nid == self.selected else (pos if g >= 0 else neg) for _, nid, g in rows]
        self.bars.setOpts(x=np.arange(len(rows)), height=self.heights, width=0.7, brushes=brushes)
        # at most MAX_LABELS names under the bars (every k-th, and the selected one): text is costly to draw
        every = max(1, math.ceil(len(rows) / MAX_LABELS))
        room = max(3, int((self.plot.width() - 60) / max(len(rows), 1) * every / 7))  # characters per label
        ticks = [(i, r[0] if len(r[0]) <= room else r[0][:room - 1] + "…") for i, r in enumerate(rows)
                 if i % every == 0 or r[1] == self.selected]
        if ticks != self._ticks:
            self._ticks = ticks
            self.plot.getAxis("bottom").setTicks([ticks])
        span = (len(rows), steady_range(self.heights))
        if span != self._range:
            self._range = span
            self.plot.setRange(xRange=(-0.6, max(len(rows), 1) - 0.4), yRange=span[1], padding=0.05)


    def resizeEvent(self, event):  # noqa: N802 (Qt override): the labels are fitted to the width
        super().resizeEvent(event)
        self.schedule()


MAX_SYMBOLS = 300  # the loss/accuracy curves mark each step with a dot up to this many steps


class LossPanel(Panel):
    """The loss (or output) at each gradient step, the accuracy beside or below it for classifiers,
    and a read-out of both under the mouse. The controller shows its training run's history here:
    the value before each step; the last point is the value now (after the last step), read from the
    evaluator's result, so the curve never lags one step behind the circuit."""

    results = ("evaluated",)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.plot = make_plot(layout, self.tr("Loss over steps"), stacked=True, integer_x=True)
        self.plot.setLabel("bottom", self.tr("step"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen(POS, width=2), symbol="o", symbolSize=4)
        self.test_loss_curve = self.plot.plot([], [], pen=pg.mkPen(TEST, width=2, style=Qt.PenStyle.DashLine))
        self.acc_plot = make_plot(layout, self.tr("Accuracy over steps"), stacked=True, integer_x=True)
        self.acc_plot.setLabel("bottom", self.tr("step"))
        self.acc_plot.setYRange(0.0, 1.0, padding=0.05)  # x follows the data, as in the loss plot
        self.acc_plot.enableAutoRange(axis="x")
        self.acc_plot.getPlotItem().getViewBox().setMouseEnabled(y=False)
        self.acc_curve = self.acc_plot.plot([], [], pen=pg.mkPen(SEL, width=2), symbol="o", symbolSize=4,
                                            symbolBrush=SEL, symbolPen=SEL)
        self.test_curve = self.acc_plot.plot([], [], pen=pg.mkPen(TEST, width=2, style=Qt.PenStyle.DashLine))
        self.acc_plot.setVisible(False)
        self.legend = CurveLegend(self.plot, offset=(-8, 8))  # train / test / an earlier run: top right
        self.acc_legend = CurveLegend(self.acc_plot, offset=(-8, -8))  # accuracy ends high: bottom right
        self.earlier = None  # (curve, label, values) of an earlier run (the timeline's replay), drawn dashed
        self.readout = hover_label()
        layout.addWidget(self.readout)
        self._hovered = {}  # viewport -> its plot: every mouse move over them is read out (pyqtgraph's
        for plot in (self.plot, self.acc_plot):  # sigMouseMoved drops moves < 10 ms apart, the last one too)
            self._hovered[plot.viewport()] = plot
            plot.viewport().installEventFilter(self)
        self.values: list[float] = []  # the run's history: the value before each step
        self.accuracy: list[float] = []
        self.shown: list[float] = []  # what is drawn: the history and the value now
        self.shown_accuracy: list[float] = []
        self.test_accuracy: list[float] = []  # with a held-out split: the test rows' accuracy (dashed)
        self.test_loss: list[float] = []  # ... and their loss (dashed)
        self.maximize = False
        self.now = True  # end the curves at the value the circuit has now (not for mini-batches)
        self.frozen_now = None  # (value, accuracy) to end at instead, while the timeline shows an earlier step

    def set_history(self, values, maximize: bool = False, accuracy=(), test_accuracy=(), now: bool = True,
                    test_loss=()) -> None:
        """The run's values (and accuracy) before each step; test_loss, test_accuracy: the held-out rows'
        loss and accuracy, drawn dashed beside them; now=False: the values are mini-batch values, the whole
        data's value now is not appended."""
        self.values, self.accuracy = list(values), list(accuracy or ())
        self.test_accuracy, self.now = list(test_accuracy or ()), now
        self.test_loss = list(test_loss or ())
        self.maximize = maximize
        title = self.tr("Output over steps (maximised)") if maximize else self.tr("Loss over steps")
        if title != self.plot.getPlotItem().titleLabel.text:
            self.plot.setTitle(title, color=self.plot.getAxis("left").textPen().color(), size="10pt")
        self.refresh()

    def reset(self) -> None:
        """Another document is shown: its loss history starts empty."""
        self.set_history([])
        self.readout.setText(" ")

    def _now(self) -> tuple[float | None, float | None]:
        """The root's value and the classifier's accuracy with the values the circuit has now."""
        if self.ev.compile_error or self.ev.errors:
            return None, None
        try:
            value = self.ev.root_value()
        except Exception:  # noqa: BLE001 (no root or no value yet: nothing to add)
            return None, None
        return (value if math.isfinite(value) else None), current_accuracy(self.ev)

    def refresh(self) -> None:
        self._dirty = False
        self.shown, self.shown_accuracy = list(self.values), list(self.accuracy)
        if self.values and self.now:
            value, acc = self._now() if self.frozen_now is None else self.frozen_now
            if value is not None:
                self.shown.append(value)
                if self.accuracy and acc is not None:
                    self.shown_accuracy.append(acc)
        symbol = "o" if len(self.shown) <= MAX_SYMBOLS else None  # a long run: lines only (dots cost per redraw)
        for curve, data in ((self.curve, self.shown), (self.acc_curve, self.shown_accuracy)):
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)
            curve.setData(np.arange(len(data)), data)
        self.test_curve.setData(np.arange(len(self.test_accuracy)), self.test_accuracy)
        self.test_loss_curve.setData(np.arange(len(self.test_loss)), self.test_loss)
        self.acc_plot.setVisible(bool(self.shown_accuracy))
        self._label_curves()

    def set_earlier(self, curve=None, label: str = "", values=()) -> None:
        """An earlier run's curve (drawn by the timeline) to name in the legend and the read-out; None: none."""
        self.earlier = (curve, label, list(values)) if curve is not None else None
        self._label_curves()

    def _label_curves(self) -> None:
        """Legends: train and test when the run holds rows out; this run and the earlier one after a replay."""
        split = bool(self.test_loss)
        entries = [(self.curve, self.tr("train")), (self.test_loss_curve, self.tr("test"))] if split else []
        if self.earlier is not None:
            entries = entries or [(self.curve, self.tr("this run"))]
            entries.append(self.earlier[:2])
        self.legend.show(entries)
        acc_split = bool(self.test_accuracy) and bool(self.shown_accuracy)
        self.acc_legend.show([(self.acc_curve, self.tr("train")), (self.test_curve, self.tr("test"))]
                             if acc_split else [])

    def eventFilter(self, obj, event):  # noqa: N802 (Qt override): the mouse moved over a plot
        plot = self._hovered.get(obj)
        if plot is not None and event.type() == QEvent.MouseMove:
            self._hover(plot, plot.mapToScene(event.position().toPoint()))
        return False

    def _hover(self, plot, pos) -> None:
        """Read out every curve at the step under the mouse (anywhere over either plot; past either end,
        the nearest step a curve has)."""
        x = plot.getPlotItem().vb.mapSceneToView(pos).x()
        self.readout.setText(self.read_at(x))

    def read_at(self, x: float) -> str:
        earlier = self.earlier[2] if self.earlier is not None else []
        longest = max(len(self.shown), len(self.test_loss), len(earlier))
        if not longest:
            return " "
        k = int(np.clip(round(x), 0, longest - 1)) if math.isfinite(x) else longest - 1
        return readout(k, {"loss": self.shown, "test_loss": self.test_loss, "accuracy": self.shown_accuracy,
                           "test_accuracy": self.test_accuracy, "earlier": earlier})


def curve_range(ys, pad: float = 0.08) -> tuple[float, float]:
    """The finite extent of a curve with some air, never empty."""
    finite = np.asarray(ys, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return -1.0, 1.0
    lo, hi = float(finite.min()), float(finite.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 1, hi + 1
    return lo - pad * (hi - lo), hi + pad * (hi - lo)


def show_range(plot, x_range, y_range) -> None:
    """Fix a plot's view (no auto range: the axes are redrawn only when the view really changes)."""
    view = (tuple(x_range), tuple(y_range))
    if getattr(plot, "shown_range", None) != view:
        plot.shown_range = view
        plot.disableAutoRange()
        plot.setRange(xRange=view[0], yRange=view[1], padding=0)


class ActivationPanel(Panel):
    """The selected node's one-input function, its operating point and the tangent there."""

    HALF = 4.0  # the curve spans the operating point +- HALF; it re-centres when the point nears an edge

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.node_id = None
        self._window = None  # (node id, params, centre) of the drawn curve
        layout = QVBoxLayout(self)
        self.plot = make_plot(layout, self.tr("Activation at the operating point"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen(CURVE, width=2))
        self.tangent = self.plot.plot([], [], pen=pg.mkPen(NEG, width=2, style=pg.QtCore.Qt.DashLine))
        self.point = self.plot.plot([], [], pen=None, symbol="o", symbolSize=10, symbolBrush=SEL)
        self.caption = QLabel(self.tr("Select a node with one input (tanh, relu, exp, ...)."))
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        layout.addWidget(self.caption)
        self.plot.setVisible(False)

    def select(self, node_id) -> None:  # drawn at once: the operating point follows the click
        self.selected = self.node_id = node_id
        self.refresh()

    def refresh(self):
        self._dirty = False
        node = self.doc.node(self.node_id) if self.node_id in self.doc.graph else None
        if node is None or node.kind != "op" or len(node.input_ports()) != 1 or not ops.get(node.op).scalar:
            for item in (self.curve, self.tangent, self.point):
                item.setData([], [])
            self._window = None
            self.plot.setVisible(False)  # no empty axes: the caption says what to select
            self.caption.setText(self.tr("Select a node with one input (tanh, relu, exp, ...)."))
            return
        self.plot.setVisible(True)
        op = ops.get(node.op)
        src = self.doc.inputs_of(node.id).get("x")
        x0 = self.display.value(src) if src else None
        if x0 is None or not math.isfinite(x0):
            return
        window = self._window
        if window is None or window[:2] != (node.id, repr(node.params)) or abs(x0 - window[2]) > 0.75 * self.HALF:
            centre = round(x0 * 2) / 2
            self._window = (node.id, repr(node.params), centre)
            xs = np.linspace(centre - self.HALF, centre + self.HALF, 200)
            with np.errstate(all="ignore"):
                ys = np.asarray(op.forward(A, xs, **node.params), dtype=np.float64)
            ys = np.where(np.isfinite(ys), ys, np.nan)
            self.curve.setData(xs, ys, connect="finite")
            show_range(self.plot, (xs[0], xs[-1]), curve_range(ys))
        with np.errstate(all="ignore"):
            y0 = float(op.forward(A, np.array(x0), **node.params))
            slope = float(op.local_grads(A, np.array(y0), np.array(x0), **node.params)[0])
        self.point.setData([x0], [y0])
        span = np.array([x0 - 1.5, x0 + 1.5])
        self.tangent.setData(span, y0 + slope * (span - x0))
        self.caption.setText(self.tr("{label} = {sym}(x) at x = {x:.4g}: value {y:.4g}, slope {s:.4g} ({formula})")
                             .format(label=node.label, sym=op.symbol, x=x0, y=y0, s=slope, formula=op.formula))
