"""pytest-qt: the timeline under the loss plot scrubs the app to a step (checked against a fresh replay of
that many steps), adds no undo entry, returns to now, and "Replay from the same start" repeats the run."""

import numpy as np
from PySide6.QtGui import QImage

from engine.circuit import io, probe
from engine.circuit.commands import SetParams
from engine.circuit.evaluate import Evaluator
from engine.circuit.snapshots import capture
from engine.circuit.training import Trainer
from gui.playground.boundary_panel import GRID
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.playground_support import host  # noqa: F401 (fixture)


def oracle(name, steps):
    """A fresh document trained `steps` steps by a bare Trainer: (document, its evaluator's loss)."""
    doc = io.load(EXAMPLES / f"{name}.json")
    ev = Evaluator(doc)
    Trainer(doc, ev).run(steps) if steps else None
    ev.forward()
    return doc, ev.root_value()


def train(ctl, n):
    for _ in range(n):
        ctl.gradient_step()


def test_scrub_shows_a_past_step_without_undo_and_returns_to_now(host, qtbot):  # noqa: F811
    w, parts = host("moons")
    w.show()
    w.dock_layout.bring_to_front("loss")  # the timeline lives under the loss plot (lazy while covered)
    ctl, timeline, loss = parts["controller"], parts["timeline"], parts["loss"]
    train(ctl, 20)
    layout = ctl.trainer.snapshots.at(0).layout
    qtbot.waitUntil(lambda: timeline.slider.maximum() == 20)
    depth, shown = w.undo_stack.count(), list(loss.shown)
    assert timeline.slider.value() == 20 and not timeline.now_button.isEnabled()

    timeline.slider.setValue(7)
    past, past_loss = oracle("moons", 7)
    np.testing.assert_array_equal(capture(w.doc, layout), capture(past, layout))
    assert w.evaluator.root_value() == past_loss  # the evaluator (so every panel) shows step 7
    assert w.undo_stack.count() == depth and timeline.marker.isVisible() and timeline.now_button.isEnabled()
    assert "7" in timeline.step_label.text()
    assert [(m.isVisible(), m.value()) for m in timeline.markers] == [(True, 7), (True, 7)]  # loss and accuracy
    assert "step 7 of 20" in w.messages[-1]  # the whole app shows the past: the status line says so
    loss.refresh()
    assert loss.shown == shown  # the loss curve still ends at the run's now

    timeline.now_button.click()
    now, now_loss = oracle("moons", 20)
    np.testing.assert_array_equal(capture(w.doc, layout), capture(now, layout))
    assert w.evaluator.root_value() == now_loss and not any(m.isVisible() for m in timeline.markers)
    assert w.undo_stack.count() == depth

    timeline.slider.setValue(3)  # training from the past returns to now first: the run goes on from step 20
    train(ctl, 1)
    np.testing.assert_array_equal(capture(w.doc, layout), capture(oracle("moons", 21)[0], layout))
    assert len(ctl.trainer.history) == 21 and timeline.scrubbed is None


def test_replay_from_the_same_start_repeats_the_run_and_keeps_its_curve(host, qtbot):  # noqa: F811
    w, parts = host("moons")
    w.show()
    w.dock_layout.bring_to_front("loss")  # the timeline lives under the loss plot (lazy while covered)
    ctl, timeline = parts["controller"], parts["timeline"]
    train(ctl, 12)
    first = list(ctl.trainer.history)
    layout = ctl.trainer.snapshots.at(0).layout
    qtbot.waitUntil(lambda: timeline.replay_button.isEnabled())
    depth = w.undo_stack.count()
    timeline.replay_button.click()
    np.testing.assert_array_equal(capture(w.doc, layout), capture(oracle("moons", 0)[0], layout))
    assert w.undo_stack.count() == depth + 1  # one undo entry
    assert list(timeline.previous.getData()[1]) == first
    train(ctl, 12)
    assert ctl.trainer.history == first  # same weights, seed and settings: the same curve
    w.undo_stack.setIndex(depth)  # undo the second run's steps (one entry each, F8) and then the replay itself
    np.testing.assert_array_equal(capture(w.doc, layout), capture(oracle("moons", 12)[0], layout))


def test_screenshot_timeline_at_an_early_step_with_a_replayed_run(window, qtbot):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.open(EXAMPLES / "moons.json")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    parts = window.playground
    ctl, timeline = parts["controller"], parts["timeline"]
    window.dock_layout.bring_to_front("loss")
    train(ctl, 60)
    qtbot.waitUntil(timeline.replay_button.isEnabled)
    timeline.replay_button.click()
    training = dict(window.doc.training)
    window.doc.set_training({**training, "lr": training.get("lr", 0.01) * 4})  # other settings
    ctl.restart_training()
    train(ctl, 60)
    qtbot.waitUntil(lambda: timeline.slider.maximum() == 60)
    timeline.slider.setValue(8)
    qtbot.wait(100)
    path = SCREENSHOTS / "timeline_moons_step8.png"
    window.grab().save(str(path))
    assert QImage(str(path)).width() >= 1300 and timeline.scrubbed == 8
    boundary = parts["boundary"]  # the boundary panel follows: its grid is that of the network at step 8
    window.dock_layout.bring_to_front("boundary")
    qtbot.waitUntil(lambda: not boundary._dirty)
    past = io.load(EXAMPLES / "moons.json")
    past.set_training(dict(window.doc.training))
    Trainer(past, Evaluator(past)).run(8)
    np.testing.assert_array_equal(boundary.grid.z, probe.decision_grid(Evaluator(past), GRID, aspect=boundary.aspect).z)
    window.grab().save(str(SCREENSHOTS / "timeline_moons_step8_boundary.png"))
    timeline.return_to_now()
    qtbot.waitUntil(lambda: not boundary._dirty)
    assert not np.array_equal(boundary.grid.z, probe.decision_grid(Evaluator(past), GRID, aspect=boundary.aspect).z)
    window.grab().save(str(SCREENSHOTS / "timeline_moons_now_boundary.png"))
    assert len(timeline.previous.getData()[1]) == 60  # the first run, dashed


def test_an_edit_of_the_past_becomes_the_present(host, qtbot):  # noqa: F811
    w, parts = host("moons")
    w.show()
    w.dock_layout.bring_to_front("loss")
    ctl, timeline = parts["controller"], parts["timeline"]
    train(ctl, 6)
    qtbot.waitUntil(lambda: timeline.slider.maximum() == 6)
    timeline.slider.setValue(2)
    layer = next(n for n in w.doc.nodes() if n.kind == "dense")
    bias = np.full(np.shape(layer.params["b"]), 0.25)
    w.undo.push(SetParams(layer.id, {**layer.params, "b": bias}))
    assert timeline.scrubbed is None and not timeline.marker.isVisible()
    train(ctl, 1)  # a new run, from the edited step-2 weights (not from step 6)
    assert len(ctl.trainer.history) == 1
    start = ctl.trainer.snapshots.first
    oracle_doc = io.load(EXAMPLES / "moons.json")
    Trainer(oracle_doc, Evaluator(oracle_doc)).run(2)
    oracle_doc.set_params(layer.id, {**oracle_doc.node(layer.id).params, "b": bias})
    np.testing.assert_array_equal(start.vector, capture(oracle_doc, start.layout))
