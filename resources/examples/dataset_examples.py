"""The dataset examples (lecture MLP, moons, the seed's 3x3 network, digits) for build_examples.py.

ASSUMPTIONS to confirm against engine/circuit/evaluate.py and engine/datasets.py when they land:
a data node reads `params["column"]` from the document's dataset {"name": ..., "params": {...}};
scalar columns are named x1, x2, ... and y; the column "X" is the whole (batch, features) matrix.
Dense W is nout x nin (validate.py), out = act(X @ W.T + b); a neuron is act(sum w_i x_i + b).
"""

from __future__ import annotations

import numpy as np

from engine.circuit.document import Circuit
from engine.circuit.from_value import lay_out

FEATURES = "X"
TARGET = "y"


def _uniform(rng, *shape) -> list:
    return np.round(rng.uniform(-1.0, 1.0, size=shape), 6).tolist()


def _he(rng, nout, nin) -> list:
    return np.round(rng.normal(0.0, np.sqrt(2.0 / nin), size=(nout, nin)), 6).tolist()


def _data(doc, column, label=None):
    return doc.add_node(doc.make_node("data", label=label or column, params={"column": column})).id


def _loss(doc, op, pred, target, label="loss"):
    node = doc.add_node(doc.make_node("op", op, label=label)).id
    ports = doc.node(node).input_ports()
    doc.connect(pred, node, ports[0])
    doc.connect(target, node, ports[1])
    return node


def _dense_stack(doc, x, sizes, acts, weights):
    for i, ((nin, nout), act) in enumerate(zip(zip(sizes, sizes[1:], strict=False), acts, strict=True)):
        W = weights(nout, nin)
        node = doc.add_node(doc.make_node("dense", label=f"layer{i + 1}", params={
            "nin": nin, "nout": nout, "activation": act, "W": W, "b": [0.0] * nout})).id
        doc.connect(x, node, "x")
        x = node
    return x


def lecture_mlp() -> Circuit:
    """MLP(3, [4, 4, 1]) of tanh neurons on the lecture's 4 samples, MSE loss."""
    rng = np.random.default_rng(1337)
    doc = Circuit()
    doc.set_dataset({"name": "lecture4", "params": {}})
    prev = [_data(doc, f"x{i}") for i in (1, 2, 3)]
    for li, width in enumerate((4, 4, 1)):
        layer = []
        for j in range(width):
            label = "pred" if width == 1 else f"h{li + 1}_{j + 1}"
            node = doc.add_node(doc.make_node("neuron", label=label, params={
                "n": len(prev), "activation": "tanh", "w": _uniform(rng, len(prev)),
                "b": float(_uniform(rng, 1)[0])})).id
            for k, src in enumerate(prev):
                doc.connect(src, node, f"x{k + 1}")
            layer.append(node)
        prev = layer
    _loss(doc, "mse", prev[0], _data(doc, TARGET))
    doc.set_training({"optimizer": "sgd", "lr": 0.1, "steps": 50})
    lay_out(doc)
    return doc


def moons() -> Circuit:
    """micrograd's demo: 2-16-16-1 ReLU MLP with a max-margin (hinge) loss on 100 moons."""
    rng = np.random.default_rng(1337)
    doc = Circuit()
    doc.set_dataset({"name": "moons", "params": {"n": 100, "noise": 0.1, "seed": 1337}})
    score = _dense_stack(doc, _data(doc, FEATURES), [2, 16, 16, 1], ["relu", "relu", "linear"],
                         lambda o, i: _uniform(rng, o, i))
    _loss(doc, "hinge", score, _data(doc, TARGET))
    doc.set_training({"optimizer": "sgd", "lr": 0.1, "steps": 100})
    lay_out(doc)
    return doc


def seed3x3() -> Circuit:
    """The seed's network: X = arange(9).reshape(3, 3), y = [1, 0, 1], all-ones weights, ReLU then sigmoid, MSE."""
    doc = Circuit()
    doc.set_dataset({"name": "seed3x3", "params": {}})
    pred = _dense_stack(doc, _data(doc, FEATURES), [3, 3, 1], ["relu", "sigmoid"],
                        lambda o, i: np.ones((o, i)).tolist())
    _loss(doc, "mse", pred, _data(doc, TARGET))
    doc.set_training({"optimizer": "sgd", "lr": 0.1, "steps": 20})
    lay_out(doc)
    return doc


def digits() -> Circuit:
    """A 64-128-64-10 ReLU MLP on scikit-learn's 8x8 digits with softmax cross-entropy."""
    rng = np.random.default_rng(1337)
    doc = Circuit()
    doc.set_dataset({"name": "digits", "params": {}})
    logits = _dense_stack(doc, _data(doc, FEATURES), [64, 128, 64, 10], ["relu", "relu", "linear"],
                          lambda o, i: _he(rng, o, i))
    _loss(doc, "softmax_ce", logits, _data(doc, TARGET))
    doc.set_training({"optimizer": "adam", "lr": 0.001, "steps": 50, "batch_size": 128, "test_share": 0.2, "seed": 0})
    lay_out(doc)
    return doc


def spiral3() -> Circuit:
    """A 2-32-32-3 ReLU network with softmax cross-entropy on three spiral arms (classes 0, 1, 2)."""
    rng = np.random.default_rng(1337)
    doc = Circuit()
    doc.set_dataset({"name": "spiral", "params": {"n": 300, "noise": 0.1, "seed": 3, "classes": 3}})
    logits = _dense_stack(doc, _data(doc, FEATURES), [2, 32, 32, 3], ["relu", "relu", "linear"],
                          lambda o, i: _he(rng, o, i))
    _loss(doc, "softmax_ce", logits, _data(doc, TARGET))
    doc.set_training({"optimizer": "adam", "lr": 0.01, "steps": 300, "test_share": 0.2})
    lay_out(doc)
    return doc


def dataset_examples() -> list[tuple[str, Circuit, str, str]]:
    """(file name, circuit, title, description) of the dataset examples."""
    return [
        ("mlp_lecture.json", lecture_mlp(), "The lecture's MLP",
         "MLP(3, [4, 4, 1]) with tanh neurons on the lecture's 4 samples (xs [[2,3,-1],[3,-1,0.5],[0.5,1,1],"
         "[1,1,-1]], ys [1,-1,-1,1]); loss: the mean squared error (the lecture sums the squares). Weights are "
         "seeded uniform(-1, 1); train and watch the loss fall."),
        ("moons.json", moons(), "micrograd's moons classifier",
         "A 2-16-16-1 ReLU network trained with the max-margin (hinge) loss on 100 two-moons points, as in "
         "micrograd's demo (without its L2 term); labels are -1/+1."),
        ("tensor3x3.json", seed3x3(), "The seed's 3x3 network",
         "X = arange(9).reshape(3, 3), y = [1, 0, 1], every weight 1, ReLU then sigmoid, MSE: the loss is "
         "0.3333 as in the seed, and here the gradients are not zero (float64, a working backward pass)."),
        ("digits.json", digits(), "Digits MLP",
         "A 64-128-64-10 ReLU network with softmax cross-entropy on scikit-learn's 8x8 handwritten digits."),
        ("spiral3.json", spiral3(), "Three spiral arms",
         "A 2-32-32-3 ReLU network with softmax cross-entropy on 300 points of three interleaved spiral arms "
         "(classes 0, 1, 2; 20 % held out). Train it and the decision boundary shows three coloured regions."),
    ]
