"""Independent oracles for the dataset examples: a PyTorch re-implementation of the document's blocks."""

import numpy as np
import pytest

from engine.circuit.evaluate import Evaluator

SEED_3X3_LOSS = 0.3333  # the seed notebook prints 0.3333 for the all-ones network


def torch_reference(doc, columns):
    """Run the circuit with torch float64, independently of the engine: {node id: (value, grad)} by batch mean."""
    torch = pytest.importorskip("torch")
    t, params = {}, {}
    acts = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid, "linear": lambda x: x}
    for node_id in doc.topological_order():
        node, ins = doc.node(node_id), doc.inputs_of(node_id)
        if node.kind == "data":
            t[node_id] = torch.tensor(np.asarray(columns[node.params["column"]], dtype=np.float64),
                                      requires_grad=True)
            continue
        if node.kind in ("input", "weight", "constant"):
            t[node_id] = torch.tensor(float(node.value), dtype=torch.float64, requires_grad=True)
            continue
        args = [t[ins[p]] for p in node.input_ports()]
        if node.kind == "output":
            out = args[0]
        elif node.kind == "neuron":
            w = torch.tensor(node.params["w"], dtype=torch.float64)
            out = acts[node.params["activation"]](sum(wi * a for wi, a in zip(w, args, strict=True))
                                                  + node.params["b"])
        elif node.kind == "dense":
            W = torch.tensor(node.params["W"], dtype=torch.float64, requires_grad=True)
            b = torch.tensor(node.params["b"], dtype=torch.float64, requires_grad=True)
            params[node_id] = {"W": W, "b": b}
            out = acts[node.params["activation"]](args[0] @ W.T + b)
        else:
            out = _op(torch, node.op, args)
        t[node_id] = out
    for v in t.values():
        if v.requires_grad and not v.is_leaf:
            v.retain_grad()
    root = doc.outputs()[0].id
    t[root].backward()
    out = {k: (v.detach().numpy(), None if v.grad is None else v.grad.numpy()) for k, v in t.items()}
    return out, {k: {name: p.grad.numpy() for name, p in ps.items()} for k, ps in params.items()}


def _op(torch, name, args):
    f = torch.nn.functional
    if name == "mse":
        pred, target = args
        return torch.mean((pred.reshape(target.shape) - target) ** 2)
    if name == "hinge":
        s, y = args
        return torch.mean(torch.relu(1 - y.reshape(s.shape) * s))
    if name == "softmax_ce":
        z, y = args
        return f.cross_entropy(z, y.long()) if y.dim() == 1 else -(y * f.log_softmax(z, -1)).sum() / z.shape[0]
    table = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
             "div": lambda a, b: a / b, "tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid,
             "exp": torch.exp, "log": torch.log, "square": lambda a: a * a, "neg": lambda a: -a}
    return table[name](*args)


def compare_with_torch(doc, ev, columns):
    ref, param_ref = torch_reference(doc, columns)
    for node_id, grads in param_ref.items():  # the weights' gradients, the ones training uses
        for name, g in grads.items():
            mine = np.asarray(ev.param_grads(node_id)[name])
            np.testing.assert_allclose(mine, g, rtol=1e-7, atol=1e-12, err_msg=f"{doc.node(node_id).label}.{name}")
    for node_id, (value, grad) in ref.items():
        label = doc.node(node_id).label
        assert np.mean(ev.value(node_id)) == pytest.approx(float(np.mean(value)), rel=1e-9, abs=1e-12), label
        if grad is not None and doc.node(node_id).kind != "data":
            assert np.mean(ev.grad(node_id)) == pytest.approx(float(np.mean(grad)), rel=1e-7, abs=1e-12), label


def loss_falls(doc, steps):
    from engine.circuit.training import Trainer

    ev = Evaluator(doc)
    ev.run()
    trainer = Trainer(doc, ev)
    trainer.run(steps)
    ev.run()
    return float(np.mean(ev.value(doc.outputs()[0].id)))


def columns_of(doc, ev):
    """What each data node feeds the circuit (the oracle recomputes everything downstream)."""
    return {n.params["column"]: np.asarray(ev.values[n.id], dtype=np.float64) for n in doc.nodes() if n.kind == "data"}


def check_lecture_mlp(doc, ev):
    cols = columns_of(doc, ev)
    xs = np.array([[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]])
    for i in range(3):
        assert np.array_equal(cols[f"x{i + 1}"].ravel(), xs[:, i])
    assert np.array_equal(cols["y"].ravel(), [1.0, -1.0, -1.0, 1.0])
    compare_with_torch(doc, ev, cols)
    before = float(np.mean(ev.value(doc.outputs()[0].id)))
    assert loss_falls(doc, 30) < before


def check_seed3x3(doc, ev):
    cols = columns_of(doc, ev)
    assert np.array_equal(cols["X"], np.arange(9.0).reshape(3, 3))
    assert np.array_equal(cols["y"].ravel(), [1.0, 0.0, 1.0])
    z2 = 3.0 * np.arange(9.0).reshape(3, 3).sum(axis=1)  # all-ones weights: 3 * row sums = 9, 36, 63
    loss = np.mean((1.0 / (1.0 + np.exp(-z2)) - [1.0, 0.0, 1.0]) ** 2)
    root = doc.outputs()[0].id
    assert float(ev.value(root)) == pytest.approx(loss, rel=1e-12) and round(float(ev.value(root)), 4) == SEED_3X3_LOSS
    hidden = [n for n in doc.nodes() if n.kind == "dense"][0]
    assert np.any(np.asarray(ev.grad(hidden.id)) != 0.0), "the seed's float16 attempt got all-zero gradients"
    compare_with_torch(doc, ev, cols)


def check_trains(doc, ev, steps=20):
    compare_with_torch(doc, ev, columns_of(doc, ev))
    before = float(np.mean(ev.value(doc.outputs()[0].id)))
    assert np.isfinite(before) and loss_falls(doc, steps) < before


DATASET = {
    "mlp_lecture.json": check_lecture_mlp,
    "tensor3x3.json": check_seed3x3,
    "moons.json": check_trains,
    "digits.json": lambda doc, ev: check_trains(doc, ev, steps=5),
    "spiral3.json": check_trains,
}
