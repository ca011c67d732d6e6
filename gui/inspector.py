"""The inspector: what the selected node is and everything about it you can edit.

Label, the parameters of its kind (an op's Param specs such as the exponent k, a data node's
column, a block's activation), for an op its local derivatives written once with the names of the
nodes wired into it (dL/dd = f), and for inputs, weights and constants the kind (switched in one
click) and the value slider with its range. Every edit is an undoable command; a refused one says
why right here.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QSignalBlocker, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from engine import ops
from engine.circuit.data import column_names
from engine.circuit.document import CircuitError
from engine.circuit.evaluate import dataset_arrays
from engine.circuit.node_edits import kind_commands
from engine.circuit.nodes import ACTIVATIONS, KINDS, VALUE_KINDS
from engine.circuit.validate import breaks_run
from engine.commands import SetLabel, SetParams

from .canvas.node_item import missing_text
from .panel import Panel
from .slider_panel import ValueSliderPanel


def _columns(doc) -> list[str]:
    """The columns a data node can read from the document's dataset."""
    try:
        X, _ = dataset_arrays(doc.dataset)
        d = X.shape[1]
    except (CircuitError, ValueError):
        d = 2
    return column_names(d)


def _fill(rule: str, names: dict[str, str]) -> str:
    """A local derivative rule with port names (a, b, x, out) and parameters (k) replaced by what they are
    on this node: the labels of the nodes wired in, the node's own label, the parameter's value."""
    if not names:
        return rule
    pattern = r"(?<![A-Za-z_])(\d?)(" + "|".join(map(re.escape, names)) + r")(?![A-Za-z_0-9])"
    return re.sub(pattern, lambda m: (m.group(1) + "·" if m.group(1) else "") + names[m.group(2)], rule)


def _shown(label: str) -> str:
    """A label as it reads inside a formula: parenthesised unless it is a plain name or number."""
    return label if re.fullmatch(r"[\w.]+", label) else f"({label})"


def local_derivatives(doc, node) -> list[str]:
    """One line per input port of an op node: d node / d input = its rule, in the circuit's names."""
    op = ops.get(node.op)
    wired = doc.inputs_of(node.id)
    labels = {port: doc.node(wired[port]).label if port in wired else port for port in op.inputs}
    names = {port: _shown(label) for port, label in labels.items()}
    names["out"] = _shown(node.label)
    names.update({p.name: f"{float(node.params.get(p.name, p.default)):g}" for p in op.params})
    repeated = len(set(labels.values())) < len(labels)
    lines = []
    for port, rule in zip(op.inputs, op.local, strict=False):
        line = f"∂{_shown(node.label)}/∂{_shown(labels[port])} = {_fill(rule, names)}"
        if port not in wired:
            line += " " + QCoreApplication.translate("InspectorPanel", "(input {port} not wired)").format(port=port)
        elif repeated:
            line += " " + QCoreApplication.translate("InspectorPanel", "(through input {port})").format(port=port)
        lines.append(line)
    return lines


class InspectorPanel(Panel):
    """Shows and edits the one selected node."""

    # it shows the document, whose edits it hears of at once; from the results only what a node is missing
    # (Result.incomplete: "needs input b", when the evaluator says so)
    results = ("evaluated",)

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
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #b06000")
        self.missing.hide()
        self.kind_row = QWidget()
        self.kind_buttons = QButtonGroup(self)
        row = QHBoxLayout(self.kind_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for kind, title in zip(VALUE_KINDS, (self.tr("Input"), self.tr("Weight"), self.tr("Constant")), strict=True):
            button = QPushButton(title)
            button.setCheckable(True)
            button.setObjectName(f"kind_{kind}")
            button.setToolTip(QCoreApplication.translate("kinds", KINDS[kind]))
            button.clicked.connect(lambda _=False, k=kind: self.set_kind(k))
            self.kind_buttons.addButton(button)
            row.addWidget(button)
        self.kind_buttons.setExclusive(True)
        self._gone: tuple[str, str] | None = None  # (id, kind) of the shown node while a kind switch re-adds it
        self._last: str | None = None  # the last node shown
        self.value = ValueSliderPanel(session)
        self.value.title.hide()  # the inspector names the node already
        self.editors: dict[str, QWidget] = {}
        self._built_for = None
        self.form = form = QFormLayout()
        form.addRow(self.tr("Label"), self.label_edit)
        form.addRow(self.tr("Kind"), self.kind_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.missing)
        layout.addLayout(form)
        layout.addLayout(self.params)
        layout.addWidget(self.message)
        layout.addWidget(self.value)
        layout.addStretch(1)
        for event in ("label_changed", "params_changed"):
            self.listen(self.doc.events[event], self._node_event)
        self.listen(self.doc.events.node_removed, self._removed)
        self.listen(self.doc.events.node_added, self._added)
        self.listen(self.doc.events.document_reset, self._rebind)
        self.listen(self.doc.events.dataset_changed, self._build)
        self.show_node(None)

    def select(self, node_id) -> None:
        self.selected = node_id
        self.show_node(node_id)

    def detach(self) -> None:
        super().detach()
        self.value.detach()

    def refresh(self) -> None:
        super().refresh()
        node = self.doc.node(self.node_id) if self.node_id in self.doc.graph else None
        if node is not None and node.kind == "op":  # a wire came or went: the rule names what is wired now
            about = self._describe(node)
            if about != self.about.text():
                self.about.setText(about)
        incomplete = getattr(self.ev.result, "incomplete", None) or {}
        why = incomplete.get(self.node_id) if self.node_id else None
        if why and re.match(r"(needs|waits) ", why):  # a wire it lacks: "it needs input b", "it waits for 'e'"
            text = self.tr("Not computed: it {why}.").format(why=missing_text(why))
        else:  # a column its dataset lacks, no dataset
            text = self.tr("Not computed: {why}.").format(why=missing_text(why)) if why else ""
        self.missing.setText(text)
        self.missing.setVisible(bool(why))

    def _rebind(self) -> None:
        self.show_node(self.node_id)

    def _removed(self, node) -> None:
        if node.id in (self.node_id, self._last):  # the canvas may have dropped the selection first
            self._gone = (node.id, node.kind)
        self._rebind()

    def _added(self, node) -> None:
        """A kind switch (or its undo) removes the node and adds it back as another kind: keep showing it,
        and select it on the canvas again once the edit is complete."""
        if self._gone and node.id == self._gone[0] and node.kind != self._gone[1]:
            self._gone = None
            self.show_node(node.id)
            QTimer.singleShot(0, lambda: self._select_on_canvas(node.id))

    def _select_on_canvas(self, node_id: str) -> None:
        owner = self.parentWidget()
        while owner is not None and not hasattr(owner, "scene"):
            owner = owner.parentWidget()
        if owner is not None and node_id in self.doc.graph:
            owner.scene.select_ids([node_id])
        else:
            self.session.select(node_id)

    # ------------------------------------------------------------ binding
    def show_node(self, node_id: str | None) -> None:
        if node_id is not None and node_id not in self.doc.graph:
            node_id = None
        self.node_id = node_id
        self._last = node_id or self._last
        self.message.clear()
        self.refresh()
        self.value.show_node(node_id)
        self.value.setVisible(node_id is not None and self.doc.node(node_id).kind in VALUE_KINDS)
        self._build()

    def _node_event(self, node_id=None, **_) -> None:
        if node_id != self.node_id:
            if self.node_id in self.doc.graph and self.doc.node(self.node_id).kind == "op":
                self.about.setText(self._describe(self.doc.node(self.node_id)))  # a wired node renamed
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
        self.form.setRowVisible(self.kind_row, node is not None and node.kind in VALUE_KINDS)
        for button in self.kind_buttons.buttons():
            with QSignalBlocker(button):
                button.setChecked(node is not None and button.objectName() == f"kind_{node.kind}")
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
            column, columns = node.params.get("column", "x1"), _columns(self.doc)
            self._add_choice("column", self.tr("Column"), columns if column in columns else [column, *columns],
                             column)  # (a column the dataset lacks is shown as it is, not as x1)
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
            rules = "<br>".join(html.escape(line) for line in local_derivatives(self.doc, node))
            return (f"<b>{name}</b> &nbsp;<code>{html.escape(node.symbol())}</code><br>{html.escape(doc)}<br>"
                    f"{html.escape(self.tr('Local derivatives:'))}<br><code>{rules}</code>")
        doc = html.escape(QCoreApplication.translate("kinds", KINDS[node.kind]))
        if node.kind in VALUE_KINDS:  # the Kind buttons below name it
            return f"<b>{name}</b><br>{doc}"
        return f"<b>{name}</b> &nbsp;<i>{html.escape(node.kind)}</i><br>{doc}"

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

    def set_kind(self, kind: str) -> bool:
        """Make the shown input, weight or constant another of those kinds: one undoable edit."""
        node = self.doc.node(self.node_id) if self.node_id else None
        if node is None or node.kind == kind:
            return False
        try:
            macro = kind_commands(self.doc, node.id, kind)
        except CircuitError as exc:
            self.message.setText(str(exc))
            return False
        self.undo.seal()
        ok = self._push(macro)
        self.undo.seal()
        if not ok:
            self._build()  # the buttons show the kind the node still has
        return ok

    def _set_param(self, key: str, value) -> None:
        node = self.doc.node(self.node_id)
        if node.params.get(key) == value:
            return
        new = {**node.params, key: value}
        problem = breaks_run(self.doc, [SetParams(node.id, new)])
        if problem is not None:
            self.message.setText(self.tr("This change would leave a circuit that cannot run: {why}").format(
                why=problem.message))
            box = self.editors.get(key)
            if isinstance(box, QComboBox):  # the field shows the value the node keeps
                with QSignalBlocker(box):
                    box.setCurrentText(str(node.params.get(key)))
            return
        self.undo.seal()
        self._push(SetParams(node.id, new))
        self.undo.seal()
