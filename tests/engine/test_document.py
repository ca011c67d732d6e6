"""The circuit document: port-keyed wires, refusals with reasons, events after every change."""

from __future__ import annotations

import pytest

from engine.circuit.document import Circuit, CircuitError
from engine.circuit.events import payload
from engine.errors import UnknownOpError


@pytest.fixture
def doc():
    d = Circuit()
    for label, kind in [("a", "input"), ("b", "weight")]:
        d.add_node(d.make_node(kind, label=label))
    d.add_node(d.make_node("op", "mul", label="e"))
    d.add_node(d.make_node("op", "tanh", label="o"))
    d.connect("n1", "n3", "a")
    d.connect("n3", "n4", "x")
    return d


def record(doc):
    seen = []
    doc.events.all.connect(lambda info: seen.append((info.signal.name, payload(info))))
    return seen


def test_square_keeps_two_wires_between_the_same_nodes():
    d = Circuit()
    x = d.add_node(d.make_node("input", label="x"))
    sq = d.add_node(d.make_node("op", "mul"))
    d.connect(x.id, sq.id, "a")
    d.connect(x.id, sq.id, "b")
    assert sorted(d.edges()) == [(x.id, sq.id, "a"), (x.id, sq.id, "b")]
    assert d.inputs_of(sq.id) == {"a": x.id, "b": x.id}
    assert sorted(d.consumers_of(x.id)) == [(sq.id, "a"), (sq.id, "b")]


@pytest.mark.parametrize("src, dst, port, reason", [
    ("n1", "n1", "a", "cannot wire 'a' to itself"),
    ("n3", "n3", "a", "cannot wire 'e' to itself"),
    ("n2", "n3", "a", "port 'a' of 'e' already has a wire"),
    ("n2", "n3", "c", "'e' has no input port 'c' (its ports: a, b)"),
    ("n2", "n1", "x", "'a' has no input port 'x' (its ports: none)"),
    ("n4", "n3", "b", "wiring 'o' into 'e' would make a cycle"),
    ("n9", "n3", "b", "unknown node 'n9'"),
])
def test_why_not_connect_gives_the_reason(doc, src, dst, port, reason):
    assert doc.why_not_connect(src, dst, port) == reason
    before = sorted(doc.edges())
    with pytest.raises(CircuitError, match="^" + reason.replace("(", r"\(").replace(")", r"\)") + "$"):
        doc.connect(src, dst, port)
    assert sorted(doc.edges()) == before


def test_replacing_allows_a_taken_port(doc):
    assert doc.why_not_connect("n2", "n3", "a", replacing=True) is None
    assert doc.why_not_connect("n2", "n3", "b") is None


def test_events_are_emitted_after_each_change(doc):
    seen = record(doc)
    doc.connect("n2", "n3", "b")
    doc.set_value("n1", 3.0)
    doc.set_label("n1", "alpha")
    doc.move("n1", (5, 6))
    doc.remove_node("n3")
    names = [name for name, _ in seen]
    assert names == ["edge_added", "value_changed", "label_changed", "node_moved",
                     "edge_removed", "edge_removed", "edge_removed", "node_removed"]
    assert seen[1][1] == {"node_id": "n1", "value": 3.0}
    assert seen[3][1] == {"node_id": "n1", "pos": (5.0, 6.0)}
    assert seen[-1][1]["node"].label == "e"
    assert doc.edges() == []


def test_refusals_leave_the_document_alone(doc):
    seen = record(doc)
    with pytest.raises(CircuitError, match="finite"):
        doc.set_value("n1", float("nan"))
    with pytest.raises(CircuitError, match="already used"):
        doc.set_label("n1", "b")
    with pytest.raises(CircuitError, match="cannot be empty"):
        doc.set_label("n1", "  ")
    with pytest.raises(CircuitError, match="lo < hi"):
        doc.set_slider("n1", 1, 1, 0.1)
    with pytest.raises(CircuitError, match="already exists"):
        doc.add_node(doc.make_node("input", label="zz", node_id="n1"))
    with pytest.raises(CircuitError, match="no node with id 'n77'"):
        doc.node("n77")
    assert seen == []
    assert doc.node("n1").label == "a" and doc.node("n1").value == 0.0


def test_make_node_checks_kind_op_and_activation(doc):
    with pytest.raises(CircuitError, match="unknown node kind 'wheel'"):
        doc.make_node("wheel")
    with pytest.raises(UnknownOpError, match="known ops:.*tanh"):
        doc.make_node("op", "frob")
    with pytest.raises(CircuitError, match="takes no op"):
        doc.make_node("input", "mul")
    with pytest.raises(CircuitError, match="unknown activation 'swish'"):
        doc.make_node("neuron", params={"activation": "swish"})


def test_new_nodes_get_fresh_ids_and_unique_labels(doc):
    m = doc.add_node(doc.make_node("op", "mul"))
    m2 = doc.add_node(doc.make_node("op", "mul"))
    assert (m.label, m2.label) == ("mul", "mul2")
    assert len({n.id for n in doc.nodes()}) == 6
    doc.set_label(m.id, "e2")
    assert doc.unique_label("e") == "e3"


def test_set_params_changes_ports_but_never_drops_a_wire():
    d = Circuit()
    x = d.add_node(d.make_node("input"))
    n = d.add_node(d.make_node("neuron", params={"n": 3, "w": [1, 2, 3]}))
    assert n.input_ports() == ("x1", "x2", "x3")
    d.connect(x.id, n.id, "x3")
    with pytest.raises(CircuitError, match="would lose wired ports: x3"):
        d.set_params(n.id, {"n": 2})
    d.set_params(n.id, {"n": 4, "w": [1, 2, 3, 4]})
    assert d.node(n.id).input_ports() == ("x1", "x2", "x3", "x4")
    assert d.node(n.id).params["activation"] == "tanh"  # defaults are kept


def test_topological_order_and_outputs(doc):
    doc.connect("n2", "n3", "b")
    order = doc.topological_order()
    assert order.index("n1") < order.index("n3") < order.index("n4")
    assert [n.label for n in doc.outputs()] == ["o"]
    out = doc.add_node(doc.make_node("output", label="L"))
    doc.connect("n3", out.id, "x")
    assert [n.label for n in doc.outputs()] == ["L"]
    assert doc.descendants("n1") == {"n3", "n4", out.id}


def test_topological_order_of_a_long_chain_is_iterative():
    d = Circuit()
    prev = d.add_node(d.make_node("input")).id
    for _ in range(3000):
        node = d.add_node(d.make_node("op", "neg"))
        d.connect(prev, node.id, "x")
        prev = node.id
    assert d.topological_order()[-1] == prev


def test_clear_and_replace_with_reset_everything(doc):
    seen = record(doc)
    other = Circuit()
    other.add_node(other.make_node("weight", label="w9"))
    other.set_training({"lr": 0.1})
    other.view = {"zoom": 2.0}
    doc.replace_with(other)
    assert [n.label for n in doc.nodes()] == ["w9"] and doc.training == {"lr": 0.1} and doc.view == {"zoom": 2.0}
    doc.clear()
    assert doc.nodes() == [] and doc.dataset is None and doc.training == {} and doc.view == {}
    assert [name for name, _ in seen] == ["document_reset", "document_reset"]


def test_one_root_rule_for_evaluation_export_and_checking():
    """Circuit.root decides; the evaluator, the exporters and the checker agree with it, refusals included."""
    from engine.circuit.evaluate import Evaluator
    from engine.circuit.validate import validate
    from engine.export.common import ExportError, root_id

    def chain(extra_sink=False, marked=0):
        doc = Circuit()
        a = doc.add_node(doc.make_node("input", label="a", value=0.5))
        t = doc.add_node(doc.make_node("op", "tanh", label="t"))
        doc.connect(a.id, t.id, "x")
        if extra_sink:
            n = doc.add_node(doc.make_node("op", "neg", label="n"))
            doc.connect(a.id, n.id, "x")
        for k in range(marked):
            o = doc.add_node(doc.make_node("output", label=f"out{k}"))
            doc.connect(t.id, o.id, "x")
        return doc, t

    for extra, marked, expect in [(False, 0, "t"), (True, 1, "out0"), (True, 0, None), (False, 2, None)]:
        doc, _ = chain(extra, marked)
        if expect is not None:
            rid = doc.root().id
            assert doc.node(rid).label == expect
            assert Evaluator(doc).root() == rid == root_id(doc)
            assert not [p for p in validate(doc) if "root" in p.message]
        else:
            with pytest.raises(CircuitError, match="exactly one result"):
                doc.root()
            with pytest.raises(CircuitError, match="exactly one result"):
                Evaluator(doc).root()
            with pytest.raises(ExportError, match="exactly one result"):
                root_id(doc)
            assert [p for p in validate(doc) if "root" in p.message]


def test_editing_and_loading_refuse_with_the_same_rules():
    """A parameter edit or a slider range is refused by the rule (and message) that refuses it in a file."""
    from engine.circuit import io
    from engine.commands import History, SetParams

    doc = Circuit()
    n = doc.add_node(doc.make_node("neuron", label="nrn"))
    history = History(doc)
    with pytest.raises(CircuitError) as edit:
        history.push(SetParams(n.id, {**n.params, "w": [1.0, 2.0, 3.0]}))
    assert doc.node(n.id).params["w"] == [0.5, -0.5] and not history.can_undo()
    data = io.to_dict(doc)
    data["nodes"][0]["params"]["w"] = [1.0, 2.0, 3.0]
    with pytest.raises(io.LoadError) as load:
        io.from_dict(data)
    assert "w must hold n = 2 numbers, got 3 values" in str(edit.value) and \
        "w must hold n = 2 numbers, got 3 values" in str(load.value)
    with pytest.raises(CircuitError) as edit:
        doc.set_slider(n.id, 1.0, -1.0, 0.1)
    data = io.to_dict(doc)
    data["nodes"][0]["slider"] = [1.0, -1.0, 0.1]
    with pytest.raises(io.LoadError) as load:
        io.from_dict(data)
    assert "slider needs lo < hi and step > 0, got [1.0, -1.0, 0.1]" in str(edit.value)
    assert "slider needs lo < hi and step > 0, got [1.0, -1.0, 0.1]" in str(load.value)
