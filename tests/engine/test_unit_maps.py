"""Per-unit maps over the input plane, the hidden space and a unit's formula, against direct numpy."""

import numpy as np
import pytest

from engine.circuit import io, unit_maps
from engine.circuit.document import Circuit
from engine.circuit.evaluate import Evaluator
from tests.conftest import EXAMPLES


def moons():
    doc = io.load(EXAMPLES / "moons.json")
    return doc, Evaluator(doc)


def dense_params(doc):
    return [doc.node(n).params for n in doc.topological_order() if doc.node(n).kind == "dense"]


def numpy_layers(doc, X):
    """Every dense layer's output on X, recomputed in numpy from the weights in the document."""
    outs, h = [], X
    for p in dense_params(doc):
        h = h @ np.asarray(p["W"]).T + np.asarray(p["b"])
        h = np.maximum(h, 0) if p["activation"] == "relu" else h
        outs.append(h)
    return outs


def test_every_dense_unit_map_of_moons_matches_numpy_on_the_grid():
    doc, ev = moons()
    maps = unit_maps.unit_maps(ev, n=21)
    assert [len(layer.units) for layer in maps.layers] == [16, 16, 1]
    assert [layer.name for layer in maps.layers] == ["layer1", "layer2", "layer3"]
    assert maps.layers[0].units[2].name == "layer1[3]" and maps.layers[2].units[0].name == "layer3"
    gx, gy = np.meshgrid(maps.xs, maps.ys, indexing="ij")
    expected = numpy_layers(doc, np.column_stack([gx.ravel(), gy.ravel()]))
    for layer, out in zip(maps.layers, expected, strict=True):
        for unit in layer.units:
            np.testing.assert_allclose(maps.maps[unit], out[:, unit.index].reshape(21, 21), rtol=1e-12, atol=1e-12)
    # the grid spans the data with a margin of 0.5, like the decision boundary's
    assert maps.xs[0] == pytest.approx(maps.X[:, 0].min() - 0.5)
    assert maps.ys[-1] == pytest.approx(maps.X[:, 1].max() + 0.5)
    # the evaluator's own values are untouched (they stay on the dataset's 100 points)
    assert ev.values[maps.layers[0].units[0].node_id].shape == (100, 16)


def test_hidden_space_is_the_dataset_through_the_layer_and_a_one_unit_layer_is_a_strip():
    doc, ev = moons()
    maps = unit_maps.unit_maps(ev, n=5)
    expected = numpy_layers(doc, maps.X)
    space = unit_maps.hidden_space(ev, maps.layers[1], 3, 7)
    assert space.coords.shape == (100, 2) and [u.name for u in space.axes] == ["layer2[4]", "layer2[8]"]
    np.testing.assert_allclose(space.coords, expected[1][:, [3, 7]], rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(space.y, maps.y)
    strip = unit_maps.hidden_space(ev, maps.layers[2])
    assert strip.coords.shape == (100, 1)
    np.testing.assert_allclose(strip.coords[:, 0], expected[2][:, 0], rtol=1e-12, atol=1e-12)


def test_a_dense_units_formula_has_its_row_of_w_and_its_bias_and_computes_its_map():
    doc, ev = moons()
    maps = unit_maps.unit_maps(ev, n=7)
    p = dense_params(doc)[0]
    unit = maps.layers[0].units[4]
    info = unit_maps.unit_info(doc, unit)
    np.testing.assert_array_equal(info.weights, np.asarray(p["W"])[4])
    assert info.bias == p["b"][4] and info.activation == "relu" and info.inputs == ["x1", "x2"]
    text = info.formula()
    assert text.startswith("relu(") and "·x1" in text and "·x2" in text
    # the formula, with its printed numbers put back, is the map (to the printed precision)
    w1, w2 = np.asarray(p["W"])[4]
    assert f"{abs(w1):.3g}·x1" in text and f"{abs(w2):.3g}·x2" in text
    second = unit_maps.unit_info(doc, maps.layers[1].units[0])
    assert second.inputs == [f"layer1[{j}]" for j in range(1, 17)] and len(second.weights) == 16
    # a wide unit's short formula keeps its largest weights, in input order, and counts the rest
    short = second.formula(most=3)
    top = sorted(np.argsort(-np.abs(second.weights))[:3])
    assert short.count("·") == 3 and "+ … 13 more terms + " in short  # (then the bias)
    assert [f"layer1[{j + 1}]" in short for j in range(16)] == [j in top for j in range(16)]
    assert short.index(f"layer1[{top[0] + 1}]") < short.index(f"layer1[{top[2] + 1}]")


def test_the_default_hidden_space_axes_are_the_two_units_that_vary_most_on_the_data():
    doc, ev = moons()
    layer = unit_maps.unit_maps(ev, n=5).layers[1]
    std = numpy_layers(doc, unit_maps.unit_maps(ev, n=5).X)[1].std(axis=0)
    a, b = unit_maps.liveliest(ev, layer)
    assert [a, b] == list(np.argsort(-std, kind="stable")[:2]) and std[a] >= std[b] > 0
    assert unit_maps.liveliest(ev, unit_maps.unit_maps(ev, n=5).layers[2]) == (0, 0)


def neuron_net():
    """TensorFlow-Playground style: x1, x2 -> three tanh neurons -> one linear neuron -> hinge."""
    doc = Circuit()
    x1 = doc.add_node(doc.make_node("data", label="x1", params={"column": "x1"}))
    x2 = doc.add_node(doc.make_node("data", label="x2", params={"column": "x2"}))
    y = doc.add_node(doc.make_node("data", label="y", params={"column": "y"}))
    ws = [(0.8, -0.5, 0.1), (-0.3, 0.9, -0.2), (0.4, 0.4, 0.0)]
    hidden = []
    for i, (a, b, c) in enumerate(ws):
        h = doc.add_node(doc.make_node("neuron", label=f"h{i + 1}", params={"n": 2, "activation": "tanh",
                                                                            "w": [a, b], "b": c}))
        doc.connect(x1.id, h.id, "x1")
        doc.connect(x2.id, h.id, "x2")
        hidden.append(h)
    out = doc.add_node(doc.make_node("neuron", label="out", params={"n": 3, "activation": "linear",
                                                                    "w": [1.0, -2.0, 0.5], "b": 0.25}))
    for i, h in enumerate(hidden):
        doc.connect(h.id, out.id, f"x{i + 1}")
    loss = doc.add_node(doc.make_node("op", op="hinge", label="loss"))
    doc.connect(out.id, loss.id, "score")
    doc.connect(y.id, loss.id, "target")
    doc.set_dataset({"name": "moons", "params": {"n": 40, "noise": 0.1, "seed": 3}})
    return doc, Evaluator(doc), ws


def test_neuron_blocks_with_the_same_inputs_form_one_layer_and_their_maps_match_numpy():
    doc, ev, ws = neuron_net()
    maps = unit_maps.unit_maps(ev, n=9)
    assert [[u.name for u in layer.units] for layer in maps.layers] == [["h1", "h2", "h3"], ["out"]]
    assert maps.layers[0].name == "h1, h2, h3"
    gx, gy = np.meshgrid(maps.xs, maps.ys, indexing="ij")
    hs = [np.tanh(a * gx + b * gy + c) for a, b, c in ws]
    for unit, h in zip(maps.layers[0].units, hs, strict=True):
        np.testing.assert_allclose(maps.maps[unit], h, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(maps.maps[maps.layers[1].units[0]], hs[0] - 2 * hs[1] + 0.5 * hs[2] + 0.25,
                               rtol=1e-12, atol=1e-12)
    info = unit_maps.unit_info(doc, maps.layers[1].units[0])
    assert info.inputs == ["h1", "h2", "h3"] and info.formula() == "1·h1 − 2·h2 + 0.5·h3 + 0.25"
    assert unit_maps.unit_info(doc, maps.layers[0].units[1]).formula() == "tanh(−0.3·x1 + 0.9·x2 − 0.2)"
    space = unit_maps.hidden_space(ev, maps.layers[0], 0, 2)
    np.testing.assert_allclose(space.coords[:, 1], np.tanh(0.4 * maps.X[:, 0] + 0.4 * maps.X[:, 1]), atol=1e-12)


def test_circuits_without_a_2d_classifier_have_no_maps():
    for name in ("neuron.json", "mlp_lecture.json", "digits.json"):
        doc = io.load(EXAMPLES / name)
        assert unit_maps.unit_maps(Evaluator(doc)) is None, name


def test_a_non_finite_unit_output_is_nan_in_its_map():
    doc, ev, _ = neuron_net()
    h1 = doc.by_label("h1")
    doc.set_params(h1.id, {**h1.params, "activation": "linear", "w": [1e308, 1e308], "b": 0.0})
    maps = unit_maps.unit_maps(ev, n=9)
    m = maps.maps[maps.layers[0].units[0]]
    gx, gy = np.meshgrid(maps.xs, maps.ys, indexing="ij")
    with np.errstate(over="ignore"):
        finite = np.isfinite(1e308 * gx + 1e308 * gy)
    assert not finite.all() and finite.any()
    np.testing.assert_array_equal(np.isnan(m), ~finite)
