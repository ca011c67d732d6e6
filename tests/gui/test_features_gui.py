"""pytest-qt: the feature buttons of the Training panel add x1² and x2² to circles with one click each, a
single neuron wired to them solves the circles, and the boundary marks the held-out points; screenshot."""

import json

import numpy as np
from PySide6.QtWidgets import QDockWidget

from engine.circuit import probe
from engine.circuit.commands import Connect
from tests.conftest import SCREENSHOTS
from tests.gui.playground_support import open_shown


def circles_neuron(tmp_path):
    """Circles (20 % held out) with a linear neuron into a hinge loss; the neuron's inputs are left open."""
    spec = {"format": "backprop-playground", "version": 1,
            "nodes": [{"id": "y", "kind": "data", "label": "y", "params": {"column": "y"}, "pos": [0, 200]},
                      {"id": "nr", "kind": "neuron", "label": "neuron", "pos": [200, 60],
                       "params": {"n": 2, "activation": "linear", "w": [0.1, 0.1], "b": 0.0}},
                      {"id": "loss", "kind": "op", "op": "hinge", "label": "loss", "pos": [400, 100]}],
            "edges": [{"src": "nr", "dst": "loss", "port": "score"}, {"src": "y", "dst": "loss", "port": "target"}],
            "dataset": {"name": "circles", "params": {"n": 200, "noise": 0.05, "seed": 2}},
            "training": {"optimizer": "adam", "lr": 0.05, "steps": 200, "test_share": 0.2},
            "view": {"title": "circles, one neuron"}}
    path = tmp_path / "circles_neuron.json"
    path.write_text(json.dumps(spec))
    return path


def test_two_clicks_add_x1_squared_and_x2_squared_and_one_neuron_solves_circles(window, qtbot, tmp_path):
    assert window.open(circles_neuron(tmp_path))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = window.playground["training"]
    buttons = panel.features.buttons
    assert all(b.isEnabled() and not b.isChecked() for b in buttons.values())
    depth = window.undo_stack.count()
    buttons["x1^2"].click()
    buttons["x2^2"].click()
    assert window.undo_stack.count() == depth + 2  # one undo entry per click
    assert buttons["x1^2"].isChecked() and buttons["x2^2"].isChecked() and not buttons["sin x1"].isChecked()
    doc = window.doc
    assert doc.dataset["features"] == ["x1^2", "x2^2"]
    by_label = {n.label: n for n in doc.nodes()}
    assert by_label["x1²"].params["column"] == "x3" and by_label["x2²"].params["column"] == "x4"
    window.undo.push(Connect(by_label["x1²"].id, "nr", "x1"))
    window.undo.push(Connect(by_label["x2²"].id, "nr", "x2"))
    ctl = window.playground["controller"]
    for _ in range(200):
        ctl.gradient_step()
    assert probe.current_accuracy(window.evaluator) >= 0.97

    boundary = window.findChild(QDockWidget, "dock_boundary")
    boundary.show()
    boundary.raise_()
    panel_b = getattr(boundary.widget(), "panel", boundary.widget())
    qtbot.waitUntil(lambda: panel_b.grid is not None and panel_b.grid.test is not None)
    grid = panel_b.grid
    assert int(grid.test.sum()) == 40  # 20 % of 200, the split training holds out
    symbols = panel_b.points.data["symbol"]
    assert list(symbols == "t1") == list(grid.test)
    w = doc.node("nr").params["w"]
    assert np.sign(w[0]) == np.sign(w[1])  # the boundary is a ring: x1² and x2² weigh the same way
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    window.grab().save(str(SCREENSHOTS / "features_circles_one_neuron.png"))
    buttons["x1^2"].click()  # out again: its node goes, x2² moves to column x3
    assert doc.dataset["features"] == ["x2^2"] and by_label["x2²"].id in {n.id for n in doc.nodes()}
    assert doc.node(by_label["x2²"].id).params["column"] == "x3" and "x1²" not in {n.label for n in doc.nodes()}


def test_feature_buttons_are_disabled_with_the_reason_on_the_digits(window, qtbot):
    from tests.conftest import EXAMPLES

    assert window.open(EXAMPLES / "digits.json")
    panel = window.playground["training"]
    for button in panel.features.buttons.values():
        assert not button.isEnabled() and "2-D dataset" in button.toolTip()


def test_the_dataset_picker_keeps_the_features_and_explains_when_it_cannot(window, qtbot, tmp_path):
    """Features belong to the circuit: xor gets x1² and x2² from its own x1, x2; the digits have no x1, x2,
    so the features go with their data nodes (the status line says so) and Undo brings them back."""
    from engine import datasets

    assert window.open(circles_neuron(tmp_path))
    panel = window.playground["training"]
    panel.features.buttons["x1^2"].click()
    panel.features.buttons["x2^2"].click()
    doc = window.doc
    by_label = {n.label: n for n in doc.nodes()}
    window.undo.push(Connect(by_label["x1²"].id, "nr", "x1"))
    window.undo.push(Connect(by_label["x2²"].id, "nr", "x2"))
    depth = window.undo_stack.count()
    panel.dataset.setCurrentIndex(panel.dataset.findData("xor"))
    assert doc.dataset == {"name": "xor", "params": {}, "features": ["x1^2", "x2^2"]}
    assert window.undo_stack.count() == depth + 1
    assert not window.evaluator.errors
    X, _ = datasets.xor()
    np.testing.assert_array_equal(window.evaluator.values[by_label["x1²"].id], X[:, 0] ** 2)
    np.testing.assert_array_equal(window.evaluator.values[by_label["x2²"].id], X[:, 1] ** 2)
    assert panel.features.buttons["x1^2"].isChecked() and panel.features.buttons["x2^2"].isChecked()
    ctl = window.playground["controller"]
    for _ in range(5):
        ctl.gradient_step()  # training runs on the new dataset's feature columns
    assert np.isfinite(doc.node("nr").params["w"]).all()

    panel.dataset.setCurrentIndex(panel.dataset.findData("digits"))
    assert doc.dataset["name"] == "digits" and "features" not in doc.dataset
    assert {"x1²", "x2²"}.isdisjoint(n.label for n in doc.nodes())
    message = window.statusBar().currentMessage()
    assert "digits" in message and "x1²" in message and "Undo" in message
    assert not any(b.isChecked() or b.isEnabled() for b in panel.features.buttons.values())
    window.undo_stack.undo()
    assert doc.dataset["name"] == "xor" and doc.dataset["features"] == ["x1^2", "x2^2"]
    assert {"x1²", "x2²"} <= {n.label for n in doc.nodes()}
    assert panel.dataset.currentData() == "xor" and panel.features.buttons["x1^2"].isChecked()
    window.undo_stack.redo()
    assert doc.dataset["name"] == "digits"
    window.undo_stack.undo()

    # from xor to circles through the picker: the neuron on x1² and x2² solves the circles from the GUI
    panel.dataset.setCurrentIndex(panel.dataset.findData("circles"))
    assert doc.dataset["features"] == ["x1^2", "x2^2"] and not window.evaluator.errors
    ctl.restart_training()
    for _ in range(300):
        ctl.gradient_step()
    assert probe.current_accuracy(window.evaluator) >= 0.97


def test_a_feature_on_the_moons_network_widens_its_first_layer_and_training_goes_on(window, qtbot):
    from tests.conftest import EXAMPLES

    assert window.open(EXAMPLES / "moons.json")
    panel = window.playground["training"]
    ctl = window.playground["controller"]
    for _ in range(3):
        ctl.gradient_step()
    panel.features.buttons["x1*x2"].click()
    layer = window.doc.by_label("layer1")
    assert np.asarray(layer.params["W"]).shape == (16, 3) and not window.evaluator.errors
    for _ in range(5):
        ctl.gradient_step()
    assert not window.evaluator.errors
    assert np.abs(np.asarray(window.doc.by_label("layer1").params["W"])[:, 2]).sum() > 0


def test_picking_the_digits_for_the_moons_network_fits_it_says_so_and_undo_restores_it(window, qtbot):
    """The learner's trap before: layer1 could not take 64 columns, every number was NaN and autosave
    refused the document. Now the network is fitted in one undo entry and the status line says how."""
    from tests.conftest import EXAMPLES

    assert window.open(EXAMPLES / "moons.json")
    panel = window.playground["training"]
    doc = window.doc
    before = np.asarray(doc.by_label("layer1").params["W"]).copy()
    depth = window.undo_stack.count()
    panel.dataset.setCurrentIndex(panel.dataset.findData("digits"))
    assert window.undo_stack.count() == depth + 1
    assert np.asarray(doc.by_label("layer1").params["W"]).shape == (16, 64)
    window.evaluator.forward()
    assert not window.evaluator.errors and np.isfinite(window.evaluator.root_value())
    message = window.statusBar().currentMessage()
    assert "layer1 now reads the 64 columns of digits" in message and "10 classes" in message
    from engine.circuit import io
    assert "layer1" in io.dumps(doc)  # it can be saved (autosave wrote nothing before)
    window.undo_stack.undo()
    assert doc.dataset["name"] == "moons"
    np.testing.assert_array_equal(doc.by_label("layer1").params["W"], before)
    assert window.errors == []


def test_a_data_node_whose_column_the_new_dataset_lacks_says_so_on_its_card_and_in_the_inspector(window, qtbot):
    """The lecture's MLP reads x1..x3 of lecture4; on the moons its x3 node was blank with no word of why."""
    from gui.canvas.node_item import missing_text

    open_shown(window, qtbot, "mlp_lecture")
    panel = window.playground["training"]
    panel.dataset.setCurrentIndex(panel.dataset.findData("moons"))
    x3 = window.doc.by_label("x3")
    card = window.scene.node_item(x3.id)
    qtbot.waitUntil(lambda: card.missing is not None)
    assert missing_text(card.missing, short=True) == "moons has no x3"
    window.scene.select_ids([x3.id])
    inspector = window.playground["inspector"]
    qtbot.waitUntil(lambda: inspector.missing.isVisible())
    assert inspector.missing.text() == "Not computed: moons has no column x3: it has x1, x2, y and X."
    assert inspector.editors["column"].currentText() == "x3"  # shown as it is, not as x1
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: card.missing is None)


def test_wiring_the_digits_into_a_fresh_dense_block_by_mouse_sizes_it_and_says_so(window, qtbot):
    """A dense block from the palette reads 2 inputs; wired to the digits' X it could not run and the
    document could not be saved (nor autosaved) until the learner found out why."""
    from engine.circuit import io
    from engine.commands import AddNode
    from tests.gui.test_canvas_edit import wire

    open_shown(window, qtbot, "digits")
    doc = window.doc
    block = doc.make_node("dense", label="mine", pos=(doc.by_label("X").pos[0] + 200, doc.by_label("X").pos[1] + 160))
    window.undo.push(AddNode(block))
    window.view.fit_all()
    qtbot.wait(20)
    depth = window.undo_stack.count()
    wire(qtbot, window.view, window.scene, doc.by_label("X").id, block.id, "x")
    assert doc.inputs_of(block.id) == {"x": doc.by_label("X").id}
    assert doc.node(block.id).params["nin"] == 64 and window.undo_stack.count() == depth + 1
    assert window.statusBar().currentMessage() == "mine now reads 64 inputs (new weights)"
    assert "mine" in io.dumps(doc)
    window.undo_stack.undo()
    assert doc.inputs_of(block.id) == {} and doc.node(block.id).params["nin"] == 2


def test_a_wire_that_would_leave_a_circuit_unable_to_run_is_refused_with_the_reason(window, qtbot):
    from engine.commands import AddNode, Connect
    from tests.gui.test_canvas_edit import wire

    open_shown(window, qtbot, "digits")
    doc = window.doc
    add = doc.make_node("op", "add", label="mix", pos=(doc.by_label("layer3").pos[0], doc.by_label("X").pos[1] + 160))
    window.undo.push(AddNode(add))
    window.undo.push(Connect(doc.by_label("X").id, add.id, "a"))
    window.view.fit_all()
    qtbot.wait(20)
    depth = window.undo_stack.count()
    wire(qtbot, window.view, window.scene, doc.by_label("layer3").id, add.id, "b")
    assert "b" not in doc.inputs_of(add.id) and window.undo_stack.count() == depth
    message = window.statusBar().currentMessage()
    assert message.startswith("This wire would leave a circuit that cannot run: 'mix' (add) cannot take its inputs")
    wire(qtbot, window.view, window.scene, doc.by_label("X").id, add.id, "b")  # X + X runs: wired
    assert doc.inputs_of(add.id)["b"] == doc.by_label("X").id


def test_a_column_choice_that_would_leave_the_circuit_unable_to_run_is_refused_and_the_field_kept(window, qtbot):
    """The digits' X node switched to column x1 would feed layer1 one number per row instead of 64."""

    open_shown(window, qtbot, "digits")
    X = window.doc.by_label("X")
    window.scene.select_ids([X.id])
    inspector = window.playground["inspector"]
    box = inspector.editors["column"]
    depth = window.undo_stack.count()
    box.setCurrentText("x1")
    assert window.doc.node(X.id).params["column"] == "X" and window.undo_stack.count() == depth
    assert box.currentText() == "X"
    assert inspector.message.text().startswith("This change would leave a circuit that cannot run: 'layer1'")
    box.setCurrentText("y")  # a single column: also refused
    assert window.doc.node(X.id).params["column"] == "X" and box.currentText() == "X"
    assert window.errors == []
