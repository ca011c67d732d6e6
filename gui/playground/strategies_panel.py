"""The hacker's guide's four strategies on the current circuit, compared: output reached and cost."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QPushButton, QVBoxLayout

from engine.circuit.document import CircuitError
from engine.circuit.strategies import STRATEGIES, run_strategy

from ..panel import Panel
from .plots import make_plot
from .tables import fill, make_table

COLORS = ("#9aa0a6", "#e06a1a", "#7b5cd6", "#2f6fde")
HUGE = 1e6  # beyond this the curves are drawn on a signed log scale


class StrategiesPanel(Panel):
    """Runs random search, random local search, numerical and analytic gradient; table + curves."""

    results = ()

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.report = session.status
        self.names = {"random_search": self.tr("Random search"),
                      "random_local_search": self.tr("Random local search"),
                      "numerical_gradient": self.tr("Numerical gradient"),
                      "analytic_gradient": self.tr("Analytic gradient")}
        self.run_button = QPushButton(self.tr("Run the four strategies (100 steps each)"))
        self.table = make_table([self.tr("Strategy"), self.tr("Output reached"), self.tr("Evaluations")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_button)
        layout.addWidget(self.table)
        self.plot = make_plot(layout, None, grid=False)
        self.plot.setLabel("bottom", self.tr("circuit evaluations"))
        self.plot.setLabel("left", self.tr("best output"))
        self.plot.addLegend(offset=(-10, 10))
        self.run_button.clicked.connect(self.run)
        self.results = []
        self.log_scale = False

    def run(self) -> None:
        try:
            self.results = [run_strategy(self.doc, name) for name in STRATEGIES]
        except (CircuitError, ValueError) as exc:
            self.report(str(exc))
            return
        fill(self.table, [(self.names[r.name], f"{r.output:.6g}", str(r.evaluations)) for r in self.results])
        self.plot.clear()
        outputs = np.concatenate([np.asarray([y for _, y in r.history], dtype=np.float64) for r in self.results])
        self.log_scale = bool(np.nanmax(np.abs(outputs)) > HUGE)  # a run that explodes would flatten the others
        self.plot.setLabel("left", self.tr("best output, sign × log10(1 + |y|)") if self.log_scale
                           else self.tr("best output"))
        for res, color in zip(self.results, COLORS, strict=True):
            xs, ys = (np.asarray(v, dtype=np.float64) for v in zip(*res.history, strict=True))
            if self.log_scale:
                ys = np.sign(ys) * np.log10(1 + np.abs(ys))
            self.plot.plot(xs, ys, pen=pg.mkPen(color, width=2), name=self.names[res.name])
