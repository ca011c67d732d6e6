"""CircuitScene: draws a Circuit document and turns gestures into commands; it never edits the document.

It listens to the document's edits and to the evaluator's results ('evaluated'/'stepped') and redraws; every user
edit goes through push(cmd) -> bool (the undo bridge: False when refused, reason reported by it)
and seal() ends a gesture.

Theme colours (set_theme(colors); missing keys fall back to gui/canvas/colors.py LIGHT or DARK,
DARK when colors["dark"] is true or canvas_bg is dark):
  canvas_bg, grid_minor, grid_major            background and grid lines (CanvasView)
  node_bg, node_border, node_shadow            card fill, outline, drop shadow (#AARRGGBB ok)
  node_text, node_muted                        label/numbers, secondary text ("data", "grad", kind)
  node_selected, node_error, node_error_bg     selection outline, NaN/inf outline and fill
  node_missing                                 an unwired node's dashed outline and "needs input b" text
  header_<kind>                                header tint per kind: input weight constant data op output neuron dense
  port_fill, port_border, port_text            port circle and input-port names
  port_ok, port_bad                            port under a dragged wire: valid / refused
  wire_pos, wire_neg, wire_zero, wire_drag     wire colour by gradient sign (also grad numbers); rubber-band wire
  hl_current, hl_flow, hl_reached              stepper: current node ring, wires of the current step
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsScene

from engine import commands
from engine.circuit.events import Subscriptions
from engine.circuit.nodes import VALUE_KINDS
from engine.circuit.value_edit import set_value
from engine.errors import EngineError

from . import colors as palette_colors
from .edge_item import EdgeItem
from .node_item import HEADER, WIDTH, LabelEditorItem, NodeItem, display_symbol
from .wiring import WiringMixin


class CircuitScene(WiringMixin, QGraphicsScene):
    """The canvas scene of one document."""

    selection_ids_changed = Signal(list)
    status_message = Signal(str)
    node_activated = Signal(str)
    nodes_appeared = Signal(list)  # ids of nodes just added (by any edit, undo or redo), once per burst

    def __init__(self, doc, evaluator, push, seal, parent=None):
        super().__init__(parent)
        self.doc, self.evaluator, self.push, self.seal = doc, evaluator, push, seal
        self.shown = evaluator  # what each node shows: value(id), grad(id) (set_display picks a sample)
        self.colors = palette_colors.resolve(None)
        self.grid_size = 20
        self.snap = False
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[tuple[str, str], EdgeItem] = {}  # (dst, port) -> edge
        self._by_node: dict[str, set[EdgeItem]] = {}
        self._hl: tuple[str | None, set, set | None] | None = None
        self._marked: set[str] = set()  # a lesson step's highlighted nodes (mark())
        self._wire: dict | None = None
        self._appeared: list[str] = []  # nodes added since the last nodes_appeared
        self.setSceneRect(QRectF(-50000, -50000, 100000, 100000))
        self.selectionChanged.connect(self._selection_changed)
        self._subs = Subscriptions()
        for name in ("node_added", "node_removed", "edge_added", "edge_removed", "label_changed", "node_moved",
                     "params_changed", "document_reset"):
            self._subs.connect(doc.events[name], getattr(self, f"_on_{name}"))
        if evaluator is None:  # no evaluator: show the document's values as they are edited
            self._subs.connect(doc.events.value_changed, self._on_value_changed)
        else:  # the numbers come from the evaluator's results only
            for name in ("evaluated", "stepped"):
                self._subs.connect(evaluator.events[name], self.refresh)
        self.rebuild()

    def set_display(self, display) -> None:
        """Show the numbers `display` picks (engine.circuit.display: batch mean or one sample)."""
        self.shown = display
        self._subs.connect(display.changed, self.refresh)
        self.refresh()

    def detach(self) -> None:
        """Stop listening to the document and evaluator (before dropping the scene)."""
        self._subs.disconnect_all()

    def tr(self, text: str) -> str:
        """Translated from the scene's own strings or its wiring mixin's (their contexts in the .ts file)."""
        from PySide6.QtCore import QCoreApplication

        for context in ("CircuitScene", "WiringMixin"):
            translated = QCoreApplication.translate(context, text)
            if translated != text:
                return translated
        return text

    # ------------------------------------------------------------ lookups
    def node_item(self, node_id: str) -> NodeItem | None:
        return self._nodes.get(node_id)

    def edge_item(self, dst: str, port: str) -> EdgeItem | None:
        return self._edges.get((dst, port))

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def edge_items(self) -> list[EdgeItem]:
        return list(self._edges.values())

    def selected_ids(self) -> list[str]:
        return [it.node_id for it in self.selectedItems() if isinstance(it, NodeItem)]

    def select_ids(self, ids) -> None:
        ids = set(ids)
        self.blockSignals(True)
        try:
            self.clearSelection()
            for node_id in ids:
                item = self._nodes.get(node_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self.blockSignals(False)
        self._selection_changed()

    def select_all(self) -> None:
        self.select_ids(self._nodes)

    def _selection_changed(self) -> None:
        self.selection_ids_changed.emit(self.selected_ids())

    def nodes_rect(self, ids=None) -> QRectF:
        """Bounding rect of the given nodes (all when None), for fit_all."""
        rect = QRectF()
        for node_id, item in self._nodes.items():
            if ids is None or node_id in ids:
                rect = rect.united(item.sceneBoundingRect())
        return rect

    # ------------------------------------------------------------ document events -> items
    def rebuild(self) -> None:
        """Throw every item away and draw the document again (document_reset)."""
        self._wire_cancel()
        self.blockSignals(True)
        try:
            for item in list(self._nodes.values()) + list(self._edges.values()):
                self.removeItem(item)
            self._nodes.clear()
            self._edges.clear()
            self._by_node.clear()
            for node in self.doc.nodes():
                self._add_node_item(node)
            for src, dst, port in self.doc.edges():
                self._add_edge_item(src, dst, port)
        finally:
            self.blockSignals(False)
        self._hl = None
        self.refresh()
        self._selection_changed()

    def _add_node_item(self, node) -> NodeItem:
        item = NodeItem(node)
        item.marked = node.id in self._marked
        self._nodes[node.id] = item
        self._by_node.setdefault(node.id, set())
        self.addItem(item)
        return item

    def _add_edge_item(self, src, dst, port) -> EdgeItem:
        edge = EdgeItem(src, dst, port)
        self._edges[(dst, port)] = edge
        self._by_node.setdefault(src, set()).add(edge)
        self._by_node.setdefault(dst, set()).add(edge)
        self.addItem(edge)
        edge.update_path()
        edge.restyle()
        dst_item = self._nodes.get(dst)
        if dst_item is not None and port in dst_item.ports:
            dst_item.ports[port].set_connected(True)
        return edge

    def _on_node_added(self, node) -> None:
        self._add_node_item(node)
        self._refresh_node(node.id)
        if not self._appeared:  # one notice for a burst (a paste, a feature and its data node, an undo)
            QTimer.singleShot(0, self._announce_appeared)
        self._appeared.append(node.id)

    def _announce_appeared(self) -> None:
        ids = [i for i in self._appeared if i in self._nodes]
        self._appeared = []
        if ids:
            self.nodes_appeared.emit(ids)

    def _on_node_removed(self, node) -> None:
        item = self._nodes.pop(node.id, None)
        for edge in self._by_node.pop(node.id, set()):
            self._drop_edge(edge)
        if item is not None:
            self.removeItem(item)

    def _drop_edge(self, edge: EdgeItem) -> None:
        self._edges.pop((edge.dst, edge.port), None)
        for node_id in (edge.src, edge.dst):
            self._by_node.get(node_id, set()).discard(edge)
        dst_item = self._nodes.get(edge.dst)
        if dst_item is not None and edge.port in dst_item.ports:
            dst_item.ports[edge.port].set_connected(False)
        if edge.scene() is self:
            self.removeItem(edge)

    def _on_edge_added(self, src, dst, port) -> None:
        old = self._edges.get((dst, port))
        if old is not None:
            self._drop_edge(old)
        edge = self._add_edge_item(src, dst, port)
        edge.set_grad(self._grad(src))

    def _on_edge_removed(self, src, dst, port) -> None:
        edge = self._edges.get((dst, port))
        if edge is not None:
            self._drop_edge(edge)

    def _on_value_changed(self, node_id, value) -> None:
        self._refresh_node(node_id)

    def _on_label_changed(self, node_id, label) -> None:
        item = self._nodes.get(node_id)
        if item is not None:
            item.sync(self.doc.node(node_id))
            item.update()

    def _on_node_moved(self, node_id, pos) -> None:
        item = self._nodes.get(node_id)
        if item is not None and (item.pos().x(), item.pos().y()) != tuple(pos):
            item.set_pos_from_doc(pos)

    def _on_params_changed(self, node_id, params, old_ports) -> None:
        item = self._nodes.get(node_id)
        if item is not None:
            node = self.doc.node(node_id)
            same = (node.label, display_symbol(node)) == (item.label, item.symbol)
            if same and tuple(old_ports) == node.input_ports():
                return  # new weights only (a training step writes its layers back): the card looks the same
            item.sync(node)
            for edge in self._by_node.get(node_id, ()):
                edge.update_path()
                if edge.dst == node_id and edge.port in item.ports:
                    item.ports[edge.port].set_connected(True)

    def _on_document_reset(self) -> None:
        self.rebuild()

    def node_item_moved(self, item: NodeItem) -> None:
        """A node item moved (drag or document): its wires follow."""
        for edge in self._by_node.get(item.node_id, ()):
            edge.update_path()

    # ------------------------------------------------------------ evaluator -> items
    def _grad(self, node_id):
        if self.evaluator is None:
            return None
        if self._hl is not None and self._hl[2] is not None and node_id not in self._hl[2]:
            return None
        g = self.shown.grad(node_id)
        return g if isinstance(g, float | int) else None

    def _refresh_node(self, node_id: str, errors=None) -> None:
        item = self._nodes.get(node_id)
        if item is None or node_id not in self.doc.graph:  # the evaluator may hear of a removal first
            return
        value = grad = error = missing = None
        ev = self.evaluator
        if ev is not None:
            value, grad = self.shown.value(node_id), self.shown.grad(node_id)
            error = (errors if errors is not None else (getattr(ev, "errors", None) or {})).get(node_id)
            missing = (getattr(ev, "incomplete", None) or {}).get(node_id)  # "needs input b" (engine Result)
        if value is None and item.kind in VALUE_KINDS:
            value = self.doc.node(node_id).value
        reached = self._hl[2] if self._hl is not None else None
        item.set_numbers(value, grad, error, show_grad=reached is None or node_id in reached, missing=missing)

    def refresh(self) -> None:
        """Pull values, gradients and errors from the evaluator into every item (unchanged items skip repaint)."""
        errors = (getattr(self.evaluator, "errors", None) or {}) if self.evaluator is not None else {}
        for node_id in self._nodes:
            self._refresh_node(node_id, errors)
        for edge in self._edges.values():
            item = self._nodes.get(edge.src)
            edge.set_grad(item.grad if item is not None and item.show_grad and isinstance(item.grad, float) else None)

    def highlight(self, current_id, flow_edges=(), reached=None) -> None:
        """Stepper view: ring the current node, light its chain-rule wires, hide unreached grads (None clears)."""
        flow = {(s, d, p) for s, d, p in (flow_edges or ())}
        if current_id is None and not flow and reached is None:
            self._hl = None
        else:
            self._hl = (current_id, flow, set(reached) if reached is not None else None)
        for node_id, item in self._nodes.items():
            item.set_current(self._hl is not None and node_id == current_id)
        for edge in self._edges.values():
            edge.set_flow((edge.src, edge.dst, edge.port) in flow)
        self.refresh()

    def mark(self, node_ids=(), ports=()) -> None:
        """Lesson view: a dashed ring around each of these nodes and (node id, port name) ports; empty clears."""
        self._marked = set(node_ids)
        ports = set(ports)
        for node_id, item in self._nodes.items():
            item.set_marked(node_id in self._marked)
            for name, port in [*item.ports.items(), ("out", item.out_port)]:
                port.set_marked((node_id, name) in ports)

    def set_theme(self, colors: dict) -> None:
        self.colors = palette_colors.resolve(colors)
        for edge in self._edges.values():
            edge.restyle()
        self.setBackgroundBrush(self.colors["canvas_bg"])
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)  # views cache the grid
        self.update()

    # ------------------------------------------------------------ gestures -> commands
    def add_node_at(self, kind: str, op: str | None, scene_pos: QPointF) -> str | None:
        """Add a node whose header is centred on scene_pos; returns its id (None when refused)."""
        x, y = scene_pos.x() - WIDTH / 2, scene_pos.y() - HEADER / 2
        if self.snap:
            g = self.grid_size
            x, y = round(x / g) * g, round(y / g) * g
        try:
            node = self.doc.make_node(kind, op, pos=(x, y))
        except Exception as exc:  # unknown op from a stale palette, etc.
            self.status_message.emit(str(exc))
            return None
        ok = self.push(commands.AddNode(node))
        self.seal()
        if not ok:
            return None
        self.select_ids([node.id])
        return node.id

    def rename_node(self, node_id: str, label: str) -> bool:
        ok = self.push(commands.SetLabel(node_id, label))
        self.seal()
        return ok

    def type_value(self, node_id: str, text: str) -> bool:
        """A value typed on the canvas: set exactly (the slider range widens if needed), one undo entry."""
        try:
            value = float(text.strip().replace(",", "."))
            cmd = set_value(self.doc, node_id, value)
        except (ValueError, EngineError) as exc:
            why = str(exc) if isinstance(exc, EngineError) else self.tr("type a number such as 2.5 or -3")
            self.status_message.emit(self.tr("{label}: {text!r} was not set: {why}").format(
                label=self.doc.node(node_id).label, text=text, why=why))
            return False
        ok = self.push(cmd)
        self.seal()
        return ok

    def delete_selected(self) -> bool:
        """Delete the selected nodes (with their wires) and selected wires: one undo entry."""
        ids = self.selected_ids()
        wires = [e for e in self.selectedItems() if isinstance(e, EdgeItem) and e.src not in ids and e.dst not in ids]
        cmds = [commands.RemoveNode(i) for i in ids] + [commands.Disconnect(e.dst, e.port) for e in wires]
        if not cmds:
            return False
        if len(cmds) == 1:
            cmd = cmds[0]
        else:
            cmd = commands.Macro(self.tr("delete %n items").replace("%n", str(len(cmds))), cmds)
        ok = self.push(cmd)
        self.seal()
        return ok

    def _commit_moves(self) -> None:
        moves = []
        for item in self.selectedItems():
            if isinstance(item, NodeItem) and item.node_id in self.doc.graph:
                old = self.doc.node(item.node_id).pos
                new = (item.pos().x(), item.pos().y())
                if new != old:
                    moves.append(commands.Move(item.node_id, new, old))
        if not moves:
            return
        cmd = moves[0] if len(moves) == 1 else commands.Macro(
            self.tr("move %n nodes").replace("%n", str(len(moves))), moves)
        if not self.push(cmd):
            for move in moves:
                self._nodes[move.node_id].set_pos_from_doc(self.doc.node(move.node_id).pos)
        self.seal()

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._wire is None:
            self._commit_moves()

    def keyPressEvent(self, event) -> None:
        if isinstance(self.focusItem(), LabelEditorItem):
            return super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            event.accept()
        elif event.key() == Qt.Key.Key_Escape and self._wire is not None:
            self._wire_cancel()
        else:
            super().keyPressEvent(event)
