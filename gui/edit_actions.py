"""The Edit side of the main window: paste, duplicate, cut, rename, expand/collapse, formulas, layout.

A mixin for MainWindow: it uses the window's doc, scene, view, undo bridge and status bar.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication

from engine.circuit.block_edits import collapse_commands, expand_commands
from engine.circuit.clipboard import copy_nodes, paste_commands
from engine.circuit.layout import layered_layout
from engine.circuit.node_edits import replace_commands
from engine.commands import Move
from engine.errors import EngineError
from engine.expr import circuit_from_expression

from . import about_banner


class EditActions:
    """Edits that go through the document's commands, each one undo entry."""

    def _add_entry(self, entry) -> None:
        self.scene.add_node_at(entry.kind, entry.op, self.view.mapToScene(self.view.viewport().rect().center()))

    def _paste_data(self, data, text: str, offset=None) -> bool:
        """Paste nodes as one undo entry: beside what is on the canvas, or shifted by `offset`."""
        if offset is None:
            xs = [n["pos"][0] for n in data.get("nodes", []) if isinstance(n, dict) and "pos" in n] or [0.0]
            ys = [n["pos"][1] for n in data.get("nodes", []) if isinstance(n, dict) and "pos" in n] or [0.0]
            rect = self.scene.nodes_rect()
            offset = (rect.right() + 120 - min(xs), rect.top() - min(ys)) if self.doc.nodes() else (0.0, 0.0)
        try:
            macro = paste_commands(self.doc, data, offset)
        except (EngineError, TypeError, ValueError) as exc:
            self.status(str(exc))
            return False
        macro.text = text
        if not self.undo.push(macro):
            return False
        self.scene.select_ids([c.node.id for c in macro.children if hasattr(c, "node")])
        return True

    def build_expression(self, text: str, mode: str | None = None) -> bool:
        """Build the circuit of a formula as one undo entry. On a non-empty canvas `mode` (asked when None)
        says whether it replaces the circuit or goes beside it; a formula that cannot be built is
        explained under the formula field and nothing changes."""
        try:
            new = circuit_from_expression(text)
        except (EngineError, SyntaxError) as exc:
            self.status(str(exc))
            self.formula_field.show_error(str(exc), getattr(exc, "line", None), getattr(exc, "column", None))
            return False
        if mode is None:
            mode = self.formula_field.ask_target() if self.doc.nodes() else "replace"
        if mode == "cancel":
            return False
        if mode == "replace":
            label = self.tr("build {text}") if not self.doc.nodes() else self.tr("replace with {text}")
            ok = self.undo.push(replace_commands(self.doc, new, label.format(text=text)))
            if ok:  # the old circuit's title and description no longer describe what the canvas holds
                for key in ("title", "description"):
                    self.doc.view.pop(key, None)
                about_banner.show_for(self)
        else:
            label = self.tr("build {text}").format(text=text)
            ok = self._paste_data(copy_nodes(new, [n.id for n in new.nodes()]), label)
        if not ok:
            self.formula_field.show_error(self.undo.last_error or self.tr("The circuit could not be built."))
            return False
        self.formula_field.clear_error()
        self.view.fit_all()
        return True

    def copy(self) -> None:

        ids = self.scene.selected_ids()
        if ids:
            QApplication.clipboard().setText(json.dumps(copy_nodes(self.doc, ids)))

    def expand_or_collapse(self, expand: bool) -> bool:
        """Expand the selected neuron block into its scalar nodes, or fold the selected activation's
        sum of products back into one neuron (one undo entry; a refusal says why)."""
        ids = self.scene.selected_ids()
        if len(ids) != 1:
            self.status(self.tr("Select one node first."))
            return False
        try:
            macro = (expand_commands if expand else collapse_commands)(self.doc, ids[0])
        except EngineError as exc:
            self.status(str(exc))
            return False
        if not self.undo.push(macro):
            return False
        self.view.fit_all()
        return True

    def cut(self) -> None:
        if self.scene.selected_ids():
            self.copy()
            self.scene.delete_selected()

    def duplicate(self) -> bool:
        """Copies of the selected nodes (and the wires among them) next to the originals."""
        ids = self.scene.selected_ids()
        return bool(ids) and self._paste_data(copy_nodes(self.doc, ids), self.tr("duplicate"), offset=(40.0, 40.0))

    def rename(self) -> None:
        """Open the inline label editor of the one selected node (F2)."""
        ids = self.scene.selected_ids()
        if len(ids) == 1:
            self.scene.node_item(ids[0]).start_rename()

    def paste(self) -> None:

        try:
            data = json.loads(QApplication.clipboard().text())
        except ValueError:
            self.status(self.tr("The clipboard holds no circuit."))
            return
        self._paste_data(data, self.tr("paste"))

    def auto_layout(self) -> None:
        with self.undo.macro(self.tr("auto layout")):
            for nid, pos in layered_layout(self.doc).items():
                if tuple(pos) != self.doc.node(nid).pos:
                    self.undo.push(Move(nid, pos))
        self.view.fit_all()

