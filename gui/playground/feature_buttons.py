"""TensorFlow Playground's feature inputs as a row of toggle buttons (x1², x2², x1·x2, sin x1, sin x2):
one click adds the column to the 2-D dataset with a data node that reads it; another click takes it out."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

from engine import features
from engine.circuit import feature_edits
from engine.circuit.document import CircuitError


class FeatureButtons(QWidget):
    """One checkable button per feature; checked = the dataset has that column. The Training panel
    calls sync() when the dataset changes."""

    def __init__(self, doc, undo, status, parent=None):
        super().__init__(parent)
        self.doc, self.undo, self.status = doc, undo, status
        self.setObjectName("feature_buttons")
        grid = QGridLayout(self)  # two rows (x1² x2² x1·x2 / sin x1 sin x2): the form stays narrow
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for i, name in enumerate(features.FEATURES):
            button = QToolButton()
            button.setText(features.label(name))
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _checked=False, n=name: self.toggle(n))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[name] = button
        grid.setColumnStretch(3, 1)
        self.sync()

    def toggle(self, name: str) -> bool:
        """Add or remove feature `name` (one undo entry); False if refused (the status line says why)."""
        try:
            edit = feature_edits.toggle(self.doc, name)
        except CircuitError as exc:
            self.status(str(exc))
            self.sync()
            return False
        self.undo.seal()
        ok = self.undo.push(edit)
        self.undo.seal()
        self.sync()
        return bool(ok)

    def sync(self) -> None:
        """Buttons follow the dataset: checked for its features, disabled (with the reason) without a 2-D one."""
        on = feature_edits.active(self.doc)
        try:
            why = feature_edits.can_add(self.doc)
        except CircuitError as exc:  # a dataset that cannot be made: the status line says so elsewhere
            why = str(exc)
        for name, button in self.buttons.items():
            button.setChecked(name in on)
            button.setEnabled(why is None or name in on)
            button.setToolTip(why or self.tr("Add {f} as a data column with a data node that reads it; click "
                                             "again to take it out.").format(f=features.label(name)))
