"""The confusion matrix of a classifier circuit (engine.circuit.confusion), as a heat map with its counts:
rows are the true classes, columns the predicted ones; on every row, the training rows or the test rows."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from engine.circuit.confusion import Confusion, circuit_confusion
from engine.circuit.training import DEFAULTS

from ..panel import Panel
from .plots import make_plot, show_range

MAX_TEXT_CLASSES = 20  # counts are written in the cells up to this many classes


def label_text(v) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


class ConfusionPanel(Panel):
    """Counts of (true class, predicted class) pairs, redrawn after every pass (and so while training)."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.confusion: Confusion | None = None
        self.rows = QComboBox()
        self.rows.setObjectName("confusion_rows")
        for key, text in (("all", self.tr("All rows")), ("train", self.tr("Training rows")),
                          ("test", self.tr("Test rows"))):
            self.rows.addItem(text, key)
        self.rows.currentIndexChanged.connect(lambda _: self.schedule())
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.rows)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.plot = make_plot(layout, None, grid=False)
        self.plot.invertY(True)  # the first true class at the top, as a matrix is written
        self.plot.setLabel("left", self.tr("true class"))
        self.plot.setLabel("bottom", self.tr("predicted class"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("CET-L12"))  # white to blue
        self.plot.addItem(self.image)
        self.texts: list[pg.TextItem] = []

    def refresh(self) -> None:
        self._dirty = False
        settings = {**DEFAULTS, **(self.doc.training or {})}
        c = None if self.ev.compile_error else circuit_confusion(self.ev, self.rows.currentData(), settings)
        self.confusion = c
        self.plot.setVisible(c is not None)
        if c is None:
            self.image.clear()
            self._texts(0)
            held_out = self.rows.currentData() != "all" and not settings.get("test_share")
            self.caption.setText(
                self.tr("No rows are held out: set a test share in the Training panel.") if held_out else
                self.tr("The confusion matrix appears for a classifier circuit on a dataset (a hinge, binary "
                        "cross-entropy or softmax cross-entropy loss), such as the moons or digits examples."))
            return
        n = len(c.labels)
        m = c.matrix
        shares = m / np.maximum(m.sum(axis=1, keepdims=True), 1)  # each true class's row as shares
        self.image.setImage(shares, levels=(0.0, 1.0))
        self.image.setRect(QRectF(-0.5, -0.5, n, n))
        show_range(self.plot, (-0.5, n - 0.5), (-0.5, n - 0.5))
        ticks = [[(i, label_text(v)) for i, v in enumerate(c.labels)]]
        self.plot.getAxis("left").setTicks(ticks)
        self.plot.getAxis("bottom").setTicks(ticks)
        self._texts(n * n if n <= MAX_TEXT_CLASSES else 0)
        if n <= MAX_TEXT_CLASSES:
            for k, item in enumerate(self.texts):
                i, j = divmod(k, n)
                shown = (str(int(m[i, j])), "w" if shares[i, j] > 0.55 else "#222")
                if getattr(item, "shown", None) != shown:  # (setting a TextItem's text or colour is costly)
                    item.setText(shown[0])
                    item.setColor(shown[1])
                    item.shown = shown
                item.setPos(j, i)
        wrong = c.total - int(np.trace(m))
        self.caption.setText(self.tr("{acc:.1%} right on {n} rows ({w} wrong). Rows: true class; columns: "
                                     "predicted class; colour: the share of the true class.").format(
            acc=c.accuracy, n=c.total, w=wrong))

    def _texts(self, count: int) -> None:
        """Keep exactly `count` count labels on the plot."""
        while len(self.texts) > count:
            self.plot.removeItem(self.texts.pop())
        while len(self.texts) < count:
            item = pg.TextItem(anchor=(0.5, 0.5))
            self.plot.addItem(item)
            self.texts.append(item)
