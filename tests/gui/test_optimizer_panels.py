"""pytest-qt: the optimizer table (sortable, updated while training, large blocks one click from their full
matrix), the confusion matrix panel and the Training panel's stop condition; screenshots at 1366x768."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.circuit.confusion import circuit_confusion
from engine.commands import SetDocAttr
from engine.optim_state import optimizer_state
from gui.playground.docks import TITLE_ROOM, on_screen
from gui.playground.optimizer_panel import SORT
from tests.conftest import EXAMPLES, SCREENSHOTS


def open_panel(window, key, qtbot):
    layout = window.dock_layout
    act = next(a for a in layout.view_actions() if a.parent() is layout.docks[key] or
               layout.docks[key].toggleViewAction() is a)
    assert not layout.docks[key].isVisible()  # on demand: hidden until asked for
    act.trigger()
    qtbot.waitUntil(lambda: window.playground[key].on_screen() and not window.playground[key]._dirty)
    dock = layout.docks[key]
    assert dock.isFloating()  # a window of its own: the bottom tab names keep their room
    screen = window.screen().availableGeometry()
    frame = 8  # px: the floating window's own frame may stick out by its width
    assert screen.adjusted(-frame, -frame, frame, frame).contains(dock.geometry()), \
        f"{key} opens wholly on screen: {dock.geometry()} in {screen}"
    return window.playground[key]


@pytest.mark.parametrize("corner", [(0, 0), (-500, -400), (900, 500)])
def test_a_floating_window_opens_over_the_main_one_and_on_the_screen(window, qtbot, corner):
    window.resize(700, 500)
    window.move(*corner)  # partly off screen too: what a learner may have done with it
    window.show()
    qtbot.waitExposed(window)
    screen = window.screen().availableGeometry()
    for size in ((400, 300), (5000, 4000)):
        rect = on_screen(window, *size)
        assert screen.contains(rect) and rect.top() >= screen.top() + TITLE_ROOM
        assert rect.width() == min(size[0], screen.width())
        centre = window.frameGeometry().center()
        w, h = rect.width(), rect.height()
        if screen.left() <= centre.x() - w // 2 and centre.x() + w // 2 <= screen.right() and \
                screen.top() + TITLE_ROOM <= centre.y() - h // 2 and centre.y() + h // 2 <= screen.bottom():
            assert (rect.center() - centre).manhattanLength() <= 2, "centred over the main window when it can be"


def trained(window, qtbot, example, key, steps):
    """The window at 1366x768 with an example open, the panel `key` opened and `steps` gradient steps taken."""
    assert window.open(EXAMPLES / f"{example}.json")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = open_panel(window, key, qtbot)
    ctl = window.playground["controller"]
    for _ in range(steps):
        ctl.gradient_step()
    return panel, ctl


def shot(window, qtbot, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    path = SCREENSHOTS / f"{name}.png"
    window.grab().save(str(path))
    return path


def test_optimizer_table_shows_adam_state_updates_while_training_and_sorts(window, qtbot):
    assert window.open(EXAMPLES / "moons.json")
    window.undo.push(SetDocAttr("training", {**window.doc.training, "optimizer": "adam", "lr": 0.02}))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = open_panel(window, "optimizer", qtbot)
    assert panel.model.rowCount() == 0 and "first gradient step" in panel.caption.text()
    ctl = window.playground["controller"]
    for _ in range(3):
        ctl.gradient_step()
    qtbot.waitUntil(lambda: panel.state is not None and panel.state.k == 3)
    expected = optimizer_state(ctl.trainer)
    assert [e.name for e in panel.model.rows] == [e.name for e in expected.entries]  # moons: 337 entries, none big
    row = next(i for i, e in enumerate(panel.model.rows) if e.name == "layer2.W[3,5]")
    e = next(e for e in expected.entries if e.name == "layer2.W[3,5]")
    assert panel.table.isColumnHidden(3) and not panel.table.isColumnHidden(4)  # Adam: no momentum buffer column
    cells = [panel.model.index(row, c).data() for c in range(7)]
    assert cells == ["layer2.W[3,5]", f"{e.value:.4g}", f"{e.grad:.4g}", "", f"{e.m:.4g}", f"{e.sqrt_v:.4g}",
                     f"{e.step:.4g}"]
    ctl.toggle_training()  # it follows training
    qtbot.waitUntil(lambda: panel.state.k >= 10, timeout=10000)
    ctl.toggle_training()
    panel.table.sortByColumn(2, Qt.DescendingOrder)  # the largest gradient first
    grads = [panel.proxy.index(r, 2).data(SORT) for r in range(panel.proxy.rowCount())]
    assert grads == sorted(grads, reverse=True) and grads[0] == max(e.grad for e in panel.state.entries)
    assert shot(window, qtbot, "optimizer_table_moons_1366x768").exists()


def test_a_large_block_is_summarised_and_one_click_opens_its_full_matrix(window, qtbot):
    panel, ctl = trained(window, qtbot, "digits", "optimizer", 2)
    qtbot.waitUntil(lambda: panel.state is not None and panel.state.k == 2)
    summaries = panel.state.summaries
    W1 = next(n for n in window.doc.nodes() if n.kind == "dense").params["W"]
    big = next(s for s in summaries if s.shape == np.shape(W1))
    row = panel.model.rows.index(big)
    text = panel.model.index(row, 1).data()
    assert text == f"‖{np.linalg.norm(W1):.4g}‖ [{np.min(W1):.3g}, {np.max(W1):.3g}]"
    view_row = panel.proxy.mapFromSource(panel.model.index(row, 0))
    rect = panel.table.visualRect(view_row)
    qtbot.mouseClick(panel.table.viewport(), Qt.LeftButton, pos=rect.center())
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    np.testing.assert_array_equal(dialog.matrix, np.asarray(W1))
    dialog.quantity.setCurrentIndex(dialog.quantity.findData("sqrt_v"))
    np.testing.assert_array_equal(dialog.matrix, np.sqrt(ctl.trainer._opt.v[0]))  # W1 is the first parameter
    dialog.grab().save(str(SCREENSHOTS / "optimizer_matrix_digits.png"))
    assert shot(window, qtbot, "optimizer_table_digits_1366x768").exists()


def test_confusion_panel_draws_the_engine_matrix_for_digits_test_rows(window, qtbot):
    panel, _ = trained(window, qtbot, "digits", "confusion", 15)
    panel.rows.setCurrentIndex(panel.rows.findData("test"))
    qtbot.waitUntil(lambda: panel.confusion is not None and panel.confusion.total == 359)
    expected = circuit_confusion(window.evaluator, "test", window.doc.training)
    np.testing.assert_array_equal(panel.confusion.matrix, expected.matrix)
    counts = np.array([int(t.textItem.toPlainText()) for t in panel.texts]).reshape(10, 10)
    np.testing.assert_array_equal(counts, expected.matrix)
    assert f"{expected.accuracy:.1%}" in panel.caption.text()
    assert shot(window, qtbot, "confusion_digits_1366x768").exists()


def test_confusion_panel_explains_itself_without_a_classifier(host, qtbot):
    w, parts = host("neuron")
    w.show()
    w.dock_layout.docks["confusion"].show()
    panel = parts["confusion"]
    qtbot.waitUntil(lambda: not panel._dirty)
    assert panel.confusion is None and not panel.plot.isVisible() and "classifier" in panel.caption.text()


@pytest.mark.parametrize("kind, value", [("steps", 12), ("loss_below", 0.6), ("accuracy_above", 85)])
def test_training_stops_by_itself_when_the_condition_is_met(host, qtbot, kind, value):
    w, parts = host("moons")
    w.show()
    training, ctl = parts["training"], parts["controller"]
    training.stop_kind.setCurrentIndex(training.stop_kind.findData(kind))
    training.stop_value.setValue(value)
    ctl.set_speed(200)
    ctl.toggle_training()
    qtbot.waitUntil(lambda: not ctl.timer.isActive(), timeout=20000)
    history = ctl.trainer.history
    if kind == "steps":
        assert len(history) == 12 and w.messages[-1] == "Training stopped: 12 steps done."
    elif kind == "loss_below":
        assert history[-1] < 0.6 and all(v >= 0.6 for v in history[:-1])
        assert w.messages[-1] == f"Training stopped: the loss {history[-1]:.4g} is below 0.6."
    else:  # (moons.json holds no rows out: the training accuracy)
        acc = ctl.trainer.accuracy
        assert acc[-1] > 0.85 and all(a <= 0.85 for a in acc[:-1])
        assert w.messages[-1] == f"Training stopped: the accuracy {acc[-1]:.1%} is above 85.0%."
    assert ctl.actions["train"].text() == "Train"
