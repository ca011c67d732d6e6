"""Undoable commands: random edit sequences undo and redo to identical documents; merging; macros."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import commands as cmd
from engine.circuit import io
from engine.circuit.document import Circuit, CircuitError

from .circuit_strategies import circuits, random_edit


def snapshot(doc):
    return io.to_dict(doc)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(circuits(max_ops=5), st.data())
def test_random_edits_undo_and_redo_to_identical_documents(doc, data):
    history = cmd.History(doc)
    states = [snapshot(doc)]
    for _ in range(data.draw(st.integers(1, 25))):
        edit = random_edit(data.draw, doc)
        if edit is None:
            continue
        history.push(edit)
        history.seal()
        states.append(snapshot(doc))
    for expected in reversed(states[:-1]):
        assert history.undo()
        assert snapshot(doc) == expected
    assert not history.undo() and not history.is_modified()
    for expected in states[1:]:
        assert history.redo()
        assert snapshot(doc) == expected
    assert not history.redo()
    assert history.is_modified() == (len(states) > 1)


def two_inputs():
    doc = Circuit()
    for label in "xy":
        doc.add_node(doc.make_node("input", label=label))
    return doc, cmd.History(doc)


def test_consecutive_value_edits_of_one_node_merge_until_sealed():
    doc, history = two_inputs()
    for v in (1.0, 2.0, 3.0):
        history.push(cmd.SetValue("n1", v))
    history.seal()
    history.push(cmd.SetValue("n1", 4.0))
    history.push(cmd.SetValue("n1", 5.0))
    assert doc.node("n1").value == 5.0
    history.undo()
    assert doc.node("n1").value == 3.0
    history.undo()
    assert doc.node("n1").value == 0.0
    assert not history.can_undo()
    history.redo()
    assert doc.node("n1").value == 3.0


def test_value_edits_of_different_nodes_do_not_merge():
    doc, history = two_inputs()
    history.push(cmd.SetValue("n1", 1.0))
    history.push(cmd.SetValue("n2", 2.0))
    history.push(cmd.SetValue("n1", 3.0))
    history.undo()
    assert (doc.node("n1").value, doc.node("n2").value) == (1.0, 2.0)
    history.undo()
    history.undo()
    assert (doc.node("n1").value, doc.node("n2").value) == (0.0, 0.0)


def test_a_saved_state_is_not_merged_away():
    doc, history = two_inputs()
    history.push(cmd.SetValue("n1", 1.0))
    history.set_clean()
    history.push(cmd.SetValue("n1", 2.0))
    assert history.is_modified()
    history.undo()
    assert doc.node("n1").value == 1.0 and not history.is_modified()


def test_is_modified_and_set_clean():
    doc, history = two_inputs()
    seen = []
    history.events.changed.connect(lambda: seen.append(1))
    assert not history.is_modified()
    history.push(cmd.Move("n1", (10, 20)))
    assert history.is_modified()
    history.set_clean()
    assert not history.is_modified()
    history.undo()
    assert history.is_modified()
    history.redo()
    assert not history.is_modified()
    history.undo()
    history.push(cmd.Move("n2", (1, 1)))  # the saved state was in the dropped redo branch
    assert history.is_modified()
    history.undo()
    assert history.is_modified()  # the state before the saved one was never saved itself
    assert doc.node("n1").pos == (0.0, 0.0)
    assert len(seen) == 7


def test_a_macro_replacing_the_redo_branch_with_the_saved_state_is_modified():
    doc, history = two_inputs()
    history.push(cmd.Move("n1", (1, 1)))
    history.push(cmd.Move("n1", (2, 2)))
    history.set_clean()
    history.undo()
    with history.macro("two moves"):
        history.push(cmd.Move("n2", (5, 5)))
        history.push(cmd.Move("n2", (6, 6)))
    assert history.is_modified()  # as many entries as when saved, but not the saved state
    assert history.undo() and history.undo() and not history.can_undo()


def test_macro_is_one_entry_and_rolls_back_on_failure():
    doc, history = two_inputs()
    before = snapshot(doc)
    with history.macro("add and wire") as m:
        tanh = doc.make_node("op", "tanh", label="t")
        history.push(cmd.AddNode(tanh))
        history.push(cmd.Connect("n1", tanh.id, "x"))
    assert m.text == "add and wire" and history.undo_text() == "add and wire"
    after = snapshot(doc)
    history.undo()
    assert snapshot(doc) == before
    history.redo()
    assert snapshot(doc) == after
    with pytest.raises(CircuitError, match="already used"):
        with history.macro("bad"):
            history.push(cmd.SetValue("n1", 7.0))
            history.push(cmd.SetLabel("n1", "y"))
    assert snapshot(doc) == after and history.undo_text() == "add and wire"


def test_macro_command_undoes_its_done_children_when_one_fails():
    doc, history = two_inputs()
    before = snapshot(doc)
    bad = cmd.Macro("bad", [cmd.SetValue("n1", 5.0), cmd.Move("n2", (3, 3)), cmd.Connect("n1", "n2", "x")])
    with pytest.raises(CircuitError, match="no input port 'x'"):
        history.push(bad)
    assert snapshot(doc) == before and not history.can_undo()


def test_connect_replaces_and_undo_restores_the_old_wire():
    doc, history = two_inputs()
    t = doc.add_node(doc.make_node("op", "tanh"))
    history.push(cmd.Connect("n1", t.id, "x"))
    history.push(cmd.Connect("n2", t.id, "x"))
    assert doc.inputs_of(t.id) == {"x": "n2"}
    history.undo()
    assert doc.inputs_of(t.id) == {"x": "n1"}


def test_remove_node_undo_restores_wires_exactly():
    doc = Circuit()
    x = doc.add_node(doc.make_node("input", label="x", value=2.0))
    sq = doc.add_node(doc.make_node("op", "mul"))
    out = doc.add_node(doc.make_node("op", "neg"))
    for port in "ab":
        doc.connect(x.id, sq.id, port)
    doc.connect(sq.id, out.id, "x")
    history = cmd.History(doc)
    before = snapshot(doc)
    history.push(cmd.RemoveNode(sq.id))
    assert doc.edges() == [] and history.undo_text() == "delete mul"
    history.undo()
    assert snapshot(doc) == before


def test_set_params_and_doc_attrs_do_not_share_dicts_with_the_caller():
    doc = Circuit()
    n = doc.add_node(doc.make_node("neuron"))
    history = cmd.History(doc)
    new = {"w": [1.0, 2.0]}
    history.push(cmd.SetParams(n.id, new))
    new["w"][0] = 99.0
    doc.node(n.id).params["w"][1] = 42.0  # e.g. training writing weights in place
    history.undo()
    assert doc.node(n.id).params["w"] == [0.5, -0.5]
    history.redo()
    assert doc.node(n.id).params["w"] == [1.0, 2.0]
    settings_ = {"lr": 0.1}
    history.push(cmd.SetDocAttr("training", settings_))
    settings_["lr"] = 5.0
    assert doc.training == {"lr": 0.1}
    history.push(cmd.SetDocAttr("dataset", {"name": "xor"}))
    history.undo()
    assert doc.dataset is None
    history.redo()
    assert doc.dataset == {"name": "xor"}
