"""The Lesson panel: a thin view of the course's LessonRunner. With no lesson running it lists the lessons
(with progress ticks); during a lesson it shows the step's text in the UI language with formula
typography, what to do, the answer field (predict) or the choices (choose), the verdict with the reason
a wrong answer is wrong, a bug switch next to its fix (demo), Hint, Back and Next (open once the step's
check passes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from engine.circuit.display import shown
from engine.teaching.explain import explain_grad, explain_value

from ..panel import Panel
from .course import Course, language, lesson_line, pick
from .typeset import number, rich

OK_COLOR, WRONG_COLOR = "#188038", "#c5221f"


def lesson_list(course: Course, widget: QListWidget) -> None:
    """Fill a list widget with the lessons and their ticks (the panel's list and the start dialog's)."""
    widget.clear()
    for i, lesson in enumerate(course.lessons):
        item = QListWidgetItem(lesson_line(course, i, lesson))
        item.setData(Qt.UserRole, lesson.id)
        item.setToolTip(pick(lesson.summary))
        widget.addItem(item)


class LessonPanel(Panel):
    results = ()  # redrawn when the course changes, not on every evaluation

    def __init__(self, session, course: Course, parent=None):
        super().__init__(session, parent)
        self.course = course
        self.listen(course.changed, self.schedule)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._step_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override): independent of the text shown
        return QSize(300, 420)

    # ------------------------------------------------------------ building
    def _list_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("Eleven lessons from the micrograd lecture and the hacker's guide. "
                               "Each one loads its circuit, asks you to predict and to act, and checks."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.course.start(item.data(Qt.UserRole)))
        self.start_button = QPushButton(self.tr("Start lesson"))
        self.start_button.clicked.connect(self._start_selected)
        col.addWidget(intro)
        col.addWidget(self.list, 1)
        col.addWidget(self.start_button)
        return page

    def _step_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.RichText)
        self.to_list = QPushButton(self.tr("All lessons"))
        self.to_list.setToolTip(self.tr("Back to the list of lessons (your progress is kept)"))
        self.to_list.clicked.connect(self.course.stop)
        top.addWidget(self.title, 1)
        top.addWidget(self.to_list, 0, Qt.AlignTop)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Expanding)
        self.text.setMinimumHeight(80)
        self.answer = QLineEdit()
        self.answer.setPlaceholderText(self.tr("Type your answer, e.g. -2"))
        self.answer.returnPressed.connect(self.submit)
        self.choices = QListWidget()
        self.choices.setWordWrap(True)
        self.choices.setSpacing(3)
        self.choices.setAlternatingRowColors(True)
        self.choices.itemActivated.connect(lambda _: self.submit())
        self.check = QPushButton(self.tr("Check"))
        self.check.clicked.connect(self.submit)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.check)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.RichText)
        self.verdict.setTextInteractionFlags(Qt.TextSelectableByMouse)
        buttons = QHBoxLayout()
        self.hint_button = QPushButton(self.tr("Hint"))
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.hint_button.clicked.connect(self.hint)
        self.back_button.clicked.connect(lambda: self.course.runner and self.course.runner.back())
        self.next_button.clicked.connect(self.next)
        for b in (self.hint_button, self.back_button, self.next_button):
            buttons.addWidget(b)
        col.addLayout(top)
        col.addWidget(self.text, 3)
        col.addWidget(self.choices, 2)
        col.addLayout(answer_row)
        col.addWidget(self.verdict)
        col.addLayout(buttons)
        self._hint_text = ""
        self._demo_cache = (None, None)
        self._why_cache = (None, None)
        self._html = ""
        self._shown = None  # (lesson id, step index) on screen: a new step clears the answer and hint
        return page

    # ------------------------------------------------------------ learner -> runner
    def _start_selected(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self.course.start(item.data(Qt.UserRole))

    def submit(self) -> None:
        r = self.course.runner
        if r is None:
            return
        if r.step.kind == "choose":
            if self.choices.currentRow() < 0:
                return
            verdict = r.submit(self.choices.currentRow())
        else:
            verdict = r.submit(self.answer.text())
            if verdict.ok and r.step.asks:  # revealed: show that node in the Inspector (its chain rule)
                ids = [n.id for n in self.doc.nodes() if n.label == r.step.asks[1]]
                self.session.select(ids[0] if ids else None)

    def hint(self) -> None:
        r = self.course.runner
        text = r.hint() if r is not None else None
        self._hint_text = pick(text) if text else self.tr("This step has no hint.")
        self.refresh()

    def next(self) -> None:
        r = self.course.runner
        if r is None:
            return
        if r.can_next():
            r.next()
        elif r.done and r.index == r.total - 1:  # the last step passed: back to the list, ticked
            self.course.stop()

    # ------------------------------------------------------------ runner -> screen
    def refresh(self) -> None:
        super().refresh()
        r = self.course.runner
        if r is None:
            lesson_list(self.course, self.list)
            self.pages.setCurrentIndex(0)
            self._shown = None
            return
        self.pages.setCurrentIndex(1)
        lang, step = language(), r.step
        if self._shown != (r.lesson.id, r.index):
            self._shown = (r.lesson.id, r.index)
            self._hint_text = ""
            self.answer.setText(_plain(r.answers.get(r.index)))
            self._fill_choices(step, lang)
        number_ = self.course.lessons.index(r.lesson) + 1 if r.lesson in self.course.lessons else ""
        self.title.setText(f"<b>{number_}. {rich(pick(r.lesson.title, lang))}</b><br>"
                           + self.tr("Step {i} of {n}").format(i=r.index + 1, n=r.total))
        body = self._body(r, lang)
        if body != self._html:  # a check runs on every evaluation: keep the learner's scroll position
            self._html = body
            self.text.setHtml(body)
        self.choices.setVisible(step.kind == "choose")
        self.answer.setVisible(step.kind == "predict")
        self.check.setVisible(step.kind in ("predict", "choose"))
        verdict = self._verdict(r, lang)
        if verdict != self.verdict.text():
            self.verdict.setText(verdict)
        self.hint_button.setEnabled(bool(step.hints))
        self.back_button.setEnabled(r.index > 0)
        last = r.index == r.total - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.next_button.setEnabled(r.can_next() or (last and r.index in r.passed))

    def _fill_choices(self, step, lang: str) -> None:
        self.choices.clear()
        for letter, text in zip("ABCDEFGH", step.choices, strict=False):
            self.choices.addItem(QListWidgetItem(f"{letter}.  {pick(text, lang)}"))

    def _body(self, r, lang: str) -> str:
        step = r.step
        parts = [f"<p style='font-size:11pt'>{rich(pick(step.text, lang))}</p>"]
        if step.do:
            todo = rich(pick(step.do, lang))
        elif step.kind == "predict":
            todo = self.tr("type your answer below and press Enter.")
        elif step.kind == "choose":
            todo = self.tr("pick one answer and press Check.")
        elif step.kind == "build":
            todo = self.tr("wire it on the canvas from the palette; the app compares what your circuit computes "
                           "with the target at random points, whatever the layout or the labels.")
        else:
            todo = ""
        if todo:
            what = self.tr("What to do:")
            parts.append(f"<p><b>{what}</b> {todo}</p>")
        demo = self._demo(r)
        if demo is not None:
            parts.append(_demo_table(demo, lang, self.tr("with the bug"), self.tr("fixed")))
        if self._hint_text:
            hint = self.tr("Hint:")
            parts.append(f"<p style='color:{self._muted()}'><b>{hint}</b> {rich(self._hint_text)}</p>")
        return "".join(parts)

    def _demo(self, r):
        """The step's bug switch next to its fix, computed once per step (a demo may train a small net)."""
        key = (r.lesson.id, r.index)
        if self._demo_cache[0] != key:
            self._demo_cache = (key, r.demo())
        return self._demo_cache[1]

    def _why(self, r) -> dict | None:
        """A right prediction, revealed with the chain rule for that node (the engine's explanation of the
        number, without its "is not ..." head), once per step."""
        key = (r.lesson.id, r.index)
        if self._why_cache[0] != key:
            self._why_cache = (key, explain(r))
        return self._why_cache[1]

    def _muted(self) -> str:
        """Secondary text (a hint, "not yet"): the theme's placeholder grey, readable on light and dark."""
        return self.palette().color(QPalette.PlaceholderText).name()

    def _verdict(self, r, lang: str) -> str:
        v = r.verdict
        if r.done and r.index == r.total - 1:
            done = self.tr("Lesson complete. Press Finish.")
            return f"<span style='color:{OK_COLOR}'>✓ {done}</span>"
        if v is None or (r.step.kind in ("read",) and v.ok):
            return ""
        if v.ok:
            why = pick(self._why(r), lang) if r.step.kind == "predict" else ""
            why = f". {rich(why)}" if why else ""
            return f"<span style='color:{OK_COLOR}'>✓ {rich(v.message(lang))}{why}</span>"
        if r.step.kind in ("do", "build", "read") and r.index not in r.passed:
            return f"<span style='color:{self._muted()}'>{rich(v.message(lang))}</span>"
        return f"<span style='color:{WRONG_COLOR}'>✗ {rich(v.message(lang))}</span>"


def explain(r) -> dict | None:
    """Why the asked number is what it is: "c reaches L through + and then × f, so it is 1 × f = −2"."""
    if r.step.asks is None:
        return None
    kind, label = r.step.asks
    ev = r.evaluator
    try:
        node_id = next(n.id for n in r.doc.nodes() if n.label == label)
        true = float(shown(ev.grads[node_id] if kind == "grad" else ev.values[node_id]))
        text = (explain_grad(r.doc, ev.values, node_id, ev.root(), true, true) if kind == "grad"
                else explain_value(r.doc, ev.values, node_id, true, true))
    except Exception:  # noqa: BLE001 - no story for this circuit: the verdict's number stands alone
        return None
    return {k: t.split(": ", 1)[-1] for k, t in text.items()}


def _plain(v) -> str:
    return "" if v is None else f"{v:g}"


def _row_names() -> dict[str, str]:
    """The bug switches' row names in the UI language (the engine names them in English)."""
    return {
        "loss at start": QCoreApplication.translate("Lessons", "loss at start"),
        "highest loss after that": QCoreApplication.translate("Lessons", "highest loss after that"),
        "loss after 30 steps": QCoreApplication.translate("Lessons", "loss after 30 steps"),
        "loss after 20 steps": QCoreApplication.translate("Lessons", "loss after 20 steps"),
        "loss": QCoreApplication.translate("Lessons", "loss"),
        "steps": QCoreApplication.translate("Lessons", "steps"),
        "first bad node": QCoreApplication.translate("Lessons", "first bad node"),
        "max |hidden gradient|": QCoreApplication.translate("Lessons", "max |hidden gradient|"),
    }


def _demo_table(demo, lang: str, wrong: str, right: str) -> str:
    names = _row_names()
    rows = "".join(f"<tr><td>{rich(names.get(k, str(k)))}</td><td align='right' style='color:{WRONG_COLOR}'>"
                   f"{number(demo.wrong.get(k, ''))}</td><td align='right' style='color:{OK_COLOR}'>"
                   f"{number(demo.right.get(k, ''))}</td></tr>"
                   for k in dict.fromkeys([*demo.wrong, *demo.right]))
    head = f"<tr><th></th><th align='right'>{wrong}</th><th align='right'>{right}</th></tr>"
    return (f"<table cellspacing='0' cellpadding='3' border='0'>{head}{rows}</table>"
            f"<p>{rich(pick(demo.why, lang))}</p>")
