"""The formula parser: structure, the lecture's numbers through the Evaluator, and strict refusals."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import Value
from engine.circuit.evaluate import Evaluator
from engine.expr import ExpressionError, circuit_from_expression


def run(doc):
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors, ev.errors
    by_label = {n.label: n.id for n in doc.nodes()}
    return ({lab: float(ev.value(i)) for lab, i in by_label.items()},
            {lab: float(ev.grad(i)) for lab, i in by_label.items()})


def test_lecture_program_labels_and_numbers():
    doc = circuit_from_expression("e = a*b; d = e + c; L = d*f", values={"a": 2, "b": -3, "c": 10, "f": -2})
    kinds = {n.label: (n.kind, n.op) for n in doc.nodes()}
    assert kinds == {"a": ("input", None), "b": ("input", None), "c": ("input", None), "f": ("input", None),
                     "e": ("op", "mul"), "d": ("op", "add"), "L": ("op", "mul")}
    assert not any(n.kind == "output" for n in doc.nodes())  # L is the single sink
    data, grad = run(doc)
    assert data["L"] == -8.0 and data["d"] == 4.0 and data["e"] == -6.0
    assert grad == {"L": 1.0, "d": -2.0, "f": 4.0, "c": -2.0, "e": -2.0, "a": 6.0, "b": -4.0}


def test_one_line_and_program_agree():
    values = {"a": 2, "b": -3, "c": 10, "f": -2}
    one = run(circuit_from_expression("L = (a*b + c) * f", values=values))
    prog = run(circuit_from_expression("e = a*b; d = e + c; L = d*f", values=values))
    for name in "abcfL":
        assert one[0][name] == prog[0][name] and one[1][name] == prog[1][name]


def test_neuron_matches_value_engine():
    vals = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}
    doc = circuit_from_expression("n = x1*w1 + x2*w2 + b\no = tanh(n)\nw1 = weight(0)\nw2 = weight(0)\nb = weight(0)",
                                  values=vals)
    assert {n.label for n in doc.nodes() if n.kind == "weight"} == {"w1", "w2", "b"}
    data, grad = run(doc)
    v = {k: Value(x, label=k) for k, x in vals.items()}
    o = (v["x1"] * v["w1"] + v["x2"] * v["w2"] + v["b"]).tanh()
    o.backward()
    assert data["o"] == pytest.approx(o.data, abs=1e-15) and abs(data["o"] - 0.7071) < 1e-4
    for k in vals:
        assert grad[k] == pytest.approx(v[k].grad, abs=1e-12)
    assert grad["x1"] == pytest.approx(-1.5) and grad["w1"] == pytest.approx(1.0)
    assert grad["x2"] == pytest.approx(0.5) and grad["w2"] == pytest.approx(0.0) and grad["b"] == pytest.approx(0.5)


def test_powers_constants_and_neg():
    doc = circuit_from_expression("y = sin(exp(x**3))", values={"x": 2})
    cube = [n for n in doc.nodes() if n.op == "powk"]
    assert len(cube) == 1 and cube[0].params["k"] == 3.0
    data, grad = run(doc)
    assert data["y"] == pytest.approx(0.40176297151886475, rel=1e-12)
    assert grad["x"] == pytest.approx(-32757.521776103014, rel=1e-9)
    doc = circuit_from_expression("y = a**b - -x + -2", values={"a": 2, "b": 3, "x": 5})
    assert sorted(n.op for n in doc.nodes() if n.kind == "op") == ["add", "neg", "pow", "sub"]
    assert [n.value for n in doc.nodes() if n.kind == "constant"] == [-2.0]  # -2 is a literal, not neg(2)
    data, grad = run(doc)
    assert data["y"] == 2 ** 3 + 5 - 2 and grad["b"] == pytest.approx(8 * math.log(2)) and grad["x"] == 1.0


def test_derivative_intro_and_defaults():
    doc = circuit_from_expression("f = 3*x**2 - 4*x + 5", values={"x": 3})
    data, grad = run(doc)
    assert data["f"] == 20.0 and grad["x"] == 14.0
    assert sorted(n.label for n in doc.nodes() if n.kind == "constant") == ["3", "4", "5"]
    doc = circuit_from_expression("y = log(x) / z")  # free names default to 1.0
    assert {n.label: n.value for n in doc.nodes() if n.is_leaf} == {"x": 1.0, "z": 1.0}


def test_literal_assignments_kinds_and_overrides():
    doc = circuit_from_expression("a = 3.0\nb = a + a", kinds={"a": "constant"})
    assert doc.by_label("a").kind == "constant" and doc.by_label("a").value == 3.0
    data, grad = run(doc)
    assert data["b"] == 6.0 and grad["a"] == 2.0
    doc = circuit_from_expression("a = 3.0; b = a + a", values={"a": -1})
    assert doc.by_label("a").value == -1.0 and doc.by_label("a").kind == "input"
    assert len([e for e in doc.edges() if e[0] == doc.by_label("a").id]) == 2  # a+a keeps both wires


def test_root_gets_an_output_node_only_when_needed():
    doc = circuit_from_expression("p = a*b; q = a + b")
    outs = [n for n in doc.nodes() if n.kind == "output"]
    assert len(outs) == 1 and doc.inputs_of(outs[0].id) == {"x": doc.by_label("q").id}
    doc = circuit_from_expression("x", values={"x": 4})
    assert [n.kind for n in doc.outputs()] == ["output"]
    assert run(doc)[1]["x"] == 1.0
    doc = circuit_from_expression("(a + 1) * a")
    assert doc.outputs()[0].label == "out"


def test_layout_places_nodes_left_to_right():
    doc = circuit_from_expression("L = (a*b + c) * f")
    pos = {n.label: n.pos for n in doc.nodes()}
    assert pos["a"][0] < pos["L"][0] and pos["c"][0] < pos["L"][0]
    assert len(set(pos.values())) == len(pos)


def test_default_labels_avoid_program_names():
    doc = circuit_from_expression("y = a*b*c + mul2")
    labels = [n.label for n in doc.nodes()]
    assert len(labels) == len(set(labels)) and doc.by_label("mul2").kind == "input"


@pytest.mark.parametrize("text, where, what", [
    ("y = x.real", (1, 5), "attribute"),
    ("y = __import__('os')", (1, 5), "unknown function"),
    ("y = (lambda: 1)()", (1, 6), "plain function names"),
    ("y = a[0]", (1, 5), "subscripting"),
    ("y = a < b", (1, 5), "comparison"),
    ("y = 'text'", (1, 5), "str"),
    ("y = tanh(x, k=2)", (1, 15), "positional"),
    ("y = x % 2", (1, 5), "%"),
    ("e = a*b\nd = e ^ c", (2, 5), "**"),
    ("e = a*b\nd = e +", (2, 8), "syntax"),
    ("  y = x.real", (1, 7), "attribute"),
    ("e = a*b\ne = e + 1", (2, 1), "assigned once"),
    ("x += 1", (1, 1), "+="),
    ("a = b", (1, 5), "copies"),
    ("y = max(a)", (1, 5), "2 argument"),
    ("y = tanh", (1, 5), "function"),
    ("import os", (1, 1), "Import"),
    ("a*b\nc*d", (2, 1), "only one line may go without '='"),
    ("L = a*b\nc = 1", (2, 1), "does not use it"),
    ("a = b + 1\nb = a * 2", (1, 1), "defined in terms of itself (a -> b -> a)"),
    ("L = weight(2) * x", (1, 5), "on a line of its own"),
    ("w = weight(x)", (1, 5), "takes one number"),
    ("y = +x", (1, 5), "copies"),
    ("y = x if a else b", (1, 5), "if/else"),
    ("y = 1e999 * x", (1, 5), "not finite"),
])
def test_refusals_say_where_and_what(text, where, what):
    with pytest.raises(ExpressionError) as info:
        circuit_from_expression(text)
    assert (info.value.line, info.value.column) == where
    assert what in str(info.value) and f"line {where[0]}, column {where[1]}" in str(info.value)


def test_bad_values_and_kinds():
    with pytest.raises(ExpressionError, match="no free name 'z'"):
        circuit_from_expression("y = a*b", values={"z": 1})
    with pytest.raises(ExpressionError, match="kind 'op'"):
        circuit_from_expression("y = a*b", kinds={"a": "op"})
    with pytest.raises(ExpressionError, match="empty"):
        circuit_from_expression("   ")
    with pytest.raises(ExpressionError, match="too long"):
        circuit_from_expression("x+" * 20000 + "x")


_UNARY = ["tanh", "sigmoid", "sin", "cos", "relu", "abs", "square", "exp"]
_BINARY = {"+": lambda x, y: x + y, "-": lambda x, y: x - y, "*": lambda x, y: x * y,
           "max": lambda x, y: x.apply("max", y)}


@st.composite
def formulas(draw, depth=0):
    """(text, function building the same thing from Values) over the names a, b, c."""
    if depth >= 3 or draw(st.booleans()):
        leaf = draw(st.sampled_from(["a", "b", "c", "0.5", "2"]))
        return leaf, (lambda v: v[leaf] if leaf in v else Value(float(leaf)))
    if draw(st.booleans()):
        fn = draw(st.sampled_from(_UNARY + ["-"]))
        text, inner = draw(formulas(depth=depth + 1))
        if fn == "-":
            return f"-({text})", lambda v: -inner(v)
        return f"{fn}({text})", lambda v: getattr(inner(v), fn)()
    op = draw(st.sampled_from(sorted(_BINARY)))
    (lt, left), (rt, right) = draw(formulas(depth=depth + 1)), draw(formulas(depth=depth + 1))
    text = f"max({lt}, {rt})" if op == "max" else f"({lt}) {op} ({rt})"
    return text, lambda v: _BINARY[op](left(v), right(v))


@settings(max_examples=60, deadline=None)
@given(formulas(), st.floats(-2, 2), st.floats(-2, 2), st.floats(-2, 2))
def test_random_formulas_match_value_engine(formula, a, b, c):
    text, build = formula
    vals = {"a": a, "b": b, "c": c}
    doc = circuit_from_expression("y = " + text + " + 0 * (a + b + c)", values=vals)
    v = {k: Value(x, label=k) for k, x in vals.items()}
    y = build(v) + Value(0.0) * (v["a"] + v["b"] + v["c"])
    y.backward()
    data, grad = run(doc)
    assert data["y"] == pytest.approx(y.data, rel=1e-12, abs=1e-12)
    for k in vals:
        assert grad[k] == pytest.approx(v[k].grad, rel=1e-9, abs=1e-12)


def test_a_registered_infix_op_is_parsed_without_editing_the_parser():
    """The formula's operators come from the registry's Op.infix: a throwaway op written a % b
    (the mean of its inputs, gradients 1/2 each) parses, evaluates and back-propagates."""
    from engine import ops
    text = "L = (a % b) * c"
    with pytest.raises(ExpressionError, match="%"):
        circuit_from_expression(text)
    ops.define("mean2", "ab", lambda m, a, b: (a + b) / 2, lambda m, g, out, a, b: (g / 2, g / 2),
               "%", "arithmetic", "d/da = d/db = 1/2", ("1/2", "1/2"), "Mean of two.", infix="%")
    try:
        doc = circuit_from_expression(text, values={"a": 1.0, "b": 4.0, "c": 3.0})
        assert doc.by_label("L").op == "mul"
        assert [n.op for n in doc.nodes() if n.kind == "op" and n.op != "mul"] == ["mean2"]
        data, grad = run(doc)
        assert data["L"] == 7.5 and grad["a"] == 1.5 and grad["b"] == 1.5 and grad["c"] == 2.5
    finally:
        ops.unregister("mean2")
    with pytest.raises(ExpressionError, match="%"):
        circuit_from_expression(text)


def test_assignments_in_any_order_give_the_lecture_numbers():
    """Seed 001: values first, values last, definitions backwards: one circuit, L = -8 and its grads."""
    texts = ["L = (a*b + c) * f; a=2; b=-3; c=10; f=-2",
             "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f",
             "L = d*f; f = -2; d = e + c; c = 10; e = a*b; a = 2; b = -3"]
    for text in texts:
        data, grad = run(circuit_from_expression(text))
        assert data["L"] == -8.0, text
        assert {k: grad[k] for k in "abcf"} == {"a": 6.0, "b": -4.0, "c": -2.0, "f": 4.0}, text
    backwards = circuit_from_expression(texts[2])
    assert {n.label: n.op for n in backwards.nodes() if n.kind == "op"} == {"e": "mul", "d": "add", "L": "mul"}
    assert circuit_from_expression("y = 2*x; x = 3").by_label("x").value == 3.0


def test_one_rule_for_kinds_every_free_name_is_an_input_unless_declared():
    doc = circuit_from_expression("y = w*x + b + bias + w0")
    assert {n.label: n.kind for n in doc.nodes() if n.is_leaf} == dict.fromkeys(["w", "x", "b", "bias", "w0"], "input")
    doc = circuit_from_expression("y = w*x + b + k; w = weight(-3); b = weight(0.5); k = constant(2); x = input(4)")
    leaves = {n.label: (n.kind, n.value) for n in doc.nodes() if n.is_leaf}
    assert leaves == {"w": ("weight", -3.0), "x": ("input", 4.0), "b": ("weight", 0.5), "k": ("constant", 2.0)}
    assert run(doc)[0]["y"] == -3 * 4 + 0.5 + 2
    doc = circuit_from_expression("y = w*x; w = weight(1)", kinds={"w": "input"}, values={"w": 2})
    assert (doc.by_label("w").kind, doc.by_label("w").value) == ("input", 2.0)  # the caller's mappings win


def test_the_allowed_text_comes_from_the_registry():
    """A throwaway op shows up in allowed() and in the refusals' text without editing the parser."""
    from engine import ops
    from engine.expr import allowed, operators
    assert "tanh" in allowed() and "**" in operators() and "weight(number)" in allowed()
    assert "zigzag" not in allowed()
    ops.define("zigzag", "x", lambda m, x: x, lambda m, g, out, x: (g,), "zz", "function",
               "d/dx zz(x) = 1", ("1",), "Identity, for a test.")
    try:
        assert "zigzag" in allowed()
        with pytest.raises(ExpressionError, match="zigzag"):
            circuit_from_expression("y = x.real")
    finally:
        ops.unregister("zigzag")
    assert "zigzag" not in allowed()
