"""A node card in the lecture's draw_dot style, but live: label, op symbol, data and grad rows, ports.

The item holds no truth: sync() copies what it shows from the document node, set_numbers() from
the evaluator. Dragging moves the item only; the scene commits one Move on mouse release.
"""

from __future__ import annotations

import functools
import html
import math
import re

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem

from engine.circuit.nodes import VALUE_KINDS
from engine.draw.style import fmt_number

from ..i18n import kind_caption
from .port_item import LESSON_RING, PortItem

__all__ = ["NodeItem", "fmt_number", "missing_text"]

WIDTH = 136.0
HEADER = 24.0
ROW = 18.0
PAD = 5.0
RADIUS = 7.0


def display_symbol(node) -> str:
    """The header's right-hand text: the op symbol, a block's glyph and activation (Σ→tanh), or the kind."""
    if node.is_leaf:
        return kind_caption(node.kind)
    return node.symbol().replace("→linear", "+b")  # a layer with no activation: Wx+b (fits the header)


_FONTS: list = []


def missing_text(reason: str | None, short: bool = False) -> str:
    """What an unwired node is missing, translated: the engine's "needs input b" or
    "waits for 'e' (needs input b)" (engine.circuit.compile); short: what fits on the card."""
    if not reason:
        return ""
    waits = re.fullmatch(r"waits for '(.*)' \((.*)\)", reason, re.S)
    if waits:
        if short:
            return QCoreApplication.translate("NodeItem", "waits for {label}").format(label=waits[1])
        return QCoreApplication.translate("NodeItem", "waits for {label}, which {needs}").format(
            label=waits[1], needs=missing_text(waits[2]))
    needs = re.fullmatch(r"needs inputs? (.*)", reason, re.S)
    if needs:
        if "," in needs[1]:
            return QCoreApplication.translate("NodeItem", "needs inputs {ports}").format(ports=needs[1])
        return QCoreApplication.translate("NodeItem", "needs input {ports}").format(ports=needs[1])
    column = re.fullmatch(r"(.*) has no column (\S+): it has (.*), y and X", reason, re.S)
    if column:  # a data node reading a column its dataset does not have (engine.circuit.compile)
        if short:
            return QCoreApplication.translate("NodeItem", "{name} has no {column}").format(name=column[1],
                                                                                        column=column[2])
        return QCoreApplication.translate("NodeItem", "{name} has no column {column}: it has {has}, y and X").format(
            name=column[1], column=column[2], has=column[3])
    if reason == "no dataset: choose one in the Training panel":
        if short:
            return QCoreApplication.translate("NodeItem", "no dataset")
        return QCoreApplication.translate("NodeItem", "no dataset: choose one in the Training panel")
    return reason


def _missing_color(c) -> QColor:
    return c.get("node_missing") or QColor("#f0a845" if c.get("dark") else "#b26a00")


@functools.cache
def _header_path() -> QPainterPath:
    """The card's header: its top rounded corners, square at the bottom (the same for every card)."""
    header = QPainterPath()
    header.addRoundedRect(QRectF(0, 0, WIDTH, HEADER + RADIUS), RADIUS, RADIUS)
    clip = QPainterPath()
    clip.addRect(QRectF(0, 0, WIDTH, HEADER))
    return header.intersected(clip)


def _fonts():
    """(label, symbol, small, mono) fonts, built once after the QApplication exists (copies are cheap)."""
    if not _FONTS:
        _FONTS.extend(_make_fonts())
    return tuple(QFont(f) for f in _FONTS)


def _make_fonts():
    label = QFont()
    label.setPixelSize(13)
    label.setBold(True)
    symbol = QFont()
    symbol.setPixelSize(13)
    small = QFont()
    small.setPixelSize(11)
    mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    mono.setPixelSize(12)
    return label, symbol, small, mono


class LabelEditorItem(QGraphicsTextItem):
    """Inline rename field over the header: Enter commits, Escape cancels, leaving commits."""

    def __init__(self, parent, text: str, on_done):
        super().__init__(text, parent)
        self._on_done, self._finished = on_done, False
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFont(_fonts()[0])
        self.setZValue(5)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.finish(True)

    def finish(self, commit: bool) -> None:
        if not self._finished:
            self._finished = True
            self._on_done(self.toPlainText().strip() if commit else None)


class NodeItem(QGraphicsItem):
    """One document node on the canvas; children: input PortItems (left) and the output PortItem (right)."""

    def __init__(self, node):
        super().__init__()
        self.node_id = node.id
        self.kind = node.kind
        self.label, self.symbol = node.label, display_symbol(node)
        self.value = self.grad = None
        self.show_grad = True  # False while the stepper has not reached this node yet
        self.error: str | None = None
        self.missing: str | None = None  # what an unwired node needs (engine Result.incomplete)
        self.current = False  # the stepper's current node
        self.marked = False  # a lesson's step points at this node
        self.editor: LabelEditorItem | None = None
        self.ports: dict[str, PortItem] = {}
        self.height = HEADER
        self._syncing = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.out_port = PortItem(self, node.id, "out", is_input=False)
        self.sync(node)

    # ------------------------------------------------------------ document -> item
    def sync(self, node) -> None:
        """Copy label, symbol, ports and position from the document node."""
        self.prepareGeometryChange()
        self.kind, self.label, self.symbol = node.kind, node.label, display_symbol(node)
        names = node.input_ports()
        for name in list(self.ports):
            if name not in names:
                port = self.ports.pop(name)
                port.setParentItem(None)
                if port.scene() is not None:
                    port.scene().removeItem(port)
        for name in names:
            if name not in self.ports:
                self.ports[name] = PortItem(self, node.id, name, is_input=True)
        rows = max(2, len(names))
        self.height = HEADER + 2 * PAD + rows * ROW
        body_top, body_h = HEADER + PAD, rows * ROW
        for i, name in enumerate(names):
            self.ports[name].setPos(0.0, body_top + body_h * (i + 0.5) / len(names))
        self.out_port.setPos(WIDTH, body_top + body_h / 2)
        self._tooltip()
        self.set_pos_from_doc(node.pos)

    def set_pos_from_doc(self, pos) -> None:
        self._syncing = True
        self.setPos(QPointF(*pos))
        self._syncing = False

    def set_numbers(self, value, grad, error: str | None, show_grad: bool = True, missing: str | None = None) -> None:
        if (value, grad, error, show_grad, missing) != (self.value, self.grad, self.error, self.show_grad,
                                                        self.missing):
            if (error, missing) != (self.error, self.missing):
                self.error, self.missing = error, missing
                self._tooltip()
            self.value, self.grad, self.show_grad = value, grad, show_grad
            self.update()

    def set_current(self, current: bool) -> None:
        if current != self.current:
            self.current = current
            self.update()

    def set_marked(self, marked: bool) -> None:
        if marked != self.marked:
            self.prepareGeometryChange()
            self.marked = marked
            self.update()

    def _tooltip(self) -> None:
        tr = lambda s: QCoreApplication.translate("NodeItem", s)
        tip = f"<b>{self.label}</b> &nbsp;<code>{self.symbol}</code>"
        if self.error:
            tip += f"<br><span style='color:#d93025'>{tr('Error')}: {self.error}</span>"
        if self.missing:
            tip += f"<br><span style='color:#b26a00'>{html.escape(missing_text(self.missing))}</span>"
        self.setToolTip(tip)

    # ------------------------------------------------------------ geometry
    def boundingRect(self) -> QRectF:
        m = 9 if self.marked else 2  # the lesson ring sits outside the card
        return QRectF(-m, -m, WIDTH + 2 * m, self.height + 2 * m + 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, WIDTH, self.height), RADIUS, RADIUS)
        return path

    def label_rect(self) -> QRectF:
        return QRectF(8, 0, WIDTH * 0.62, HEADER)

    def center(self) -> QPointF:
        return self.scenePos() + QPointF(WIDTH / 2, self.height / 2)

    # ------------------------------------------------------------ painting
    def paint(self, painter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        c = self.scene().colors
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        card = QRectF(0, 0, WIDTH, self.height)
        painter.setPen(Qt.PenStyle.NoPen)
        if lod >= 0.5:  # soft shadow
            painter.setBrush(c["node_shadow"])
            painter.drawRoundedRect(card.translated(0, 2), RADIUS, RADIUS)
        painter.setBrush(c["node_error_bg"] if self.error else c["node_bg"])
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        painter.setBrush(c.get(f"header_{self.kind}", c["header_op"]))
        painter.drawPath(_header_path())
        if lod >= 0.35:
            self._paint_text(painter, c)
        # outline last so it sits on top of the header
        if self.error:
            pen = QPen(c["node_error"], 2.2)
        elif self.missing and not self.isSelected():  # unwired: a dashed outline until it is complete
            pen = QPen(_missing_color(c), 1.6, Qt.PenStyle.DashLine)
        elif self.isSelected():
            pen = QPen(c["node_selected"], 2.2)
        else:
            pen = QPen(c["node_border"], 1.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        if self.current:
            painter.setPen(QPen(c["hl_current"], 3.0))
            painter.drawRoundedRect(card.adjusted(-3, -3, 3, 3), RADIUS + 3, RADIUS + 3)
        if self.marked:  # a lesson's pointer: a dashed ring outside the stepper's
            painter.setPen(QPen(c.get("hl_lesson", LESSON_RING), 2.5, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(card.adjusted(-7, -7, 7, 7), RADIUS + 7, RADIUS + 7)

    def _paint_text(self, painter, c) -> None:
        label_font, symbol_font, small, mono = _fonts()
        text, muted = c["node_text"], c["node_muted"]
        # header: bold label (elided) left, symbol right
        painter.setFont(symbol_font)
        label_need = QFontMetricsF(label_font).horizontalAdvance(self.label) + 2
        room = max(WIDTH * 0.45, WIDTH - 16 - 6 - label_need)  # a short label leaves the caption more room
        sym_w = min(room, QFontMetricsF(symbol_font).horizontalAdvance(self.symbol) + 2)
        sym_rect = QRectF(WIDTH - 8 - sym_w, 0, sym_w, HEADER)
        painter.setPen(text if self.kind == "op" else muted)
        symbol = QFontMetricsF(symbol_font).elidedText(self.symbol, Qt.TextElideMode.ElideRight, sym_w)
        painter.drawText(sym_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, symbol)
        if self.editor is None:
            label_w = WIDTH - 16 - sym_w - 6
            if QFontMetricsF(label_font).horizontalAdvance(self.label) > label_w:
                label_font.setPixelSize(11)  # long labels (x1*w1 + x2*w2) shrink a little before eliding
            painter.setFont(label_font)
            painter.setPen(text)
            label = QFontMetricsF(label_font).elidedText(self.label, Qt.TextElideMode.ElideRight, label_w)
            painter.drawText(QRectF(8, 0, label_w, HEADER), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             label)
        painter.setPen(QPen(c["node_border"], 1.0))
        painter.drawLine(QPointF(0.5, HEADER), QPointF(WIDTH - 0.5, HEADER))
        # rows: data and grad, names muted left, numbers right-aligned in a monospace font
        top = HEADER + PAD + (self.height - HEADER - 2 * PAD - 2 * ROW) / 2
        rows = ((QCoreApplication.translate("NodeItem", "data"), fmt_number(self.value), text),
                (QCoreApplication.translate("NodeItem", "grad"), fmt_number(self.grad) if self.show_grad else "",
                 self._grad_color(c)))
        left = 12.0
        if self.missing:  # no numbers: say what the node is missing, across both rows
            painter.setFont(small)
            painter.setPen(_missing_color(c))
            rect = QRectF(left, top, WIDTH - left - 10, 2 * ROW)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             missing_text(self.missing, short=True))
            return
        for i, (name, number, color) in enumerate(rows):
            rect = QRectF(left, top + i * ROW, WIDTH - left - 10, ROW)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            painter.setFont(mono)
            painter.setPen(color)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)

    def _grad_color(self, c):
        g = self.grad
        if g is None or not self.show_grad or not isinstance(g, float) or not math.isfinite(g) or g == 0:
            return c["node_muted"]
        return c["wire_pos"] if g > 0 else c["wire_neg"]

    # ------------------------------------------------------------ interaction
    def itemChange(self, change, value):
        scene = self.scene()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and scene is not None:
            if not self._syncing and scene.snap:
                g = scene.grid_size
                return QPointF(round(value.x() / g) * g, round(value.y() / g) * g)
        elif change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged and scene is not None:
            scene.node_item_moved(self)
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(1 if self.isSelected() else 0)
        return super().itemChange(change, value)

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        if self.label_rect().contains(event.pos()):
            self.start_rename()
        elif self.kind in VALUE_KINDS:
            self.start_value_edit()
        else:
            self.scene().node_activated.emit(self.node_id)
        event.accept()

    def start_value_edit(self) -> LabelEditorItem:
        """Type a value into the card (double-click its body): Enter sets it exactly, Escape cancels."""
        text = "" if self.value is None else f"{self.value:.10g}"
        return self._open_editor(text, self._value_done, QPointF(WIDTH * 0.3, HEADER + PAD), WIDTH * 0.66,
                                 _fonts()[3])

    def _value_done(self, text: str | None) -> None:
        self._close_editor()
        if text and self.scene() is not None:
            self.scene().type_value(self.node_id, text)

    def start_rename(self) -> LabelEditorItem:
        """Open the inline label editor with the whole label selected."""
        return self._open_editor(self.label, self._rename_done, None, WIDTH * 0.6)

    def _open_editor(self, text: str, on_done, pos: QPointF | None, width: float, font=None) -> LabelEditorItem:
        """An inline editor over the card with all of `text` selected (None pos: centred in the header)."""
        if self.editor is None:
            self.editor = LabelEditorItem(self, text, on_done)
            if font is not None:
                self.editor.setFont(font)
            self.editor.setDefaultTextColor(self.scene().colors["node_text"])
            if pos is None:
                pos = QPointF(5, (HEADER - self.editor.boundingRect().height()) / 2)
            self.editor.setPos(pos)
            self.editor.setTextWidth(width)
            self.editor.setFocus(Qt.FocusReason.MouseFocusReason)
            cursor = self.editor.textCursor()
            cursor.select(cursor.SelectionType.Document)
            self.editor.setTextCursor(cursor)
            self.update()
        return self.editor

    def _close_editor(self) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.setParentItem(None)
            if editor.scene() is not None:
                editor.scene().removeItem(editor)
        self.update()

    def _rename_done(self, text: str | None) -> None:
        self._close_editor()
        if text and text != self.label and self.scene() is not None:
            self.scene().rename_node(self.node_id, text)
