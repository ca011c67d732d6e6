"""Time travel under the loss plot: a slider that scrubs the whole app to a step of the training run, and
"Replay from the same start" (the run's initial weights and seed back, its loss curve kept dashed).

The snapshots come from the run's Trainer (engine/circuit/snapshots.py). Scrubbing writes a snapshot's
parameters into the document without an undo entry (it is a view, not an edit): node values and
gradients, the boundary and every panel follow the evaluator as after any step; the optimizer table reads
`scrubbed` and shows the optimizer's state after that step (rebuilt by the engine). "Now" (or the slider's
right end, or starting to train) writes the run's last snapshot back. Replay is an edit: one undo entry.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider

from engine.circuit.commands import SetDocAttr
from engine.circuit.document import CircuitError
from engine.circuit.snapshots import apply, capture, unpack
from engine.circuit.training import StepEdit

from ..panel import Panel
from .plots import CURVE, SEL


class TimelinePanel(Panel):
    """The timeline row under the loss plot (it lives inside the LossPanel's layout)."""

    results = ("evaluated",)

    def __init__(self, session, loss_panel, parent=None):
        super().__init__(session, parent)
        self.ctl, self.loss = session.controller, loss_panel
        self.ctl.timeline = self  # the controller returns to now before it trains
        self.run = None  # the Trainer whose snapshots the slider walks
        self.scrubbed: int | None = None  # the step shown (None: now)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Time"))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setToolTip(self.tr("Drag to see the network as it was at an earlier step (no undo entry)"))
        self.step_label = QLabel(" ")
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Back to the weights the run has now"))
        self.replay_button = QPushButton(self.tr("Replay from the same start"))
        self.replay_button.setToolTip(self.tr("Reset to this run's initial weights and seed; train again with "
                                              "other settings and compare the two loss curves"))
        for w, stretch in ((self.title, 0), (self.slider, 1), (self.step_label, 0), (self.now_button, 0),
                           (self.replay_button, 0)):
            row.addWidget(w, stretch)
        self.slider.valueChanged.connect(self.scrub)
        self.now_button.clicked.connect(self.return_to_now)
        self.replay_button.clicked.connect(self.replay)
        # the shown step, marked on the loss plot (`marker`) and on the accuracy plot beside it
        self.markers = [pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(SEL, width=2)) for _ in range(2)]
        self.marker = self.markers[0]
        for plot, line in zip((loss_panel.plot, loss_panel.acc_plot), self.markers, strict=True):
            line.setVisible(False)
            plot.addItem(line)
        self.previous = loss_panel.plot.plot([], [], pen=pg.mkPen(CURVE, width=2, style=Qt.PenStyle.DashLine))
        self.previous_history: list[float] = []
        for name in ("value_changed", "params_changed", "node_removed", "document_reset"):
            self.listen(self.doc.events[name], self._edited)
        loss_panel.layout().insertWidget(1, self)  # right under the loss (and accuracy) plots
        self.refresh()

    # ------------------------------------------------------------ following the run
    def refresh(self) -> None:
        self._dirty = False
        self._follow()
        ring = self.run.snapshots if self.run is not None else None
        last = ring.last_step() if ring is not None else None
        self.slider.setEnabled(last is not None and last > 0)
        self.replay_button.setEnabled(ring is not None)
        self.now_button.setEnabled(self.scrubbed is not None)
        self.slider.blockSignals(True)
        self.slider.setRange(0, last or 0)
        self.slider.setValue(self.scrubbed if self.scrubbed is not None else (last or 0))
        self.slider.blockSignals(False)
        if last is None:
            self.step_label.setText(" ")
        elif self.scrubbed is None:
            self.step_label.setText(self.tr("step {k} (now)").format(k=last))
        else:
            self.step_label.setText(self.tr("step {k} of {n}").format(k=self.scrubbed, n=last))

    def _follow(self) -> None:
        """Walk the controller's run once it has stepped (it returned to now before it did)."""
        trainer = self.ctl.trainer
        if trainer is not None and trainer is not self.run and trainer.snapshots.recent:
            self.run, self.scrubbed = trainer, None

    def _edited(self, *_) -> None:
        """The user edited the past: that becomes the present (training goes on from it, not from the run's now)."""
        if self.scrubbed is not None and not self.ctl._training_edit:
            self.scrubbed, self.loss.frozen_now = None, None
            self._mark(None)
            self.schedule()

    def reset(self) -> None:
        """Another document: no run, no earlier curve."""
        self.run, self.scrubbed, self.previous_history = None, None, []
        self.loss.frozen_now = None
        self.previous.setData([], [])
        self.loss.set_earlier(None)
        self._mark(None)
        self.schedule()

    def _label_curves(self, earlier: dict) -> None:
        """The loss panel's legend and read-out tell the new run from the earlier one (its optimizer and lr)."""
        label = self.tr("earlier run: {opt}, lr {lr:g}").format(opt=earlier.get("optimizer", "sgd"),
                                                                lr=float(earlier.get("lr", 0.01)))
        self.loss.set_earlier(self.previous, label, self.previous_history)

    @contextmanager
    def _quiet(self):
        """Our writes are not user edits: the controller keeps its trainer; the evaluator refreshes once."""
        before, self.ctl._training_edit = self.ctl._training_edit, True
        try:
            with self.ev.batch_update():
                yield
        finally:
            self.ctl._training_edit = before

    def _weights_untouched(self) -> bool:
        """The document still holds the run's last weights (nothing edited them since)."""
        snap = self.run.snapshots.at(self.run.snapshots.last_step())
        try:
            return np.array_equal(capture(self.doc, snap.layout), snap.vector)
        except (CircuitError, ValueError):  # a node of the run was removed or reshaped
            return False

    # ------------------------------------------------------------ scrubbing
    def scrub(self, step: int) -> None:
        """Show the network as it was after `step` steps (the nearest snapshot kept at or before it)."""
        self._follow()
        if self.run is None:
            return
        ring = self.run.snapshots
        if step >= ring.last_step():
            self.return_to_now()
            return
        if self.scrubbed is None and not self._weights_untouched():
            self.session.status(self.tr("The weights were edited after this run: train to start a new timeline."))
            self.refresh()
            return
        if self.ctl.timer.isActive():
            self.ctl.toggle_training()  # pause: the app now shows the past
        snap = ring.at(step)
        if self.scrubbed is None:
            self.loss.frozen_now = self.loss._now()  # the curve still ends at the run's now, not here
        self.scrubbed = snap.step
        with self._quiet():
            apply(self.doc, snap.layout, snap.vector)
        self._mark(snap.step)
        self.refresh()
        self.session.status(self.tr("Every panel shows step {k} of {n}: Now, or training, returns to the last "
                                    "step.").format(k=snap.step, n=ring.last_step()))

    def _mark(self, step: int | None) -> None:
        """The shown step's line on both plots (hidden at now)."""
        for line in self.markers:
            if step is not None:
                line.setPos(step)
            line.setVisible(step is not None)

    def return_to_now(self) -> None:
        """Put the run's last weights back (nothing to do unless scrubbed)."""
        if self.scrubbed is None:
            return
        ring = self.run.snapshots
        snap = ring.at(ring.last_step())
        self.scrubbed = None
        with self._quiet():
            apply(self.doc, snap.layout, snap.vector)
        self.loss.frozen_now = None
        self._mark(None)
        self.loss.refresh()
        self.refresh()

    # ------------------------------------------------------------ replay
    def replay(self) -> None:
        """The run's initial weights and seed back (one undo entry); its loss curve stays, dashed."""
        self._follow()
        run = self.run
        if run is None:
            return
        if self.ctl.timer.isActive():
            self.ctl.toggle_training()
        self.return_to_now()
        start = run.snapshots.first
        if any(nid not in self.doc.graph for nid, _, _ in start.layout.entries):
            self.session.status(self.tr("A node of that run was removed: it cannot be replayed."))
            return
        values, params = unpack(start.layout, start.vector)
        seed = run.settings.get("seed")
        with self._quiet(), self.session.undo.macro(self.tr("replay from the same start")):
            self.session.undo.push(StepEdit(object(), values, params, self.tr("replay from the same start")))
            if (self.doc.training or {}).get("seed", 0) != seed:
                self.session.undo.push(SetDocAttr("training", {**(self.doc.training or {}), "seed": seed}))
        self.session.undo.seal()
        self.previous_history = list(run.history)
        self.previous.setData(np.arange(len(self.previous_history)), self.previous_history)
        self._label_curves(run.settings)
        self.ctl.restart_training()
        self.run = None
        self.loss.set_history([])
        self.session.status(self.tr("Back at the run's first weights: change the settings and train; "
                                    "the earlier loss curve stays dashed."))
        self.refresh()
