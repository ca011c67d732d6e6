"""The digits views' numbers: weight images and their mosaic, and the class probabilities of a
drawn picture against a numpy forward pass and PyTorch."""

import numpy as np
import pytest

from engine.circuit import digit_views as dv
from engine.circuit import io
from engine.circuit.digit_pad import network_input
from engine.circuit.evaluate import Evaluator
from tests.conftest import EXAMPLES


def layers(doc):
    return sorted((n for n in doc.nodes() if n.kind == "dense"), key=lambda n: n.label)


def test_weight_images_are_the_rows_of_W_as_pixels_and_the_mosaic_tiles_them():
    doc = io.load(EXAMPLES / "digits.json")
    first = dv.first_layer(doc)
    assert first is layers(doc)[0]
    W = np.asarray(first.params["W"])
    images = dv.weight_images(W)
    assert images.shape == (128, 8, 8)
    for k, i, j in [(0, 0, 0), (5, 3, 7), (127, 7, 2)]:
        assert images[k, i, j] == W[k, 8 * i + j]
    tiles = dv.mosaic(images[:10], columns=4)
    assert tiles.shape == (3 * 9 - 1, 4 * 9 - 1)
    assert tiles[9 + 2, 9 + 5] == images[5, 2, 5]  # image 5: row 1, column 1
    assert np.isnan(tiles[8, 0]) and np.isnan(tiles[-1, -1])  # a gap; an empty tile


def test_a_drawn_picture_gets_the_networks_softmax_as_numpy_and_torch_compute_it():
    torch = pytest.importorskip("torch")  # the oracle, where installed
    doc = io.load(EXAMPLES / "digits.json")
    ev = Evaluator(doc)
    img = network_input([[(4.0, 1.0), (4.0, 7.0)]])  # a "1"
    p = dv.class_probabilities(ev, img)
    h = img.reshape(1, 64)
    for i, node in enumerate(layers(doc)):
        h = h @ np.asarray(node.params["W"]).T + np.asarray(node.params["b"])
        h = np.maximum(h, 0) if i < 2 else h
    np.testing.assert_allclose(p, dv.softmax(h[0]), rtol=1e-12)
    t = torch.tensor(img.reshape(1, 64))
    for i, node in enumerate(layers(doc)):
        t = t @ torch.tensor(np.asarray(node.params["W"])).T + torch.tensor(np.asarray(node.params["b"]))
        t = torch.relu(t) if i < 2 else t
    np.testing.assert_allclose(p, torch.softmax(t, dim=1)[0].numpy(), rtol=1e-10)
    assert p.sum() == pytest.approx(1.0)


def test_no_probabilities_for_circuits_that_are_not_digit_classifiers():
    doc = io.load(EXAMPLES / "moons.json")
    assert dv.first_layer(doc) is None and dv.class_probabilities(Evaluator(doc), np.zeros((8, 8))) is None
