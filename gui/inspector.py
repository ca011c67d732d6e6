"""The inspector: what the selected node is and everything about it you can edit.

Label, the parameters of its kind (an op's Param specs such as the exponent k, a data node's
column, a block's activation), and for inputs and weights the value slider with its range.
Every edit is an undoable command; a refused one says why right here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from engine import ops
from engine.circuit.document import CircuitError
from engine.circuit.evaluate import dataset_arrays
from engine.circuit.nodes import ACTIVATIONS, KINDS
from engine.commands import SetLabel, SetParams

from .panel import Panel
from .slider_panel import ValueSliderPanel


def _columns(doc) -> list[str]:
    """The columns a data node can read from the document's dataset."""
    try:
        X, _ = dataset_arrays(doc.dataset)
        d = X.shape[1]
    except (CircuitError, ValueError):
        d = 2
    return [f"x{i}" for i in range(1, d + 1)] + ["y", "X"]


class InspectorPanel(Panel):
    """Shows and edits the one selected node."""

    results = ()  # it shows the document, whose edits it hears of at once

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.undo, self.node_id = session.undo, None
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.label_edit = QLineEdit()
        self.label_edit.editingFinished.connect(self._label_edited)
        self.params = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d93025")
        self.value = ValueSliderPanel(session)
        self.value.title.hide()  # the inspector names the node already
        self.editors: dict[str, QWidget] = {}
        self._built_for = None
        form = QFormLayout()
        form.addRow(self.tr("Label"), self.label_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addLayout(self.params)
        layout.addWidget(self.message)
        layout.addWidget(self.value)
        layout.addStretch(1)
        for event in ("label_changed", "params_changed"):
            self.listen(self.doc.events[event], self._node_event)
        for event in ("node_removed", "document_reset"):
            self.listen(self.doc.events[event], self._rebind)
        self.listen(self.doc.events.dataset_changed, self._build)
        self.show_node(None)

    def select(self, node_id) -> None:
        self.selected = node_id
        self.show_node(node_id)

    def detach(self) -> None:
        super().detach()
        self.value.detach()

    def _rebind(self) -> None:
        self.show_node(self.node_id)

    # ------------------------------------------------------------ binding
    def show_node(self, node_id: str | None) -> None:
        if node_id is not None and node_id not in self.doc.graph:
            node_id = None
        self.node_id = node_id
        self.message.clear()
        self.value.show_node(node_id)
        self.value.setVisible(node_id is not None and self.doc.node(node_id).kind in ("input", "weight", "constant"))
        self._build()

    def _node_event(self, node_id=None, **_) -> None:
        if node_id != self.node_id:
            return
        node = self.doc.node(node_id)
        if self._built_for != (node.id, node.kind, node.op):
            self._build()
            return
        # the same editors: update them in place, so a spin box being edited keeps its focus
        self.about.setText(self._describe(node))
        with QSignalBlocker(self.label_edit):
            self.label_edit.setText(node.label)
        for key, box in self.editors.items():
            with QSignalBlocker(box):
                if isinstance(box, QComboBox):
                    box.setCurrentText(str(node.params.get(key, box.currentText())))
                else:
                    box.setValue(float(node.params.get(key, box.value())))

    def _build(self) -> None:
        """Model -> widgets: the description, the label and one editor per parameter."""
        while self.params.rowCount():
            self.params.removeRow(0)
        self.editors = {}
        node = self.doc.node(self.node_id) if self.node_id else None
        self._built_for = (node.id, node.kind, node.op) if node else None
        self.label_edit.setEnabled(node is not None)
        with QSignalBlocker(self.label_edit):
            self.label_edit.setText(node.label if node else "")
        if node is None:
            self.about.setText(self.tr("Select a node to see what it computes and edit it."))
            return
        self.about.setText(self._describe(node))
        if node.kind == "op":
            for spec in ops.get(node.op).params:
                box = QDoubleSpinBox()
                box.setRange(spec.lo, spec.hi)
                box.setSingleStep(spec.step)
                box.setDecimals(3)
                box.setValue(float(node.params.get(spec.name, spec.default)))
                box.valueChanged.connect(lambda v, key=spec.name: self._set_param(key, float(v)))
                self._add(spec.name, box)
        elif node.kind == "data":
            self._add_choice("column", self.tr("Column"), _columns(self.doc), node.params.get("column", "x1"))
        elif node.kind in ("neuron", "dense"):
            self._add_choice("activation", self.tr("Activation"), list(ACTIVATIONS),
                             node.params.get("activation", "tanh"))
            shape = (self.tr("{n} inputs").format(n=node.params.get("n", 2)) if node.kind == "neuron" else
                     self.tr("{nin} inputs -> {nout} units").format(nin=node.params.get("nin"),
                                                                   nout=node.params.get("nout")))
            self.params.addRow(self.tr("Shape"), QLabel(shape))

    def _describe(self, node) -> str:
        name = html.escape(node.label)
        if node.kind == "op":
            op = ops.get(node.op)
            doc = QCoreApplication.translate("ops", op.doc)
            locals_ = ", ".join(f"∂/∂{p} = {html.escape(t)}" for p, t in zip(op.inputs, op.local, strict=False))
            return (f"<b>{name}</b> &nbsp;<code>{html.escape(node.symbol())}</code><br>{html.escape(doc)}<br>"
                    f"<code>{html.escape(op.formula)}</code><br><small>{locals_}</small>")
        doc = QCoreApplication.translate("kinds", KINDS[node.kind])
        return f"<b>{name}</b> &nbsp;<i>{html.escape(node.kind)}</i><br>{html.escape(doc)}"

    def _add(self, key: str, widget: QWidget, title: str | None = None) -> None:
        self.editors[key] = widget
        self.params.addRow(title or key, widget)

    def _add_choice(self, key, title, options, current) -> None:
        box = QComboBox()
        box.addItems(options)
        box.setCurrentText(str(current))
        box.currentTextChanged.connect(lambda text: self._set_param(key, text))
        self._add(key, box, title)

    # ------------------------------------------------------------ edits
    def _push(self, cmd) -> bool:
        ok = self.undo.push(cmd)
        self.message.setText("" if ok else self.undo.last_error or self.tr("The edit was refused."))
        return ok

    def _label_edited(self) -> None:
        node = self.doc.node(self.node_id) if self.node_id else None
        if node is None or self.label_edit.text().strip() == node.label:
            return
        if not self._push(SetLabel(node.id, self.label_edit.text())):
            with QSignalBlocker(self.label_edit):
                self.label_edit.setText(node.label)  # the document keeps its label; the message says why

    def _set_param(self, key: str, value) -> None:
        node = self.doc.node(self.node_id)
        if node.params.get(key) == value:
            return
        self.undo.seal()
        self._push(SetParams(node.id, {**node.params, key: value}))
        self.undo.seal()
