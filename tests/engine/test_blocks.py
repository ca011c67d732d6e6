"""Neuron blocks expand into scalar nodes with identical numbers and collapse back, undoably; the dense
block's gradients against PyTorch, and its weights stored as read-only arrays."""

import numpy as np
import pytest

from engine.circuit import Circuit, io
from engine.circuit.block_edits import collapse_commands, expand_commands
from engine.circuit.blocks import Dense
from engine.circuit.evaluate import Evaluator
from engine.circuit.nodes import ACTIVATIONS
from engine.commands import History, SetParams


def neuron_block_doc():
    doc = Circuit()
    x1 = doc.add_node(doc.make_node("input", label="x1", value=2.0))
    x2 = doc.add_node(doc.make_node("input", label="x2", value=0.0))
    nrn = doc.add_node(doc.make_node("neuron", label="o", params={
        "n": 2, "activation": "tanh", "w": [-3.0, 1.0], "b": 6.8813735870195432}))
    doc.connect(x1.id, nrn.id, "x1")
    doc.connect(x2.id, nrn.id, "x2")
    return doc, nrn


def test_expand_keeps_the_numbers_and_undo_restores_the_block():
    doc, nrn = neuron_block_doc()
    ev = Evaluator(doc)
    before = io.to_dict(doc)
    o_value = ev.values[nrn.id]
    history = History(doc)
    history.push(expand_commands(doc, nrn.id))
    assert not any(n.kind == "neuron" for n in doc.nodes())
    o = doc.by_label("o")
    assert o.op == "tanh" and ev.value(o.id) == pytest.approx(o_value, rel=1e-15)
    assert round(ev.value(o.id), 4) == 0.7071
    history.undo()
    assert io.to_dict(doc) == before


def test_collapse_folds_the_lecture_neuron_back():
    doc = io.load("resources/examples/neuron.json")
    ev = Evaluator(doc)
    o = doc.by_label("o")
    want = ev.value(o.id)
    grads = {label: ev.grad(doc.by_label(label).id) for label in ("x1", "x2")}
    History(doc).push(collapse_commands(doc, o.id))
    block = doc.by_label("o")
    assert block.kind == "neuron" and block.params["w"] == [-3.0, 1.0]
    assert block.params["b"] == pytest.approx(6.8813735870195432)
    assert ev.value(block.id) == pytest.approx(want, rel=1e-15)
    for label, g in grads.items():
        assert ev.grad(doc.by_label(label).id) == pytest.approx(g, abs=1e-12)
    assert ev.param_grads(block.id)["w"] == pytest.approx([1.0, 0.0], abs=1e-12)


def test_collapse_refuses_what_is_not_a_neuron():
    doc = io.load("resources/examples/L.json")
    with pytest.raises(ValueError, match="does not fit the neuron pattern"):
        collapse_commands(doc, doc.by_label("L").id)


# ------------------------------------------------------------ the dense block and its stored arrays
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dense_backward_matches_torch_for_every_activation(activation):
    """Dense.backward takes each activation's derivative from the output alone (no x W^T + b again);
    PyTorch's autograd on the same layer is the oracle, zeros in x W^T + b included (relu's kink)."""
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    x, W, b = rng.normal(size=(7, 4)), rng.normal(size=(3, 4)), rng.normal(size=3)
    W[0] = 0.0
    b[0] = 0.0  # unit 0: x W^T + b is exactly 0 on every sample
    g = rng.normal(size=(7, 3))
    out = Dense.forward(None, x, nin=4, nout=3, activation=activation, W=W, b=b)
    (dx,), pg = Dense.backward(None, g, out, x, nin=4, nout=3, activation=activation, W=W, b=b)
    tx, tW, tb = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    z = tx @ tW.T + tb
    act = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid, "linear": lambda t: t}[activation]
    act(z).backward(torch.tensor(g))
    np.testing.assert_allclose(out, act(z).detach().numpy(), rtol=1e-12, atol=1e-15)
    for mine, theirs in ((dx, tx), (pg["W"], tW), (pg["b"], tb)):
        np.testing.assert_allclose(mine, theirs.grad.numpy(), rtol=1e-10, atol=1e-14)


def test_dense_arrays_are_stored_read_only_and_shared_by_undo():
    doc = Circuit()
    layer = doc.add_node(doc.make_node("dense", label="layer", params={
        "nin": 2, "nout": 2, "activation": "relu", "W": [[1, 2], [3, 4.5]], "b": [0, 1]}))
    W = layer.params["W"]
    assert isinstance(W, np.ndarray) and W.dtype == np.float64 and not W.flags.writeable
    assert W.tolist() == [[1.0, 2.0], [3.0, 4.5]] and layer.params["b"].tolist() == [0.0, 1.0]
    with pytest.raises(ValueError):
        W[0, 0] = 9.0  # nobody writes into a stored array: an edit replaces it
    history = History(doc)
    new_W = np.array([[5.0, 6.0], [7.0, 8.0]])
    history.push(SetParams(layer.id, {**layer.params, "W": new_W}))
    assert doc.node(layer.id).params["W"].tolist() == [[5.0, 6.0], [7.0, 8.0]]
    new_W[0, 0] = -1.0  # the caller's array was copied on the way in, so the document did not change
    assert doc.node(layer.id).params["W"][0, 0] == 5.0
    history.undo()
    assert doc.node(layer.id).params["W"] is W  # the old array itself, kept by reference, not a copy
    assert io.loads(io.dumps(doc)).node(layer.id).params["W"].tolist() == W.tolist()


@pytest.mark.parametrize("bad", [[[1.0, 2.0], [3.0]], [[1.0, "x"], [3.0, 4.0]], [[True, 1.0], [0.0, 1.0]]])
def test_malformed_dense_weights_stay_as_given_for_the_validator_to_name(bad):
    doc = Circuit()
    node = doc.make_node("dense", label="layer", params={"nin": 2, "nout": 2, "W": bad})
    assert node.params["W"] == bad  # not silently turned into numbers (True is not 1.0)
    from engine.circuit.json_values import SchemaError
    from engine.circuit.schema import check_params

    with pytest.raises(SchemaError, match="'W'|W must"):  # the rule editing, loading and checking share
        check_params("dense", None, node.params, "dense 'layer'")
