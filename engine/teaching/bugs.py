"""Bug switches: the classic backpropagation mistakes as teaching options, each next to its fix.

They live here, on their own teaching backward pass over Value graphs and their own small loops,
so the core engine's hot paths carry no switch: nothing here is ever on by default, and the
engine's Value.backward, optimizers and circuits are untouched by them.

    backward(root, accumulate=False)    # `=` instead of `+=` where a node is used twice
    backward(root, order="depth_first")  # no topological sort: a node may run before all its uses did
    train_lecture_mlp(zero_grad=False)   # gradients of every step pile up
    seed003(np.float16)                  # seed 003's network: every gradient exactly zero
    descend_until_nan(lr=...)            # a learning rate too large: the first node that overflows
    dead_relu(dead=True)                 # ReLUs that never fire: their weights never learn

DEMOS maps a lesson step's "demo" name to a function giving a Demo: the wrong numbers, the right
ones, and why, in English and Brazilian Portuguese.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..backends import S
from ..datasets import lecture4
from ..nn import MLP
from ..value import Value, topological_order


@dataclass(frozen=True)
class Demo:
    name: str
    wrong: dict  # what the bug gives: name -> number
    right: dict  # what the fix gives
    why: dict  # {"en": ..., "pt_BR": ...}


# ------------------------------------------------------------------ the teaching backward pass
def _depth_first(root: Value) -> list[Value]:
    """The order of a naive recursive backward (seed 003's): a node, then each input, each node once."""
    seen, out, stack = {id(root)}, [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        for p in reversed(node._parents):
            if id(p) not in seen:
                seen.add(id(p))
                stack.append(p)
    return out


def backward(root: Value, accumulate: bool = True, order: str = "topological") -> None:
    """Backpropagate from root like Value.backward, with the two classic mistakes as switches:
    accumulate=False writes `grad = ...` instead of `grad += ...`; order='depth_first' runs the nodes
    in the order a plain recursive walk meets them instead of a topological order."""
    nodes = topological_order(root)
    for node in nodes:
        node.grad = 0.0
    root.grad = 1.0
    run = reversed(nodes) if order == "topological" else _depth_first(root)
    for node in run:
        fn = node._fn
        if fn is None:
            continue
        parents = node._parents
        grads = fn.backward(S, node.grad, node.data, *[p.data for p in parents], **(node._params or {}))
        for p, g in zip(parents, grads, strict=True):
            p.grad = p.grad + g if accumulate else g


def _grads(build: Callable, **switches) -> dict[str, float]:
    leaves, root = build()
    backward(root, **switches)
    return {name: v.grad for name, v in leaves.items()}


def a_plus_a():
    a = Value(3.0, label="a")
    return {"a": a}, a + a


def lecture_a_b():
    """The lecture's node used twice: d = a*b, e = a + b, f = d*e at a = -2, b = 3."""
    a, b = Value(-2.0, label="a"), Value(3.0, label="b")
    return {"a": a, "b": b}, (a * b) * (a + b)


def neuron_exp():
    """The lecture's neuron with tanh written with exp: e = exp(2n) is used twice, in e - 1 and e + 1."""
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    n = x1 * w1 + x2 * w2 + b
    e = (2 * n).exp()
    return {"x1": x1, "w1": w1, "x2": x2, "w2": w2, "b": b}, (e - 1) / (e + 1)


def fanout_demo() -> Demo:
    wrong = {f"{k} (a + a)": v for k, v in _grads(a_plus_a, accumulate=False).items()}
    wrong |= {f"{k} (a*b, a+b)": v for k, v in _grads(lecture_a_b, accumulate=False).items()}
    right = {f"{k} (a + a)": v for k, v in _grads(a_plus_a).items()}
    right |= {f"{k} (a*b, a+b)": v for k, v in _grads(lecture_a_b).items()}
    return Demo("fanout", wrong, right, {
        "en": "With grad = instead of grad +=, the second use of a node overwrites the first one's share: "
              "a + a gives ∂/∂a = 1 instead of 1 + 1 = 2. Gradients from every use must add up.",
        "pt_BR": "Com grad = em vez de grad +=, o segundo uso de um nó apaga a parte do primeiro: a + a dá "
                 "∂/∂a = 1 em vez de 1 + 1 = 2. Os gradientes de todos os usos precisam se somar."})


def order_demo() -> Demo:
    return Demo("order", _grads(neuron_exp, order="depth_first"), _grads(neuron_exp), {
        "en": "Without a topological sort, e = exp(2n) ran its backward step after e - 1 had given it its "
              "share but before e + 1 had: e passed on only the share of e - 1, and every gradient below "
              "it is wrong. A node may run only once every node that uses it has run.",
        "pt_BR": "Sem ordenação topológica, e = exp(2n) rodou seu passo para trás depois de e - 1 lhe dar sua "
                 "parte, mas antes de e + 1: e repassou só a parte de e - 1, e todo gradiente abaixo dele "
                 "fica errado. Um nó só pode rodar depois de todos os nós que o usam."})


# ------------------------------------------------------------------ forgetting zero_grad
def _one(out):
    return out[0] if isinstance(out, list) else out


def train_lecture_mlp(zero_grad: bool = True, steps: int = 30, lr: float = 0.05, seed: int = 1) -> list[float]:
    """The lecture's MLP(3, [4, 4, 1]) (tanh) on its four samples, summed squared error; the losses."""
    random.seed(seed)
    model = MLP(3, [4, 4, 1], activation="tanh")
    X, y = lecture4()
    losses = []
    for _ in range(steps):
        preds = [_one(model([Value(float(v)) for v in row])) for row in X]
        loss = sum(((p - float(t)) ** 2 for p, t in zip(preds, y, strict=True)), Value(0.0))
        losses.append(loss.data)
        if zero_grad:
            model.zero_grad()
        loss.backward()
        for p in model.parameters():
            p.data -= lr * p.grad
    return losses


def zero_grad_demo() -> Demo:
    wrong, right = train_lecture_mlp(zero_grad=False), train_lecture_mlp()
    def row(losses):
        return {"loss at start": losses[0], "highest loss after that": max(losses[1:]),
                "loss after 30 steps": losses[-1]}

    return Demo("zero_grad", row(wrong), row(right), {
        "en": "backward() adds into .grad. Without zero_grad() each step's gradient is added to all the "
              "previous ones, so the steps grow longer and longer and training overshoots.",
        "pt_BR": "backward() soma em .grad. Sem zero_grad() o gradiente de cada passo se soma a todos os "
                 "anteriores, os passos ficam cada vez maiores e o treino passa do ponto."})


# ------------------------------------------------------------------ float16: seed 003
def seed003(dtype=np.float64) -> dict:
    """Seed 003's network (X = arange(9) as 3x3, y = [1, 0, 1], every weight 1, ReLU, sigmoid, mean
    squared error), forward and backward written out in `dtype`: loss, output and both gradients."""
    X = np.arange(9, dtype=dtype).reshape(3, 3)
    y = np.array([[1.0], [0.0], [1.0]], dtype=dtype)
    t1, t2 = np.ones((3, 3), dtype=dtype), np.ones((1, 3), dtype=dtype)
    z1 = X @ t1.T
    a1 = np.maximum(z1, dtype(0))
    z2 = a1 @ t2.T
    a2 = (dtype(1) / (dtype(1) + np.exp(-z2))).astype(dtype)
    loss = np.mean((a2 - y) ** 2)
    d_a2 = dtype(2) * (a2 - y) / dtype(3)
    d_z2 = d_a2 * a2 * (dtype(1) - a2)  # sigmoid's slope σ(1 - σ)
    d_t2 = d_z2.T @ a1
    d_z1 = (d_z2 @ t2) * (z1 > 0)
    d_t1 = d_z1.T @ X
    return {"loss": float(loss), "a2": a2.ravel().astype(float), "slope": (a2 * (dtype(1) - a2)).ravel().astype(float),
            "grad_theta1": d_t1.astype(float), "grad_theta2": d_t2.astype(float)}


def float16_demo() -> Demo:
    wrong, right = seed003(np.float16), seed003(np.float64)

    def row(r):
        return {"loss": r["loss"], "σ(9)": float(r["a2"][0]), "σ'(9)": float(r["slope"][0]),
                "max |∂L/∂θ2|": float(np.abs(r["grad_theta2"]).max()),
                "max |∂L/∂θ1|": float(np.abs(r["grad_theta1"]).max())}

    return Demo("float16", row(wrong), row(right), {
        "en": "σ(9) = 0.99988, but float16 numbers just below 1 are 0.00049 apart, so it rounds to exactly 1. "
              "The sigmoid's slope σ(1 − σ) is then 0 and every gradient behind it is 0: nothing learns. "
              "In float64 (or float32) σ(9) stays below 1 and the gradients are small but not zero.",
        "pt_BR": "σ(9) = 0,99988, mas os números float16 logo abaixo de 1 distam 0,00049 entre si, então ele "
                 "arredonda para exatamente 1. A inclinação da sigmoide σ(1 − σ) vira 0 e todo gradiente atrás "
                 "dela é 0: nada aprende. Em float64 (ou float32) σ(9) fica abaixo de 1 e os gradientes são "
                 "pequenos, mas não nulos."})


# ------------------------------------------------------------------ too large a learning rate
NAN_FORMULA = "pred = w*x; err = pred - y; loss = err**2"


def descend_until_nan(lr: float, steps: int = 500, w: float = 0.5, x: float = 3.0, y: float = 1.0) -> dict:
    """Gradient descent on loss = (w*x - y)**2 as a circuit, until a value stops being finite.

    Returns {"steps", "w", "loss", "node", "message"}: where the first non-finite value appeared, as the
    evaluator's NaN diagnosis names it (node None when every step stayed finite)."""
    from ..circuit.document import CircuitError
    from ..circuit.evaluate import Evaluator
    from ..expr import circuit_from_expression

    doc = circuit_from_expression(NAN_FORMULA, {"w": w, "x": x, "y": y}, {"w": "weight", "x": "input", "y": "input"})
    ev = Evaluator(doc)
    wid = doc.by_label("w").id
    for k in range(steps):
        if ev.errors:
            nid, message = next(iter(ev.errors.items()))
            return {"steps": k, "w": doc.node(wid).value, "loss": ev.root_value(), "node": doc.node(nid).label,
                    "message": message}
        try:
            doc.set_value(wid, doc.node(wid).value - lr * ev.grad(wid))
        except CircuitError as exc:  # the step itself is not finite
            return {"steps": k, "w": doc.node(wid).value, "loss": ev.root_value(), "node": "w", "message": str(exc)}
    return {"steps": steps, "w": doc.node(wid).value, "loss": ev.root_value(), "node": None, "message": ""}


def learning_rate_demo() -> Demo:
    wrong, right = descend_until_nan(lr=1.0), descend_until_nan(lr=0.05)
    return Demo("learning_rate", {"steps": wrong["steps"], "w": wrong["w"], "first bad node": wrong["node"]},
                {"steps": right["steps"], "w": right["w"], "loss": right["loss"]}, {
        "en": f"With lr = 1 each step overshoots: w = 0.5 → -2.5 → 48.5 → ... grows 17 times per step until "
              f"{wrong['node']} = err**2 overflows ({wrong['message']}): the first non-finite "
              "number, named where it appeared. Left running, w·x overflows too and the infinities meet "
              "(inf − inf = NaN). With lr = 0.05 w settles at 1/3.",
        "pt_BR": f"Com lr = 1 cada passo passa do ponto: w = 0,5 → -2,5 → 48,5 → ... cresce 17 vezes por passo "
                 f"até {wrong['node']} = err**2 estourar: o primeiro número não finito, "
                 "apontado onde surgiu. Se continuar, w·x estoura também e os infinitos se encontram "
                 "(inf − inf = NaN). Com "
                 "lr = 0,05 w se acomoda em 1/3."})


# ------------------------------------------------------------------ dead ReLUs
def dead_relu(dead: bool, steps: int = 20, lr: float = 0.01, seed: int = 3) -> dict:
    """A ReLU layer MLP(3, [4, 1]) on the lecture's samples; dead=True starts every hidden bias at -10,
    so no hidden ReLU ever fires. Returns the first layer's gradients at the start and the losses."""
    random.seed(seed)
    model = MLP(3, [4, 1], activation="relu")
    if dead:
        for neuron in model.layers[0].neurons:
            neuron.b.data = -10.0
    X, y = lecture4()
    hidden = [p for n in model.layers[0].neurons for p in n.parameters()]
    losses, first = [], None
    for _ in range(steps):
        preds = [_one(model([Value(float(v)) for v in row])) for row in X]
        loss = sum(((p - float(t)) ** 2 for p, t in zip(preds, y, strict=True)), Value(0.0))
        losses.append(loss.data)
        model.zero_grad()
        loss.backward()
        if first is None:
            first = [p.grad for p in hidden]
        for p in model.parameters():
            p.data -= lr * p.grad
    return {"hidden_grads": first, "losses": losses}


def dead_relu_demo() -> Demo:
    wrong, right = dead_relu(True), dead_relu(False)

    def row(r):
        return {"max |hidden gradient|": max(abs(g) for g in r["hidden_grads"]), "loss at start": r["losses"][0],
                "loss after 20 steps": r["losses"][-1]}

    return Demo("dead_relu", row(wrong), row(right), {
        "en": "Every hidden bias starts at -10, so w·x + b < 0 for every sample and relu gives 0 with slope 0: "
              "no gradient reaches the hidden weights and they never change. Start biases at 0 (or small).",
        "pt_BR": "Todo viés oculto começa em -10, então w·x + b < 0 em toda amostra e a relu dá 0 com inclinação "
                 "0: nenhum gradiente chega aos pesos ocultos e eles nunca mudam. Comece os vieses em 0 (ou "
                 "pequenos)."})


DEMOS: dict[str, Callable[[], Demo]] = {
    "fanout": fanout_demo, "order": order_demo, "zero_grad": zero_grad_demo, "float16": float16_demo,
    "learning_rate": learning_rate_demo, "dead_relu": dead_relu_demo,
}
