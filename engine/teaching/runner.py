"""The lesson runner: follows a lesson's steps on a document and its evaluator, without Qt.

    runner = LessonRunner(lesson, doc, evaluator)   # loads the lesson's circuit into doc
    runner.submit(-2)          # a predict step: Verdict(ok=False, text={"en": "∂L/∂c is not 2: ..."})
    runner.record("gradient_step")                   # the app reports what the learner did
    runner.next()              # only once the step's check has passed
    settings.setValue(key, json.dumps(runner.progress()))   # plain data; restore() takes it back

Read and do steps are checked after every result the evaluator publishes (every document change,
every F10 step); their checks are closures compiled once (engine.teaching.conditions), so a check
costs microseconds. A passed step stays passed. `events.changed` tells a view to redraw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from psygnal import Signal, SignalGroup

from ..circuit.events import Subscriptions
from ..errors import EngineError
from .conditions import Unknown
from .context import Context
from .explain import both as _both
from .explain import explain_grad, explain_value, fmt
from .lesson import Lesson, Step, circuit_of

PROGRESS_FORMAT = "backprop-playground-lesson-progress"
REL_TOL, ABS_TOL = 1e-3, 1e-3  # a typed number may differ in its fourth digit


@dataclass(frozen=True)
class Verdict:
    ok: bool
    text: dict  # {"en": ..., "pt_BR": ...}

    def message(self, language: str = "en") -> str:
        return self.text.get(language) or self.text["en"]


class RunnerEvents(SignalGroup):
    changed = Signal()  # the step, its state, or a verdict changed


class LessonRunner:
    """Steps through one lesson on a document; see the module docstring."""

    def __init__(self, lesson: Lesson, doc, evaluator, load=None):
        self.lesson, self.doc, self.evaluator = lesson, doc, evaluator
        self._load = load or doc.replace_with  # the GUI passes its own Open (undo history, title...)
        self.events = RunnerEvents()
        self.index = 0
        self.passed: set[int] = set()
        self.answers: dict[int, float] = {}
        self.verdict: Verdict | None = None
        self._hint = 0
        self._subs = Subscriptions()
        self._subs.connect(evaluator.events.evaluated, self._on_result)
        self._subs.connect(evaluator.events.stepped, self._on_stepped)
        self._subs.connect(doc.events.label_changed, self._on_label)  # a rename is no evaluation
        self._enter(0, load=True)

    # ------------------------------------------------------------ reading
    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    @property
    def total(self) -> int:
        return len(self.lesson.steps)

    @property
    def done(self) -> bool:
        return len(self.passed) == self.total

    def can_next(self) -> bool:
        return self.index in self.passed and self.index < self.total - 1

    def text(self, language: str = "en") -> str:
        return self.step.text.get(language, self.step.text["en"])

    def hidden(self) -> list[str]:
        """Labels whose gradient a view hides: a step's "hide" list; a right answer reveals the node it asked
        about (the others in the list may be the next steps' questions, so they stay hidden)."""
        step = self.step
        if step.kind == "predict" and self.index in self.passed:
            asked = step.asks[1] if step.asks else None
            return [x for x in step.hide if x != asked] if asked else []
        return list(step.hide)

    def hint(self) -> dict | None:
        """The next hint of the step (they cycle), or None when it has none."""
        hints = self.step.hints
        if not hints:
            return None
        text = hints[self._hint % len(hints)]
        self._hint += 1
        return text

    def demo(self):
        """The step's bug switch next to its fix (engine.teaching.bugs.Demo), or None."""
        if self.step.demo is None:
            return None
        from .bugs import DEMOS

        return DEMOS[self.step.demo]()

    # ------------------------------------------------------------ moving
    def _enter(self, index: int, load: bool) -> None:
        self.index, self.verdict, self._hint = index, None, 0
        self.counts: dict[str, float] = {}
        self.metrics: dict[str, float] = {}
        self.reached: set[str] = set()
        self.start_result = None
        spec = self._circuit_spec(index) if load else None
        if spec is not None:
            self._load(circuit_of(spec))
        self.start_result = self.evaluator.result
        self.check()

    def _circuit_spec(self, index: int) -> dict | None:
        """The circuit a step shows: its own, else the last one declared before it, else the lesson's."""
        for i in range(index, -1, -1):
            if self.lesson.steps[i].circuit is not None:
                return self.lesson.steps[i].circuit
        return self.lesson.circuit

    def next(self) -> bool:
        if not self.can_next():
            return False
        self._enter(self.index + 1, load=self.lesson.steps[self.index + 1].circuit is not None)
        return True

    def back(self) -> bool:
        if self.index == 0:
            return False
        self._enter(self.index - 1, load=True)
        return True

    def restart(self) -> None:
        """Start the lesson again from scratch: nothing passed, its first circuit loaded."""
        self.passed.clear()
        self.answers.clear()
        self._enter(0, load=True)

    # ------------------------------------------------------------ what the learner does
    def record(self, event: str, n: float = 1, value: float | None = None, name: str | None = None) -> None:
        """The app reports an action: record('gradient_step'), record('train_step', n=10),
        record('metric', name='test_accuracy', value=0.96)."""
        if event == "metric":
            self.metrics[str(name)] = float(value)
        else:
            self.counts[event] = self.counts.get(event, 0) + n
        self.check()

    def check(self) -> Verdict | None:
        """Run the current read/do/build step's check; mark it passed when it holds."""
        step = self.step
        if step.kind not in ("read", "do", "build") or self.index in self.passed:
            self.events.changed.emit()
            return self.verdict
        if step.kind == "build":
            ok, text = step.target.judge(self.evaluator)
            self.verdict = Verdict(ok, text if ok else self._with_wrong(text))
        else:
            try:
                ok = bool(step.check(Context(self)))
                self.verdict = Verdict(ok, _both("done", "feito") if ok else self._not_yet())
            except Unknown as exc:
                self.verdict = Verdict(False, exc.text)
            except (ArithmeticError, ValueError, TypeError, KeyError, EngineError) as exc:  # never break an edit
                self.verdict = Verdict(False, _both(f"the check cannot run: {exc}",
                                                    f"a verificação não pode rodar: {exc}"))
        if self.verdict.ok:
            self.passed.add(self.index)
        self.events.changed.emit()
        return self.verdict

    def _not_yet(self) -> dict:
        return self.step.wrong or _both("not yet: " + self.step.check_text, "ainda não: " + self.step.check_text)

    def _with_wrong(self, text: dict) -> dict:
        w = self.step.wrong
        return text if w is None else {k: f"{text[k]}. {w[k]}" for k in text}

    def submit(self, answer) -> Verdict:
        """A typed number (predict) or the index of a choice (choose); wrong ones are refused with why."""
        step = self.step
        if step.kind == "choose":
            ok = _as_number(answer) == step.answer
            text = _both("right", "certo") if ok else (step.wrong or _both("that is not it", "não é essa"))
        elif step.kind == "predict":
            ok, text = self._predict(_as_number(answer))
        else:
            return Verdict(False, _both("this step takes no typed answer", "este passo não recebe resposta"))
        self.verdict = Verdict(ok, text)
        if ok:
            self.passed.add(self.index)
            self.answers[self.index] = float(_as_number(answer))
        self.events.changed.emit()
        return self.verdict

    def _predict(self, typed: float | None) -> tuple[bool, dict]:
        if typed is None or not math.isfinite(typed):
            return False, _both("type a number, e.g. -2 or 0.5", "digite um número, por exemplo -2 ou 0,5")
        step = self.step
        try:
            true = float(step.expect(Context(self)))
        except Unknown as exc:
            return False, exc.text
        tol = step.tolerance if step.tolerance is not None else max(ABS_TOL, REL_TOL * abs(true))
        if abs(typed - true) <= tol:
            return True, _both(f"right: {fmt(true)}", f"certo: {fmt(true)}")
        text = self._explain(typed, true)
        return False, self._with_wrong(text)

    def _explain(self, typed: float, true: float) -> dict:
        asks, doc, ev = self.step.asks, self.doc, self.evaluator
        if asks is not None:
            try:
                nid = Context(self)._id(asks[1])
                if asks[0] == "grad":
                    return explain_grad(doc, ev.values, nid, ev.root(), typed, true)
                return explain_value(doc, ev.values, nid, typed, true)
            except Exception:  # noqa: BLE001 - no symbolic story for this circuit: say the number
                pass
        return _both(f"not {fmt(typed)}: the engine gets {fmt(true)}",
                     f"não é {fmt(typed)}: o motor calcula {fmt(true)}")

    # ------------------------------------------------------------ evaluator events
    def _on_result(self) -> None:
        self.check()

    def _on_label(self, node_id, label) -> None:
        self.check()

    def _on_stepped(self) -> None:
        grads = self.evaluator.result.grads
        if grads is not None:
            self.reached.update(k for k in grads if grads.get(k) is not None)
        self.check()

    # ------------------------------------------------------------ progress, as plain data
    def progress(self) -> dict:
        return {"format": PROGRESS_FORMAT, "lesson": self.lesson.id, "step": self.index,
                "passed": sorted(self.passed), "answers": {str(k): v for k, v in self.answers.items()}}

    def restore(self, data) -> bool:
        """Take back what progress() returned (e.g. from QSettings); anything malformed starts afresh."""
        try:
            ok = (isinstance(data, dict) and data.get("format") == PROGRESS_FORMAT
                  and data.get("lesson") == self.lesson.id)
            step = int(data["step"]) if ok else 0
            passed = {int(i) for i in data.get("passed", [])} if ok else set()
            answers = {int(k): float(v) for k, v in data.get("answers", {}).items()} if ok else {}
        except (TypeError, ValueError, KeyError, AttributeError):
            ok = False
        if not ok or not 0 <= step < self.total or any(not 0 <= i < self.total for i in passed):
            self.restart()
            return False
        self.passed, self.answers = passed, answers
        self._enter(step, load=True)
        return True

    def close(self) -> None:
        self._subs.disconnect_all()


def _as_number(answer) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        return float(answer)
    if isinstance(answer, str):
        text = answer.strip().replace("−", "-").replace(",", ".")  # 0,5 as written in Portuguese
        try:
            return float(text)
        except ValueError:
            return None
    return None
