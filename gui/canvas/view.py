"""CanvasView: zoom around the cursor, pan (middle drag, space+drag), grid, palette drops, quick add."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QGraphicsView, QMenu

from ..mime import MIME, decode
from .quick_add import QuickAddPopup

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
NUDGE_KEYS = {Qt.Key.Key_Up: 1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: -1, Qt.Key.Key_Left: -1}
REVEAL_MARGIN = 40  # px around nodes scrolled into view


class CanvasView(QGraphicsView):
    """The view of a CircuitScene."""

    nudge_requested = Signal(int)  # arrow keys with a selection: +-1 slider step (Shift: +-10)
    node_actions: list = []  # what right-clicking a node offers; the window fills it in

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._space = False
        self.quick_add = QuickAddPopup(self)
        self.quick_add.entry_chosen.connect(self._quick_add_chosen)
        self._quick_pos = QPointF()
        scene.nodes_appeared.connect(self.reveal)

    def reveal(self, ids) -> None:
        """Bring nodes just added into view together with the nodes in view now (a feature's data node
        beside the neuron it is for, a pasted or undeleted group, a node a lesson adds): a scroll when
        both fit, else zoomed out as far as needed (fit_all). Nodes added in view move nothing."""
        scene = self.scene()
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        new = scene.nodes_rect(ids)
        if new.isEmpty() or shown.contains(new):
            return
        keep = [i.node_id for i in scene.node_items() if i.sceneBoundingRect().intersects(shown)]
        want = new.united(scene.nodes_rect(keep)).adjusted(-REVEAL_MARGIN, -REVEAL_MARGIN,
                                                           REVEAL_MARGIN, REVEAL_MARGIN)
        if want.width() * self.zoom() <= self.viewport().width() and \
                want.height() * self.zoom() <= self.viewport().height():
            self.ensureVisible(want, 0, 0)
        else:
            self.fit_all(list(ids) + keep)

    # ------------------------------------------------------------ zoom and pan
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QGraphicsView.ViewportAnchor | None = None) -> None:
        target = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        old = self.transformationAnchor()
        if anchor is not None:
            self.setTransformationAnchor(anchor)
        self.scale(target / self.zoom(), target / self.zoom())
        self.setTransformationAnchor(old)
        self.resetCachedContent()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0, QGraphicsView.ViewportAnchor.AnchorViewCenter)

    def fit_all(self, ids=None) -> None:
        """Show every node (or the given ones), never zooming in past 100%."""
        rect = self.scene().nodes_rect(ids)
        if rect.isEmpty():
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-40, -40, 40, 40)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.set_zoom(1.0)
            self.centerOn(rect.center())
        elif self.zoom() < MIN_ZOOM:
            self.set_zoom(MIN_ZOOM)
            self.centerOn(rect.center())
        self.resetCachedContent()

    def view_center(self) -> QPointF:
        return self.mapToScene(self.viewport().rect().center())

    def view_state(self) -> dict:
        """Zoom and centre, for the document's optional "view" entry."""
        c = self.view_center()
        return {"zoom": round(self.zoom(), 4), "center": [round(c.x(), 1), round(c.y(), 1)]}

    def apply_view_state(self, state: dict | None) -> bool:
        """Restore a view_state(); False (and nothing changes) when it is missing or malformed."""
        try:
            zoom = float(state["zoom"])
            x, y = (float(v) for v in state["center"])
        except (TypeError, KeyError, ValueError):
            return False
        if not (math.isfinite(zoom) and math.isfinite(x) and math.isfinite(y)):
            return False
        self.set_zoom(zoom, QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.centerOn(x, y)
        return True

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_at(self.zoom() * math.pow(1.15, steps), event.position())
        event.accept()

    def zoom_at(self, factor: float, viewport_pos: QPointF) -> None:
        """Zoom keeping the scene point under viewport_pos fixed (the cursor)."""
        anchor = self.mapToScene(viewport_pos.toPoint())
        self.set_zoom(factor, QGraphicsView.ViewportAnchor.NoAnchor)
        moved = self.mapFromScene(anchor)
        self.pan_by(moved.x() - viewport_pos.x(), moved.y() - viewport_pos.y())

    def _start_pan(self, event) -> None:
        self._pan_from = event.position()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mousePressEvent(self, event) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (self._space and button == Qt.MouseButton.LeftButton):
            return self._start_pan(event)
        if event.button() == Qt.MouseButton.RightButton and self.itemAt(event.position().toPoint()) is None:
            self.open_quick_add(event.position().toPoint())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.pan_by(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def pan_by(self, dx: float, dy: float) -> None:
        """Scroll the view by dx, dy viewport pixels."""
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(dx))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(dy))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and not self._editing():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if event.key() in NUDGE_KEYS and self.scene().selected_ids() and not self._editing():
            # with a selection every arrow key nudges (Up/Right raise, Down/Left lower; Shift: ten steps);
            # without one they all scroll the view
            steps = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self.nudge_requested.emit(steps * NUDGE_KEYS[event.key()])
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.SelectAll) and not self._editing():
            self.scene().select_all()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space:
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def _editing(self) -> bool:
        return self.scene().focusItem() is not None

    def event(self, event) -> bool:
        # Tab opens quick add instead of moving focus to the next widget
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab and not self._editing():
            pos = self.mapFromGlobal(self.cursor().pos())
            if not self.viewport().rect().contains(pos):
                pos = self.viewport().rect().center()
            self.open_quick_add(pos)
            return True
        return super().event(event)

    # ------------------------------------------------------------ right-click
    def node_at(self, viewport_pos):
        """The node card under a viewport point (its ports and label editor count), or None."""
        item = self.itemAt(viewport_pos)
        while item is not None and not hasattr(item, "node_id"):
            item = item.parentItem()
        return item

    def node_menu(self) -> QMenu:
        """The menu for the selected nodes: the window's node actions (None = separator)."""
        menu = QMenu(self)
        for action in self.node_actions:
            if action is None:
                menu.addSeparator()
            elif action.isEnabled():
                menu.addAction(action)
        return menu

    def contextMenuEvent(self, event) -> None:
        node = self.node_at(event.pos())
        if node is None:  # on empty canvas: add a node right here
            self.open_quick_add(event.pos())
        else:
            if not node.isSelected():
                self.scene().select_ids([node.node_id])
            self.node_menu().exec(event.globalPos())
        event.accept()

    # ------------------------------------------------------------ quick add
    def open_quick_add(self, viewport_pos) -> QuickAddPopup:
        self._quick_pos = self.mapToScene(viewport_pos)
        self.quick_add.popup_at(self.viewport().mapToGlobal(viewport_pos))
        return self.quick_add

    def _quick_add_chosen(self, entry) -> None:
        self.scene().add_node_at(entry.kind, entry.op, self._quick_pos)
        self.setFocus()

    # ------------------------------------------------------------ palette drops
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        payload = decode(event.mimeData())
        if payload is None:
            event.ignore()
            return
        kind, op = payload
        self.scene().add_node_at(kind, op, self.mapToScene(event.position().toPoint()))
        event.acceptProposedAction()
        self.setFocus()

    # ------------------------------------------------------------ background grid
    def drawBackground(self, painter, rect: QRectF) -> None:
        c = self.scene().colors
        painter.fillRect(rect, c["canvas_bg"])
        g = self.scene().grid_size
        scale = self.zoom()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for step, key in ((g, "grid_minor"), (g * 5, "grid_major")):
            if step * scale < 12:
                continue
            pen = QPen(c[key], 0)  # cosmetic: one device pixel at any zoom
            painter.setPen(pen)
            left = math.floor(rect.left() / step) * step
            top = math.floor(rect.top() / step) * step
            x = left
            while x < rect.right():
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
                x += step
            y = top
            while y < rect.bottom():
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                y += step
