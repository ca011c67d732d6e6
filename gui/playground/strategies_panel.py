"""The hacker's guide's four strategies on the current circuit, compared: output reached and cost."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from engine.circuit.document import CircuitError
from engine.circuit.strategies import STRATEGIES, run_strategy

COLORS = ("#9aa0a6", "#e06a1a", "#7b5cd6", "#2f6fde")


class StrategiesPanel(QWidget):
    """Runs random search, random local search, numerical and analytic gradient; table + curves."""

    def __init__(self, doc, report, parent=None):
        super().__init__(parent)
        self.doc, self.report = doc, report
        self.names = {"random_search": self.tr("Random search"),
                      "random_local_search": self.tr("Random local search"),
                      "numerical_gradient": self.tr("Numerical gradient"),
                      "analytic_gradient": self.tr("Analytic gradient")}
        self.run_button = QPushButton(self.tr("Run the four strategies (100 steps each)"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Strategy"), self.tr("Output reached"), self.tr("Evaluations")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setLabel("bottom", self.tr("circuit evaluations"))
        self.plot.setLabel("left", self.tr("best output"))
        self.plot.addLegend(offset=(-10, 10))
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_button)
        layout.addWidget(self.table)
        layout.addWidget(self.plot, 1)
        self.run_button.clicked.connect(self.run)
        self.results = []

    def run(self) -> None:
        try:
            self.results = [run_strategy(self.doc, name) for name in STRATEGIES]
        except (CircuitError, ValueError) as exc:
            self.report(str(exc))
            return
        self.table.setRowCount(len(self.results))
        self.plot.clear()
        for row, (res, color) in enumerate(zip(self.results, COLORS, strict=True)):
            for col, text in enumerate((self.names[res.name], f"{res.output:.6g}", str(res.evaluations))):
                self.table.setItem(row, col, QTableWidgetItem(text))
            xs, ys = zip(*res.history, strict=True)
            self.plot.plot(xs, ys, pen=pg.mkPen(color, width=2), name=self.names[res.name])
