"""Time travel for the optimizer (engine.circuit.optim_history): the state after any recent step, rebuilt from
keyframes and the rows each step used, against the snapshot ring (bit for bit), the live optimizer and a fresh
run of that many steps."""

import numpy as np
import pytest

from engine import optim
from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.circuit.optim_history import OptimLog, Scratch, buffers_of, keyframe_every, scratch_params
from engine.circuit.snapshots import SnapshotRing, capture, layout_of
from engine.circuit.training import Trainer
from engine.optim_state import optimizer_state
from tests.conftest import EXAMPLES

RUNS = {  # example, settings: full-batch SGD and momentum, mini-batch Adam with a test split, digits, 3 classes
    "moons-sgd": ("moons", {}),
    "moons-momentum": ("moons", {"optimizer": "momentum", "lr": 0.05}),
    "moons-adam-batches": ("moons", {"optimizer": "adam", "lr": 0.02, "batch_size": 32, "test_share": 0.2}),
    "moons-momentum-split": ("moons", {"optimizer": "momentum", "lr": 0.05, "test_share": 0.2}),
    "digits-adam-batches": ("digits", {}),
    "spiral3-adam": ("spiral3", {}),
}


def trainer(name, steps, every=4, **settings):
    doc = io.load(EXAMPLES / f"{name}.json")
    doc.set_training({**doc.training, **settings})
    t = Trainer(doc, Evaluator(doc))
    t.keyframe_every = every
    if steps:
        t.run(steps)
    return t


def flat(params):
    return np.concatenate([np.ravel(np.asarray(p.data, dtype=np.float64)) for p in params])


def assert_same_optimizer(a, pa, b, pb):
    """Two optimizers (and their parameters) hold the same state, bit for bit."""
    assert type(a) is type(b) and a.k == b.k
    np.testing.assert_array_equal(flat(pa), flat(pb))
    for p, q in zip(pa, pb, strict=True):
        np.testing.assert_array_equal(np.asarray(p.grad), np.asarray(q.grad))
    for mine, theirs in zip(buffers_of(a), buffers_of(b), strict=True):
        for x, y in zip(mine, theirs, strict=True):
            np.testing.assert_array_equal(np.asarray(x), np.asarray(y))


@pytest.mark.parametrize("run", list(RUNS))
def test_each_rebuilt_step_equals_its_snapshot_and_the_last_equals_the_live_optimizer(run):
    name, settings = RUNS[run]
    steps = 6 if name == "digits" else 11
    t = trainer(name, steps, **settings)
    assert [k.step for k in t.optim_log.keyframes] == list(range(0, steps + 1, 4))
    for s in range(steps + 1):
        t.optim_log._cache = None if s % 2 else t.optim_log._cache  # from a keyframe, or going on from the last
        rebuilt = t.optimizer_at(s)
        assert rebuilt.step == s and rebuilt.exact
        np.testing.assert_array_equal(flat(rebuilt.params), t.snapshots.at(s).vector)  # float64, bit for bit
    assert_same_optimizer(rebuilt.opt, rebuilt.params, t._opt, t._params)


@pytest.mark.parametrize("run", ["moons-sgd", "moons-momentum", "moons-adam-batches", "digits-adam-batches"])
def test_a_rebuilt_step_equals_a_fresh_run_of_that_many_steps(run):
    name, settings = RUNS[run]
    steps, probe = (6, (1, 4, 5)) if name == "digits" else (13, (1, 4, 7, 10))
    t = trainer(name, steps, **settings)
    for s in probe:
        oracle = trainer(name, s, **settings)
        rebuilt = t.optimizer_at(s)
        assert_same_optimizer(rebuilt.opt, rebuilt.params, oracle._opt, oracle._params)
        at, now = optimizer_state(t, step=s), optimizer_state(oracle)
        assert at.at_step == s and at.last_step == steps and at.kept_back and at.exact
        assert at.k == now.k and at.lr == now.lr and at.kept == now.kept
        assert at.rows == now.rows  # every entry and block summary of the table


def test_the_log_keeps_only_what_the_recent_window_can_rebuild():
    t = trainer("moons", 0, optimizer="adam", lr=0.02)
    t.snapshots = SnapshotRing(recent=10, older=4)
    t.run(30)
    log = t.optim_log
    first = log.first_step(t.snapshots)
    assert t.snapshots.recent[0].step == 21
    assert [k.step for k in log.keyframes] == [20, 24, 28]  # the newest at or before step 21, and later ones
    assert [s for s, _, _ in log.steps] == list(range(21, 31)) and first == 21  # (step 20: its gradient is lost)
    for s in (21, 25, 30):
        state = optimizer_state(t, step=s)
        assert state.kept_back and state.exact and state.first_kept == 21
        np.testing.assert_array_equal(flat(t.optimizer_at(s).params), capture_at(t, s))
    older = optimizer_state(t, step=12)  # before the window: the nearest snapshot's parameters, no buffers
    assert not older.kept_back and older.kept == ("value",) and older.at_step == t.snapshots.at(12).step
    assert all(e.m is None and e.grad is None for e in older.entries)
    assert t.optimizer_at(12) is None


def capture_at(t, s):
    return t.snapshots.at(s).vector


def test_a_circuit_changed_after_the_run_makes_the_rebuild_say_it_is_not_exact():
    t = trainer("moons", 9, optimizer="momentum", lr=0.05)
    layer = next(n for n in t.doc.nodes() if n.kind == "dense")
    t.doc.set_params(layer.id, {**layer.params, "activation": "relu" if layer.params.get("activation") != "relu"
                                else "tanh"})
    rebuilt = t.optimizer_at(6)
    assert rebuilt is not None and not rebuilt.exact and not optimizer_state(t, step=6).exact


def test_keyframe_interval_fits_the_budget_for_digits():
    doc = io.load(EXAMPLES / "digits.json")
    layout = layout_of(doc, [n.id for n in doc.nodes() if n.kind == "dense"])
    params = scratch_params(layout, capture(doc, layout))
    assert keyframe_every(params, optim.Adam(params), 1000) == 64
    assert keyframe_every(params, optim.SGD(params, momentum=0.9), 1000) == 32
    assert keyframe_every(params, optim.SGD(params), 1000) == 1  # no buffers: every step, at no cost


def test_a_thousand_digits_steps_with_adam_keyframes_and_rows_stay_under_150_mb():
    """The snapshot ring and the optimizer's log of 1,200 digits steps (Adam, batches of 128): < 150 MB."""
    doc = io.load(EXAMPLES / "digits.json")
    layout = layout_of(doc, [n.id for n in doc.nodes() if n.kind == "dense"])
    assert layout.size == 17226
    vec = capture(doc, layout)
    params = [Scratch(nid, key, np.zeros(shape)) for nid, key, shape in layout.entries]
    opt = optim.Adam(params)
    opt.m, opt.v = [np.ones_like(p.data) for p in params], [np.ones_like(p.data) for p in params]
    opt.k = 1

    class Feed:  # what the log reads of a DataFeed: its rows and batch size
        X = np.zeros((1437, 64))
        batches = type("B", (), {"size": 128})()

    ring = SnapshotRing()
    every = keyframe_every(params, opt, ring.capacity)
    ring.record(0, layout, vec)
    log = OptimLog(opt, optim.Adam, layout, 1.0, frozenset(), 0, ring.recent[-1].vector, every)
    rng = np.random.default_rng(0)
    for k in range(1, 1201):
        ring.record(k, layout, vec)
        log.record(k, opt, Feed, rng.permutation(1437)[:128], None, ring.recent[-1].vector)
        log.trim(ring.recent[0].step)
    assert len(ring.recent) == 1000 and len(log.steps) == 1000 + (ring.recent[0].step - log.keyframes[0].step - 1)
    assert len(log.keyframes) <= 17 and log.keyframes[0].step <= ring.recent[0].step
    anchor = log.keyframes[0].vector.nbytes  # the oldest keyframe's parameters, no longer the ring's
    assert log.nbytes(ring) == log.nbytes() + anchor
    assert ring.nbytes + log.nbytes(ring) < 150e6


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_a_scalar_circuit_on_a_dataset_rebuilds_through_the_grouped_pass_it_trained_with(optimizer):
    """The evaluator's grouped whole pass sums in another order than the per-node tape (the last bits
    differ): each step notes which one gave its gradients, and the rebuild takes the same one."""
    from tests.engine.dataset_circuits import expression_on_data

    doc = expression_on_data("h1 = relu(w1*x1 + x2*w2 + b); h2 = relu(w3*x1 - w4*x2); out = h1 + h2",
                             {"w1": 0.7, "w2": -1.3, "b": 0.2, "w3": 0.3, "w4": 0.9}, samples=40)
    doc.set_training({"optimizer": optimizer, "lr": 0.05})
    ev = Evaluator(doc)  # one pass so far: the plan is built after it, so step 1 used the per-node tape
    t = Trainer(doc, ev)
    t.keyframe_every = 4
    t.run(10)
    assert ev.tape.plan and [grouped for _, _, (_, grouped) in t.optim_log.steps][:2] == [False, True]
    for s in range(11):
        rebuilt = t.optimizer_at(s)
        assert rebuilt.exact
        np.testing.assert_array_equal(flat(rebuilt.params), t.snapshots.at(s).vector)
    assert_same_optimizer(rebuilt.opt, rebuilt.params, t._opt, t._params)
