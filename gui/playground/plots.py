"""pyqtgraph panels: per-node gradients, loss over steps, and the activation at its operating point."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from engine import ops
from engine.backends import A

POS, NEG, SEL = "#2f6fde", "#e06a1a", "#f2a900"
CURVE = "#7f8690"  # reads on the light and the dark plot background


def make_plot(parent_layout, title):
    widget = pg.PlotWidget(background="w")
    widget.setTitle(title, color="#333", size="10pt")
    widget.showGrid(x=True, y=True, alpha=0.25)
    parent_layout.addWidget(widget, 1)
    return widget


class GradientsPanel(QWidget):
    """A bar per node: its gradient, coloured by sign, the selected node highlighted."""

    def __init__(self, doc, evaluator, parent=None):
        super().__init__(parent)
        self.doc, self.ev, self.selected = doc, evaluator, None
        layout = QVBoxLayout(self)
        self.sorted_box = QCheckBox(self.tr("Sort by magnitude"))
        layout.addWidget(self.sorted_box)
        self.plot = make_plot(layout, self.tr("Gradient of each node"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7)
        self.plot.addItem(self.bars)
        self.labels, self.heights = [], []
        self.sorted_box.toggled.connect(lambda _: self.refresh())
        evaluator.events.subscribe("evaluated", self.refresh)
        evaluator.events.subscribe("stepped", self.refresh)
        self.refresh()

    def refresh(self, **_):
        rows = [(n.label, n.id, self.ev.grad(n.id)) for n in self.doc.nodes() if n.kind != "data"]
        rows = [(label, nid, g) for label, nid, g in rows if g is not None]
        if not self.ev.grads_stale:  # layers: the size of their weight gradients (vanishing? exploding?)
            for n in self.doc.nodes():
                for key, g in sorted(self.ev.param_grads(n.id).items()):
                    rows.append((f"|d{key}| {n.label}", n.id, float(np.linalg.norm(np.asarray(g, dtype=np.float64)))))
        if self.sorted_box.isChecked():
            rows.sort(key=lambda r: -abs(r[2]))
        self.labels = [r[0] for r in rows]
        self.heights = [r[2] for r in rows]
        brushes = [SEL if nid == self.selected else (POS if g >= 0 else NEG) for _, nid, g in rows]
        self.bars.setOpts(x=np.arange(len(rows)), height=self.heights, width=0.7, brushes=brushes)
        self.plot.getAxis("bottom").setTicks([list(enumerate(self.labels))])
        self.plot.enableAutoRange()


class LossPanel(QWidget):
    """The loss (or output) after each gradient step, with a read-out under the mouse."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.plot = make_plot(layout, self.tr("Loss over steps"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen(POS, width=2), symbol="o", symbolSize=4)
        self.readout = QLabel(" ")
        layout.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.values: list[float] = []

    def set_history(self, values) -> None:
        self.values = list(values)
        self.curve.setData(np.arange(len(self.values)), self.values)

    def _hover(self, pos) -> None:
        if not self.values:
            return
        x = self.plot.getPlotItem().vb.mapSceneToView(pos).x()
        k = int(np.clip(round(x), 0, len(self.values) - 1))
        self.readout.setText(self.tr("step {k}: {v:.6g}").format(k=k, v=self.values[k]))


class ActivationPanel(QWidget):
    """The selected node's one-input function, its operating point and the tangent there."""

    def __init__(self, doc, evaluator, parent=None):
        super().__init__(parent)
        self.doc, self.ev, self.node_id = doc, evaluator, None
        layout = QVBoxLayout(self)
        self.plot = make_plot(layout, self.tr("Activation at the operating point"))
        self.curve = self.plot.plot([], [], pen=pg.mkPen(CURVE, width=2))
        self.tangent = self.plot.plot([], [], pen=pg.mkPen(NEG, width=2, style=pg.QtCore.Qt.DashLine))
        self.point = self.plot.plot([], [], pen=None, symbol="o", symbolSize=10, symbolBrush=SEL)
        self.caption = QLabel(self.tr("Select a node with one input (tanh, relu, exp, ...)."))
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        evaluator.events.subscribe("evaluated", self.refresh)

    def show_node(self, node_id) -> None:
        self.node_id = node_id
        self.refresh()

    def refresh(self, **_):
        node = self.doc.node(self.node_id) if self.node_id in self.doc.graph else None
        if node is None or node.kind != "op" or len(node.input_ports()) != 1 or not ops.get(node.op).scalar:
            for item in (self.curve, self.tangent, self.point):
                item.setData([], [])
            return
        op = ops.get(node.op)
        src = self.doc.inputs_of(node.id).get("x")
        x0 = self.ev.value(src) if src else None
        if x0 is None:
            return
        xs = np.linspace(x0 - 4, x0 + 4, 200)
        with np.errstate(all="ignore"):
            ys = op.forward(A, xs, **node.params)
            y0 = float(op.forward(A, np.array(x0), **node.params))
            slope = float(op.local_grads(A, np.array(y0), np.array(x0), **node.params)[0])
        self.curve.setData(xs, np.where(np.isfinite(ys), ys, np.nan), connect="finite")
        self.point.setData([x0], [y0])
        span = np.array([x0 - 1.5, x0 + 1.5])
        self.tangent.setData(span, y0 + slope * (span - x0))
        self.caption.setText(self.tr("{label} = {sym}(x) at x = {x:.4g}: value {y:.4g}, slope {s:.4g} ({formula})")
                             .format(label=node.label, sym=op.symbol, x=x0, y=y0, s=slope, formula=op.formula))
