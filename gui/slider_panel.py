"""The value slider of the selected input or weight: drag to nudge, everything downstream follows.

A typed value is kept exactly (up to 10 significant digits are shown): outside the slider's range the
range widens in the same undo entry (engine.circuit.value_edit), it is never clamped.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QSlider

from engine.circuit.nodes import VALUE_KINDS
from engine.circuit.value_edit import set_value
from engine.commands import SetSlider

from .panel import Panel

TICKS = 1000  # slider positions across the node's range
LIMIT = 1e15  # what the value box accepts: anything finite a learner types (the range follows it)


class ExactSpinBox(QDoubleSpinBox):
    """A value box that shows a value as it is (2, -3, 6.881373587, 1e-07) instead of rounding it to a
    fixed number of decimals, and accepts any finite number (no range clamps what is typed)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(-LIMIT, LIMIT)
        self.setKeyboardTracking(False)  # commit on Enter or leaving the box, not on every digit

    def textFromValue(self, value: float) -> str:
        return f"{value:.10g}"

    def valueFromText(self, text: str) -> float:
        try:
            self.typed = float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()
        return self.typed

    def exact(self, value: float) -> float:
        """The number as typed when `value` is it rounded to the box's decimals, else `value` (a step)."""
        typed = getattr(self, "typed", None)
        return typed if typed is not None and abs(typed - value) <= 10.0 ** -self.decimals() else value

    def validate(self, text: str, pos: int):
        t = text.strip().replace(",", ".")
        if t in ("", "-", "+", ".", "-.", "+.") or t.lower().endswith(("e", "e-", "e+")):
            return QValidator.State.Intermediate, text, pos
        try:
            ok = abs(float(t)) <= LIMIT
        except ValueError:
            return QValidator.State.Invalid, text, pos
        return (QValidator.State.Acceptable if ok else QValidator.State.Invalid), text, pos


class ValueSliderPanel(Panel):
    """Slider + spin box bound to one node's value; edits go through the undo bridge."""

    results = ()  # it shows the document's value, which it hears of at once

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.undo, self.node_id = session.undo, None
        self.title = QLabel(self.tr("Select an input or a weight to nudge it."))
        self.title.setWordWrap(True)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, TICKS)
        self.spin = ExactSpinBox()
        self.lo, self.hi, self.step = ExactSpinBox(), ExactSpinBox(), ExactSpinBox()
        for box in (self.lo, self.hi, self.step):
            box.editingFinished.connect(self._range_edited)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.title)
        form.addRow(self.tr("Value"), self.spin)
        form.addRow(self.slider)
        form.addRow(self.tr("Minimum"), self.lo)
        form.addRow(self.tr("Maximum"), self.hi)
        form.addRow(self.tr("Step"), self.step)
        self.slider.valueChanged.connect(self._slider_moved)
        self.slider.sliderReleased.connect(self.undo.seal)
        self.spin.valueChanged.connect(self._spin_changed)
        for event in ("value_changed", "slider_changed", "label_changed"):
            self.listen(self.doc.events[event], self._node_event)
        self.listen(self.doc.events.document_reset, self.show_node)
        self.show_node(None)

    def _node_event(self, node_id) -> None:
        if node_id == self.node_id:
            self._sync()

    def select(self, node_id) -> None:
        self.selected = node_id
        self.show_node(node_id)

    def show_node(self, node_id: str | None = None) -> None:
        """Bind to a node (None or a non-value node: show the hint and disable)."""
        if node_id is not None and (node_id not in self.doc.graph or self.doc.node(node_id).kind not in VALUE_KINDS):
            node_id = None
        self.node_id = node_id
        for w in (self.slider, self.spin, self.lo, self.hi, self.step):
            w.setEnabled(node_id is not None)
        self._sync()

    def _sync(self) -> None:
        """Model -> widgets, inside signal blockers."""
        if self.node_id is None:
            self.title.setText(self.tr("Select an input or a weight to nudge it."))
            return
        node = self.doc.node(self.node_id)
        lo, hi, step = node.slider
        lo, hi = min(lo, node.value), max(hi, node.value)
        blockers = [QSignalBlocker(w) for w in (self.slider, self.spin, self.lo, self.hi, self.step)]
        self.title.setText(self.tr("{label} ({kind})").format(label=node.label, kind=node.kind))
        self.spin.setSingleStep(step)
        self.spin.setValue(node.value)
        self.slider.setValue(round((node.value - lo) / (hi - lo) * TICKS) if hi > lo else 0)
        self.lo.setValue(node.slider[0])
        self.hi.setValue(node.slider[1])
        self.step.setValue(step)
        del blockers

    def _set(self, value: float) -> None:
        """Set the value exactly (one undo entry; the slider range widens when the value is past it)."""
        if self.node_id is not None and value != self.doc.node(self.node_id).value:
            self.undo.push(set_value(self.doc, self.node_id, value))

    def _slider_moved(self, pos: int) -> None:
        lo, hi, step = self.doc.node(self.node_id).slider
        value = lo + (hi - lo) * pos / TICKS
        self._set(round(round(value / step) * step, 10))

    def _spin_changed(self, value: float) -> None:
        self._set(self.spin.exact(value))
        self.undo.seal()

    def _range_edited(self) -> None:
        if self.node_id is None:
            return
        new = (self.lo.value(), self.hi.value(), self.step.value())
        if new != self.doc.node(self.node_id).slider and new[0] < new[1] and new[2] > 0:
            self.undo.push(SetSlider(self.node_id, new))

    def nudge(self, steps: int) -> None:
        """Keyboard nudge: move the value by whole slider steps (past an end, the range widens)."""
        if self.node_id is not None:
            node = self.doc.node(self.node_id)
            self._set(round(node.value + steps * node.slider[2], 10))
            self.undo.seal()
