"""Every lesson driven headless through every step to the end, with right answers (the seeds' numbers)
and wrong ones, which are refused with the explanation in English and Portuguese."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from engine.circuit import probe
from engine.circuit.document import Circuit
from engine.circuit.evaluate import Evaluator
from engine.circuit.strategies import STRATEGIES, run_strategy
from engine.circuit.training import Trainer
from engine.teaching import LessonRunner, all_lessons, lessons_dir, load
from tests.engine.teaching_support import (
    choose,
    do,
    nudge,
    open_lesson,
    predict,
    read,
    refused,
    set_value,
    wire,
)

NEURON = [("x1", "input", None, {}, 2.0), ("w1", "weight", None, {}, -3.0), ("x2", "input", None, {}, 0.0),
          ("w2", "weight", None, {}, 1.0), ("b", "weight", None, {}, 6.88),
          ("p1", "op", "mul", {"a": "x1", "b": "w1"}, 0.0), ("p2", "op", "mul", {"a": "x2", "b": "w2"}, 0.0),
          ("s", "op", "add", {"a": "p1", "b": "p2"}, 0.0), ("n", "op", "add", {"a": "s", "b": "b"}, 0.0)]


def test_every_lesson_file_loads_and_has_both_languages():
    lessons = all_lessons()
    assert len(lessons) >= 11
    for lesson in lessons:
        for step in lesson.steps:
            assert step.text["en"] != step.text["pt_BR"]


def test_lesson_01_derivative():
    r = open_lesson("01_derivative.json")
    read(r)
    predict(r, 20, 18, "f is not 18: f = ")
    do(r, lambda r: set_value(r, "x", 3.001), lambda r: set_value(r, "x", 3.5), "at most 0.01")
    do(r, lambda r: set_value(r, "x", 3.0))
    # 6x - 4 at x = 3 (seed 004: the slope 14); x reaches f twice: through x**2 and through 4*x
    predict(r, 14, 12, "∂f/∂x is not 12: x reaches f by 2 paths")
    do(r, lambda r: set_value(r, "x", 0.67), lambda r: set_value(r, "x", 1.0), "far from 0")
    choose(r, 1, 0)


def test_lesson_02_backprop_by_hand():
    r = open_lesson("02_backprop_by_hand.json")
    assert set(r.hidden()) == {"a", "b", "c", "f", "d", "e"}
    read(r)
    predict(r, 4, -2, "∂L/∂f is not -2: f reaches L through × d, so it is d = 4")
    predict(r, -2, 2, "∂L/∂c is not 2: c reaches L through + and then × f, so it is 1 × f = -2")
    predict(r, 6, -6, "∂L/∂a is not -6: a reaches L through × b, then + and then × f, so it is b × 1 × f = 6")
    predict(r, -4, 4, "so it is a × 1 × f = -4")

    def press_f10(r):
        stepper = r.evaluator.stepper()
        stepper.step()  # L: d and f have their gradients, a and b not yet
        r.check()
        refused(r.verdict, "has not reached a and b")
        while not stepper.done:
            stepper.step()

    do(r, press_f10)
    choose(r, 0, 1)


def test_lesson_03_nudge_takes_L_to_the_seed_number():
    r = open_lesson("03_nudge.json")
    read(r)
    choose(r, 1, 0)

    def too_long_a_step(r):
        nudge(r, lr=0.1)

    def undo_to_one_step(r):  # back to the start, then one step (what Undo does in the app)
        for label, v in dict(a=2.0, b=-3.0, c=10.0, f=-2.0).items():
            set_value(r, label, v)
        nudge(r)
        assert r.evaluator.root_value() == pytest.approx(-7.286496, abs=1e-9)  # seed 001/004: -7.2865

    do(r, undo_to_one_step, too_long_a_step, "exactly one step")
    predict(r, 2.06, 2.6, "a is not 2.6")
    do(r, lambda r: set_value(r, "a", 3.5), lambda r: set_value(r, "a", 3.0), "not positive yet")
    assert r.done


def test_lesson_03_gradient_step_through_the_trainer():
    """The app's F8 on L.json is the lecture's nudge (L.json's saved settings already say so)."""
    r = open_lesson("03_nudge.json")
    r.next(), r.submit(1), r.next()
    Trainer(r.doc, r.evaluator).step()
    r.record("gradient_step")
    assert r.verdict.ok and r.evaluator.root_value() == pytest.approx(-7.286496, abs=1e-6)


def test_lesson_04_neuron_and_building_one():
    r = open_lesson("04_neuron.json")
    read(r)
    predict(r, 0.7071, 0.8, "o is not 0.8: o = tanh(n) = tanh(0.8814) = 0.7071")
    predict(r, 0.5, 1, "∂o/∂n is not 1: n reaches o through tanh, so it is 0.5")
    predict(r, -1.5, 1.5, "so it is w1 × 1 × 1 × 0.5 = -1.5")
    predict(r, 1, 2, "so it is x1 × 1 × 1 × 0.5 = 1")
    predict(r, 0.5, -0.5, "∂o/∂x2 is not -0.5")
    predict(r, 0, 1, "so it is x2 × 1 × 1 × 0.5 = 0")
    predict(r, 0.5, 0.25, "∂o/∂b is not 0.25: b reaches o through + and then tanh, so it is 1 × 0.5 = 0.5")
    read(r)  # tanh written with exp: the same gradient
    assert r.doc.has_label("e")
    predict(r, -1.5, -5.12, "∂o/∂x1 is not -5.12")
    demo = r.demo()
    assert demo.right["x1"] == pytest.approx(-1.5) and demo.wrong["x1"] != pytest.approx(-1.5)
    read(r)
    assert r.doc.nodes() == []  # the build step starts from an empty canvas

    def without_bias(r):
        wire(r, NEURON[:4] + NEURON[5:8] + [("o", "op", "tanh", {"x": "s"}, 0.0)])

    def fix(r):  # rewire o to read n = s + b: any labels, any layout
        o = r.doc.by_label("o").id
        r.doc.disconnect(o, "x")
        wire(r, [NEURON[4], NEURON[8]])
        r.doc.connect(r.doc.by_label("n").id, o, "x")

    do(r, fix, without_bias, "your circuit has 4 inputs and weights")


def test_lesson_04_build_accepts_other_labels_and_refuses_the_wrong_function():
    r = open_lesson("04_neuron.json")
    while r.step.kind != "build":
        r.passed.add(r.index)
        r.next()
    renamed = {"x1": "p", "w1": "q", "x2": "r", "w2": "s_", "b": "t"}
    spec = [(renamed.get(lb, lb), k, op, {p: renamed.get(s, s) for p, s in ins.items()}, v)
            for lb, k, op, ins, v in NEURON]
    wire(r, spec + [("out", "op", "sigmoid", {"x": "n"}, 0.0)])
    refused(r.verdict, "your circuit gives", "but tanh(x1*w1 + x2*w2 + b) gives")
    out = r.doc.by_label("out").id
    r.doc.remove_node(out)
    wire(r, [("out", "op", "tanh", {"x": "n"}, 0.0)])
    assert r.verdict.ok and r.done


def test_lesson_05_fan_out():
    r = open_lesson("05_fan_out.json")
    read(r)
    predict(r, 2, 1, "∂b/∂a is not 1: a reaches b by 2 paths and their contributions add up (+=)", "1 + 1 = 2")
    demo = r.demo()
    assert demo.wrong["a (a + a)"] == 1 and demo.right["a (a + a)"] == 2
    read(r)
    choose(r, 0, 1)
    read(r)
    # the lecture: d = a*b, e = a + b, f = d*e at a = -2, b = 3: a gets b*e + d = 3 - 6, b gets a*e + d = -2 - 6
    predict(r, -3, 3, "a reaches f by 2 paths", "b × e + 1 × d = 3 + (-6) = -3")
    predict(r, -8, -2, "b reaches f by 2 paths")
    spec = [("u", "input", None, {}, 1.0), ("v", "input", None, {}, 1.0),
            ("m", "op", "mul", {"a": "u", "b": "v"}, 0.0), ("s", "op", "add", {"a": "u", "b": "v"}, 0.0)]
    def fix(r):
        r.doc.remove_node(r.doc.by_label("g").id)
        wire(r, [("f", "op", "mul", {"a": "m", "b": "s"}, 0.0)])

    do(r, fix,
       lambda r: wire(r, spec + [("g", "op", "add", {"a": "m", "b": "s"}, 0.0)]), "your circuit gives")


def test_lesson_06_hackers_guide():
    r = open_lesson("06_hackers_guide.json")
    read(r)
    predict(r, 3, -2, "∂f/∂x is not -2: x reaches f through × y, so it is y = 3")
    predict(r, -2, 3, "so it is x = -2")

    def run_all(r):
        for name in STRATEGIES:
            run_strategy(r.doc, name)
            r.record("strategy")

    do(r, run_all, lambda r: r.record("strategy"), "Run all four")
    choose(r, 3, 2)
    do(r, nudge, lambda r: r.check(), "not risen")
    assert r.evaluator.root_value() == pytest.approx((-2 + 0.03) * (3 - 0.02))


def test_lesson_06_gradient_step_through_the_trainer():
    r = open_lesson("06_hackers_guide.json")
    while r.step.kind != "do" or r.step.check_text.startswith("count(strategy"):
        r.passed.add(r.index)
        r.next()
    Trainer(r.doc, r.evaluator).step()
    r.record("gradient_step")
    assert r.verdict.ok


def test_lesson_07_chain_rule():
    r = open_lesson("07_chain_rule.json")
    read(r)
    predict(r, 0.40176, 0.5, "y is not 0.5: y = sin(e) = sin(2980.96) = 0.4018")  # seed 002
    predict(r, math.cos(math.exp(8)), 1, "∂y/∂e is not 1: e reaches y through sin")

    predict(r, -32757.52, -3773, "x reaches y through powk, then exp and then sin", "= -32757.52")

    def gradcheck(r):
        numeric = r.evaluator.numeric_grads(eps=1e-7)
        x = r.doc.by_label("x").id
        assert numeric[x] == pytest.approx(r.evaluator.grad(x), rel=1e-4)
        r.record("gradcheck")

    do(r, gradcheck)
    f = lambda x: math.sin(math.exp(x ** 3))  # noqa: E731
    assert (f(2.0001) - f(2)) / 0.0001 == pytest.approx(-3773, abs=1)  # the numbers the choice quotes
    assert (f(2.001) - f(2)) / 0.001 == pytest.approx(458, abs=1)
    choose(r, 1, 0)


def test_lesson_08_mlp():
    r = open_lesson("08_mlp.json")
    read(r)
    trainer = Trainer(r.doc, r.evaluator)

    def train(n):
        def run(r):
            for _ in range(n):
                trainer.step()
            r.record("train_step", n=n)
        return run

    start = r.evaluator.root_value()
    do(r, train(15), train(5), "Train at least 20 steps")
    assert r.evaluator.root_value() < start
    read(r)
    choose(r, 1, 0)
    assert r.demo().wrong["first bad node"] == "loss"
    read(r)
    read(r)
    assert r.done


def test_lesson_09_moons():
    r = open_lesson("09_moons.json")
    read(r)
    trainer = Trainer(r.doc, r.evaluator)

    def train(r):
        for _ in range(5):
            trainer.step()
        r.record("train_step", n=5)

    do(r, train, lambda r: r.check(), "Train a few steps")

    def add_point(r):
        r.doc.set_dataset(probe.with_point(r.doc.dataset, 0.5, 0.25, 1.0))
        r.record("add_point")

    do(r, add_point, lambda r: r.check(), "Add at least one point")
    assert len(r.evaluator.values[r.doc.by_label("X").id]) == 101
    choose(r, 0, 2)


def test_lesson_10_tensors():
    r = open_lesson("10_tensors.json")
    read(r)
    predict(r, 0.3333, 0.5, "loss is not 0.5")  # seed 003 printed 0.3333
    demo = r.demo()
    assert demo.wrong["max |∂L/∂θ1|"] == 0 and demo.right["max |∂L/∂θ1|"] > 0
    read(r)
    choose(r, 0, 2)
    choose(r, 0, 1)


def test_lesson_11_digits():
    """The test accuracy is the Training panel's to measure and report; the runner checks what it hears."""
    r = open_lesson("11_digits.json")
    read(r)
    do(r, lambda r: r.record("metric", name="test_accuracy", value=0.962),
       lambda r: r.record("metric", name="test_accuracy", value=0.91), "still below 95 %")
    choose(r, 0, 1)


def test_progress_is_plain_data_and_restores():
    r = open_lesson("02_backprop_by_hand.json")
    read(r)
    assert r.submit(4).ok
    saved = json.loads(json.dumps(r.progress()))  # what QSettings keeps
    r2 = open_lesson("02_backprop_by_hand.json")
    assert r2.restore(saved)
    assert r2.index == 1 and r2.passed == {0, 1} and r2.can_next()
    assert r2.doc.by_label("L") is not None
    r2.restart()
    assert r2.index == 0 and r2.passed == {0}  # a read step passes as soon as it is shown
    for bad in (None, [], {"format": "x"}, {**saved, "step": 99}, {**saved, "passed": ["x"]}, {**saved, "lesson": "y"}):
        r3 = open_lesson("02_backprop_by_hand.json")
        assert not r3.restore(bad) and r3.index == 0


def test_hints_cycle_and_back_reloads_the_step_circuit():
    r = open_lesson("04_neuron.json")
    read(r)
    assert r.hint()["en"].startswith("tanh(0.8814)") and r.hint() == r.hint()
    while r.index < 8:
        r.passed.add(r.index)
        r.next()
    assert r.doc.has_label("e")  # neuron_exp.json loaded
    r.back()
    assert not r.doc.has_label("e")


def test_a_lesson_runs_on_a_document_the_app_already_shows():
    """The runner loads circuits through the host's loader (the GUI's Open) when given one."""
    loaded = []
    lesson = load(lessons_dir() / "05_fan_out.json")
    doc = Circuit()
    ev = Evaluator(doc)
    r = LessonRunner(lesson, doc, ev, load=lambda c: (loaded.append(c), doc.replace_with(c)))
    assert len(loaded) == 1 and doc.has_label("a")
    r.close()
    set_before = r.verdict
    doc.set_value(doc.by_label("a").id, 5.0)
    assert r.verdict is set_before  # closed: no longer listening
    assert np.isclose(ev.grad(doc.by_label("a").id), 2.0)
