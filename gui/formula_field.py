"""The toolbar's formula field: type `L = (a*b + c) * f; a = 2` and press Enter to build the circuit.

Its syntax is in the placeholder, in the tooltip and in Help (`syntax_html`, generated from the op
registry through engine.expr_syntax). A formula that cannot be built is explained in a red box right
under the field, with the cursor put where the problem is; the box goes away when a formula builds,
on Escape, or when another document opens (`reset()`). Building onto a non-empty canvas asks first:
replace the circuit, add to it, or cancel (`ask_target`).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QWidget

from engine.expr_syntax import functions, operators

ERROR_STYLE = ("QLabel { background: #fdecea; color: #a50e0e; border: 1px solid #d93025; border-radius: 4px;"
               " padding: 4px 6px; }")
EDIT_ERROR_STYLE = "QLineEdit { border: 2px solid #d93025; border-radius: 3px; }"
EXAMPLE = "L = (a*b + c) * f; a = 2; b = -3; c = 10; f = -2"


def syntax_html() -> str:
    """The formula syntax as rich text: the tooltip of the field and the Help page show it."""
    translate, code = QCoreApplication.translate, "<code>{}</code>".format
    rows = [
        translate("FormulaField", "Lines separated by ; or new lines, in any order."),
        translate("FormulaField", "{define} defines a node; the result is the line nothing else uses.").format(
            define=code("e = a*b")),
        translate("FormulaField", "{value} gives a name its value (1 when none is given).").format(value=code("a = 2")),
        translate("FormulaField", "Every name is an input, unless declared: {weight} is a weight (training moves it), "
            "{constant} a constant. The Inspector switches the kind later.").format(
            weight=code("w = weight(0.5)"), constant=code("k = constant(3)")),
        translate("FormulaField", "Operators: {ops}").format(ops=code(html.escape("  ".join(operators())))),
        translate("FormulaField", "Functions: {names}").format(
            names=code(html.escape(", ".join(sorted(functions()))))),
        translate("FormulaField", "Example: {example}").format(example=code(html.escape(EXAMPLE))),
    ]
    return "<b>{}</b><br>{}".format(translate("FormulaField", "Formula syntax"), "<br>".join(rows))


class FormulaField(QWidget):
    """The line edit, the error box under it, and the replace/add question."""

    def __init__(self, build: Callable[[str], bool], parent=None):
        super().__init__(parent)
        self._watched: list[QWidget] = []  # the window and the toolbar: the error box follows them
        self.build = build  # the window's build_expression(text): builds, or reports through show_error
        self.edit = QLineEdit()
        self.edit.setObjectName("formula")
        self.edit.setPlaceholderText(self.tr("Type a formula: L = (a*b + c) * f; a = 2; w = weight(0.5) ⏎"))
        self.edit.setToolTip(syntax_html())
        self.edit.setMinimumWidth(360)
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.submit)
        self.edit.textEdited.connect(self._edited)
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.error = QLabel()  # parented to the window when first shown: it floats over the canvas
        self.error.setObjectName("formula_error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setCursor(Qt.PointingHandCursor)
        self.error.setToolTip(self.tr("Click or press Escape to dismiss"))
        self.error.mousePressEvent = lambda _event: self.clear_error()
        self.error.hide()

    # ------------------------------------------------------------ building
    def submit(self) -> bool:
        text = self.edit.text()
        if not text.strip():
            return False
        return self.build(text)

    def ask_target(self) -> str:
        """'replace', 'add' or 'cancel': what to do with a formula when the canvas is not empty."""
        box = QMessageBox(QMessageBox.Question, self.tr("Build the formula"),
                          self.tr("The canvas already holds a circuit. Replace it with the formula, or add the "
                                  "formula beside it?"), QMessageBox.NoButton, self.window())
        replace = box.addButton(self.tr("Replace the circuit"), QMessageBox.AcceptRole)
        add = box.addButton(self.tr("Add to it"), QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(replace)
        box.exec()
        return {replace: "replace", add: "add"}.get(box.clickedButton(), "cancel")

    def reset(self) -> None:
        """Another document opened: forget the old formula and its error."""
        self.edit.clear()
        self.clear_error()

    # ------------------------------------------------------------ the error box
    def show_error(self, message: str, line: int | None = None, column: int | None = None) -> None:
        """Explain why the formula was not built, under the field; put the cursor where the problem is."""
        self.error.setText(message)
        self.edit.setStyleSheet(EDIT_ERROR_STYLE)
        if line == 1 and column:
            self.edit.setCursorPosition(min(column - 1, len(self.edit.text())))
        window = self.window()
        if self.error.parentWidget() is not window:
            self.error.setParent(window)
            for widget in (window, self.parentWidget()):
                if widget is not None:
                    widget.installEventFilter(self)
                    self._watched.append(widget)
        self._place()
        self.error.show()
        self.error.raise_()

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()
        self.edit.setStyleSheet("")

    def has_error(self) -> bool:
        return self.error.isVisibleTo(self.error.parentWidget()) if self.error.parentWidget() else False

    def _place(self) -> None:
        window = self.error.parentWidget()
        if window is None:
            return
        corner = self.edit.mapTo(window, QPoint(0, self.edit.height() + 3))
        width = max(self.edit.width(), 460)
        width = max(200, min(width, window.width() - corner.x() - 8))
        self.error.setFixedWidth(width)
        self.error.setFixedHeight(self.error.heightForWidth(width))
        self.error.move(corner)

    def _edited(self, text: str) -> None:
        if not text:
            self.clear_error()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            if self.error.isVisible():
                self.clear_error()
                return True
        elif watched in self._watched and event.type() in (QEvent.Resize, QEvent.Move, QEvent.LayoutRequest):
            if self.error.isVisible():
                self._place()
        return super().eventFilter(watched, event)
