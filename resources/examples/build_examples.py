"""Regenerate resources/examples/*.json and index.json: `python resources/examples/build_examples.py`.

Deterministic: the same engine gives byte-identical files. Every circuit reproduces a lecture seed's
numbers (tests/engine/test_examples.py checks each file against independent computations).
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from engine import Value  # noqa: E402
from engine.circuit import io  # noqa: E402
from engine.circuit.from_value import circuit_from_value  # noqa: E402
from engine.expr import circuit_from_expression  # noqa: E402

NEURON = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}


def _named(value: Value, label: str) -> Value:
    value.label = label
    return value


def neuron_values(tanh_by_hand: bool = False) -> Value:
    """The lecture's neuron o = tanh(x1*w1 + x2*w2 + b), with the lecture's labels."""
    v = {k: Value(x, label=k) for k, x in NEURON.items()}
    x1w1 = _named(v["x1"] * v["w1"], "x1*w1")
    x2w2 = _named(v["x2"] * v["w2"], "x2*w2")
    s = _named(x1w1 + x2w2, "x1*w1 + x2*w2")
    n = _named(s + v["b"], "n")
    if not tanh_by_hand:
        return _named(n.tanh(), "o")
    two, one = Value(2.0, label="2"), Value(1.0, label="1")
    e = _named((two * n).exp(), "e")
    return _named(_named(e - one, "e - 1") / _named(e + one, "e + 1"), "o")


def _nudged(doc, lr: float = 0.01):
    """The lecture's nudge as the circuit's training settings: every leaf moves up its gradient."""
    doc.set_training({"optimizer": "sgd", "lr": lr, "objective": "maximize", "train_inputs": True, "steps": 100})
    return doc


def scalar_examples() -> list[tuple[str, object, str, str]]:
    """(file name, circuit, title, description) of the hand-sized circuits."""
    weights = {"w1", "w2", "b"}
    return [
        ("neuron.json", circuit_from_value(neuron_values(), weights=weights),
         "A tanh neuron",
         "The lecture's neuron o = tanh(x1*w1 + x2*w2 + b) with x1=2, x2=0, w1=-3, w2=1, "
         "b=6.8814 (6.8813735870195432 exactly): "
         "o = 0.7071; backprop gives x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5."),
        ("neuron_exp.json", circuit_from_value(neuron_values(tanh_by_hand=True), weights=weights, constants={"2", "1"}),
         "The neuron with tanh written out",
         "The same neuron with tanh(n) = (e^(2n) - 1) / (e^(2n) + 1) built from exp, -, + and /: "
         "the same numbers (o = 0.7071, x1 -1.5, w1 1, x2 0.5, w2 0, b 0.5)."),
        ("derivative.json", circuit_from_expression("f = 3*x**2 - 4*x + 5", values={"x": 3.0}),
         "A first derivative",
         "f(x) = 3x^2 - 4x + 5 at x = 3: f = 20 and df/dx = 6x - 4 = 14. Nudge x and watch the slope."),
        ("d.json", circuit_from_expression("d = a*b + c", values={"a": 2.0, "b": -3.0, "c": 10.0}),
         "d = a*b + c",
         "a = 2, b = -3, c = 10 gives d = 4; dd/da = b = -3, dd/db = a = 2, dd/dc = 1."),
        ("L.json", _nudged(circuit_from_expression("e = a*b; d = e + c; L = d*f",
                                                   values={"a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0})),
         "L = (a*b + c) * f",
         "The lecture's first graph: L = -8; gradients a 6, b -4, c -2, f 4, e -2, d -2. Addition routes the "
         "gradient, multiplication swaps the inputs. One gradient step (F8) nudges every leaf by 0.01 times its "
         "gradient, as the lecture does, and L rises to -7.286."),
        ("a_plus_a.json", circuit_from_expression("a = 3; b = a + a"),
         "b = a + a",
         "A value used twice: a = 3, b = 6 and a.grad = 2, because gradients from both uses add up."),
        ("multiply_gate.json", _nudged(circuit_from_expression("f = x*y", values={"x": -2.0, "y": 3.0})),
         "The multiply gate",
         "The hacker's guide's first circuit, f(x, y) = x*y at x = -2, y = 3: f = -6, df/dx = y = 3 and "
         "df/dy = x = -2, so raising x and lowering y raises f; a gradient step (F8) does exactly that. The "
         "Strategies panel tries the guide's four ways to raise f. (The Portuguese notebook starts at x = 1, "
         "y = -3: type them into the value boxes to follow it.)"),
        ("sin_exp_cube.json", circuit_from_expression("c = x**3; e = exp(c); y = sin(e)", values={"x": 2.0}),
         "y = sin(exp(x^3))",
         "The seed's chain of three functions at x = 2: y = 0.40176297151886475 and "
         "dy/dx = cos(exp(x^3)) * exp(x^3) * 3x^2 = -32757.521776103014."),
    ]


def build(out_dir: Path = HERE) -> list[dict]:
    """Write every example and index.json; returns the index entries."""
    index = []
    examples = scalar_examples()
    if all(importlib.util.find_spec(m) for m in ("engine.datasets", "engine.circuit.evaluate")):
        from dataset_examples import dataset_examples  # sibling module of this script

        examples += dataset_examples()
    else:
        print("engine.datasets / engine.circuit.evaluate missing: dataset examples skipped", file=sys.stderr)
    for name, doc, title, description in examples:
        doc.view = {"title": title, "description": description}
        io.save(doc, out_dir / name)
        index.append({"file": name, "title": title, "description": description})
    payload = {"default": "neuron.json", "examples": index}
    (out_dir / "index.json").write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return index


if __name__ == "__main__":
    for entry in build():
        print(f"{entry['file']:<22} {entry['title']}")
