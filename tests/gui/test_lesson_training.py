"""Lessons that take gradient steps, driven in the real main window as a learner would.

- The lecture's nudge: type L = (a*b + c) * f, press F8 (Gradient step): every leaf moves by
  0.01 x its gradient and L goes from -8 to -7.2865 (seed 001/004: a.data += 0.01 * a.grad ...).
  The Training panel's first line says so before the step, and changes when the goal or what moves
  is changed.
- The neuron's nudge, then weights only, then lowering the output (numbers by hand with numpy).
- Moons trains with the Train action while the loss/accuracy and gradient panels are on screen: the
  loss falls, the accuracy rises, the run is one undo entry.
- Digits steps through the GUI with Adam, loss for loss as PyTorch takes the same steps.
"""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLineEdit, QToolBar

from engine.circuit import io
from engine.circuit.probe import current_accuracy
from gui.i18n import set_language
from tests.conftest import EXAMPLES, SCREENSHOTS


def formula_field(w) -> QLineEdit:
    """The toolbar's formula field (the window's `expression`, or the line edit in a toolbar)."""
    field = getattr(w, "expression", None)
    if isinstance(field, QLineEdit):
        return field
    return next(e for bar in w.findChildren(QToolBar) for e in bar.findChildren(QLineEdit))


def type_formula(w, qtbot, text):
    field = formula_field(w)
    field.setFocus()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def plan_line(w, qtbot):
    """The Training panel's first line, once it has caught up with the last edit."""
    panel = w.playground["training"]
    qtbot.waitUntil(lambda: not panel._dirty, timeout=3000)
    return panel.plan_line.text()


def press_f8(w, qtbot):
    """F8 on the canvas, as a learner presses it (the Gradient step action's shortcut)."""
    steps = len(w.undo.history.entries)
    w.activateWindow()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key_F8)
    if len(w.undo.history.entries) == steps:  # the platform did not deliver the shortcut: the toolbar button
        w.playground["controller"].actions["grad_step"].trigger()


def value(w, label):
    return w.doc.by_label(label).value


def output(w):
    return w.evaluator.root_value()


@pytest.fixture
def shown(window, qtbot):
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_lectures_nudge_on_typed_L(shown, qtbot):
    w = shown
    type_formula(w, qtbot, "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f")
    assert output(w) == -8.0
    grads = {x: w.evaluator.grad(w.doc.by_label(x).id) for x in "abcf"}
    assert grads == {"a": 6.0, "b": -4.0, "c": -2.0, "f": 4.0}
    assert plan_line(w, qtbot) == "Next step: nudges a, b, c, f by 0.01 × gradient to raise L."
    assert w.playground["controller"].actions["grad_step"].toolTip() == plan_line(w, qtbot)

    press_f8(w, qtbot)
    expected = {x: v + 0.01 * grads[x] for x, v in {"a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0}.items()}
    assert {x: value(w, x) for x in "abcf"} == pytest.approx(expected, rel=1e-15)
    assert output(w) == pytest.approx(-7.286496, abs=1e-12)  # the seed prints -7.286496
    assert round(output(w), 4) == -7.2865
    assert w.playground["loss"].values == [-8.0]
    assert w.undo_stack.undoText() == "gradient step"

    w.undo_stack.undo()  # one step, one undo entry
    assert output(w) == -8.0 and value(w, "a") == 2.0

    training = w.playground["training"]
    training.objective.setCurrentIndex(training.objective.findData("minimize"))
    assert plan_line(w, qtbot) == "Next step: moves a, b, c, f by −0.01 × gradient to lower L."
    training.objective.setCurrentIndex(training.objective.findData("auto"))
    assert "objective" not in w.doc.training  # following the circuit: the setting is left out of the file
    assert plan_line(w, qtbot) == "Next step: nudges a, b, c, f by 0.01 × gradient to raise L."
    from engine.commands import SetLabel

    w.undo.push(SetLabel(w.doc.by_label("a").id, "alpha"))  # the line names the nodes as they are called now
    assert plan_line(w, qtbot) == "Next step: nudges alpha, b, c, f by 0.01 × gradient to raise L."


def test_the_neurons_nudge_then_weights_only_then_lowering(shown, qtbot):
    w = shown
    assert w.open(EXAMPLES / "neuron.json")
    start = {n: value(w, n) for n in ("x1", "x2", "w1", "w2", "b")}
    assert output(w) == pytest.approx(math.sqrt(0.5), abs=1e-12)  # o = 0.7071
    grads = {n: w.evaluator.grad(w.doc.by_label(n).id) for n in start}
    assert grads == pytest.approx({"x1": -1.5, "x2": 0.5, "w1": 1.0, "w2": 0.0, "b": 0.5}, abs=1e-12)
    line = plan_line(w, qtbot)
    assert line.startswith("Next step: nudges ") and line.endswith(" by 0.01 × gradient to raise o.")
    assert sorted(line[len("Next step: nudges "):line.index(" by ")].split(", ")) == sorted(start)

    def neuron(v):  # the oracle: o = tanh(x1 w1 + x2 w2 + b)
        return math.tanh(v["x1"] * v["w1"] + v["x2"] * v["w2"] + v["b"])

    press_f8(w, qtbot)
    nudged = {n: start[n] + 0.01 * grads[n] for n in start}
    assert {n: value(w, n) for n in start} == pytest.approx(nudged, rel=1e-15)
    assert output(w) == pytest.approx(neuron(nudged), rel=1e-12) and output(w) > math.sqrt(0.5)

    training = w.playground["training"]
    training.moves.setCurrentIndex(training.moves.findData("weights"))
    assert plan_line(w, qtbot) == "Next step: nudges w1, w2, b by 0.01 × gradient to raise o."
    before = {n: value(w, n) for n in start}
    g = {n: w.evaluator.grad(w.doc.by_label(n).id) for n in start}
    press_f8(w, qtbot)
    after = {**before, **{n: before[n] + 0.01 * g[n] for n in ("w1", "w2", "b")}}
    assert {n: value(w, n) for n in start} == pytest.approx(after, rel=1e-15)  # x1 and x2 stayed

    training.objective.setCurrentIndex(training.objective.findData("minimize"))
    assert plan_line(w, qtbot) == "Next step: moves w1, w2, b by −0.01 × gradient to lower o."
    high = output(w)
    press_f8(w, qtbot)
    assert output(w) < high


def _panels_on_screen(w, qtbot):
    """The loss/accuracy panel in front of its tab group and the gradients floating beside it."""
    loss, grads = (w.findChild(QDockWidget, name) for name in ("dock_loss", "dock_gradients"))
    loss.raise_()
    grads.setFloating(True)
    grads.resize(600, 300)
    grads.show()
    qtbot.waitUntil(lambda: w.playground["loss"].on_screen() and w.playground["grads"].on_screen(), timeout=3000)


def test_moons_trains_with_the_train_action_and_the_panels_on_screen(shown, qtbot):
    w = shown
    assert w.open(EXAMPLES / "moons.json")
    _panels_on_screen(w, qtbot)
    assert plan_line(w, qtbot) == "Next step: moves layer1, layer2, layer3 by −0.1 × gradient to lower loss."
    start_W = w.doc.by_label("layer1").params["W"]
    ctl = w.playground["controller"]
    w.playground["training"].speed.setValue(200)
    ctl.actions["train"].trigger()
    qtbot.waitUntil(lambda: ctl.trainer is not None and len(ctl.trainer.history) >= 40, timeout=60000)
    ctl.actions["train"].trigger()  # pause
    assert not ctl.timer.isActive()
    history, accuracy = ctl.trainer.history, ctl.trainer.accuracy
    assert history[-1] < 0.8 * history[0] and accuracy[-1] > accuracy[0]
    now = ctl.ev.root_value()  # the plot is the run's history and ends at the value the circuit has now
    assert list(w.playground["loss"].curve.getData()[1]) == pytest.approx(list(history) + [now])
    acc_now = current_accuracy(ctl.ev)
    assert list(w.playground["loss"].acc_curve.getData()[1]) == pytest.approx(list(accuracy) + [acc_now])
    bars = w.playground["grads"]
    qtbot.waitUntil(lambda: not bars._dirty, timeout=3000)
    norm = float(np.linalg.norm(w.evaluator.param_grads(w.doc.by_label("layer1").id)["W"]))
    assert any(label == "layer1.W" and h == pytest.approx(norm) for label, h in zip(bars.labels, bars.heights,
                                                                                           strict=True))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    w.grab().save(str(SCREENSHOTS / "lesson_training_moons.png"))  # panels after the run (open and judge)
    w.findChild(QDockWidget, "dock_gradients").grab().save(str(SCREENSHOTS / "lesson_training_moons_grads.png"))
    assert w.undo_stack.count() == 1 and w.undo_stack.undoText() == "training"  # the run is one entry
    w.undo_stack.undo()
    assert w.doc.by_label("layer1").params["W"] is start_W  # the very array the run started from
    assert output(w) == pytest.approx(history[0], rel=1e-12)


def test_digits_steps_through_the_gui_as_pytorch_does(shown, qtbot):
    torch = pytest.importorskip("torch")
    w = shown
    assert w.open(EXAMPLES / "digits.json")
    assert plan_line(w, qtbot) == ("Next step: moves layer1, layer2, layer3 with Adam (learning rate 0.001) to "
                                   "lower loss.")
    fresh = io.load(EXAMPLES / "digits.json")  # the oracle: the same network and Adam in PyTorch
    layers = [n for n in fresh.nodes() if n.kind == "dense"]
    params = [torch.tensor(np.array(n.params[k]), requires_grad=True) for n in layers for k in ("W", "b")]
    from engine import datasets

    X, y = datasets.digits()
    X, y = torch.tensor(X), torch.tensor(y.astype(np.int64))
    assert fresh.training["batch_size"] == 128 and fresh.training["test_share"] == 0.2
    # the file's seeded batches (engine.circuit.batches, written out): 20 % held out by a permutation
    # seeded with (seed, rows), the rest shuffled per epoch by (seed, epoch), 128 rows per step
    held = np.random.default_rng([0, len(X)]).permutation(len(X))[:round(0.2 * len(X))]
    train = np.setdiff1d(np.arange(len(X)), held)
    order = np.random.default_rng([0, 0]).permutation(train)
    opt = torch.optim.Adam(params, lr=1e-3)
    expected = []
    for k in range(3):
        rows = torch.tensor(order[128 * k:128 * (k + 1)])
        h, target = X[rows], y[rows]
        for i in range(0, len(params), 2):
            h = h @ params[i].T + params[i + 1]
            h = torch.relu(h) if i < len(params) - 2 else h
        loss = torch.nn.functional.cross_entropy(h, target)
        expected.append(float(loss.detach()))
        opt.zero_grad()
        loss.backward()
        opt.step()
    for _ in range(3):
        press_f8(w, qtbot)
    trainer = w.playground["controller"].trainer
    assert trainer.history == pytest.approx(expected, rel=1e-9)
    for node, k in ((n, k) for n in layers for k in ("W", "b")):
        np.testing.assert_allclose(w.doc.node(node.id).params[k], params.pop(0).detach().numpy(), rtol=1e-8,
                                   atol=1e-12)
    assert w.undo_stack.count() == 3  # one entry per press of F8


@pytest.mark.parametrize("language", ["en", "pt_BR"])
def test_screenshot_of_the_training_panel_with_its_plan_line(window, qtbot, language):
    """The Training panel at 1366x768 after the nudge on L, in both languages (open the PNG and judge)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        w = window if language == "en" else window.switch_language(language)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        assert w.open(EXAMPLES / "neuron.json")
        w.playground["training"].objective.setCurrentIndex(0)
        line = plan_line(w, qtbot)
        word = {"en": "nudges", "pt_BR": "ajusta"}[language]
        assert word in line and "x1" in line and "o." in line
        panel = w.playground["training"]
        label = panel.plan_line
        assert label.isVisible() and label.width() > 150
        qtbot.wait(50)  # the layout takes the new text's height on the next event-loop turn
        assert label.heightForWidth(label.width()) <= label.height() + 1  # the whole line shows, wrapped
        path = SCREENSHOTS / f"lesson_training_panel_{language}.png"
        w.grab().save(str(path))
        panel.grab().save(str(SCREENSHOTS / f"lesson_training_panel_only_{language}.png"))
    finally:
        set_language("en")
