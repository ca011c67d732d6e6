"""Sweeping one input and evaluating a classifier on a grid, checked against numpy re-implementations."""

import numpy as np
import pytest

from engine import datasets
from engine.circuit import io, probe
from engine.circuit.document import CircuitError
from engine.circuit.evaluate import Evaluator
from engine.circuit.json_values import jsonable
from engine.commands import History, SetDocAttr
from tests.conftest import EXAMPLES


def load(name):
    doc = io.load(EXAMPLES / name)
    ev = Evaluator(doc)
    return doc, ev


def by_label(doc, label):
    return next(n for n in doc.nodes() if n.label == label)


def test_sweep_of_the_derivative_example_is_the_lectures_polynomial():
    doc, ev = load("derivative.json")
    x = probe.sweep_input(ev)
    assert doc.node(x).label == "x"
    xs = np.linspace(-5, 5, 41)
    ys, slopes = probe.sweep(ev, x, xs)
    np.testing.assert_allclose(ys, 3 * xs**2 - 4 * xs + 5, rtol=1e-14)
    np.testing.assert_allclose(slopes, 6 * xs - 4, rtol=1e-14)
    # the document is untouched: still f(3) = 20 with slope 14
    assert ev.root_value() == 20.0 and ev.grad(x) == 14.0


def test_sweep_marks_non_finite_values_as_nan():
    doc, ev = load("sin_exp_cube.json")
    x = probe.sweep_input(ev)
    ys, slopes = probe.sweep(ev, x, np.array([0.0, 2.0, 20.0]))
    assert ys[0] == pytest.approx(np.sin(1.0)) and ys[1] == pytest.approx(0.40176297151886475)
    assert slopes[1] == pytest.approx(-32757.521776103014, rel=1e-12)
    assert np.isnan(ys[2]) and np.isnan(slopes[2])  # exp(8000) overflows


def test_sweep_refuses_a_computed_node_and_many_input_circuits_have_no_sweep():
    doc, ev = load("L.json")
    assert probe.sweep_input(ev) is None  # a, b, c and f: no single x
    with pytest.raises(CircuitError, match="'L' is not an input"):
        probe.sweep(ev, by_label(doc, "L").id, [1.0])
    # any leaf can still be swept on request: L is linear in a with slope b*f = 6
    a = by_label(doc, "a").id
    ys, slopes = probe.sweep(ev, a, [2.0, 3.0])
    np.testing.assert_allclose(ys, [-8.0, -2.0])
    np.testing.assert_allclose(slopes, [6.0, 6.0])


def _moons_scores(doc, X):
    """The moons MLP re-implemented in numpy from the weights in the file."""
    h = X
    layers = [n for n in doc.topological_order() if doc.node(n).kind == "dense"]
    for nid in layers:
        p = doc.node(nid).params
        h = h @ np.asarray(p["W"]).T + np.asarray(p["b"])
        if p["activation"] == "relu":
            h = np.maximum(h, 0)
    return np.ravel(h)


def test_moons_classifier_grid_matches_numpy_and_accuracy_matches_datasets():
    doc, ev = load("moons.json")
    clf = probe.classifier(ev)
    assert doc.node(clf.loss_id).op == "hinge" and clf.threshold == 0.0
    grid = probe.decision_grid(ev, n=25)
    assert grid.z.shape == (25, 25) and grid.X.shape == (100, 2)
    gx, gy = np.meshgrid(grid.xs, grid.ys, indexing="ij")
    expected = _moons_scores(doc, np.column_stack([gx.ravel(), gy.ravel()])).reshape(25, 25)
    np.testing.assert_allclose(grid.z, expected, rtol=1e-12, atol=1e-12)
    scores = probe.predictions(ev, clf, grid.X)
    np.testing.assert_allclose(scores, _moons_scores(doc, grid.X), rtol=1e-12, atol=1e-12)
    assert probe.accuracy_at(scores, grid.y, 0.0) == datasets.accuracy(scores, grid.y)


def test_circuits_that_are_not_2d_classifiers_have_no_grid():
    for name in ("neuron.json", "mlp_lecture.json", "digits.json"):
        _, ev = load(name)
        assert probe.decision_grid(ev) is None, name


def test_a_clicked_point_joins_the_dataset_and_undo_removes_it():
    doc, ev = load("moons.json")
    history = History(doc)
    before = dict(doc.dataset)
    positive, negative = probe.class_values(ev.values[probe.classifier(ev).target_id])
    assert (positive, negative) == (1.0, -1.0)
    history.push(SetDocAttr("dataset", probe.with_point(doc.dataset, 0.5, 0.25, negative)))
    grid = probe.decision_grid(ev)
    assert len(grid.X) == 101 and tuple(grid.X[-1]) == (0.5, 0.25) and grid.y[-1] == -1.0
    assert len(ev.values[probe.classifier(ev).target_id]) == 101  # the circuit trains on it too
    history.undo()
    assert doc.dataset == before and len(probe.decision_grid(ev).X) == 100


def test_class_values_of_bce_targets_are_one_and_zero():
    assert probe.class_values(np.array([0.0, 1.0, 1.0])) == (1.0, 0.0)
    assert probe.accuracy_at(np.array([0.9, 0.2, 0.4]), np.array([1.0, 0.0, 1.0]), 0.5) == pytest.approx(2 / 3)


@pytest.mark.parametrize("name", ["moons.json", "mlp_lecture.json"])
def test_numeric_block_weight_gradients_match_the_analytic_ones(name):
    from engine.circuit.gradient_check import check_gradients

    doc, ev = load(name)
    ev.backward()
    rows = [r for r in check_gradients(ev, per_array=7).rows if r.key]
    blocks = {n.id for n in doc.nodes() if n.kind in ("dense", "neuron")}
    assert {r.node_id for r in rows} == blocks and blocks
    for r in rows:
        assert r.entries == min(7, r.size) and r.ok
        assert r.numeric == pytest.approx(r.analytic, rel=1e-6, abs=1e-8)
    # the weights in the document are untouched by the probing
    assert jsonable(doc.node(sorted(blocks)[0]).params, "") == jsonable(
        io.load(EXAMPLES / name).node(sorted(blocks)[0]).params, "")  # dense arrays compared as lists


def test_named_datasets_are_made_once_and_cannot_be_changed_by_accident():
    from engine.circuit.evaluate import dataset_arrays

    spec = {"name": "moons", "params": {"n": 40, "noise": 0.1, "seed": 3}}
    X1, y1 = dataset_arrays(spec)
    X2, _ = dataset_arrays(dict(spec, params={"seed": 3, "noise": 0.1, "n": 40}))  # same params, any order
    assert X1 is X2 and X1.shape == (40, 2)
    with pytest.raises(ValueError):
        X1[0, 0] = 99.0
    X3, _ = dataset_arrays({"name": "moons", "params": {"n": 40, "noise": 0.1, "seed": 4}})
    assert not np.array_equal(X1, X3)
    Xp, yp = dataset_arrays(dict(spec, points=[[0.0, 0.0, 1.0]]))  # clicked points: a new array, the cache intact
    assert len(Xp) == 41 and len(dataset_arrays(spec)[0]) == 40


def test_a_softmax_classifier_reports_argmax_accuracy_and_draws_no_boundary():
    from engine.circuit.training import Trainer

    doc, ev = load("digits.json")
    clf = probe.classifier(ev)
    assert doc.node(clf.loss_id).op == "softmax_ce" and clf.threshold is None
    scores, target = ev.values[clf.pred_id], ev.values[clf.target_id]
    expected = float(np.mean(np.argmax(scores, axis=1) == np.ravel(target)))
    assert probe.accuracy_at(scores, target, None) == expected
    one_hot = np.eye(10)[np.ravel(target).astype(int)]
    assert probe.accuracy_at(scores, one_hot, None) == expected
    doc.training = {**doc.training, "batch_size": None, "test_share": 0.0}  # every row each step, as `expected`
    trainer = Trainer(doc, ev)
    trainer.run(15)
    assert trainer.accuracy[0] == pytest.approx(expected) and trainer.accuracy[-1] > trainer.accuracy[0] + 0.3
    assert probe.decision_grid(ev) is None


@pytest.mark.parametrize("name", ["moons", "circles", "blobs", "xor", "spiral"])
@pytest.mark.parametrize("aspect", [None, 0.5, 1.0, 3.3])
def test_the_boundary_plane_holds_every_point_with_a_margin_and_a_readable_scale(name, aspect):
    X, _ = datasets.DATASETS[name]()
    low, high = probe.plane_bounds(X, 0.5, aspect)
    span = X.max(axis=0) - X.min(axis=0)
    pad = np.maximum(0.5, 0.08 * span)
    assert (X.min(axis=0) - low >= pad - 1e-12).all() and (high - X.max(axis=0) >= pad - 1e-12).all()
    if aspect is None:
        np.testing.assert_allclose(low, X.min(axis=0) - pad)
        np.testing.assert_allclose(high, X.max(axis=0) + pad)
    else:  # on a view `aspect` times as wide as tall, x1 and x2 keep nearly one scale
        w, h = high - low
        stretch = (w / h) / aspect
        assert 1 / probe.MAX_STRETCH - 1e-9 <= stretch <= probe.MAX_STRETCH + 1e-9
        np.testing.assert_allclose((low + high) / 2, (X.min(axis=0) + X.max(axis=0)) / 2)  # data centred
