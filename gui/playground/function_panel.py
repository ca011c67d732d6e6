"""f(x) and df/dx for a circuit with one input: the curve, the point x, and the tangent there."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QTextBrowser, QVBoxLayout

from engine.circuit import probe
from engine.circuit.document import CircuitError
from engine.gradcheck import derivative

from ..panel import Panel
from .plots import CURVE, NEG, POS, SEL, curve_range, make_plot, show_range

SAMPLES = 400
H = 1e-4  # the lecture's step for (f(x + h) - f(x)) / h
CLOSE = 0.01  # the lecture's estimate is "close" within 1% of the slope


def robust_range(ys, keep=(), pad: float = 0.08) -> tuple[float, float]:
    """A y range from the central part of a curve: values beyond 3 interquartile ranges of the middle half
    are left out (one 1e+29 near an edge must not flatten the rest); the values in `keep` (the point
    shown, 0) are always in view."""
    finite = np.asarray(ys, dtype=np.float64)
    finite = finite[np.isfinite(finite)]
    keep = [float(v) for v in keep if np.isfinite(v)]
    if finite.size:
        q1, q3 = np.percentile(finite, [25, 75])
        spread = 3.0 * (q3 - q1)
        inside = finite[(finite >= q1 - spread) & (finite <= q3 + spread)]
        lo, hi = float(inside.min()), float(inside.max())
    else:
        lo, hi = (min(keep), max(keep)) if keep else (-1.0, 1.0)
    lo, hi = min([lo, *keep]), max([hi, *keep])
    if hi - lo < 1e-12 * max(1.0, abs(lo), abs(hi)):
        lo, hi = lo - 1, hi + 1
    return lo - pad * (hi - lo), hi + pad * (hi - lo)



class Caption(QTextBrowser):
    """The words under the plots: five lines high whatever the text (it never resizes the panel), and a
    longer text scrolls inside it instead of being cut off at a narrow width."""

    def __init__(self):
        super().__init__()
        self.setFrameShape(QFrame.NoFrame)
        self.setOpenLinks(False)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.document().setDocumentMargin(2)
        self.setFixedHeight(5 * self.fontMetrics().lineSpacing() + 8)

    def setText(self, text: str) -> None:  # noqa: N802 (the QLabel spelling the panel uses)
        self.setHtml(text)

    def text(self) -> str:
        return self.toPlainText()

class FunctionPanel(Panel):
    """The root as a function of one input (the circuit's only input, or the selected leaf)."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.x_id: str | None = None
        self._key = self._labels = None  # what the drawn curve and axis titles were made from
        layout = QVBoxLayout(self)
        plots = QHBoxLayout()  # side by side: each plot gets the dock's whole height
        layout.addLayout(plots, 1)
        self.plot = make_plot(plots, self.tr("f(x) and its tangent"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen(CURVE, width=2))
        self.tangent = self.plot.plot([], [], pen=pg.mkPen(NEG, width=2, style=Qt.DashLine))
        self.point = self.plot.plot([], [], pen=None, symbol="o", symbolSize=10, symbolBrush=SEL)
        self.dplot = make_plot(plots, self.tr("df/dx"))
        self.dcurve = self.dplot.plot([], [], pen=pg.mkPen(POS, width=2))
        self.dpoint = self.dplot.plot([], [], pen=None, symbol="o", symbolSize=10, symbolBrush=SEL)
        self.dplot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#999", width=1)))
        self.caption = Caption()
        layout.addWidget(self.caption)

    def _choose(self) -> str | None:
        node = self.doc.node(self.selected) if self.selected in self.doc.graph else None
        if node is not None and node.kind in ("input", "weight") and not self.doc.dataset:
            return node.id
        return probe.sweep_input(self.ev)

    def _clear(self, text: str) -> None:
        self._key = None
        for plot in (self.plot, self.dplot):
            plot.setVisible(False)  # no empty axes: the caption explains what is needed
        for item in (self.curve, self.tangent, self.point, self.dcurve, self.dpoint):
            item.setData([], [])
        self.caption.setText(text)

    def refresh(self) -> None:
        self._dirty = False
        self.x_id = x_id = self._choose() if not self.ev.compile_error else None
        if x_id is None:
            self._clear(self.tr("This panel plots the result against one input: open a circuit with a single "
                                "input (such as f(x) = 3x² - 4x + 5) or select an input or weight."))
            return
        node = self.doc.node(x_id)
        x0 = float(node.value)
        lo, hi = min(node.slider[0], x0 - 1), max(node.slider[1], x0 + 1)
        others = tuple((n.id, n.value) for n in self.doc.nodes() if n.is_leaf and n.id != x_id)
        key = (x_id, id(self.ev.tape), others, lo, hi)
        try:
            if key != self._key:  # the curve depends on everything but x itself: redraw it only when that changes
                xs = np.linspace(lo, hi, SAMPLES)
                ys, dys = probe.sweep(self.ev, x_id, xs)
                self.curve.setData(xs, ys, connect="finite")
                self.dcurve.setData(xs, dys, connect="finite")
                show_range(self.plot, (lo, hi), curve_range(ys))
                self._key = key
            (f0, f1), (slope, _) = probe.sweep(self.ev, x_id, [x0, x0 + H])
            show_range(self.dplot, (lo, hi), robust_range(self.dcurve.getData()[1], keep=(0.0, slope)))
            numeric, _ = derivative(lambda t: probe.sweep(self.ev, x_id, t)[0], x0, vectorized=True)
        except CircuitError as exc:
            self._key = None
            self._clear(str(exc))
            return
        root = self.doc.node(self.ev.root()).label
        for plot in (self.plot, self.dplot):
            plot.setVisible(True)
        self.point.setData([x0], [f0])
        self.dpoint.setData([x0], [slope])
        span = np.array([x0 - (hi - lo) / 8, x0 + (hi - lo) / 8])
        self.tangent.setData(span, f0 + slope * (span - x0))
        labels = (node.label, root)
        if labels != self._labels:
            self._labels = labels
            self.plot.getPlotItem().setLabels(bottom=node.label, left=root)
            self.dplot.getPlotItem().setLabels(bottom=node.label, left=f"d{root}/d{node.label}")
        self.caption.setText(self.caption_text(root, node.label, x0, f0, slope, numeric, (f1 - f0) / H))

    def caption_text(self, f: str, x: str, x0: float, f0: float, slope: float, numeric: float, est: float) -> str:
        """The value and slope at the point, then the lecture's step-size lesson next to the accurate numbers."""
        text = self.tr("{f}({x}) = {f0:.6g} at {x} = {x0:.4g}; slope d{f}/d{x} = {s:.7g} (backward; a numeric "
                       "estimate refined until stable agrees: {n:.7g}).").format(
            f=f, x=x, f0=f0, x0=x0, s=slope, n=numeric)
        lecture = self.tr("The lecture's estimate (f(x+h) - f(x))/h with h = 0.0001 gives {est:.6g}").format(est=est)
        off = abs(est - slope) > CLOSE * max(abs(slope), 1e-12)
        if off:
            lesson = self.tr("far off: h is not small compared with how fast f turns here. That is the "
                             "lecture's lesson about the step size: a smaller h (or a central difference, "
                             "refined) gets close; too small an h loses digits to round-off.")
            return f"{text}<br><b>{lecture}</b>, {lesson}"
        lesson = self.tr("close: the small difference is the error of a finite step, and it shrinks with h.")
        return f"{text}<br>{lecture}, {lesson}"
