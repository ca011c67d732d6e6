"""f(x) and df/dx for a circuit with one input: the curve, the point x, and the tangent there."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from engine.circuit import probe
from engine.circuit.document import CircuitError

from ..panel import Panel
from .plots import CURVE, NEG, POS, SEL, curve_range, make_plot, show_range

SAMPLES = 400
H = 1e-4  # the lecture's step for (f(x + h) - f(x)) / h


class FunctionPanel(Panel):
    """The root as a function of one input (the circuit's only input, or the selected leaf)."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.x_id: str | None = None
        self._key = self._labels = None  # what the drawn curve and axis titles were made from
        layout = QVBoxLayout(self)
        self.plot = make_plot(layout, self.tr("f(x) and its tangent"), stacked=True)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(CURVE, width=2))
        self.tangent = self.plot.plot([], [], pen=pg.mkPen(NEG, width=2, style=Qt.DashLine))
        self.point = self.plot.plot([], [], pen=None, symbol="o", symbolSize=10, symbolBrush=SEL)
        self.dplot = make_plot(layout, self.tr("df/dx"), stacked=True)
        self.dcurve = self.dplot.plot([], [], pen=pg.mkPen(POS, width=2))
        self.dpoint = self.dplot.plot([], [], pen=None, symbol="o", symbolSize=10, symbolBrush=SEL)
        self.dplot.addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#999", width=1)))
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignTop | Qt.AlignLeft)  # at the top when the plots are hidden
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
                show_range(self.dplot, (lo, hi), curve_range(np.append(dys, 0.0)))
                self._key = key
            (f0, f1), (slope, _) = probe.sweep(self.ev, x_id, [x0, x0 + H])
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
        self.caption.setText(self.tr(
            "{f}({x}) = {f0:.6g} at {x} = {x0:.4g}; slope d{f}/d{x} = {s:.6g} "
            "(the lecture's estimate (f(x+h) - f(x))/h with h = 0.0001: {est:.6g})").format(
            f=root, x=node.label, f0=f0, x0=x0, s=slope, est=(f1 - f0) / H))
