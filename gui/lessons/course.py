"""One window's course: the lesson files, the running LessonRunner (engine.teaching), its progress in the
window's QSettings, and what the step points at (a node ring and hidden gradients on the canvas, a toolbar
button). The Lesson panel and the Lessons menu are views of it; gui.lessons.reporter feeds it what the
learner does."""

from __future__ import annotations

import json

from psygnal import Signal
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QToolBar

from engine.teaching import LessonError, LessonRunner, all_lessons

from .. import i18n

KEY = "lessons/progress/{id}"  # QSettings: one lesson's runner.progress() as JSON
CURRENT = "lessons/current"
SHOW_AT_START = "lessons/show_at_start"
RING = "{kind} {{ border: 2px dashed #f29900; border-radius: 4px; background: #fde7c2; color: #202124; }}"
# what a step's check names -> the toolbar action (gui.playground.controller) it points at
ACTIONS = (("reached(", "step_backward"), ("backward_step", "step_backward"), ("forward_step", "forward"),
           ("gradient_step", "grad_step"), ("train_step", "train"), ("metric(", "train"),
           ("gradcheck", "grad_check"), ("strategy", "strategies"))
DOCKS = (("strategy", "dock_strategies"), ("add_point", "dock_boundary"), ("gradcheck", "dock_gradcheck"),
         ("train_step", "dock_loss"))


def language() -> str:
    """The UI language in force: 'pt_BR' while gui.i18n has its translators installed, else 'en'."""
    return "pt_BR" if i18n._installed else "en"


def pick(text: dict | None, lang: str | None = None) -> str:
    if not text:
        return ""
    return text.get(lang or language()) or text.get("en", "")


class Course:
    """The lessons of one window; `runner` is the running lesson's LessonRunner, or None."""

    changed = Signal()  # a lesson started or stopped, or the runner changed (step, verdict, check)

    def __init__(self, window):
        self.window, self.settings = window, window.settings
        self.runner: LessonRunner | None = None
        self.error = ""
        self._lessons: list | None = None
        self._saved = None
        self._ringed = None
        self._loading = False
        window.doc.events.document_reset.connect(self._document_reset)

    @property
    def lessons(self) -> list:
        """The lesson files, read when first needed (the menu opens, the start list shows): a window that
        never teaches does not pay for them."""
        if self._lessons is None:
            try:
                self._lessons = all_lessons()
            except LessonError as exc:  # a broken lesson file: say which and where; the app goes on
                self._lessons, self.error = [], str(exc)
                self.window.status(self.error)
        return self._lessons

    # ------------------------------------------------------------ progress in QSettings
    def saved(self, lesson_id: str) -> dict | None:
        raw = self.settings.value(KEY.format(id=lesson_id))
        try:
            data = json.loads(str(raw)) if raw else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def state(self, lesson) -> tuple[int, int]:
        """(steps passed, steps) of a lesson as saved."""
        if self.runner is not None and self.runner.lesson.id == lesson.id:
            return len(self.runner.passed), self.runner.total
        data = self.saved(lesson.id) or {}
        passed = data.get("passed") if isinstance(data.get("passed"), list) else []
        return min(len(passed), len(lesson.steps)), len(lesson.steps)

    def _save(self) -> None:
        r = self.runner
        key = (r.lesson.id, r.index, tuple(sorted(r.passed)), tuple(sorted(r.answers.items())))
        if key != self._saved:
            self._saved = key
            self.settings.setValue(KEY.format(id=r.lesson.id), json.dumps(r.progress()))
            self.settings.setValue(CURRENT, r.lesson.id)

    # ------------------------------------------------------------ starting and stopping
    def lesson(self, lesson_id: str):
        return next((les for les in self.lessons if les.id == lesson_id), None)

    def start(self, lesson_id: str, fresh: bool = False, ask: bool = True) -> bool:
        """Open a lesson on the canvas where the learner left it (or from scratch); False when refused.
        `ask`: offer to save unsaved changes first (not when the lesson only moves to another window)."""
        lesson = self.lesson(lesson_id)
        if lesson is None or (ask and not self.window._may_discard()):
            return False
        self.stop()
        self.runner = LessonRunner(lesson, self.window.doc, self.window.evaluator,
                                   load=lambda doc: self._load(doc, pick(lesson.title)))
        self.runner.events.changed.connect(self._changed)
        if not fresh and self.saved(lesson_id):
            self.runner.restore(self.saved(lesson_id))
        self._saved = None
        self._changed()
        return True

    def _load(self, doc, title: str) -> None:
        """Show a lesson's circuit as the window's document (undo history cleared, title set). The example's
        banner stays closed: the Lesson panel explains the circuit, and the banner would give away answers."""
        self._loading = True
        try:
            self.window._replace(doc, None, title)
        finally:
            self._loading = False
        banner = getattr(self.window, "about_banner", None)
        if banner is not None:
            banner.hide()

    def restart(self) -> None:
        if self.runner is not None:
            self.runner.restart()

    def stop(self) -> None:
        """Leave the lesson (its progress stays saved); the canvas keeps its circuit, unmarked."""
        if self.runner is not None:
            self.runner.events.changed.disconnect(self._changed)
            self.runner.close()
            self.runner = None
            self._point()
            self.changed.emit()

    def record(self, event: str, **kwargs) -> None:
        if self.runner is not None:
            self.runner.record(event, **kwargs)

    # ------------------------------------------------------------ what the step points at
    def _changed(self) -> None:
        self._save()
        self._point()
        self.changed.emit()

    def _point(self) -> None:
        r, scene = self.runner, self.window.scene
        ids = {n.label: n.id for n in self.window.doc.nodes()}
        if r is None:
            scene.mark()
            self.window.session.display.hide()
            self._ring(None)
            return
        ports = [(ids[x.rsplit(".", 1)[0]], x.rsplit(".", 1)[1]) for x in r.step.highlight
                 if x not in ids and "." in x and x.rsplit(".", 1)[0] in ids]
        scene.mark([ids[x] for x in r.step.highlight if x in ids], ports)
        self.window.session.display.hide([ids[x] for x in r.hidden() if x in ids])
        named = action_of(r.step)
        self._ring(named)

    def _ring(self, name: str | None) -> None:
        """Outline the button of the step's action (a toolbar button, or the strategies' Run), and only it."""
        if name == self._ringed:
            return
        self._ringed = name
        ctl = getattr(self.window.session, "controller", None)
        if ctl is None:
            return
        for bar in self.window.findChildren(QToolBar):
            for act_name, act in ctl.actions.items():
                button = bar.widgetForAction(act)
                if button is not None:
                    button.setStyleSheet(RING.format(kind="QToolButton") if act_name == name else "")
        strategies = self.window.playground.get("strategies")
        if strategies is not None:
            strategies.run_button.setStyleSheet(RING.format(kind="QPushButton") if name == "strategies" else "")

    def dock_of(self, step) -> str | None:
        """The dock a do-step's check needs in front (the strategies, the decision boundary...)."""
        return next((d for word, d in DOCKS if word in step.check_text), None) if step.kind == "do" else None

    def _document_reset(self) -> None:
        """The learner opened another file or a new circuit: the lesson steps aside (its progress is kept)."""
        if not self._loading and self.runner is not None:
            self.stop()

    def close(self) -> None:
        """The window closes: a running lesson moves to the window that takes over this document (the View >
        Language switch opens the same circuit in a new window before closing this one)."""
        self.window.doc.events.document_reset.disconnect(self._document_reset)
        if self.runner is not None:
            self._hand_over(self.runner.lesson.id)
        self.stop()

    def _hand_over(self, lesson_id: str) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from engine.circuit import io

        mine = io.to_dict(self.window.doc)
        for other in QApplication.topLevelWidgets():
            course = getattr(other, "lessons", None)
            if (other is not self.window and isinstance(course, Course) and course.runner is None
                    and other.settings is self.settings and io.to_dict(other.doc) == mine):
                QTimer.singleShot(0, lambda c=course: c.start(lesson_id, ask=False))
                return


def action_of(step) -> str | None:
    """The controller action a do-step's check names (F10 for reached(x), F8 for gradient_step...)."""
    if step.kind != "do":
        return None
    return next((name for word, name in ACTIONS if word in step.check_text), None)


def lesson_line(course: Course, index: int, lesson) -> str:
    """'✓ 2. Backpropagation by hand' / '◐ 2. ... (3 of 7)' / '○ 2. ...': a lesson with its progress tick."""
    passed, total = course.state(lesson)
    mark = "✓" if passed == total else "◐" if passed else "○"
    of = QCoreApplication.translate("Lessons", "({done} of {total})")
    extra = "" if passed in (0, total) else " " + of.format(done=passed, total=total)
    return f"{mark}  {index + 1}. {pick(lesson.title)}{extra}"

