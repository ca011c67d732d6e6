"""The gradient check: backward's gradient beside a numeric estimate for every leaf and layer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout

from engine.gradcheck import CHECK_RTOL, MISMATCH, OK

from ..panel import Panel
from .tables import fill, make_table


class GradCheckPanel(Panel):
    """Shows the controller's latest gradient check (controller.check, engine.circuit.gradient_check),
    greyed out with a note once the circuit or its values have changed since."""

    results = ("evaluated",)  # an edit or a slider move makes a shown check stale

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.controller = None
        self.table = make_table([self.tr("Node"), self.tr("Analytic (backward)"), self.tr("Numeric estimate"),
                                 self.tr("Result")])
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.RichText)
        self.note.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.note.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.note.setFixedHeight(3 * self.note.fontMetrics().lineSpacing() + 4)  # never resizes the panel
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self._shown = None

    def follow(self, controller) -> None:
        """Read checks from this controller (it calls this once it exists)."""
        self.controller = controller
        self.listen(controller.events.checked, self.schedule)
        self.schedule()

    def verdict_text(self, row) -> str:
        if row.verdict == OK:
            return self.tr("✓ (a kink: slope on one side)") if row.kink else "✓"
        if row.verdict == MISMATCH:
            return self.tr("✗ mismatch")
        return self.tr("? the estimate did not settle")

    def row_label(self, row) -> str:
        if row.key is None:
            return row.label
        return self.tr("{label}: worst of {k} of {n} entries").format(label=row.label, k=row.entries, n=row.size)

    def refresh(self) -> None:
        self._dirty = False
        check = self.controller.check if self.controller is not None else None
        if check is None:
            fill(self.table, [])
            self.note.setText(self.tr("Press Gradient check (F7) to compare every gradient that backward "
                                      "computes with a numeric estimate that does not use backward."))
            return
        if check is not self._shown:
            self._shown = check
            fill(self.table, [(self.row_label(r), f"{r.analytic:.10g}", f"{r.numeric:.10g}", self.verdict_text(r))
                              for r in check.rows])
        current = check.is_current(self.ev)
        self.table.setEnabled(current)
        how = self.tr("Numeric estimate: central differences (f(x+h) - f(x-h)) / 2h with h shrinking from a "
                      "step scaled to the value, refined by Richardson extrapolation until stable. "
                      "✓ when they agree to a relative {tol:g}.").format(tol=CHECK_RTOL)
        if check.samples:
            how += " " + self.tr("Checked on the first {n} samples of the dataset.").format(n=check.samples)
        if not current:
            how = "<b>" + self.tr("The circuit or its values changed since this check: press F7 to check again.") \
                + "</b> " + how
        self.note.setText(how)
