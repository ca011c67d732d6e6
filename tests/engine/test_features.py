"""Feature inputs (x1², x2², x1·x2, sin x1, sin x2) as data columns: numpy oracle, files, the boundary,
and a single neuron that solves circles once it reads x1² and x2²."""

import json
import re

import numpy as np
import pytest

from engine import datasets, features
from engine.circuit import io, probe
from engine.circuit.data import dataset_arrays
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import Trainer
from tests.conftest import EXAMPLES

ALL = ["x1^2", "x2^2", "x1*x2", "sin x1", "sin x2"]


def test_columns_match_numpy_in_the_order_named():
    X, _ = datasets.circles(n=50, seed=3)
    got = features.add_features(X, ALL)
    want = np.column_stack([X, X[:, 0] ** 2, X[:, 1] ** 2, X[:, 0] * X[:, 1], np.sin(X[:, 0]), np.sin(X[:, 1])])
    np.testing.assert_array_equal(got, want)
    np.testing.assert_array_equal(features.add_features(X, ["sin x2", "x1^2"])[:, 2:],
                                  np.column_stack([np.sin(X[:, 1]), X[:, 0] ** 2]))
    assert features.column_name(["sin x2", "x1^2"], "x1^2") == "x4"


def test_a_dataset_choice_with_features_adds_them_after_its_points():
    spec = {"name": "moons", "params": {"n": 20, "seed": 1}, "points": [[0.5, -2.0, 1.0]],
            "features": ["x1*x2", "x2^2"]}
    X, y = dataset_arrays(spec)
    base, _ = datasets.moons(n=20, seed=1)
    base = np.vstack([base, [0.5, -2.0]])
    np.testing.assert_array_equal(X, np.column_stack([base, base[:, 0] * base[:, 1], base[:, 1] ** 2]))
    assert len(y) == 21


@pytest.mark.parametrize("bad, words", [
    (["x3^2"], "unknown feature 'x3^2'"),
    (["x1^2", "x1^2"], "named twice"),
    ("x1^2", "must be a list"),
])
def test_files_with_bad_features_are_refused_with_one_line(bad, words):
    doc = json.loads((EXAMPLES / "moons.json").read_text())
    doc["dataset"]["features"] = bad
    with pytest.raises(io.LoadError, match=re.escape(words)):
        io.loads(json.dumps(doc))


def test_features_need_a_two_column_dataset():
    with pytest.raises(features.FeatureError, match="2-D dataset"):
        features.add_features(np.zeros((3, 64)), ["x1^2"])


def neuron_on(columns, feats, seed=2):
    """A single linear neuron reading `columns` of circles (with `feats` added), hinge loss, Adam."""
    nodes = [{"id": f"d{i}", "kind": "data", "label": c, "params": {"column": c}} for i, c in enumerate(columns)]
    nodes += [{"id": "y", "kind": "data", "label": "y", "params": {"column": "y"}},
              {"id": "nr", "kind": "neuron", "label": "neuron",
               "params": {"n": len(columns), "activation": "linear", "w": [0.1] * len(columns), "b": 0.0}},
              {"id": "loss", "kind": "op", "op": "hinge", "label": "loss"}]
    edges = [{"src": f"d{i}", "dst": "nr", "port": f"x{i + 1}"} for i in range(len(columns))]
    edges += [{"src": "nr", "dst": "loss", "port": "score"}, {"src": "y", "dst": "loss", "port": "target"}]
    spec = {"format": "backprop-playground", "version": 1, "nodes": nodes, "edges": edges,
            "dataset": {"name": "circles", "params": {"n": 200, "noise": 0.05, "seed": seed}, "features": feats},
            "training": {"optimizer": "adam", "lr": 0.05, "steps": 300}}
    doc = io.loads(json.dumps(spec))
    ev = Evaluator(doc)
    Trainer(doc, ev).run(300)
    return doc, ev


def test_one_neuron_solves_circles_with_x1_squared_and_x2_squared_but_not_without():
    _, ev = neuron_on(["x3", "x4"], ["x1^2", "x2^2"])
    assert probe.current_accuracy(ev) >= 0.97
    _, ev_plain = neuron_on(["x1", "x2"], [])
    assert probe.current_accuracy(ev_plain) <= 0.75  # a line cannot separate a ring from its centre


def test_the_boundary_computes_the_features_on_its_grid():
    doc, ev = neuron_on(["x3", "x4"], ["x1^2", "x2^2"])
    grid = probe.decision_grid(ev, 20)
    assert grid is not None and grid.X.shape[1] == 2
    nr = doc.node("nr").params
    gx, gy = np.meshgrid(grid.xs, grid.ys, indexing="ij")
    np.testing.assert_allclose(grid.z, nr["w"][0] * gx ** 2 + nr["w"][1] * gy ** 2 + nr["b"], atol=1e-12)
    # the ring is the boundary: the score changes sign between the centre and a corner
    assert np.sign(grid.z[10, 10]) != np.sign(grid.z[0, 0])


def test_one_click_adds_the_column_and_a_data_node_and_undo_takes_both_back():
    from engine.circuit.commands import History
    from engine.circuit.feature_edits import active, toggle

    doc = io.load(EXAMPLES / "moons.json")
    history = History(doc)
    before = json.dumps(io.to_dict(doc), sort_keys=True)
    for name in ("x1^2", "sin x2", "x1*x2"):
        history.push(toggle(doc, name))
    assert active(doc) == ["x1^2", "sin x2", "x1*x2"]
    cols = {n.label: n.params["column"] for n in doc.nodes() if n.kind == "data"}
    assert cols["x1²"] == "x3" and cols["sin x2"] == "x4" and cols["x1·x2"] == "x5"
    ev = Evaluator(doc)
    X, _ = datasets.moons(n=100, noise=0.1, seed=1337)
    node = next(n for n in doc.nodes() if n.label == "sin x2")
    np.testing.assert_array_equal(ev.values[node.id], np.sin(X[:, 1]))
    history.push(toggle(doc, "sin x2"))  # out again: x1·x2 moves to x4, its node follows
    cols = {n.label: n.params["column"] for n in doc.nodes() if n.kind == "data"}
    assert "sin x2" not in cols and cols["x1·x2"] == "x4" and active(doc) == ["x1^2", "x1*x2"]
    for _ in range(4):
        history.undo()
    assert json.dumps(io.to_dict(doc), sort_keys=True) == before


def test_features_on_the_digits_are_refused_with_a_reason():
    from engine.circuit.document import CircuitError
    from engine.circuit.feature_edits import toggle

    doc = io.load(EXAMPLES / "digits.json")
    with pytest.raises(CircuitError, match="2-D dataset"):
        toggle(doc, "x1^2")


TWO_D = ["moons", "circles", "blobs", "xor", "spiral"]


def with_features(names=("x1^2", "sin x2")):
    """A neuron on moons' x1 and x2 (one data node per column), with features added by the one-click
    toggle, in one history."""
    from engine.circuit.commands import History
    from engine.circuit.feature_edits import toggle

    nodes = [{"id": f"d{i}", "kind": "data", "label": f"x{i}", "params": {"column": f"x{i}"}} for i in (1, 2)]
    nodes += [{"id": "y", "kind": "data", "label": "y", "params": {"column": "y"}},
              {"id": "nr", "kind": "neuron", "label": "neuron",
               "params": {"n": 2, "activation": "linear", "w": [0.1, 0.2], "b": 0.0}},
              {"id": "loss", "kind": "op", "op": "hinge", "label": "loss"}]
    edges = [{"src": f"d{i}", "dst": "nr", "port": f"x{i}"} for i in (1, 2)]
    edges += [{"src": "nr", "dst": "loss", "port": "score"}, {"src": "y", "dst": "loss", "port": "target"}]
    doc = io.loads(json.dumps({"format": "backprop-playground", "version": 1, "nodes": nodes, "edges": edges,
                               "dataset": {"name": "moons", "params": {}}}))
    history = History(doc)
    for name in names:
        history.push(toggle(doc, name))
    return doc, history


@pytest.mark.parametrize("name", TWO_D)
def test_another_2d_dataset_keeps_the_circuits_features_computed_from_its_own_x1_x2(name):
    from engine.circuit.commands import Macro
    from engine.circuit.feature_edits import active, choose_dataset

    doc, history = with_features()
    edits, dropped = choose_dataset(doc, {"name": name, "params": {}})
    assert dropped == []
    history.push(Macro("choose dataset", edits))
    assert doc.dataset == {"name": name, "params": {}, "features": ["x1^2", "sin x2"]}
    assert active(doc) == ["x1^2", "sin x2"]
    ev = Evaluator(doc)
    base, _ = datasets.DATASETS[name]()
    for label, want in (("x1²", base[:, 0] ** 2), ("sin x2", np.sin(base[:, 1])),
                        ("x2", base[:, 1])):
        node = next(n for n in doc.nodes() if n.label == label)
        np.testing.assert_array_equal(ev.values[node.id], want)


@pytest.mark.parametrize("name", ["digits", "lecture4", None])
def test_a_dataset_without_x1_x2_takes_the_features_out_with_their_nodes_and_undo_brings_them_back(name):
    from engine.circuit.commands import Macro
    from engine.circuit.feature_edits import active, choose_dataset

    doc, history = with_features()
    before = json.dumps(io.to_dict(doc), sort_keys=True)
    spec = None if name is None else {"name": name, "params": {}}
    edits, dropped = choose_dataset(doc, spec)
    assert dropped == ["x1^2", "sin x2"]
    history.push(Macro("choose dataset", edits))
    assert active(doc) == [] and doc.dataset == spec
    labels = {n.label for n in doc.nodes()}
    assert "x1²" not in labels and "sin x2" not in labels and {"x1", "x2", "y"} <= labels
    assert not any(n.params.get("column") in ("x3", "x4") for n in doc.nodes() if n.kind == "data")
    history.undo()
    assert json.dumps(io.to_dict(doc), sort_keys=True) == before
    history.redo()
    assert active(doc) == [] and doc.dataset == spec


def test_undo_and_redo_walk_features_and_dataset_changes_in_order():
    from engine.circuit.commands import Macro
    from engine.circuit.feature_edits import choose_dataset

    doc, history = with_features(("x1*x2",))
    states = [json.dumps(io.to_dict(doc), sort_keys=True)]
    history.push(Macro("choose dataset", choose_dataset(doc, {"name": "circles", "params": {}})[0]))
    states.append(json.dumps(io.to_dict(doc), sort_keys=True))
    history.push(Macro("choose dataset", choose_dataset(doc, {"name": "digits", "params": {}})[0]))
    states.append(json.dumps(io.to_dict(doc), sort_keys=True))
    for state in reversed(states[:-1]):
        history.undo()
        assert json.dumps(io.to_dict(doc), sort_keys=True) == state
    for state in states[1:]:
        history.redo()
        assert json.dumps(io.to_dict(doc), sort_keys=True) == state
    history.undo()
    history.undo()
    history.undo()  # the feature itself
    assert "features" not in doc.dataset and "x1·x2" not in {n.label for n in doc.nodes()}


def test_features_survive_save_and_load_after_a_dataset_change(tmp_path):
    from engine.circuit.commands import Macro
    from engine.circuit.feature_edits import choose_dataset

    doc, history = with_features(("x2^2", "x1*x2"))
    history.push(Macro("choose dataset", choose_dataset(doc, {"name": "xor", "params": {"seed": 4}})[0]))
    path = tmp_path / "xor_features.json"
    io.save(doc, path)
    again = io.load(path)
    assert again.dataset == {"name": "xor", "params": {"seed": 4}, "features": ["x2^2", "x1*x2"]}
    assert json.dumps(io.to_dict(again), sort_keys=True) == json.dumps(io.to_dict(doc), sort_keys=True)
    base, _ = datasets.xor(seed=4)
    X, _ = dataset_arrays(again.dataset)
    np.testing.assert_array_equal(X[:, 2:], np.column_stack([base[:, 1] ** 2, base[:, 0] * base[:, 1]]))


def test_a_layer_reading_the_whole_data_matrix_gets_a_zero_weight_column_per_feature():
    """The moons example's first layer reads X: a feature widens X, so the layer gains a weight column of
    zeros (the network computes exactly what it did); taking a feature out drops that column only."""
    from engine.circuit.commands import History
    from engine.circuit.feature_edits import toggle

    doc = io.load(EXAMPLES / "moons.json")
    history = History(doc)
    before = json.dumps(io.to_dict(doc), sort_keys=True)
    layer = doc.by_label("layer1").id
    W0 = np.asarray(doc.node(layer).params["W"]).copy()
    loss0 = Evaluator(doc).values[doc.by_label("loss").id]
    history.push(toggle(doc, "x1^2"))
    history.push(toggle(doc, "sin x2"))
    W = np.asarray(doc.node(layer).params["W"])
    assert W.shape == (16, 4) and doc.node(layer).params["nin"] == 4
    np.testing.assert_array_equal(W, np.column_stack([W0, np.zeros((16, 2))]))
    ev = Evaluator(doc)
    assert not ev.errors
    np.testing.assert_array_equal(ev.values[doc.by_label("loss").id], loss0)  # zero columns: the same network
    X, _ = datasets.moons(n=100, noise=0.1, seed=1337)
    np.testing.assert_array_equal(ev.values[doc.by_label("X").id], np.column_stack([X, X[:, 0] ** 2, np.sin(X[:, 1])]))
    history.undo()
    history.undo()
    assert json.dumps(io.to_dict(doc), sort_keys=True) == before
    history.redo()
    history.redo()
    ev = Evaluator(doc)
    Trainer(doc, ev).run(3)  # training moves the new columns
    W = np.asarray(doc.node(layer).params["W"]).copy()
    assert np.abs(W[:, 2:]).sum() > 0
    history.push(toggle(doc, "x1^2"))  # out again: its column (the third) goes, sin x2's stays
    np.testing.assert_array_equal(np.asarray(doc.node(layer).params["W"]), W[:, [0, 1, 3]])
    assert not Evaluator(doc).errors
    history.undo()
    np.testing.assert_array_equal(np.asarray(doc.node(layer).params["W"]), W)


def test_a_dataset_without_x1_x2_gives_the_whole_matrix_layer_its_two_columns_back():
    from engine.circuit.commands import History, Macro
    from engine.circuit.feature_edits import choose_dataset, toggle

    doc = io.load(EXAMPLES / "moons.json")
    history = History(doc)
    layer = doc.by_label("layer1").id
    W0 = np.asarray(doc.node(layer).params["W"]).copy()
    history.push(toggle(doc, "x1*x2"))
    history.push(toggle(doc, "x2^2"))
    history.push(Macro("choose dataset", choose_dataset(doc, {"name": "lecture4", "params": {}})[0]))
    np.testing.assert_array_equal(np.asarray(doc.node(layer).params["W"]), W0)
    history.push(Macro("choose dataset", choose_dataset(doc, {"name": "circles", "params": {}})[0]))
    assert not Evaluator(doc).errors  # moons' network runs on the circles again
    history.undo()
    history.undo()
    assert np.asarray(doc.node(layer).params["W"]).shape == (16, 4) and doc.dataset["name"] == "moons"
