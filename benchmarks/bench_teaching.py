"""What a lesson's checks cost per document change (issue 12 asks for under 1 ms on the lesson circuits).

For every step of every lesson that is checked on document changes (read, do, build), on that step's
circuit: the median time of the runner's check alone, and the extra time a value edit takes when a
runner listens (the edit plus the evaluator's pass, with and without the runner). Build steps are
timed with a complete learner circuit, both when the structure is already judged (a value edit) and
just after a structural edit (the first judgement: every random point, and every order of the
inputs when the labels differ from the target's).
Run: python -m benchmarks.bench_teaching
"""

from __future__ import annotations

import statistics
import time

from engine.circuit.document import Circuit
from engine.circuit.evaluate import Evaluator
from engine.expr import circuit_from_expression
from engine.teaching import LessonRunner, all_lessons

REPEAT = 200


def median_us(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e6


def _leaf(doc: Circuit):
    return next((n for n in doc.nodes() if n.kind in ("input", "weight")), None)


def edit_cost(doc: Circuit) -> float:
    """Median µs of one value edit (and the evaluator's pass) on doc."""
    leaf = _leaf(doc)
    if leaf is None:
        return float("nan")
    values = [leaf.value, leaf.value + 1e-3]
    k = [0]

    def edit():
        k[0] ^= 1
        doc.set_value(leaf.id, values[k[0]])

    return median_us(edit, 50 if doc.dataset else REPEAT)


def _learner_circuit(target: str) -> Circuit:
    """A right answer to a build step, with other labels than the target's (the slow path: orders)."""
    doc = circuit_from_expression(target)
    for n in doc.nodes():
        if n.kind in ("input", "weight"):
            doc.set_label(n.id, "my_" + n.label)
    return doc


def main() -> None:
    rows, worst = [], 0.0
    for lesson in all_lessons():
        doc = Circuit()
        ev = Evaluator(doc)
        runner = LessonRunner(lesson, doc, ev)
        for i, step in enumerate(lesson.steps):
            runner.passed.discard(i)
            runner._enter(i, load=True)  # noqa: SLF001 - the benchmark visits every step's circuit
            runner.passed.discard(i)
            if step.kind not in ("read", "do", "build"):
                continue
            first = None
            if step.kind == "build":
                doc.replace_with(_learner_circuit(step.target.formula))

                def judge(runner=runner, i=i, target=step.target):
                    target._seen = None  # noqa: SLF001 - as after a structural edit
                    runner.passed.discard(i)
                    runner.check()

                first = median_us(judge, 20)
                assert runner.verdict.ok, runner.verdict

            def check(runner=runner, i=i):
                runner.passed.discard(i)
                runner.check()

            check_us = median_us(check)
            runner.close()
            without = edit_cost(doc)
            runner._subs.connect(ev.events.evaluated, runner._on_result)  # noqa: SLF001 - listening again
            runner.passed.discard(i)
            with_runner = edit_cost(doc)
            worst = max(worst, check_us)
            rows.append((f"{lesson.id}[{i}] {step.kind}", check_us, first, without, with_runner))
        runner.close()
    print(f"{'step':28s} {'check µs':>9s} {'1st judge µs':>13s} {'edit µs':>9s} {'edit+runner µs':>15s}")
    for name, check_us, first, without, with_runner in rows:
        first_text = f"{first:13.0f}" if first is not None else f"{'':13s}"
        edits = (f"{without:9.1f} {with_runner:15.1f}" if without == without else
                 f"{'n/a':>9s} {'n/a':>15s}")  # block circuits: no scalar value to edit (they change by training)
        print(f"{name:28s} {check_us:9.1f} {first_text} {edits}")
    print(f"worst check per document change: {worst:.1f} µs (target < 1000 µs)")


if __name__ == "__main__":
    main()
