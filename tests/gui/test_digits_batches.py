"""Lesson 11 (seed 002's MNIST lesson on the 8x8 digits) through the GUI: the Train action trains the digits
example in mini-batches of 128 with 20 % held out, the loss/accuracy panel draws the test accuracy beside the
train accuracy, and the lessons reporter's test_accuracy passes the lesson's step (>= 95 %)."""

import numpy as np
import pytest
from PySide6.QtWidgets import QDockWidget

from engine import datasets
from engine.circuit.batches import split
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.test_lesson_panel import goto, make_window

MAX_STEPS = 600  # the run reaches 95 % after about 110 steps (12 batches an epoch: about 9 epochs)


def numpy_test_accuracy(doc, test_rows) -> float:
    X, y = datasets.digits()
    h = X[test_rows]
    dense = [n for n in doc.nodes() if n.kind == "dense"]
    for i, n in enumerate(dense):
        h = h @ np.asarray(n.params["W"]).T + np.asarray(n.params["b"])
        h = np.maximum(h, 0.0) if i < len(dense) - 1 else h
    return float(np.mean(h.argmax(axis=1) == y[test_rows]))


def test_lesson_11_trains_digits_in_batches_of_128_to_95_percent_on_the_test_rows(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "s.ini")
    r = goto(w, "digits", "test_accuracy")
    assert w.doc.training["batch_size"] == 128 and w.doc.training["test_share"] == 0.2
    panel = w.playground["training"]
    assert panel.batch.value() == 128 and panel.test_share.value() == 20  # the file's settings, shown
    w.findChild(QDockWidget, "dock_loss").raise_()
    panel.speed.setValue(200)
    ctl = w.session.controller
    entries = w.undo_stack.count()
    start = {n.id: np.array(n.params["W"]) for n in w.doc.nodes() if n.kind == "dense"}
    ctl.actions["train"].trigger()
    qtbot.waitUntil(lambda: r.index in r.passed or (ctl.trainer is not None and len(ctl.trainer.history) > MAX_STEPS),
                    timeout=60000)
    ctl.actions["train"].trigger()  # pause
    trainer = ctl.trainer
    assert r.index in r.passed, f"test accuracy {trainer.test_accuracy[-1]:.3f} after {len(trainer.history)} steps"
    assert trainer.feed.batches.size == 128 and len(trainer.history) <= MAX_STEPS
    assert r.metrics["test_accuracy"] >= 0.95 and r.metrics["test_accuracy"] in trainer.test_accuracy
    assert w.undo_stack.count() == entries + 1  # the run is one undo entry
    _, test = split(1797, 0.2, 0)
    assert numpy_test_accuracy(w.doc, test) >= 0.94  # the weights now, on the held-out rows, by numpy
    loss = w.playground["loss"]
    qtbot.waitUntil(lambda: len(loss.test_curve.getData()[1] if loss.test_curve.getData()[1] is not None else []) > 0)
    assert list(loss.test_curve.getData()[1]) == pytest.approx(trainer.test_accuracy)
    assert list(loss.acc_curve.getData()[1]) == pytest.approx(trainer.accuracy)
    w.grab().save(str(SCREENSHOTS / "digits_batches_lesson11.png"))
    w.undo_stack.undo()  # back to the weights the run started from
    assert all(np.array_equal(n.params["W"], start[n.id]) for n in w.doc.nodes() if n.kind == "dense")


def test_the_batch_settings_in_portuguese_edit_the_file_settings(qtbot, tmp_path):
    from PySide6.QtWidgets import QFormLayout

    from gui.i18n import set_language

    assert set_language("pt_BR") == "pt_BR"
    try:
        w = make_window(qtbot, tmp_path / "s.ini")
        assert w.open(EXAMPLES / "moons.json")
        panel = w.playground["training"]
        form = panel.findChild(QFormLayout)
        labels = {form.labelForField(f).text() for f in (panel.batch, panel.test_share)}
        assert labels == {"Tamanho do lote", "Parte de teste"} and panel.batch.text() == "lote inteiro"
        panel.batch.setValue(32)
        panel.batch.editingFinished.emit()
        panel.test_share.setValue(25)
        panel.test_share.editingFinished.emit()
        assert w.doc.training["batch_size"] == 32 and w.doc.training["test_share"] == 0.25
        w.findChild(QDockWidget, "dock_training").raise_()
        panel.grab().save(str(SCREENSHOTS / "panel_training_batches_pt_BR.png"))
        w.undo_stack.undo()
        assert w.doc.training["batch_size"] == 32 and "test_share" not in w.doc.training
    finally:
        set_language("en")
