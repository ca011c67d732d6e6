"""The buttons beside the decision boundary that say which class a click adds: one button per class in the
class's colour (two classes or several), the chosen one pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

SWATCH = 12  # px: the colour square on each button


def swatch(color: str) -> QIcon:
    """A small square of the class colour (the button's icon)."""
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class ClassChooser(QWidget):
    """Checkable class buttons; `chosen()` is the label a click adds. set_classes() keeps the choice when the
    classes stay the same (a redraw while training does not reset it)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("class_chooser")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.caption = QLabel(self.tr("Click the plot to add a point of class:"))
        self.caption.setWordWrap(True)
        column.addWidget(self.caption)
        self.row = QHBoxLayout()
        self.row.setSpacing(4)
        column.addLayout(self.row)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QToolButton] = []
        self.labels: list[float] = []
        self.row.addStretch(1)

    def set_classes(self, labels, colors) -> None:
        """One button per class label (in order), each with its colour; the first is chosen unless the same
        classes were shown before."""
        labels = [float(v) for v in labels]
        if labels == self.labels:
            return
        for button in self.buttons:
            self.group.removeButton(button)
            button.deleteLater()
        self.buttons, self.labels = [], labels
        for i, (label, color) in enumerate(zip(labels, colors, strict=True)):
            button = QToolButton()
            button.setObjectName(f"class_{i}")
            button.setCheckable(True)
            button.setIcon(swatch(color))
            button.setText(f"{label:g}")
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            button.setToolTip(self.tr("Clicks on the plot add points of class {c}").format(c=f"{label:g}"))
            self.group.addButton(button, i)
            self.row.insertWidget(i, button)
            self.buttons.append(button)
        if self.buttons:
            self.buttons[0].setChecked(True)

    def choose(self, label: float) -> None:
        """Press the button of class `label` (a value not shown is ignored)."""
        if float(label) in self.labels:
            self.buttons[self.labels.index(float(label))].setChecked(True)

    def chosen(self, other: bool = False) -> float | None:
        """The class a click adds; other=True (Shift+click) with two classes: the class not chosen."""
        if not self.labels:
            return None
        i = max(self.group.checkedId(), 0)
        if other and len(self.labels) == 2:
            i = 1 - i
        return self.labels[i]
