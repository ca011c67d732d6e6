"""A wire: cubic bezier from an output port to an input port, coloured by the gradient flowing back."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

MIN_WIDTH, MAX_WIDTH = 1.6, 5.0


def bezier(p1: QPointF, p2: QPointF) -> QPainterPath:
    """The wire shape: leaves p1 to the right, enters p2 from the left."""
    dx = max(40.0, abs(p2.x() - p1.x()) * 0.5)
    path = QPainterPath(p1)
    path.cubicTo(QPointF(p1.x() + dx, p1.y()), QPointF(p2.x() - dx, p2.y()), p2)
    return path


def grad_width(grad: float | None) -> float:
    """Wire width grows with log |gradient| (clamped)."""
    if grad is None or not math.isfinite(grad) or grad == 0:
        return MIN_WIDTH
    width = max(MIN_WIDTH, min(MAX_WIDTH, MIN_WIDTH + 1.2 * math.log10(1.0 + abs(grad))))
    return round(width * 4) / 4  # quarter-pixel steps: a nudge that hardly changes a gradient repaints no wire


class EdgeItem(QGraphicsPathItem):
    """One document wire (src -> dst.port); geometry follows the port items, colour the source's gradient."""

    def __init__(self, src: str, dst: str, port: str):
        super().__init__()
        self.src, self.dst, self.port = src, dst, port
        self.grad: float | None = None
        self.flow = False  # part of the stepper's current chain-rule step
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setZValue(-1)
        self.setAcceptHoverEvents(True)
        self._stroke = QPainterPath()
        self._style = None  # (colour, width) last given to the pen

    @property
    def key(self) -> tuple[str, str]:
        return self.dst, self.port

    def update_path(self) -> None:
        scene = self.scene()
        src_item, dst_item = scene.node_item(self.src), scene.node_item(self.dst)
        if src_item is None or dst_item is None:
            return
        p1 = src_item.out_port.scenePos()
        port = dst_item.ports.get(self.port)
        p2 = port.scenePos() if port is not None else dst_item.scenePos()
        path = bezier(p1, p2)
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        self._stroke = stroker.createStroke(path)
        self.setPath(path)

    def shape(self) -> QPainterPath:
        return self._stroke

    def set_grad(self, grad: float | None) -> None:
        if grad != self.grad or (grad is not None and grad != grad):
            self.grad = grad
            self.restyle()

    def set_flow(self, flow: bool) -> None:
        if flow != self.flow:
            self.flow = flow
            self.restyle()

    def restyle(self) -> None:
        scene = self.scene()
        if scene is None:
            return
        c = scene.colors
        g = self.grad
        if g is None or not math.isfinite(g) or g == 0:
            color = c["wire_zero"]
        else:
            color = c["wire_pos"] if g > 0 else c["wire_neg"]
        width = grad_width(g)
        if self.flow:
            color, width = c["hl_flow"], max(width, 3.2)
        if self.isSelected():
            color, width = c["node_selected"], max(width, 2.6)
        key = (color.rgba(), width)
        if key == self._style:
            return  # same look: no repaint
        self._style = key
        pen = QPen(color, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.restyle()
        return super().itemChange(change, value)

    def hoverEnterEvent(self, event) -> None:
        self.setToolTip(self.tooltip_text())
        super().hoverEnterEvent(event)

    def tooltip_text(self) -> str:
        """'a → e.a   grad 6.0000' from the document's current labels."""
        from PySide6.QtCore import QCoreApplication

        from .node_item import fmt_number

        doc = self.scene().doc
        if self.src not in doc.graph or self.dst not in doc.graph:
            return ""
        src, dst = doc.node(self.src).label, doc.node(self.dst).label
        grad = QCoreApplication.translate("EdgeItem", "grad")
        return f"{src} → {dst}.{self.port}    {grad} {fmt_number(self.grad)}"


class WireDragItem(QGraphicsPathItem):
    """The rubber-band wire that follows the mouse while wiring."""

    def __init__(self, color):
        super().__init__()
        pen = QPen(color, 2.0, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.setPen(pen)
        self.setZValue(10)

    def set_ends(self, start: QPointF, end: QPointF, from_input: bool) -> None:
        self.setPath(bezier(end, start) if from_input else bezier(start, end))
