"""The gradient check: analytic gradients beside central differences for every leaf and layer."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..panel import Panel
from .tables import fill, make_table


class GradCheckPanel(Panel):
    """Analytic gradient beside the central-difference one for every leaf and layer; mismatches flagged
    (the controller runs the check and shows its rows here)."""

    results = ()

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.table = make_table([self.tr("Node"), self.tr("Analytic"), self.tr("Numeric"), self.tr("OK")])
        QVBoxLayout(self).addWidget(self.table)

    def show_rows(self, rows) -> None:
        fill(self.table, [(label, f"{a:.6g}", f"{g:.6g}", "✓" if ok else self.tr("✗ mismatch"))
                          for label, a, g, ok in rows])
