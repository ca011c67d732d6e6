"""The backprop controls: forward, backward, stepping with the chain rule, gradient check, training."""

from __future__ import annotations

import time
from contextlib import nullcontext

from psygnal import Signal, SignalGroup
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from threadpoolctl import ThreadpoolController

from engine.circuit.document import CircuitError
from engine.circuit.events import Subscriptions, emit
from engine.circuit.gradient_check import check_gradients
from engine.circuit.stop import StopRule, reached
from engine.circuit.training import Trainer, TrainingError
from engine.errors import EngineError

from .pacing import FramePacer

FRAME_MS = 33.0  # redraw at most ~30 times a second while training
_BLAS = None  # threadpoolctl's view of the loaded BLAS libraries (found once, on the first step)


def one_blas_thread():
    """Training steps run their matrix products on one BLAS thread: the products of a circuit are small,
    and OpenBLAS's worker threads, spinning between them, starve the GUI thread on a busy machine
    (digits in the app: ~6 steps/s with the default threads, ~20 with one; benchmarks/bench_training.py)."""
    global _BLAS
    if _BLAS is None:
        _BLAS = ThreadpoolController()
    return _BLAS.limit(limits=1, user_api="blas")


class RunEvents(SignalGroup):
    """What the controller's runs produced (panels read it from the controller when told)."""

    steps = Signal()  # stepping started, moved or ended: read controller.stepper (None: not stepping)
    checked = Signal()  # a gradient check finished: read controller.check


class PlaygroundController(QObject):
    """Owns the stepper, the latest gradient check and the trainer of one window and the actions that
    drive them. The chain-rule and gradient-check panels follow `events` and read what they show from it."""

    def __init__(self, main_window, session, chain_panel, loss_panel, check_panel):
        super().__init__(main_window)
        self.main_window, self.session = main_window, session
        self.loss = loss_panel  # (the chain-rule and check panels follow self.events instead)
        self.doc, self.ev = session.doc, session.evaluator
        self.stepper = None
        self.check = None  # the latest engine.circuit.gradient_check.GradientCheck
        self.events = RunEvents()
        self.trainer = None
        self.timeline = None  # the timeline panel (time travel): it returns to now before a run steps
        self._training_edit = False  # our own weight write-backs must not reset the trainer
        self.stop_rule = StopRule()  # when a run on the timer stops by itself (the Training panel sets it)
        self._run_steps = 0  # steps of the current timer run
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.PreciseTimer)  # (a coarse timer may fire 5 % early or late: frames jitter)
        self.steps_per_tick = 1
        self.set_speed(20)
        self.pacer = FramePacer()
        self.timer.timeout.connect(self._train_tick)
        self.actions: dict[str, QAction] = {}
        for name, text, key, slot in [
            ("forward", self.tr("Forward"), "F5", self.forward),
            ("backward", self.tr("Backward"), "F6", self.backward),
            ("zero_grad", self.tr("Zero grad"), None, self.zero_grad),
            ("step_backward", self.tr("Step backward"), "F10", self.step_backward),
            ("step_back", self.tr("Step back"), "Shift+F10", self.step_back),
            ("run_to_end", self.tr("Run to end"), "Ctrl+F10", self.run_to_end),
            ("reset", self.tr("Reset"), None, self.reset),
            ("grad_check", self.tr("Gradient check"), "F7", self.grad_check),
            ("grad_step", self.tr("Gradient step"), "F8", self.gradient_step),
            ("train", self.tr("Train"), "F9", self.toggle_training),
        ]:
            act = QAction(text, main_window)
            if key:
                act.setShortcut(QKeySequence(key))
            act.triggered.connect(slot)
            self.actions[name] = act
        auto = QAction(self.tr("Auto backward"), main_window)
        auto.setCheckable(True)
        auto.setChecked(self.ev.auto_backward)
        auto.toggled.connect(self.set_auto_backward)
        self.actions["auto_backward"] = auto
        chain_panel.follow(self)
        check_panel.follow(self)
        self._subs = Subscriptions()
        for name in ("value_changed", "node_added", "node_removed", "edge_added", "edge_removed",
                     "params_changed", "document_reset"):
            self._subs.connect(self.doc.events[name], self._document_changed)

    def detach(self) -> None:
        """Stop training and listening (the window is closing)."""
        self.timer.stop()
        self._subs.disconnect_all()

    def status(self, text: str) -> None:
        self.session.status(text)

    def restart_training(self) -> None:
        """Forget the current run (its optimizer state): the next step starts a fresh one."""
        self.trainer = None

    def _guard(self, fn):
        try:
            return fn()
        except (CircuitError, TrainingError) as exc:
            self.status(str(exc))
            return None

    # ------------------------------------------------------------ passes
    def forward(self):
        self._end_stepping()
        self._guard(self.ev.forward)

    def backward(self):
        self._end_stepping()
        self._guard(self.ev.backward)

    def zero_grad(self):
        self._end_stepping()
        self.ev.zero_grad()

    def set_auto_backward(self, on: bool):
        self.ev.auto_backward = on
        if on:
            self._guard(self.ev.backward)

    # ------------------------------------------------------------ stepping
    def _ensure_stepper(self):
        if self.stepper is None:
            self.stepper = self._guard(self.ev.stepper)
        return self.stepper

    def step_backward(self):
        st = self._ensure_stepper()
        if st is None:
            return
        if st.done:
            self.status(self.tr("Backpropagation is complete: every gradient is known."))
        else:
            st.step()
        self._show_step()

    def step_back(self):
        if self.stepper is not None:
            self.stepper.back()
            self._show_step()

    def run_to_end(self):
        st = self._ensure_stepper()
        if st is not None:
            st.run_to_end()
            self._show_step()

    def reset(self):
        st = self._ensure_stepper()
        if st is not None:
            st.reset()
            self._show_step()

    def _show_step(self):
        st = self.stepper
        emit(self.events.steps)
        cur = st.current
        flow = [(c.target, cur.node_id, c.port) for c in cur.contributions] if cur else []
        self.main_window.scene.highlight(cur.node_id if cur else st._root_id, flow, set(st.reached))

    def _end_stepping(self):
        if self.stepper is not None:
            self.stepper = None
            emit(self.events.steps)
            self.main_window.scene.highlight(None)

    def _document_changed(self):
        if self._training_edit:
            return
        self._end_stepping()
        if not self.timer.isActive():
            self.restart_training()  # the user edited the circuit: a new run starts at the next step

    # ------------------------------------------------------------ checks and training
    def grad_check(self):
        """Check every gradient against a numeric estimate (engine.circuit.gradient_check); the check runs
        on the document's values through the pure passes, so stepping may go on meanwhile."""
        try:
            check = check_gradients(self.ev)
        except EngineError as exc:
            self.status(str(exc))
            return
        self.check = check
        emit(self.events.checked)
        self.status(self.tr("Gradient check: {n} rows, {bad} mismatches").format(n=len(check.rows),
                                                                                 bad=check.mismatches))

    def _trainer(self):
        if self.timeline is not None:
            self.timeline.return_to_now()
        if self.trainer is None:
            self.trainer = Trainer(self.doc, self.ev, self.session.undo)
        return self.trainer

    def _train_once(self) -> bool:
        self._training_edit = True
        try:
            ok = self._guard(self._trainer().step) is not None
        finally:
            self._training_edit = False
        return ok

    def _show_history(self) -> None:
        trainer = self.trainer
        maximize = trainer.plan is not None and trainer.plan.objective == "maximize"
        self.loss.set_history(trainer.history, maximize, trainer.accuracy, trainer.test_accuracy,
                              now=trainer.feed is None, test_loss=trainer.test_loss)

    def gradient_step(self):
        """One step (F8): its own undo entry."""
        self._end_stepping()
        self._trainer().begin_run(self.tr("gradient step"))
        with one_blas_thread():
            ok = self._train_once()
        if self.trainer is not None:
            self.trainer.end_run()
        if ok:
            self._show_history()

    def toggle_training(self):
        """Start or pause training on the timer; the steps of one run are one undo entry."""
        if self.timer.isActive():
            self.timer.stop()
            self.timer.setInterval(self.frame_ms)
            if self.trainer is not None:
                self.trainer.end_run()
                self._show_history()  # the plot ends at the value the circuit has now that it stops
            self.actions["train"].setText(self.tr("Train"))
        else:
            self._end_stepping()
            self._trainer().begin_run(self.tr("training"))
            self._run_steps = 0
            self._start_clock()
            self.timer.start(self.frame_ms)
            self.actions["train"].setText(self.tr("Pause"))

    def set_speed(self, steps_per_second: int) -> None:
        """Training speed: above screen rate a timer tick takes several steps and the plots redraw once."""
        self.speed = float(steps_per_second)
        self.steps_per_tick = max(1, round(steps_per_second * FRAME_MS / 1000.0))
        self.frame_ms = round(1000.0 * self.steps_per_tick / steps_per_second)
        self.timer.setInterval(self.frame_ms)

    def _stopped_text(self) -> str:
        """The status line when the stop condition paused training."""
        rule, t = self.stop_rule, self.trainer
        if rule.kind == "loss_below":
            return self.tr("Training stopped: the loss {v:.4g} is below {b:g}.").format(v=t.history[-1], b=rule.value)
        if rule.kind == "accuracy_above":
            acc = (t.test_accuracy or t.accuracy)[-1]
            return self.tr("Training stopped: the accuracy {a:.1%} is above {b:.1%}.").format(a=acc, b=rule.value)
        return self.tr("Training stopped: {n} steps done.").format(n=self._run_steps)

    def _start_clock(self) -> None:
        self.pacer.start()

    def _train_tick(self):
        """Take the steps the set speed makes due since the last tick, within the tick's budget
        (gui.playground.pacing), then let the panels redraw once: the evaluator's results of the tick
        reach the views as one."""
        pacer = self.pacer
        deadline = pacer.begin_tick(self.speed, self.frame_ms / 1000.0)
        trainer = self.trainer
        # mini-batches are passes of the trainer's own: the evaluator shows the whole data once per tick
        batched = self.ev.batch_update() if trainer is not None and trainer.feed is not None else nullcontext()
        with one_blas_thread(), self.ev.coalesced(), batched:
            while pacer.due >= 1.0:
                if not self._train_once():
                    self.toggle_training()
                    break
                pacer.stepped()
                self._run_steps += 1
                if reached(self.stop_rule, self.trainer, self._run_steps):
                    self.toggle_training()
                    self.status(self._stopped_text())
                    break
                if time.perf_counter() > deadline:
                    break
        if self.trainer is not None and (self.loss.on_screen() or not self.timer.isActive()):
            self._show_history()  # (a hidden loss plot gets the history when the run pauses or at the next tick)
        delay = pacer.end_tick(self.frame_ms / 1000.0)
        if self.timer.isActive():  # (still training) the next tick a frame after this one started
            self.timer.start(round(1000.0 * delay))
