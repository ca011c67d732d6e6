"""The inspector edits the selected node through undoable commands and says why an edit is refused."""

import numpy as np
import pytest

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from tests.conftest import EXAMPLES, SCREENSHOTS


def opened(window, qtbot, name):
    assert window.open(EXAMPLES / f"{name}.json")
    window.show()
    qtbot.waitExposed(window)
    return window.playground["inspector"]


def test_editing_the_exponent_k_recomputes_and_undoes(window, qtbot):
    inspector = opened(window, qtbot, "derivative")
    doc, ev = window.doc, window.evaluator
    powk, f = doc.by_label("powk"), doc.by_label("f")
    window.scene.select_ids([powk.id])
    assert inspector.node_id == powk.id and not inspector.value.isVisibleTo(inspector)
    assert "d/dx" in inspector.about.text() or "∂" in inspector.about.text()
    box = inspector.editors["k"]
    assert box.value() == 2.0 and (box.minimum(), box.maximum(), box.singleStep()) == (-10.0, 10.0, 0.5)
    box.setValue(3.0)
    assert doc.node(powk.id).params["k"] == 3.0
    assert ev.value(f.id) == 3 * 27 - 4 * 3 + 5  # f(x) = 3x^3 - 4x + 5 at x = 3
    assert ev.grad(doc.by_label("x").id) == pytest.approx(9 * 9 - 4)
    window.undo_stack.undo()
    assert doc.node(powk.id).params["k"] == 2.0 and ev.value(f.id) == 20.0 and box.value() == 2.0
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(20)  # let the layout place the new rows
    assert box.isVisible() and box.geometry().bottom() < inspector.height()
    inspector.grab().save(str(SCREENSHOTS / "inspector_powk.png"))


def test_renaming_and_a_refused_duplicate_label(window, qtbot):
    inspector = opened(window, qtbot, "L")
    doc = window.doc
    a = doc.by_label("a")
    window.scene.select_ids([a.id])
    assert inspector.value.isVisibleTo(inspector) and inspector.value.node_id == a.id
    inspector.label_edit.setText("alpha")
    inspector.label_edit.editingFinished.emit()
    assert doc.node(a.id).label == "alpha" and inspector.message.text() == ""
    inspector.label_edit.setText("b")
    inspector.label_edit.editingFinished.emit()
    assert doc.node(a.id).label == "alpha" and inspector.label_edit.text() == "alpha"
    assert "already used" in inspector.message.text()
    window.undo_stack.undo()
    assert doc.node(a.id).label == "a" and inspector.label_edit.text() == "a"


def test_changing_a_layer_activation_matches_a_fresh_evaluation(window, qtbot):
    inspector = opened(window, qtbot, "moons")
    doc, ev = window.doc, window.evaluator
    layer1 = doc.by_label("layer1")
    window.scene.select_ids([layer1.id])
    assert inspector.editors["activation"].currentText() == "relu"
    inspector.editors["activation"].setCurrentText("tanh")
    assert doc.node(layer1.id).params["activation"] == "tanh"
    fresh = Evaluator(io.loads(io.dumps(doc)))
    np.testing.assert_array_equal(ev.values[doc.by_label("layer3").id], fresh.values[doc.by_label("layer3").id])
    window.undo_stack.undo()
    assert doc.node(layer1.id).params["activation"] == "relu"
    assert inspector.editors["activation"].currentText() == "relu"
    window.scene.select_ids([doc.by_label("y").id])
    assert inspector.editors["column"].currentText() == "y"
    assert [inspector.editors["column"].itemText(i) for i in range(4)] == ["x1", "x2", "y", "X"]
