"""The gallery of misclassified test digits (engine.circuit.digit_gallery): a page of 8x8 images, each
captioned "true → predicted" with the network's probability for its answer, the most confident mistakes
first. It follows training (at most a few times a second, and only while on screen); clicking a digit
puts it on the drawing pad."""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
)

from engine.circuit.digit_gallery import Gallery, Mistake, misclassified
from engine.circuit.digit_views import SIDE

from ..panel import Panel
from .plots import NEG

COLUMNS, ROWS = 12, 2  # digits on one page
PAGE = COLUMNS * ROWS
THROTTLE_MS = 250  # while training the gallery redraws at most this often (its digits change slowly)
HEIGHT = 250  # the gallery's preferred height (px); the window's other views take the rest
INK_CMAP = pg.ColorMap([0.0, 1.0], [pg.mkColor("w"), pg.mkColor("k")])  # 0 white paper, 1 black ink


class WrappingLabel(QLabel):
    """A word-wrapped label that keeps the height its text needs at its width without telling its layout
    it has a height-for-width (a box layout with one ignores its stretch factors and squeezes the plots)."""

    def __init__(self, text: str = ""):
        self.reserve = ""  # a text whose wrapped height is kept at least: a caption that grows moves nothing
        super().__init__(text)
        self.setWordWrap(True)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self._fit()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(self.width(), 1)
        height = self.heightForWidth(width)
        if self.reserve:
            margins = self.contentsMargins()
            box = QRect(0, 0, width - margins.left() - margins.right(), 100000)
            needed = self.fontMetrics().boundingRect(box, Qt.TextWordWrap, self.reserve).height()
            height = max(height, needed + margins.top() + margins.bottom())
        if height > 0 and height != self.minimumHeight():
            self.setFixedHeight(height)  # (a word-wrapped label's size hint guesses a taller shape)


class DigitTile(pg.ImageItem):
    """One digit of the gallery; a left click hands its mistake to `on_pick`."""

    def __init__(self, on_pick):
        super().__init__(axisOrder="row-major")
        self.on_pick = on_pick
        self.mistake: Mistake | None = None

    def mouseClickEvent(self, ev):  # noqa: N802 (Qt override)
        if ev.button() == Qt.LeftButton and self.mistake is not None:
            ev.accept()
            self.on_pick(self.mistake)
        else:
            ev.ignore()


class Caption(pg.LabelItem):
    """A tile's caption that does not widen its column to its text (the page keeps its columns in view)."""

    def updateMin(self):  # noqa: N802 (pyqtgraph override)
        super().updateMin()
        self.setMinimumWidth(0)


class GalleryPanel(Panel):
    """The test digits the network gets wrong, a page at a time."""

    def __init__(self, session, on_pick, parent=None):
        super().__init__(session, parent)
        self._timer.setInterval(THROTTLE_MS)  # a burst of results (training) is drawn once per interval
        self.listen(self.doc.events.training_changed, self.schedule)  # another test share or seed: other rows
        self.gallery: Gallery | None = None
        self.page = 0
        self.count = WrappingLabel()
        self.count.setObjectName("gallery_count")
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setArrowType(Qt.LeftArrow)
        self.next_button.setArrowType(Qt.RightArrow)
        self.prev_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        self.page_label = QLabel()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.count, 1)
        for w in (self.prev_button, self.page_label, self.next_button):
            top.addWidget(w)
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground("w")
        self.view.ci.setSpacing(2)
        self.view.setMinimumHeight(130)
        self.tiles: list[DigitTile] = []
        self.captions: list[pg.LabelItem] = []
        for k in range(PAGE):
            cell = self.view.ci.addLayout(row=k // COLUMNS, col=k % COLUMNS)
            cell.setSpacing(0)
            cell.setContentsMargins(2, 2, 2, 2)
            box = cell.addViewBox(row=0, col=0, lockAspect=True, invertY=True, enableMouse=False, enableMenu=False)
            tile = DigitTile(on_pick)
            tile.setColorMap(INK_CMAP)
            box.addItem(tile)
            frame = QGraphicsRectItem(0, 0, SIDE, SIDE)
            frame.setPen(pg.mkPen("#bbb", width=1, cosmetic=True))
            box.addItem(frame)
            tile.frame = frame  # shown only around a digit
            frame.setVisible(False)
            box.setRange(QRectF(0, 0, SIDE, SIDE), padding=0.04)
            caption = Caption("", size="9pt", color="#222")
            cell.addItem(caption, row=1, col=0)
            self.tiles.append(tile)
            self.captions.append(caption)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)  # the window's other views take the rest
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()  # in place of the page when no digit is wrong
        self.note.setAlignment(Qt.AlignCenter)
        self.note.setStyleSheet("color: #555; background: white;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.note)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    def sizeHint(self):  # noqa: N802 (Qt override)
        return QSize(900, HEIGHT)  # two rows of digits about 80 px tall, their captions and the header

    def reset(self) -> None:
        self.page = 0
        super().reset()

    def rows(self):
        """The trainer's held-out rows once it has split the data (else the gallery splits it the same way)."""
        trainer = getattr(self.session.controller, "trainer", None)
        feed = getattr(trainer, "feed", None)
        return feed.test if feed is not None and feed.spec is self.doc.dataset else None

    def pages(self) -> int:
        n = len(self.gallery.mistakes) if self.gallery is not None else 0
        return max(1, math.ceil(n / PAGE))

    def turn(self, by: int) -> None:
        self.page = min(max(self.page + by, 0), self.pages() - 1)
        self._show_page()

    def refresh(self) -> None:
        self._dirty = False
        g = None if self.ev.compile_error else misclassified(self.ev, self.rows())
        self.gallery = g
        if g is None:
            text = self.tr("The gallery of misclassified digits appears for a softmax classifier of the 8x8 "
                           "digits, such as the Digits MLP example.")
        elif not g.tested:
            text = self.tr("No rows are held out: set a test share in the Training panel.")
        elif not g.finite:
            text = self.tr("The network's scores are not finite numbers: no test digit can be judged.")
        else:
            count = self.tr("{w} of {n} test digits wrong.").format(w=len(g.mistakes), n=g.tested)
            text = f"<b>{count}</b>" + (" " + self.tr(
                "Under each: true → predicted class and the network's probability for it; the most confident "
                "mistakes first. Click a digit to put it on the pad.") if g.mistakes else "")
        self.count.setText(text)
        right = g is not None and g.tested and g.finite and not g.mistakes
        self.note.setText(self.tr("The network reads every test digit right.") if right else "")
        self.stack.setCurrentWidget(self.view if g is not None and g.mistakes else self.note)
        self.page = min(self.page, self.pages() - 1)
        self._show_page()

    def _show_page(self) -> None:
        mistakes = self.gallery.mistakes if self.gallery is not None else []
        start = self.page * PAGE
        for k, (tile, caption) in enumerate(zip(self.tiles, self.captions, strict=True)):
            m = mistakes[start + k] if start + k < len(mistakes) else None
            if m is None:
                if tile.image is not None:
                    tile.clear()
                    tile.setToolTip("")
                    tile.frame.setVisible(False)
                text = ""
            else:
                if tile.mistake is None or tile.mistake.row != m.row:
                    tile.setImage(m.picture, levels=(0.0, 1.0))
                    tile.frame.setVisible(True)
                text = (f'{m.true} → <b style="color:{NEG}">{m.predicted}</b> '
                        f'<span style="color:#777">{m.confidence:.0%}</span>')
                if tile.mistake != m:
                    tile.setToolTip(self.tr("Test row {row}: a {t}, read as {p} with probability {c:.0%}. Click "
                                            "to put it on the pad.").format(row=m.row, t=m.true, p=m.predicted,
                                                                             c=m.confidence))
            tile.mistake = m
            if getattr(caption, "shown", None) != text:  # (a label's text is costly to set)
                caption.setText(text or "&nbsp;")
                caption.shown = text
        pages = self.pages()
        self.page_label.setText(self.tr("page {p} of {n}").format(p=self.page + 1, n=pages))
        self.prev_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < pages - 1)
