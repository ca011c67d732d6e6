"""Frame pacing of training ticks (gui.playground.pacing) on a clock the test moves: the steps owed at
the set speed, the tick's budget from the measured redraw, the delay to the next frame; and a real tick
of the controller publishes one result for all of its steps."""

import numpy as np
import pytest

from gui.playground.pacing import DEBT, MAX_BUDGET, FramePacer, step_budget


class Clock:
    def __init__(self):
        self.t = 100.0

    def __call__(self):
        return self.t


FRAME = 0.035


def test_each_tick_owes_the_steps_of_the_time_since_the_last_and_asks_for_the_next_frame():
    clock = Clock()
    pacer = FramePacer(clock)
    clock.t += FRAME
    deadline = pacer.begin_tick(200, FRAME)
    assert pacer.due == pytest.approx(7.0) and deadline == pytest.approx(clock.t + FRAME)  # nothing measured yet
    for _ in range(7):
        pacer.stepped()
    clock.t += 0.010  # the steps took 10 ms
    assert pacer.end_tick(FRAME) == pytest.approx(0.025)  # the next tick a frame after this one started
    clock.t += 0.025  # on time: the redraw fitted in the frame
    pacer.begin_tick(200, FRAME)
    assert pacer.redraw == pytest.approx(0.0, abs=1e-12) and pacer.due == pytest.approx(7.0)


def test_a_late_tick_measures_the_redraw_and_the_budget_leaves_it_room():
    clock = Clock()
    pacer = FramePacer(clock)
    pacer.begin_tick(200, FRAME)
    clock.t += 0.030  # the steps took 30 ms
    delay = pacer.end_tick(FRAME)
    clock.t += delay + 0.020  # the panels redrew 20 ms past the frame
    deadline = pacer.begin_tick(200, FRAME)
    assert pacer.redraw == pytest.approx(0.3 * 0.020)  # smoothed
    assert deadline - clock.t == pytest.approx(FRAME - pacer.redraw)
    for _ in range(30):  # the redraw stays 20 ms late every tick: the estimate converges to it
        clock.t += 0.030
        delay = pacer.end_tick(FRAME)
        clock.t += delay + 0.020
        deadline = pacer.begin_tick(200, FRAME)
    assert pacer.redraw == pytest.approx(0.020, rel=1e-3)
    assert deadline - clock.t == pytest.approx(max(FRAME - 0.020, 0.040), rel=1e-3)  # steps keep 2x the redraw


def test_the_budget_shares_the_frame_and_is_capped():
    assert step_budget(FRAME, 0.0) == FRAME
    assert step_budget(FRAME, 0.005) == pytest.approx(0.030)  # what the frame leaves
    assert step_budget(FRAME, 0.030) == pytest.approx(0.060)  # slow redraw: steps get twice its time
    assert step_budget(FRAME, 0.2) == MAX_BUDGET  # never longer: input waits ~100 ms at most


def test_a_long_stall_owes_at_most_a_quarter_second_of_steps():
    clock = Clock()
    pacer = FramePacer(clock)
    clock.t += 5.0
    pacer.begin_tick(200, FRAME)
    assert pacer.due == pytest.approx(DEBT * 200)
    pacer = FramePacer(clock)
    clock.t += 5.0
    pacer.begin_tick(2, 0.5)  # slow speeds still owe one step
    assert pacer.due == 1.0


def test_a_tick_of_several_steps_publishes_one_result_the_last_steps(host, qtbot):
    from tests.engine.test_evaluator_training import mlp_output

    w, parts = host("moons")
    ctl = parts["controller"]
    parts["training"].speed.setValue(200)
    heard = []
    w.evaluator.events.evaluated.connect(lambda: heard.append(len(ctl.trainer.history)))
    ctl.toggle_training()
    ctl.pacer.due = 5.0
    ctl.pacer.begin_tick = lambda speed, frame: float("inf")  # (no deadline: the test does not depend on time)
    before = len(ctl.trainer.history)
    heard.clear()
    ctl._train_tick()
    assert ctl.timer.isActive() and 0 <= ctl.timer.interval() <= ctl.frame_ms  # the next tick: within a frame
    ctl.toggle_training()
    assert not ctl.timer.isActive() and ctl.timer.interval() == ctl.frame_ms == 35  # 7 steps a frame at 200/s
    assert len(ctl.trainer.history) - before == 5  # (a real tick owes what the clock says: test above)
    assert heard[0] == before + 5  # one result for the tick, after its last step
    np.testing.assert_allclose(w.evaluator.values[w.doc.by_label("layer3").id], mlp_output(w.doc))
