"""A node's input or output port: a small circle you drag wires from; input names sit outside the card."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

RADIUS = 4.5
GRAB = 9.0  # the clickable radius is larger than the drawn circle
LESSON_RING = QColor("#f29900")  # what a lesson step points at: a node or a port (amber, dashed)


def port_font() -> QFont:
    font = QFont()
    font.setPixelSize(11)
    return font


class PortItem(QGraphicsItem):
    """One port of a NodeItem (child item); the scene runs the wiring gesture."""

    def __init__(self, parent, node_id: str, name: str, is_input: bool):
        super().__init__(parent)
        self.node_id, self.name, self.is_input = node_id, name, is_input
        self.state: str | None = None  # None, "ok", "bad" while a wire hovers it
        self.connected = False
        self.marked = False  # a lesson's step points at this port
        self._font = port_font()
        self._text_w = QFontMetricsF(self._font).horizontalAdvance(name) if is_input else 0.0
        self._bounds = QRectF(-GRAB, -GRAB, 2 * GRAB, 2 * GRAB)
        if is_input and name:
            self._bounds = self._bounds.united(QRectF(-self._text_w - 12, -19, self._text_w + 6, 14))
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        self.setToolTip(name)

    # ------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), GRAB, GRAB)
        return path

    def set_state(self, state: str | None) -> None:
        if state != self.state:
            self.state = state
            self.update()

    def set_marked(self, marked: bool) -> None:
        if marked != self.marked:
            self.marked = marked
            self.update()

    def set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.update()

    # ------------------------------------------------------------ painting
    def paint(self, painter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        scene = self.scene()
        c = scene.colors
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.3 and self.state is None:  # a dot under 2 px: the wire end shows where it is
            return
        border = c["port_border"]
        fill = c["port_border"] if self.connected else c["port_fill"]
        radius = RADIUS
        if self.state == "ok":
            border = fill = c["port_ok"]
            radius = RADIUS + 2
        elif self.state == "bad":
            border = fill = c["port_bad"]
            radius = RADIUS + 2
        painter.setPen(QPen(border, 1.5))
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(QPointF(0, 0), radius, radius)
        if self.marked:  # a lesson's pointer, like the node's dashed ring
            painter.setPen(QPen(c.get("hl_lesson", LESSON_RING), 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), GRAB - 1, GRAB - 1)
        if self.is_input and self.name and lod >= 0.45:
            painter.setFont(self._font)
            painter.setPen(c["port_text"])
            rect = QRectF(-self._text_w - 12, -19, self._text_w + 6, 14)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.name)

    # ------------------------------------------------------------ wiring gesture (the scene decides)
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.scene().begin_wire(self, event.scenePos())
            event.accept()
        else:
            event.ignore()

    def mouseMoveEvent(self, event) -> None:
        self.scene().move_wire(event.scenePos())

    def mouseReleaseEvent(self, event) -> None:
        self.scene().end_wire(event.scenePos())

    def hoverEnterEvent(self, event) -> None:
        if self.state is None:
            self.setScale(1.25)

    def hoverLeaveEvent(self, event) -> None:
        self.setScale(1.0)
