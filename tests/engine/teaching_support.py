"""A headless learner for the lesson tests: opens a lesson on a fresh document and evaluator, answers
right and wrong, and does what a step asks through the engine (no Qt)."""

from __future__ import annotations

from engine.circuit.document import Circuit
from engine.circuit.evaluate import Evaluator
from engine.teaching import LessonRunner, lessons_dir, load


def open_lesson(name: str) -> LessonRunner:
    doc = Circuit()
    return LessonRunner(load(lessons_dir() / name), doc, Evaluator(doc))


def advance(r: LessonRunner) -> None:
    """Next, or at the last step: the lesson is done."""
    assert r.index in r.passed, (r.index, r.verdict)
    if r.index == r.total - 1:
        assert r.done and not r.next()
    else:
        assert r.next()


def refused(verdict, *phrases: str) -> None:
    """A wrong answer is refused with an explanation in both languages, holding the given phrases."""
    assert not verdict.ok
    en, pt = verdict.message("en"), verdict.message("pt_BR")
    assert en and pt and en != pt, verdict
    for phrase in phrases:
        assert phrase in en, (phrase, en)


def read(r: LessonRunner) -> None:
    assert r.step.kind == "read" and r.verdict.ok
    advance(r)


def predict(r: LessonRunner, right: float, wrong: float, *phrases: str) -> None:
    assert r.step.kind == "predict"
    assert not r.can_next() and r.index not in r.passed
    refused(r.submit(wrong), *phrases)
    refused(r.submit("not a number"))
    assert r.index not in r.passed
    assert r.submit(right).ok
    hidden_before = set(r.step.hide)
    asked = r.step.asks[1] if r.step.asks else None
    assert asked is None or asked not in r.hidden()  # the answer is revealed...
    assert set(r.hidden()) == hidden_before - {asked}  # ...the next questions' gradients stay hidden
    advance(r)


def choose(r: LessonRunner, right: int, wrong: int) -> None:
    assert r.step.kind == "choose"
    refused(r.submit(wrong))
    assert r.index not in r.passed
    assert r.submit(right).ok
    advance(r)


def do(r: LessonRunner, action, wrong=None, *phrases: str) -> None:
    """A do or build step: not passed before; a wrong action refused (with phrases); the action passes it."""
    assert r.step.kind in ("do", "build")
    assert r.index not in r.passed
    if wrong is not None:
        wrong(r)
        refused(r.verdict, *phrases)
        assert r.index not in r.passed
    action(r)
    assert r.verdict.ok, r.verdict
    advance(r)


def set_value(r: LessonRunner, label: str, value: float) -> None:
    r.doc.set_value(r.doc.by_label(label).id, value)


def nudge(r: LessonRunner, lr: float = 0.01) -> None:
    """The lecture's gradient step: every input and weight moves by lr x its gradient (raises the output)."""
    ev = r.evaluator
    moves = {n.id: n.value + lr * ev.grad(n.id) for n in r.doc.nodes() if n.kind in ("input", "weight")}
    with ev.batch_update():
        for nid, value in moves.items():
            r.doc.set_value(nid, value)
    r.record("gradient_step")


def wire(r: LessonRunner, spec: list[tuple]) -> None:
    """Add nodes one by one, each wired as soon as it is placed, as a learner on the canvas would:
    (label, kind, op, {port: source label}, value)."""
    doc = r.doc
    for i, (label, kind, op, inputs, value) in enumerate(spec):
        node = doc.add_node(doc.make_node(kind, op, label=label, value=value, pos=(40.0 * i, 25.0 * (i % 3))))
        for port, src in inputs.items():
            doc.connect(doc.by_label(src).id, node.id, port)
