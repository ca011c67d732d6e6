"""The optimizer's state for every parameter of the current training run, as a sortable table
(engine.optim_state computes it). A large block is one summary row (norm, min and max of each quantity);
clicking it opens the full matrices (MatrixDialog). It follows the timeline: scrubbed to an earlier step,
it shows the state after that step (rebuilt exactly by the engine) and says so in its caption."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialog, QLabel, QTableView, QVBoxLayout

from engine.optim_state import QUANTITIES, OptimizerState, Summary, optimizer_state

from ..panel import Panel
from .controller import one_blas_thread

SORT = Qt.UserRole  # the number a column sorts by
# the roles answered, as plain ints: comparing Qt's enum members costs ~10 µs each, and a view asks a dozen
# roles of every visible cell at every repaint
DISPLAY, SORT_, FONT, TIP, ALIGN = (r.value for r in (Qt.DisplayRole, SORT, Qt.FontRole, Qt.ToolTipRole,
                                                       Qt.TextAlignmentRole))
ROLES = frozenset({DISPLAY, SORT_, FONT, TIP, ALIGN})
RIGHT = int((Qt.AlignRight | Qt.AlignVCenter).value)  # numbers line up on the right


def number(x) -> str:
    return "" if x is None else f"{x:.4g}"


class StateModel(QAbstractTableModel):
    """Rows: the listed entries, then one row per summarised block. Columns: name, then QUANTITIES."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list = []  # Entry or Summary
        self.keys: list = []

    def set_state(self, state: OptimizerState | None) -> bool:
        """Show a state; True if the rows changed (not only their numbers)."""
        rows = [] if state is None else state.rows
        keys = [(r.node_id, r.key, getattr(r, "index", None)) for r in rows]
        if keys == self.keys:  # same parameters: the numbers change in place (sorting and scroll kept)
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 1), self.index(len(rows) - 1, len(self.headers) - 1))
            return False
        self.beginResetModel()
        self.rows, self.keys = rows, keys
        self.endResetModel()
        return True

    def rowCount(self, parent=QModelIndex()):  # noqa: B008,N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008,N802 (Qt override)
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802 (Qt override)
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        role = getattr(role, "value", role)
        if role not in ROLES:
            return None
        row, col = self.rows[index.row()], index.column()
        summary = isinstance(row, Summary)
        if role == FONT and summary:  # a block's summary row stands out from the entries
            font = QFont()
            font.setBold(True)
            return font
        if col == 0:
            if role == DISPLAY:
                return f"{row.name}  ({'×'.join(map(str, row.shape))})" if summary else row.name
            if role == SORT_:
                return row.name
            if role == TIP and summary:
                return self.tr("Summary of a large block: L2 norm [min, max] of each quantity. "
                               "Click the row for the full matrices.")
            return None
        q = QUANTITIES[col - 1]
        if summary:
            s = row.stats.get(q)
            if role == DISPLAY:
                return "" if s is None else f"‖{s.norm:.4g}‖ [{s.min:.3g}, {s.max:.3g}]"
            if role == SORT_:
                return -math.inf if s is None else s.norm
            return None
        x = getattr(row, q)
        if role == DISPLAY:
            return number(x)
        if role == SORT_:
            return -math.inf if x is None else x
        if role == ALIGN:
            return RIGHT
        return None


class OptimizerPanel(Panel):
    """Every parameter's value, gradient, momentum buffer, Adam m and √v and effective step, updated after
    each training tick; sort by any column (click its header)."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.ctl = session.controller
        self.state: OptimizerState | None = None
        self.dialog: MatrixDialog | None = None
        self._kept: tuple | None = None  # the quantities whose columns are shown
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.model = StateModel([self.tr("Parameter"), self.tr("Value"), self.tr("Gradient"), self.tr("Momentum"),
                                 self.tr("Adam m"), "√v", self.tr("Step")], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT)
        self.proxy.setDynamicSortFilter(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.AscendingOrder)  # document order until a header is clicked
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)  # compact rows
        self.table.clicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)

    def reset(self) -> None:
        self.state = None
        if self.dialog is not None:
            self.dialog.close()
        super().reset()

    def refresh(self) -> None:
        self._dirty = False
        trainer = getattr(self.ctl, "trainer", None)
        timeline = getattr(self.ctl, "timeline", None)
        step = timeline.scrubbed if timeline is not None and timeline.run is trainer else None
        with one_blas_thread():  # a scrubbed step is rebuilt by passes like training's (see controller)
            self.state = state = optimizer_state(trainer, step=step) if trainer is not None else None
        kept = state.kept if state is not None else QUANTITIES
        if self.model.set_state(state) or kept != self._kept:  # (a step too far back keeps values only)
            self._kept = kept
            for col, q in enumerate(QUANTITIES, start=1):  # no empty columns: only what this optimizer keeps
                self.table.setColumnHidden(col, q not in kept)
            self.table.resizeColumnsToContents()
        if state is None:
            self.caption.setText(self.tr("The optimizer's state appears after the first gradient step (F8) or "
                                         "while training (F9): each parameter's value, gradient, momentum buffer, "
                                         "Adam's m and √v, and the step it last took."))
        else:
            self.caption.setText(self.describe(state))
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.show_state(state)

    def listed(self, n: int, blocks: int) -> str:
        """What the table lists: its entries and the large blocks it summarises, in words that agree."""
        entries = self.tr("one entry listed") if n == 1 else self.tr("{n} entries listed").format(n=n)
        if blocks == 0:
            return entries
        if blocks == 1:
            return self.tr("{entries}, one large block summarised (click it for its full matrix)").format(
                entries=entries)
        return self.tr("{entries}, {b} large blocks summarised (click one for its full matrix)").format(
            entries=entries, b=blocks)

    def describe(self, state: OptimizerState) -> str:
        """The caption: which optimizer, which step of the run (the timeline's when scrubbed), what is listed."""
        name = {"sgd": self.tr("SGD"), "momentum": self.tr("SGD with momentum"), "adam": "Adam"}[state.optimizer]
        listed = self.listed(len(state.entries), len(state.summaries))
        if state.at_step is None:
            return self.tr("{opt}, step {k}, learning rate {lr:g}: {listed}. Step is the change the last update "
                           "made.").format(opt=name, k=state.k, lr=state.lr, listed=listed)
        if not state.kept_back:
            return self.tr("{opt} at step {k} of {last}: too far back, the optimizer's state is kept from step "
                           "{first} on. Shown: the parameters of that step (stored in float32), no gradients or "
                           "buffers.").format(opt=name, k=state.at_step, last=state.last_step, first=state.first_kept)
        text = self.tr("{opt} at step {k} of {last} (the timeline), learning rate {lr:g}: {listed}. Step is the "
                       "change that step's update made.").format(opt=name, k=state.at_step, last=state.last_step,
                                                                  lr=state.lr, listed=listed)
        if not state.exact:
            text += " " + self.tr("The circuit changed since that step: these numbers are rebuilt approximately.")
        return text

    def _clicked(self, index) -> None:
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        if isinstance(row, Summary):
            self.open_matrix(row.node_id, row.key)

    def open_matrix(self, node_id: str, key: str) -> MatrixDialog:
        """The full matrices of one block parameter, in a window that follows training."""
        if self.dialog is None:
            self.dialog = MatrixDialog(self)
        self.dialog.target = (node_id, key)
        self.dialog.show_state(self.state)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog


class MatrixDialog(QDialog):
    """One block parameter's full matrix as a heat map (pyqtgraph ImageItem and colour bar), quantity chosen."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.target: tuple[str, str] | None = None
        self.matrix: np.ndarray | None = None
        self.quantity = QComboBox()
        self.names = {"value": self.tr("Value"), "grad": self.tr("Gradient"), "momentum": self.tr("Momentum"),
                      "m": self.tr("Adam m"), "sqrt_v": "√v", "step": self.tr("Step")}
        self.quantity.currentIndexChanged.connect(lambda _: self.show_state(self.state))
        self.plot = pg.PlotWidget(background="w")
        self.plot.invertY(True)  # row 0 at the top, as a matrix is written
        self.plot.setAspectLocked(False)
        self.plot.setLabel("left", self.tr("row (unit)"))
        self.plot.setLabel("bottom", self.tr("column (input)"))
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(colorMap=pg.colormap.get("CET-D1"), interactive=False)
        self.bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.readout = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.quantity)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.state = None
        self.resize(520, 420)

    def show_state(self, state: OptimizerState | None) -> None:
        self.state = state
        if state is None or self.target not in state.arrays:
            self.image.clear()
            self.matrix = None
            return
        arrays = state.full(*self.target)
        chosen = self.quantity.currentData()
        if [self.quantity.itemData(i) for i in range(self.quantity.count())] != list(arrays):
            self.quantity.blockSignals(True)
            self.quantity.clear()
            for q in arrays:
                self.quantity.addItem(self.names[q], q)
            self.quantity.setCurrentIndex(max(self.quantity.findData(chosen), 0))
            self.quantity.blockSignals(False)
        q = self.quantity.currentData()
        self.matrix = m = arrays[q]
        label = state_label(state, self.target)
        self.setWindowTitle(f"{label} — {self.names[q]}")
        bound = float(np.abs(m).max()) or 1.0
        self.image.setImage(m, autoLevels=False)
        signed = q != "sqrt_v"  # √v is never negative: a one-sided scale
        self.bar.setColorMap(pg.colormap.get("CET-D1" if signed else "CET-L3"))
        self.bar.setLevels((-bound, bound) if signed else (0.0, bound))
        self.readout.setText(self.tr("{rows}×{cols}, step {k}; hover a cell for its number").format(
            rows=m.shape[0], cols=m.shape[1], k=state.k))

    def _hover(self, pos) -> None:
        if self.matrix is None:
            return
        p = self.image.mapFromScene(pos)
        r, c = int(math.floor(p.y())), int(math.floor(p.x()))
        if 0 <= r < self.matrix.shape[0] and 0 <= c < self.matrix.shape[1]:
            self.readout.setText(f"[{r}, {c}] = {self.matrix[r, c]:.6g}")


def state_label(state: OptimizerState, target) -> str:
    for s in state.summaries:
        if (s.node_id, s.key) == tuple(target):
            return s.name
    return "{}.{}".format(*target)
