"""pytest-qt: the optimizer table follows the timeline: scrubbed to a step, it shows the optimizer's state after
that step (against a fresh run of that many steps) and says so; a step too far back says the state is not kept."""

import numpy as np

from engine.circuit import io, training
from engine.circuit.evaluate import Evaluator
from engine.circuit.snapshots import SnapshotRing
from engine.optim_state import optimizer_state
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.playground_support import open_shown
from tests.gui.test_optimizer_panels import open_panel


def fresh_state(example, settings, steps):
    """The oracle: a new document trained `steps` steps by a bare Trainer, and its optimizer's table."""
    doc = io.load(EXAMPLES / f"{example}.json")
    doc.set_training(settings)
    trainer = training.Trainer(doc, Evaluator(doc))
    trainer.run(steps)
    return optimizer_state(trainer)


def scrubbed_window(window, qtbot, example, steps, **settings):
    open_shown(window, qtbot, example, **settings)
    panel = open_panel(window, "optimizer", qtbot)
    ctl, timeline = window.playground["controller"], window.playground["timeline"]
    for _ in range(steps):
        ctl.gradient_step()
    qtbot.waitUntil(lambda: timeline.slider.maximum() == steps and panel.state is not None and panel.state.k == steps)
    return panel, ctl, timeline


def test_scrubbing_rewinds_the_optimizer_table_to_that_step(window, qtbot):
    panel, ctl, timeline = scrubbed_window(window, qtbot, "moons", 40, optimizer="adam", lr=0.02)
    settings = dict(window.doc.training)
    timeline.slider.setValue(17)
    qtbot.waitUntil(lambda: panel.state.at_step == 17)
    oracle = fresh_state("moons", settings, 17)
    assert panel.state.k == 17 and panel.state.exact and panel.state.rows == oracle.rows
    row = next(i for i, e in enumerate(panel.model.rows) if e.name == "layer2.W[3,5]")
    e = next(e for e in oracle.entries if e.name == "layer2.W[3,5]")
    assert [panel.model.index(row, c).data() for c in (1, 2, 4, 5, 6)] == [
        f"{x:.4g}" for x in (e.value, e.grad, e.m, e.sqrt_v, e.step)]
    assert "at step 17 of 40" in panel.caption.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.dock_layout.docks["optimizer"].grab().save(str(SCREENSHOTS / "optimizer_table_scrubbed_step17.png"))
    timeline.slider.setValue(3)  # backwards too
    qtbot.waitUntil(lambda: panel.state.at_step == 3)
    assert panel.state.rows == fresh_state("moons", settings, 3).rows
    timeline.now_button.click()
    qtbot.waitUntil(lambda: panel.state.at_step is None)
    assert panel.state.k == 40 and panel.state.rows == optimizer_state(ctl.trainer).rows
    assert "step 40" in panel.caption.text() and "of 40" not in panel.caption.text()


def test_a_step_too_far_back_says_the_state_is_not_kept(window, qtbot, monkeypatch):
    monkeypatch.setattr(training, "SnapshotRing", lambda: SnapshotRing(recent=10, older=8))
    panel, ctl, timeline = scrubbed_window(window, qtbot, "moons", 30, optimizer="momentum", lr=0.05)
    settings = dict(window.doc.training)
    timeline.slider.setValue(24)  # inside the kept window: exact
    qtbot.waitUntil(lambda: panel.state.at_step == 24)
    assert panel.state.kept_back and panel.state.rows == fresh_state("moons", settings, 24).rows
    timeline.slider.setValue(8)
    qtbot.waitUntil(lambda: panel.state.at_step == 8)
    assert not panel.state.kept_back and panel.table.isColumnHidden(2) and panel.table.isColumnHidden(3)
    first = panel.state.first_kept
    assert f"at step 8 of 30: too far back, the optimizer's state is kept from step {first} on" in panel.caption.text()
    values = np.array([e.value for e in panel.state.entries])
    oracle = np.array([e.value for e in fresh_state("moons", settings, 8).entries])
    np.testing.assert_allclose(values, oracle, rtol=1e-6)  # the older snapshot: float32
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.dock_layout.docks["optimizer"].grab().save(str(SCREENSHOTS / "optimizer_table_too_far_back.png"))
