"""What the learner does, told to the running lesson (LessonRunner.record): the playground's actions and
runs are heard through their existing signals, so no other file calls into the lessons.

    F8 Gradient step -> gradient_step     F10 Step backward -> backward_step    F5 Forward -> forward_step
    Reset (stepping) -> reset             F7 Gradient check done -> gradcheck   a training step -> train_step
    the four strategies run -> strategy x 4                                    a point added to the data -> add_point
    the classifier's accuracy after a training step -> metric 'accuracy' (and 'test_accuracy' with a split)
"""

from __future__ import annotations

from engine.circuit.events import Subscriptions

ACTION_EVENTS = {"grad_step": "gradient_step", "step_backward": "backward_step", "forward": "forward_step",
                 "reset": "reset"}


class Reporter:
    def __init__(self, window, course):
        self.course = course
        self.ctl = window.session.controller
        self._subs = Subscriptions()
        self._qt = []  # (Qt signal, slot) to disconnect
        for name, event in ACTION_EVENTS.items():
            self._qt_connect(self.ctl.actions[name].triggered, lambda _=False, e=event: course.record(e))
        self._subs.connect(self.ctl.events.checked, lambda: course.record("gradcheck"))
        self._subs.connect(window.evaluator.events.evaluated, self._trained)
        self._subs.connect(window.doc.events.dataset_changed, self._dataset)
        self._points = _points(window.doc.dataset)
        self._trainer, self._steps = None, 0
        self.strategies = window.playground.get("strategies")
        self._runs = None
        if self.strategies is not None:  # connected after the panel's own run(): its results are there
            self._qt_connect(self.strategies.run_button.clicked, self._strategies_ran)

    def _qt_connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._qt.append((signal, slot))

    def _trained(self) -> None:
        """A training step appends to the trainer's history before it writes the weights back (and the
        evaluator publishes): count the new entries."""
        trainer = self.ctl.trainer
        if trainer is not self._trainer:
            self._trainer, self._steps = trainer, 0
        if trainer is None or len(trainer.history) <= self._steps:
            return
        n, self._steps = len(trainer.history) - self._steps, len(trainer.history)
        if trainer.accuracy:
            self.course.record("metric", name="accuracy", value=float(trainer.accuracy[-1]))
        if trainer.test_accuracy:  # with a held-out split (lesson 11: the digits' test accuracy)
            self.course.record("metric", name="test_accuracy", value=float(trainer.test_accuracy[-1]))
        self.course.record("train_step", n=n)

    def _dataset(self, dataset) -> None:
        points = _points(dataset)
        if points > self._points:
            self.course.record("add_point", n=points - self._points)
        self._points = points

    def _strategies_ran(self) -> None:
        results = self.strategies.results
        if results and results is not self._runs:
            self._runs = results
            self.course.record("strategy", n=len(results))

    def detach(self) -> None:
        self._subs.disconnect_all()
        for signal, slot in self._qt:
            signal.disconnect(slot)
        self._qt.clear()


def _points(dataset) -> int:
    return len(dataset.get("points") or []) if isinstance(dataset, dict) else 0
