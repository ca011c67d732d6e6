"""Time travel: the snapshot ring's bookkeeping, and every snapshot against a fresh replay of that many steps."""

import numpy as np
import pytest

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.circuit.snapshots import Layout, SnapshotRing, apply, capture, layout_of, unpack
from engine.circuit.training import StepEdit, Trainer
from tests.conftest import EXAMPLES


def trained(name, steps, **settings):
    doc = io.load(EXAMPLES / f"{name}.json")
    if settings:
        doc.set_training({**doc.training, **settings})
    trainer = Trainer(doc, Evaluator(doc))
    trainer.run(steps)
    return doc, trainer


def fresh_params(name, steps, layout, **settings):
    """The oracle: a new document trained `steps` steps from the file's weights."""
    doc, _ = trained(name, steps, **settings) if steps else (io.load(EXAMPLES / f"{name}.json"), None)
    return capture(doc, layout)


@pytest.mark.parametrize(("name", "steps", "probe"), [("moons", 25, (0, 1, 9, 25)), ("digits", 4, (0, 2, 4))])
def test_each_snapshot_equals_a_fresh_replay_of_that_many_steps(name, steps, probe):
    doc, trainer = trained(name, steps)
    ring = trainer.snapshots
    assert ring.steps() == list(range(steps + 1))
    for k in probe:
        snap = ring.at(k)
        assert snap.step == k and snap.exact
        np.testing.assert_array_equal(snap.vector, fresh_params(name, k, snap.layout))
    np.testing.assert_array_equal(ring.at(steps).vector, capture(doc, ring.at(steps).layout))  # last one is now


def test_applying_a_snapshot_scrubs_the_document_and_its_loss():
    doc, trainer = trained("moons", 20)
    oracle_doc, oracle = trained("moons", 7)
    snap = trainer.snapshots.at(7)
    apply(doc, snap.layout, snap.vector)
    for node in oracle_doc.nodes():
        if node.kind in ("neuron", "dense"):
            for key, value in node.params.items():
                np.testing.assert_array_equal(np.asarray(doc.node(node.id).params[key]), np.asarray(value))
        elif node.kind == "weight":
            assert doc.node(node.id).value == node.value
    ev = Evaluator(doc)
    ev.forward()
    oracle.ev.forward()
    assert ev.root_value() == oracle.ev.root_value()
    back = trainer.snapshots.at(20)
    apply(doc, back.layout, back.vector)  # and back to now
    np.testing.assert_array_equal(capture(doc, back.layout), back.vector)


@pytest.mark.parametrize(("name", "steps"), [("moons", 15), ("digits", 3)])  # digits: seeded batches of 128
def test_replay_from_the_same_start_repeats_the_run_and_other_settings_change_it(name, steps):
    doc, first = trained(name, steps)
    start = first.snapshots.first
    doc.set_training(dict(first.settings))
    StepEdit(object(), *unpack(start.layout, start.vector),
             "replay").do(doc)
    again = Trainer(doc, Evaluator(doc))
    again.run(steps)
    assert again.history == first.history  # same weights, same seed, same settings: the same curve
    StepEdit(object(), *unpack(start.layout, start.vector),
             "replay").do(doc)
    doc.set_training({**doc.training, "lr": doc.training.get("lr", 0.01) * 3})
    other = Trainer(doc, Evaluator(doc))
    other.run(steps)
    assert other.history[0] == first.history[0] and other.history[1:] != first.history[1:]


def test_the_ring_keeps_recent_steps_exactly_and_older_ones_sparser():
    layout = Layout((("w", None, ()),), ("weight",))
    ring = SnapshotRing(recent=10, older=4)
    for k in range(101):
        ring.record(k, layout, [k + 0.1])
    steps = ring.steps()
    assert steps[-10:] == list(range(91, 101)) and steps[0] == 0
    older = steps[1:-10]
    assert 0 < len(older) <= 4 and all(s % ring.stride == 0 for s in older) and older == sorted(older)
    assert ring.stride > 1 and len(ring) == len(steps)
    assert ring.at(95).vector[0] == 95.1 and ring.at(95).exact
    nearest = ring.at(90)  # not held exactly: the nearest older snapshot before it, in float32
    assert nearest.step == max(s for s in older if s <= 90) and not nearest.exact
    assert nearest.vector[0] == pytest.approx(nearest.step + 0.1, rel=1e-6)
    assert ring.at(0).vector[0] == 0.1 and ring.at(0).exact  # the run's start stays exact
    with pytest.raises(ValueError, match="steps must increase"):
        ring.record(100, layout, [0.0])
    assert SnapshotRing().at(3) is None


def test_a_thousand_digits_snapshots_stay_under_150_mb():
    doc = io.load(EXAMPLES / "digits.json")
    layout = layout_of(doc, [n.id for n in doc.nodes() if n.kind == "dense"])
    assert layout.size == 17226
    ring = SnapshotRing()
    vec = capture(doc, layout)
    for k in range(1200):  # 1,000 recent ones and the sparser older ones
        ring.record(k, layout, vec)
    assert len(ring.recent) == 1000 and ring.nbytes < 150e6


def test_scalar_circuits_snapshot_their_moving_leaves():
    """The lecture's nudge on a typed formula moves inputs and weights: snapshot 2 is a fresh 2-step run."""
    from engine.expr import circuit_from_expression

    formula = "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f"
    doc = circuit_from_expression(formula)
    trainer = Trainer(doc, Evaluator(doc))
    trainer.run(5)
    snap = trainer.snapshots.at(2)
    oracle = circuit_from_expression(formula)
    Trainer(oracle, Evaluator(oracle)).run(2)
    assert {nid for nid, _, _ in snap.layout.entries} == {n.id for n in doc.nodes() if n.kind in ("input", "weight")}
    apply(doc, snap.layout, snap.vector)
    assert {n.label: n.value for n in doc.nodes()} == {n.label: n.value for n in oracle.nodes()}
