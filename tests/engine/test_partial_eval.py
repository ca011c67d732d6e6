"""One unwired node does not blank the circuit (issue 11): the complete part keeps its values and
gradients, the incomplete nodes say what they are missing. Oracle: the same circuit evaluated whole."""

from __future__ import annotations

import networkx as nx
import pytest

from engine.circuit import CircuitError
from engine.circuit.evaluate import Evaluator
from engine.commands import AddNode, Disconnect, History
from engine.expr import circuit_from_expression

L_VALUES = {"a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0}
L_SEED = {"a": (2.0, 6.0), "b": (-3.0, -4.0), "c": (10.0, -2.0), "f": (-2.0, 4.0), "e": (-6.0, -2.0),
          "d": (4.0, -2.0), "L": (-8.0, 1.0)}  # the lecture's numbers (seed 004)
NEURON = "n = x1*w1 + x2*w2 + b; o = tanh(n)"
NEURON_VALUES = {"x1": 2.0, "x2": 0.0, "w1": -3.0, "w2": 1.0, "b": 6.8813735870195432}


def lecture_L():
    return circuit_from_expression("e = a*b; d = e + c; L = d*f", values=L_VALUES)


def numbers(doc, ev) -> dict:
    return {n.label: (ev.value(n.id), ev.grad(n.id)) for n in doc.nodes()}


def test_a_stray_node_keeps_the_lecture_numbers_of_L():
    doc = lecture_L()
    ev = Evaluator(doc)
    History(doc).push(AddNode(doc.make_node("op", "add", label="stray", pos=(400, 0))))
    stray = doc.by_label("stray")
    got = numbers(doc, ev)
    assert got.pop("stray") == (None, None)  # no value and no gradient, not 0
    assert got == L_SEED  # exact: these are sums and products of small integers
    assert dict(ev.incomplete) == {stray.id: "needs inputs a, b"}
    assert ev.compile_error is None and ev.backward_error is None
    assert ev.root() == doc.by_label("L").id


def test_half_wired_stray_node_says_which_input_it_needs():
    doc = lecture_L()
    ev = Evaluator(doc)
    stray = doc.add_node(doc.make_node("op", "mul", label="m2"))
    doc.connect(doc.by_label("a").id, stray.id, "a")
    assert ev.incomplete[stray.id] == "needs input b"
    assert ev.value(doc.by_label("L").id) == -8.0 and ev.grad(doc.by_label("a").id) == 6.0


@pytest.mark.parametrize("formula, values", [("e = a*b; d = e + c; L = d*f", L_VALUES), (NEURON, NEURON_VALUES)])
def test_cutting_any_wire_keeps_every_value_upstream_of_it(formula, values):
    """Every wire in turn: the nodes that do not depend on the cut keep exactly their values; the cut node
    needs its port, everything after it waits for it and the result says so; undo brings all back."""
    whole = circuit_from_expression(formula, values=values)  # (ids are the same in every build)
    full = numbers(whole, Evaluator(whole))
    for _src, dst, port in whole.edges():
        doc = circuit_from_expression(formula, values=values)
        ev = Evaluator(doc)
        history = History(doc)
        history.push(Disconnect(dst, port))
        after = {dst} | nx.descendants(doc.graph, dst)
        root = whole.root().id  # the result stays the result, even where the cut leaves two sinks
        cut_label = doc.node(dst).label
        for node in doc.nodes():
            if node.id in after:
                assert ev.value(node.id) is None and ev.grad(node.id) is None
            else:
                assert ev.value(node.id) == full[node.label][0], (port, cut_label, node.label)
        assert ev.incomplete[dst] == f"needs input {port}"
        assert set(ev.incomplete) == after
        for nid in after - {dst}:
            assert ev.incomplete[nid] == f"waits for {cut_label!r} (needs input {port})"
        assert ev.compile_error == (f"{doc.node(root).label!r} needs input {port}" if root == dst else
                                    f"{doc.node(root).label!r} waits for {cut_label!r} (needs input {port})")
        assert ev.grads_stale  # no gradients of a result that cannot be computed
        history.undo()
        assert numbers(doc, ev) == full and not ev.incomplete and ev.compile_error is None


def test_nudging_a_leaf_of_a_partial_circuit_updates_the_complete_part():
    doc = lecture_L()
    ev = Evaluator(doc)
    doc.add_node(doc.make_node("op", "add", label="stray"))
    doc.set_value(doc.by_label("a").id, 3.0)
    assert ev.value(doc.by_label("L").id) == (3.0 * -3.0 + 10.0) * -2.0
    assert ev.grad(doc.by_label("b").id) == -2.0 * 3.0
    assert ev.numeric_grads()[doc.by_label("b").id] == pytest.approx(-6.0)


def test_a_stepper_runs_on_the_complete_part():
    doc = lecture_L()
    ev = Evaluator(doc)
    doc.add_node(doc.make_node("op", "add", label="stray"))
    stepper = ev.stepper()
    while stepper.step():
        pass
    assert ev.grad(doc.by_label("a").id) == 6.0 and ev.grad(doc.by_label("stray").id) is None


def test_a_fresh_evaluator_never_takes_a_cut_off_part_for_the_result():
    """Without a last result to keep (a strategy's own evaluator, a file opened half-wired), cutting
    e -> d leaves two sinks, e (complete) and L (waits for d): differentiating e instead of L would be a
    silent trap, so the root is refused with the reason. A fresh unwired node alone does not count."""
    doc = lecture_L()
    doc.disconnect(doc.by_label("d").id, "a")
    ev = Evaluator(doc)
    with pytest.raises(CircuitError, match="exactly one result"):
        ev.root()
    assert ev.value(doc.by_label("e").id) == -6.0 and ev.grads_stale
    doc = lecture_L()
    doc.add_node(doc.make_node("op", "add", label="stray"))
    assert Evaluator(doc).root() == doc.by_label("L").id
    doc.disconnect(doc.by_label("L").id, "b")  # f is a leaf: L (wired) and stray are the sinks, neither complete
    ev = Evaluator(doc)
    with pytest.raises(CircuitError, match="'L' needs input b"):
        ev.root()


def test_another_document_does_not_inherit_the_last_result():
    """Open L (its result is n7), then a half-wired file whose sinks include a node with that same id:
    the new file's result is not guessed from the old one."""
    doc = lecture_L()
    ev = Evaluator(doc)
    root_id = ev.root()
    other = lecture_L()
    other.disconnect(other.by_label("d").id, "a")  # e and L are both sinks, and L has L's old id
    assert other.by_label("L").id == root_id
    doc.replace_with(other)
    with pytest.raises(CircuitError, match="exactly one result"):
        ev.root()


def test_a_data_node_reading_a_column_the_dataset_lacks_says_so_and_the_rest_runs():
    """mlp_lecture reads x1..x3 of lecture4; on the moons (x1, x2) its x3 node names the missing column,
    what it feeds waits for it, and x1, x2 still read the moons' columns. Without a dataset, every data
    node says to choose one. Oracle: the moons arrays themselves."""
    from engine.circuit import io
    from engine.circuit.data import dataset_arrays
    from engine.commands import SetDocAttr
    from tests.conftest import EXAMPLES

    doc = io.load(EXAMPLES / "mlp_lecture.json")
    history = History(doc)
    ev = Evaluator(doc)
    assert not ev.incomplete and ev.compile_error is None
    history.push(SetDocAttr("dataset", {"name": "moons", "params": {}}))
    x3 = doc.by_label("x3")
    assert ev.incomplete[x3.id] == "moons has no column x3: it has x1, x2, y and X"
    assert all(why == "waits for 'x3' (moons has no column x3: it has x1, x2, y and X)"
               for nid, why in ev.incomplete.items() if nid != x3.id)
    assert set(ev.incomplete) == {x3.id} | set(nx.descendants(doc.graph, x3.id))
    X, _ = dataset_arrays(doc.dataset)
    assert list(ev.values[doc.by_label("x1").id]) == list(X[:, 0])
    history.push(SetDocAttr("dataset", None))
    assert all(ev.incomplete[n.id] == "no dataset: choose one in the Training panel"
               for n in doc.nodes() if n.kind == "data")
    history.push(SetDocAttr("dataset", {"name": "moons", "params": {"n": 0}}))  # cannot be made
    why = ev.incomplete[x3.id]
    assert why.startswith("the dataset 'moons' cannot be made") and ev.incomplete[doc.by_label("x1").id] == why
    for _ in range(3):
        history.undo()
    assert not ev.incomplete and ev.compile_error is None  # back on lecture4: every node computes
