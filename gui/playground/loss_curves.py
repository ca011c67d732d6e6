"""What the loss panel tells apart: the training curve, the held-out test curve (dashed) and an earlier run's
curve (after "Replay from the same start"): their legends, and the hover read-out naming each at a step."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QSizePolicy

TEST = "#8e44ad"  # the test rows' curves (loss and accuracy), dashed


class CurveLegend:
    """A plot's legend, made on first use, rebuilt only when its entries change, hidden when it has none."""

    def __init__(self, plot, offset):
        self.plot, self.offset = plot, offset
        self.legend = None
        self.entries: list = []

    def show(self, entries: list) -> None:
        """entries: (curve item, label) in order."""
        if [(id(c), t) for c, t in entries] == [(id(c), t) for c, t in self.entries]:
            return
        self.entries = list(entries)
        if self.legend is None:
            if not entries:
                return
            color = self.plot.getAxis("left").textPen().color()
            self.legend = self.plot.addLegend(offset=self.offset, labelTextSize="8pt", labelTextColor=color,
                                              brush=pg.mkBrush(255, 255, 255, 200))  # readable over a curve
        self.legend.clear()
        for curve, text in entries:
            self.legend.addItem(curve, text)
        self.legend.setVisible(bool(entries))


def hover_label() -> QLabel:
    """The read-out's label: it wraps instead of widening the panel, and keeps the height of two lines, so
    the plots above do not move while the mouse passes over them (their steps would shift under it)."""
    label = QLabel(" ")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
    label.setFixedHeight(2 * label.fontMetrics().lineSpacing() + 2)
    return label


def readout(k: int, series: dict) -> str:
    """The read-out at step k. series: name -> list of values ("loss", "test_loss", "accuracy",
    "test_accuracy", "earlier"); a curve without a point at k is left out; train and test are named
    when the run has test rows."""
    def at(name):
        values = series.get(name) or ()
        return values[k] if 0 <= k < len(values) else None

    split = bool(series.get("test_loss") or series.get("test_accuracy"))
    loss, test_loss, acc, test_acc, earlier = map(at, ("loss", "test_loss", "accuracy", "test_accuracy", "earlier"))
    parts = []
    if loss is not None:
        parts.append(QCoreApplication.translate("LossPanel", "train loss {v:.5g}").format(v=loss) if split
                     else f"{loss:.6g}")
    if test_loss is not None:
        parts.append(QCoreApplication.translate("LossPanel", "test loss {v:.5g}").format(v=test_loss))
    if acc is not None:
        text = (QCoreApplication.translate("LossPanel", "train accuracy {a:.1%}") if split
                else QCoreApplication.translate("LossPanel", "accuracy {a:.1%}"))
        parts.append(text.format(a=acc))
    if test_acc is not None:
        parts.append(QCoreApplication.translate("LossPanel", "test accuracy {a:.1%}").format(a=test_acc))
    if earlier is not None:
        parts.append(QCoreApplication.translate("LossPanel", "earlier run {v:.6g}").format(v=earlier))
    if not parts:
        return " "
    return QCoreApplication.translate("LossPanel", "step {k}").format(k=k) + ": " + ", ".join(parts)
