"""Gradient steps: what the plan moves for each kind of circuit, the numbers of a step against the
lecture and by hand, and one undo entry per run that keeps block arrays by reference."""

import json

import numpy as np
import pytest

from engine.circuit import Circuit, io
from engine.circuit.commands import History, SetValue
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import StepEdit, Trainer, TrainingError, loss_root, step_plan
from engine.expr import circuit_from_expression
from tests.conftest import EXAMPLES

L_FORMULA = "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f"


def typed_L():
    return circuit_from_expression(L_FORMULA)


def test_plan_follows_the_circuit():
    plan = step_plan(typed_L())
    assert (plan.objective, plan.train_inputs, plan.loss_root, plan.root) == ("maximize", True, False, "L")
    assert sorted(plan.targets) == ["a", "b", "c", "f"] and plan.goal_follows and plan.moves_follow
    for name in ("moons", "digits", "mlp_lecture", "tensor3x3"):  # a loss node at the root: lowered, weights move
        doc = io.load(EXAMPLES / f"{name}.json")
        plan = step_plan(doc)
        assert (plan.objective, plan.train_inputs, plan.loss_root) == ("minimize", False, True), name
        assert set(plan.targets) == {n.label for n in doc.nodes() if n.kind in ("weight", "neuron", "dense")}
    neuron = step_plan(io.load(EXAMPLES / "neuron.json"))  # a tanh output: the lecture's nudge of every leaf
    assert neuron.objective == "maximize" and sorted(neuron.targets) == ["b", "w1", "w2", "x1", "x2"]


def test_a_loss_behind_an_output_marker_counts_and_settings_override():
    doc = circuit_from_expression("p = w*x; L = mse(p, t)", values={"w": 0.5, "x": 2.0, "t": 3.0})
    assert loss_root(doc) is True
    out = doc.add_node(doc.make_node("output", label="out"))
    doc.connect(doc.by_label("L").id, out.id, "x")
    assert loss_root(doc) is True and step_plan(doc).objective == "minimize"
    doc.set_training({"objective": "maximize", "train_inputs": True})
    plan = step_plan(doc)
    assert (plan.objective, plan.train_inputs, plan.goal_follows, plan.moves_follow) == ("maximize", True, False, False)
    assert "x" in plan.targets and "t" in plan.targets
    doc.set_training({"objective": None, "train_inputs": None})  # null in a file: follow the circuit
    assert step_plan(doc).objective == "minimize"
    two = Circuit()
    a = two.add_node(two.make_node("input", label="a", value=1.0))
    for op in ("sin", "cos"):
        two.connect(a.id, two.add_node(two.make_node("op", op)).id, "x")
    assert loss_root(two) is None and step_plan(two).root is None  # two results: nothing to step


def test_one_step_on_L_is_the_lectures_nudge():
    doc = typed_L()
    ev = Evaluator(doc)
    grads = {x: ev.grad(doc.by_label(x).id) for x in "abcf"}
    assert Trainer(doc, ev).step() == -8.0
    for x, v in {"a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0}.items():  # a.data += 0.01 * a.grad
        assert doc.by_label(x).value == v + 0.01 * grads[x]
    assert ev.root_value() == pytest.approx(-7.286496, abs=1e-12)


def test_a_run_is_one_undo_entry_and_undo_redo_are_exact():
    doc = typed_L()
    history = History(doc)
    trainer = Trainer(doc, Evaluator(doc), history)
    trainer.run(3)
    after = {n.label: n.value for n in doc.nodes()}
    assert history.depth == 1 and history.undo_text() == "3 gradient steps"
    trainer.step()  # a step after the run: a new entry
    assert history.depth == 2 and history.undo_text() == "gradient step"
    history.undo()
    assert {n.label: n.value for n in doc.nodes()} == after
    history.undo()
    assert {x: doc.by_label(x).value for x in "abcf"} == {"a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0}
    history.redo()
    assert {n.label: n.value for n in doc.nodes()} == after


def test_an_edit_between_steps_splits_the_run_and_every_entry_undoes_its_part():
    doc = typed_L()
    history = History(doc)
    ev = Evaluator(doc)
    trainer = Trainer(doc, ev, history)
    trainer.begin_run("training")
    trainer.step()
    history.push(SetValue(doc.by_label("c").id, 5.0))  # the user moves a slider while training runs
    history.seal()
    trainer.step()
    trainer.end_run()
    assert [e.text for e in history.entries] == ["training", "change value", "training"]
    while history.can_undo():
        history.undo()
    assert {x: doc.by_label(x).value for x in "abcf"} == {"a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0}


def test_dense_weights_step_by_adam_and_the_history_holds_arrays_not_copies():
    doc = io.load(EXAMPLES / "digits.json")
    doc.training = {**doc.training, "batch_size": None, "test_share": 0.0}  # full batch: the loss falls each step
    layer = doc.by_label("layer1")
    start = layer.params["W"]
    history = History(doc)
    trainer = Trainer(doc, Evaluator(doc), history)
    losses = trainer.run(4)
    assert losses == sorted(losses, reverse=True)
    (entry,) = history.entries
    assert isinstance(entry, StepEdit) and entry.steps == 4
    assert entry.old_params[layer.id]["W"] is start  # the array the run started from, by reference
    now = doc.node(layer.id).params["W"]
    assert entry.new_params[layer.id]["W"] is now and not now.flags.writeable
    saved = json.loads(io.dumps(doc))  # the file keeps its format: lists of numbers
    W = next(n["params"]["W"] for n in saved["nodes"] if n["label"] == "layer1")
    assert isinstance(W, list) and isinstance(W[0], list) and np.array_equal(np.array(W), now)
    history.undo()
    assert doc.node(layer.id).params["W"] is start


def test_neuron_blocks_keep_a_list_of_floats():
    doc = io.load(EXAMPLES / "mlp_lecture.json")
    trainer = Trainer(doc, Evaluator(doc))
    trainer.step()
    neuron = next(n for n in doc.nodes() if n.kind == "neuron")
    assert type(neuron.params["w"]) is list and all(type(v) is float for v in neuron.params["w"])
    assert type(neuron.params["b"]) is float


def test_nothing_to_move_is_a_clear_error():
    doc = circuit_from_expression("y = 2 * 3")
    with pytest.raises(TrainingError, match="nothing to train: the circuit has no inputs, weights or blocks"):
        Trainer(doc, Evaluator(doc)).step()
