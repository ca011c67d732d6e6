"""draw_dot / Value's inline SVG: the seeds' graphs parsed back with xml.etree; numbers against the seeds'
own results (and the chain rule by hand), colours by gradient sign, the note before backward()."""

from __future__ import annotations

import math
import random
import re
import xml.etree.ElementTree as ET

import pytest

from engine import Value, draw_dot
from engine.draw import DARK, INLINE_LIMIT, LIGHT, fmt_number
from engine.nn import MLP
from engine.value import topological_order
from tests.engine.test_from_value import lecture_neuron as neuron_with_values

SVG = "{http://www.w3.org/2000/svg}"


def cards(svg: str) -> list[dict]:
    """Every node card: its texts by class, the colour of its sign outline and of its grad number, its box."""
    root = ET.fromstring(svg)
    out = []
    for g in root.iter(f"{SVG}g"):
        if g.get("class") != "node":
            continue
        texts = {t.get("class"): t for t in g.iter(f"{SVG}text") if t.get("class")}
        sign = next(r for r in g.iter(f"{SVG}rect") if r.get("class") == "sign")
        x, y = map(float, re.fullmatch(r"translate\(([-\d.]+),([-\d.]+)\)", g.get("transform")).groups())
        out.append({"label": texts["label"].text or "", "op": texts["op"].text or "",
                    "data": texts["data"].text, "grad": texts["grad"].text, "stroke": sign.get("stroke"),
                    "grad_fill": texts["grad"].get("fill"), "x": x, "y": y,
                    "w": float(sign.get("width")), "h": float(sign.get("height"))})
    return out


def by_label(svg: str) -> dict[str, dict]:
    found = cards(svg)
    assert len({c["label"] for c in found}) == len(found)
    return {c["label"]: c for c in found}


def has_note(svg: str) -> bool:
    return any(g.get("class") == "note" for g in ET.fromstring(svg).iter(f"{SVG}g"))


def lecture_L():
    a, b, c, f = Value(2.0, label="a"), Value(-3.0, label="b"), Value(10.0, label="c"), Value(-2.0, label="f")
    e = a * b
    e.label = "e"
    d = e + c
    d.label = "d"
    L = d * f
    L.label = "L"
    return L


def lecture_neuron():
    return neuron_with_values()[0]


def a_plus_a():
    a = Value(3.0, label="a")
    b = a + a
    b.label = "b"
    return b


def sin_exp_cube(x0=0.7):
    x = Value(x0, label="x")
    c = x ** 3
    c.label = "x^3"
    e = c.exp()
    e.label = "exp"
    y = e.sin()
    y.label = "y"
    return y


SEEDS = {"L": lecture_L, "neuron": lecture_neuron, "a+a": a_plus_a, "sin(exp(x^3))": sin_exp_cube}

# the seeds' printed numbers (grads after backward), independent of the engine
EXPECTED = {
    "L": {"a": (2.0, 6.0), "b": (-3.0, -4.0), "c": (10.0, -2.0), "f": (-2.0, 4.0), "e": (-6.0, -2.0),
          "d": (4.0, -2.0), "L": (-8.0, 1.0)},
    "neuron": {"x1": (2.0, -1.5), "w1": (-3.0, 1.0), "x2": (0.0, 0.5), "w2": (1.0, 0.0), "b": (6.8814, 0.5),
               "n": (0.8814, 0.5), "o": (0.7071, 1.0)},
    "a+a": {"a": (3.0, 2.0), "b": (6.0, 1.0)},
    "sin(exp(x^3))": {"x": (0.7, math.cos(math.exp(0.343)) * math.exp(0.343) * 3 * 0.49),
                      "y": (math.sin(math.exp(0.343)), 1.0)},
}


@pytest.mark.parametrize("name", SEEDS)
def test_every_value_shows_label_op_data_and_grad(name):
    root = SEEDS[name]()
    root.backward()
    values = topological_order(root)
    shown = by_label(draw_dot(root).svg)
    assert len(shown) == len(values)
    for v in values:
        card = shown[v.label]
        assert (card["data"], card["grad"]) == (fmt_number(v.data), fmt_number(v.grad)), v.label
        assert card["op"] == v._op
    for label, (data, grad) in EXPECTED[name].items():
        assert float(shown[label]["data"]) == pytest.approx(data, abs=1e-4), label
        assert float(shown[label]["grad"]) == pytest.approx(grad, abs=1e-4), label
    assert not has_note(draw_dot(root).svg)


def test_note_until_backward_runs():
    L = lecture_L()
    before = draw_dot(L).svg
    assert has_note(before) and "L.backward()" in before
    assert {c["grad"] for c in cards(before)} == {"0.0000"}
    L.backward()
    assert not has_note(draw_dot(L).svg)
    d = L._parents[0]  # a part of L's graph drawn after L.backward(): its grads are set, no note
    assert not has_note(draw_dot(d).svg)
    fresh = lecture_L()
    fresh.grad = 0.0
    assert has_note(draw_dot(fresh._parents[0]).svg)


@pytest.mark.parametrize("theme", [False, True])
def test_cards_and_wires_coloured_by_gradient_sign(theme):
    colors = DARK if theme else LIGHT
    o = lecture_neuron()
    o.backward()
    svg = draw_dot(o, dark=theme).svg
    shown = by_label(svg)
    sign = {"x1": "wire_neg", "w1": "wire_pos", "x2": "wire_pos", "w2": "wire_zero", "o": "wire_pos"}
    for label, key in sign.items():
        assert shown[label]["stroke"] == colors[key], label
    assert shown["x1"]["grad_fill"] == colors["wire_neg"] and shown["w2"]["grad_fill"] == colors["node_muted"]
    wires = [p for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") is None
             for p in g.findall(f"{SVG}path")]
    assert len(wires) == 9  # 4 muls/adds with two inputs, tanh with one
    assert sorted(p.get("stroke") for p in wires) == sorted(
        colors[k] for k in ["wire_neg", "wire_pos", "wire_pos", "wire_zero",  # x1, w1, x2, w2
                            "wire_pos", "wire_pos", "wire_pos", "wire_pos", "wire_pos"])


def test_a_plus_a_draws_two_wires_into_two_ports():
    b = a_plus_a()
    b.backward()
    paths = [p.get("d") for p in ET.fromstring(draw_dot(b).svg).iter(f"{SVG}path") if p.get("d").startswith("M")
             and " C" in p.get("d")]
    assert len(paths) == 2 and paths[0] != paths[1]


def test_text_is_escaped_for_xml():
    x = Value(1.0, label='<&"\x01')
    y = x * Value(2.0, label="]]>'")
    y.label = "<script>alert(1)</script>"
    svg = draw_dot(y).svg
    shown = {c["label"] for c in cards(svg)}  # parses; the long label is cut, its tooltip keeps it whole
    assert shown == {'<&"?', "]]>'", "<script>alert(…"}
    titles = [t.text for t in ET.fromstring(svg).iter(f"{SVG}title")]
    assert "<script>alert(1)</script>: data 2.0, grad 0.0" in titles
    assert "<script>" not in svg


def test_value_shows_itself_inline_and_big_graphs_fall_back_to_text():
    L = lecture_L()
    L.backward()
    assert L._repr_svg_() == draw_dot(L).svg
    bundle = L._repr_mimebundle_()
    assert bundle["image/svg+xml"] == L._repr_svg_() and "overflow:auto" in bundle["text/html"]
    big = Value(0.0, label="s")
    for i in range(INLINE_LIMIT):
        big = big + Value(float(i))
    assert big._repr_svg_() is None and big._repr_mimebundle_() is None
    assert draw_dot(big).nodes == 2 * INLINE_LIMIT + 1


def test_moons_graph_cards_never_overlap():
    random.seed(1337)
    model = MLP(2, [16, 16, 1])
    loss = (1 + -Value(1.0) * model([Value(0.5), Value(-0.2)])).relu()
    loss.backward()
    found = cards(draw_dot(loss).svg)
    assert len(found) == len(topological_order(loss)) > 200
    columns: dict[float, list[float]] = {}
    for c in found:
        columns.setdefault(c["x"], []).append(c["y"])
    for ys in columns.values():
        ys.sort()
        assert all(b - a >= found[0]["h"] for a, b in zip(ys, ys[1:], strict=False))
    xs = sorted(columns)
    assert all(b - a >= found[0]["w"] for a, b in zip(xs, xs[1:], strict=False))


def test_micrograd_values_draw_too():
    mg = pytest.importorskip("micrograd.engine")
    a, b = mg.Value(2.0), mg.Value(-3.0)
    c = a * b
    a.label, b.label, c.label = "a", "b", "c"  # the pip micrograd has no label argument
    c.backward()
    shown = by_label(draw_dot(c).svg)
    assert (shown["a"]["grad"], shown["b"]["grad"], shown["c"]["op"]) == ("-3.0000", "2.0000", "*")
