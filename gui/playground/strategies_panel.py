"""The hacker's guide's four strategies on the current circuit, compared: what each tried, what it cost,
the output it reached, and a chart of the best output against the circuit passes spent."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from engine.circuit.document import CircuitError
from engine.circuit.stepper import fmt
from engine.circuit.strategies import STRATEGIES, run_strategy

from ..panel import Panel
from .plots import make_plot

COLORS = ("#80868b", "#e06a1a", "#7b5cd6", "#2f6fde")
HUGE = 1e6  # beyond this the curves are drawn on a signed log scale
MAX_KNOBS = 60  # more inputs and weights than this: the numerical gradient alone would take minutes


def _values(values: dict) -> str:
    return ", ".join(f"{k} = {fmt(v)}" for k, v in values.items())


class StrategiesPanel(Panel):
    """Runs random search, random local search, numerical and analytic gradient on a copy of the circuit's
    values (the document is not changed): a table with the strategies in their curves' colours and a
    plain-words account of each row (one scrolling text beside the chart), and the chart."""

    results = ()

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.report = session.status
        self.names = {"random_search": self.tr("Random search"),
                      "random_local_search": self.tr("Random local search"),
                      "numerical_gradient": self.tr("Numerical gradient"),
                      "analytic_gradient": self.tr("Analytic gradient")}
        self.run_button = QPushButton(self.tr("Run the four strategies (100 steps each)"))
        self.run_button.setToolTip(self.tr("Each strategy tries to raise the circuit's output from its current "
                                           "values; the circuit itself is not changed."))
        self.text = QTextBrowser()
        self.text.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.text.setMinimumSize(200, 60)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.run_button)
        column.addWidget(self.text, 1)
        right = QWidget()
        chart = QVBoxLayout(right)
        chart.setContentsMargins(0, 0, 0, 0)
        self.plot = make_plot(chart, None)
        self.plot.setLabel("bottom", self.tr("circuit passes spent"))
        self.plot.setLabel("left", self.tr("best output"))
        self.plot.setMinimumHeight(150)
        splitter = QSplitter(Qt.Horizontal)  # side by side: each part gets the dock's whole height
        for part, stretch in ((left, 1), (right, 1)):
            splitter.addWidget(part)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([500, 400])  # the text a little wider than the chart
        QVBoxLayout(self).addWidget(splitter)
        self.run_button.clicked.connect(self.run)
        self.results = []
        self.log_scale = False
        self.reset()

    def reset(self) -> None:
        """Another document is shown: the old circuit's runs go (Run compares the new one)."""
        self.results = []
        self.plot.clear()
        self.text.setHtml("<p style='color:gray'>" + self.tr(
            "The hacker's guide's question: how should the inputs change to make the output bigger? Run the "
            "four strategies to compare what each tries, what it costs and where it gets.") + "</p>")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override): independent of the text shown
        return QSize(760, 260)

    def run(self) -> None:
        knobs = sum(n.kind in ("input", "weight") for n in self.doc.nodes())
        if knobs > MAX_KNOBS:
            self.report(self.tr("The strategies treat every input and weight as a knob; this circuit has {n} "
                                "(at most {m}): try them on a small circuit such as the multiply gate.")
                        .format(n=knobs, m=MAX_KNOBS))
            return
        try:
            self.results = [run_strategy(self.doc, name) for name in STRATEGIES]
        except (CircuitError, ValueError) as exc:
            self.report(str(exc))
            return
        self.text.setHtml(self.table_html() + self.explain())
        self.draw()

    def passes(self, r) -> str:
        """The table's short form of the cost."""
        if r.backward_passes:
            return self.tr("{e} + {b} backward").format(e=r.evaluations, b=r.backward_passes)
        return str(r.evaluations)

    def cost(self, r) -> str:
        if r.backward_passes:
            return self.tr("{e} evaluations + {b} backward passes").format(e=r.evaluations, b=r.backward_passes)
        return self.tr("{e} evaluations").format(e=r.evaluations)

    def rows(self) -> list[tuple[str, str, str]]:
        """(strategy, output reached, circuit passes) per strategy, as the table shows them."""
        return [(self.names[r.name], f"{r.output:.6g}", self.passes(r)) for r in self.results]

    def table_html(self) -> str:
        """The comparison, each strategy's name in its curve's colour (the chart's legend)."""
        head = "".join(f"<th align='left'>{h}</th>" for h in (self.tr("Strategy"), self.tr("Output reached"),
                                                                self.tr("Circuit passes")))
        body = "".join(f"<tr><td><b style='color:{c}'>{n}</b></td><td>{o}</td><td>{p}</td></tr>"
                       for (n, o, p), c in zip(self.rows(), COLORS, strict=True))
        return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"

    def explain(self) -> str:
        """One paragraph per strategy in plain words, then what the comparison shows."""
        by = {r.name: r for r in self.results}
        rs, ls, ng, ag = (by[n] for n in STRATEGIES)
        n = len(ag.start_values)
        start = _values(ag.start_values)
        ranges = ", ".join(f"{k} in [{fmt(a)}, {fmt(b)}]" for k, (a, b) in rs.ranges.items())
        slope = ", ".join(f"∂/∂{k} = {fmt(v)}" for k, v in ag.first_gradient.items())
        paras = [
            self.tr("Start: {start}, output {out}.").format(start=start, out=f"{ag.start_output:.6g}"),
            self.tr("<b>Random search</b> tried {s} random points anywhere in the sliders' ranges ({ranges}) and "
                    "kept the best one: {out} at {at}, for {cost}. It never learns which way is up: it is lucky "
                    "with {n} inputs in a small box and hopeless with thousands.").format(
                s=rs.steps, ranges=ranges, out=f"{rs.output:.6g}", at=_values(rs.values), cost=self.cost(rs), n=n),
            self.tr("<b>Random local search</b> tried {s} small random moves (at most ±{step} per input) from the "
                    "best point so far and kept a move only when the output rose: {out}, for {cost}. Many of its "
                    "tries go the wrong way and are thrown away.").format(
                s=ls.steps, step=fmt(ls.step_size), out=f"{ls.output:.6g}", cost=self.cost(ls)),
            self.tr("<b>Numerical gradient</b> nudged each input by h = {h} to measure the output's slope along it "
                    "({n} evaluations per step), then moved every input {step} × its slope: {out}, for {cost}. "
                    "It knows which way to go, but pays one evaluation per input.").format(
                h=f"{ng.h:g}", n=n, step=fmt(ng.step_size), out=f"{ng.output:.6g}", cost=self.cost(ng)),
            self.tr("<b>Analytic gradient</b> got every slope at once from one backward pass (the chain rule), "
                    "then moved every input {step} × its gradient: {out}, for {cost}. The same steps as the "
                    "numerical gradient, but one backward pass gives all the slopes, whatever the number of "
                    "inputs.").format(step=fmt(ag.step_size), out=f"{ag.output:.6g}", cost=self.cost(ag)),
            self.tr("Only the two gradient methods tell which way to go: at the start {slope}, so each input moves "
                    "the way its slope points. The random methods only compare outputs; a high random-search "
                    "number says nothing about how to improve the point you are at.").format(slope=slope),
        ]
        return "".join(f"<p>{p}</p>" for p in paras)

    def draw(self) -> None:
        self.plot.clear()
        outputs = np.concatenate([np.asarray([y for _, y in r.history], dtype=np.float64) for r in self.results])
        self.log_scale = bool(np.nanmax(np.abs(outputs)) > HUGE)  # a run that explodes would flatten the others
        self.plot.setLabel("left", self.tr("best output, sign × log10(1 + |y|)") if self.log_scale
                           else self.tr("best output"))
        for res, color in zip(self.results, COLORS, strict=True):
            xs, ys = (np.asarray(v, dtype=np.float64) for v in zip(*res.history, strict=True))
            if self.log_scale:
                ys = np.sign(ys) * np.log10(1 + np.abs(ys))
            self.plot.plot(xs, ys, pen=pg.mkPen(color, width=2))
