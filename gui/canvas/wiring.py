"""The wiring gesture of CircuitScene: rubber-band wire, port hover feedback, Connect on release."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from engine import commands
from engine.circuit import data_fit
from engine.circuit.validate import breaks_run

from .edge_item import WireDragItem
from .port_item import PortItem

SNAP_RADIUS = 16.0


class WiringMixin:
    """Mixed into CircuitScene: needs doc, colors, push, seal, status_message, tr, items, addItem, removeItem."""

    # ------------------------------------------------------------ wiring gesture
    def begin_wire(self, port: PortItem, scene_pos: QPointF) -> None:
        self._wire_cancel()
        drag = WireDragItem(self.colors["wire_drag"])
        self.addItem(drag)
        self._wire = {"start": port, "drag": drag, "target": None}
        self.move_wire(scene_pos)

    def port_at(self, scene_pos: QPointF) -> PortItem | None:
        """The port nearest to scene_pos within SNAP_RADIUS."""
        r = SNAP_RADIUS
        best, best_d = None, r * r
        for item in self.items(QRectF(scene_pos.x() - r, scene_pos.y() - r, 2 * r, 2 * r)):
            if isinstance(item, PortItem):
                d = item.scenePos() - scene_pos
                dist = d.x() ** 2 + d.y() ** 2
                if dist <= best_d:
                    best, best_d = item, dist
        return best

    def wire_check(self, start: PortItem, target: PortItem) -> tuple[tuple | None, str | None]:
        """((src, dst, port), None) when start -> target may be wired, else (None, reason)."""
        if start is target:
            return None, None
        if start.is_input == target.is_input:
            return None, self.tr("wire an output (right side) to an input (left side)")
        out, inp = (target, start) if start.is_input else (start, target)
        reason = self.doc.why_not_connect(out.node_id, inp.node_id, inp.name, replacing=True)
        return ((out.node_id, inp.node_id, inp.name), None) if reason is None else (None, reason)

    def move_wire(self, scene_pos: QPointF) -> None:
        if self._wire is None:
            return
        start, old = self._wire["start"], self._wire["target"]
        target = self.port_at(scene_pos)
        if target is start:
            target = None
        if old is not None and old is not target:
            old.set_state(None)
        end = scene_pos
        if target is not None:
            wire, reason = self.wire_check(start, target)
            target.set_state("ok" if wire else "bad")
            end = target.scenePos()
        self._wire["target"] = target
        self._wire["drag"].set_ends(start.scenePos(), end, start.is_input)

    def end_wire(self, scene_pos: QPointF) -> bool:
        """Finish the wiring gesture: push Connect on a valid port, report the reason on an invalid one."""
        if self._wire is None:
            return False
        self.move_wire(scene_pos)
        start, target = self._wire["start"], self._wire["target"]
        self._wire_cancel()
        if target is None:
            return False
        wire, reason = self.wire_check(start, target)
        if wire is None:
            if reason:
                self.status_message.emit(reason)
            return False
        src, dst, port = wire
        if self.doc.inputs_of(dst).get(port) == src:
            return False
        source = self.evaluator.values.get(src) if self.evaluator is not None else None
        edits = data_fit.wire_edits(self.doc, src, dst, port, source)
        problem = breaks_run(self.doc, data_fit.wire_edits(self.doc, src, dst, port, source))  # (a trial copy)
        if problem is not None:
            self.status_message.emit(self.tr("This wire would leave a circuit that cannot run: {why}").format(
                why=problem.message))
            return False
        ok = self.push(edits[0] if len(edits) == 1 else commands.Macro(edits[0].text, edits))
        self.seal()
        if ok and len(edits) > 1:  # a dense block took the source's width
            self.status_message.emit(self.tr("{block} now reads {n} inputs (new weights)").format(
                block=self.doc.node(dst).label, n=self.doc.node(dst).params["nin"]))
        return ok

    def _wire_cancel(self) -> None:
        if self._wire is None:
            return
        if self._wire["target"] is not None:
            self._wire["target"].set_state(None)
        self.removeItem(self._wire["drag"])
        self._wire = None
