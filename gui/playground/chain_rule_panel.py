"""The chain-rule panel: the current backprop step in words and numbers, and the steps so far."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout

from ..panel import Panel


class ChainRulePanel(Panel):
    """Shows a stepper's current step (the chain rule with numbers) and its history (the controller,
    which owns the stepper, shows them here)."""

    results = ()

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.Monospace)
        self.heading = QLabel(self.tr("Press Step backward (F10) to walk the chain rule node by node."))
        self.heading.setWordWrap(True)
        self.current = QLabel()
        self.current.setFont(mono)
        self.current.setTextFormat(self.current.textFormat().PlainText)
        self.history = QListWidget()
        self.history.setFont(mono)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.current)
        layout.addWidget(QLabel(self.tr("Steps so far")))
        layout.addWidget(self.history, 1)

    def show_steps(self, steps: list, total: int) -> None:
        """Render the stepper's history (a list of engine Step objects)."""
        self.history.clear()
        for i, step in enumerate(steps, start=1):
            lines = step.text[1:] or step.text  # what the step added to each input's gradient
            self.history.addItem(f"{i}. " + "\n   ".join(lines))
        if not steps:
            self.heading.setText(self.tr("Press Step backward (F10) to walk the chain rule node by node."))
            self.current.setText("")
            return
        step = steps[-1]
        self.heading.setText(self.tr("Step {i} of {n}: node {label}").format(i=len(steps), n=total, label=step.label))
        self.current.setText("\n".join(step.text))
        self.history.scrollToBottom()
