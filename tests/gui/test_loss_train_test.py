"""pytest-qt: the loss panel plots train and test loss and accuracy (the test curves dashed, a legend naming
them) with the Trainer's own numbers; the hover read-out names every curve at the step under the mouse,
anywhere over either plot, and after "Replay from the same start" it reads the earlier run too."""

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from engine.commands import SetDocAttr
from tests.conftest import SCREENSHOTS
from tests.gui.playground_support import open_shown, shown_in_portuguese


def open_trained(window, qtbot, example, steps, **settings):
    open_shown(window, qtbot, example, **settings)
    ctl, loss = window.playground["controller"], window.playground["loss"]
    for _ in range(steps):
        ctl.gradient_step()
    qtbot.waitUntil(lambda: not loss._dirty and len(loss.values) == steps)
    return ctl, loss


def ys(curve):
    y = curve.getData()[1]
    return [] if y is None else list(y)


def legend_texts(curve_legend):
    legend = curve_legend.legend
    if legend is None or not legend.isVisible():
        return []
    return [label.text for _, label in legend.items]


def hover(plot, step, y=None, settle=True):
    """A real mouse move over `plot` at (step, y) in its data coordinates, once the plot's layout is settled
    (an axis fits its width to its labels when first drawn, which moves the view); delivered on return."""
    vb = plot.getPlotItem().vb
    at = None
    for _ in range(5 if settle else 1):
        plot.viewport().repaint()
        QApplication.processEvents()
        y0 = sum(vb.viewRange()[1]) / 2 if y is None else y
        now = plot.mapFromScene(vb.mapViewToScene(QPointF(step, y0)))
        if now == at:
            break
        at = now
    pos = QPointF(at)
    event = QMouseEvent(QEvent.Type.MouseMove, pos, plot.viewport().mapToGlobal(pos), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(plot.viewport(), event)  # delivered now (QTest.mouseMove queues it)


def expected(t, k):
    return (f"step {k}: train loss {t.history[k]:.5g}, test loss {t.test_loss[k]:.5g}, "
            f"train accuracy {t.accuracy[k]:.1%}, test accuracy {t.test_accuracy[k]:.1%}")


@pytest.mark.parametrize(("example", "steps", "settings"), [
    ("moons", 25, {"test_share": 0.2}),  # full batch of the training rows
    ("digits", 8, {}),  # the file's batches of 128 and 20 % held out
])
def test_train_and_test_curves_have_the_trainers_numbers(window, qtbot, example, steps, settings):
    ctl, loss = open_trained(window, qtbot, example, steps, **settings)
    t = ctl.trainer
    assert len(t.test_loss) == steps and len(t.test_accuracy) == steps
    assert ys(loss.curve) == t.history and ys(loss.test_loss_curve) == t.test_loss
    assert ys(loss.acc_curve) == t.accuracy and ys(loss.test_curve) == t.test_accuracy
    assert t.test_loss != t.history  # two different curves
    assert legend_texts(loss.legend) == ["train", "test"] and legend_texts(loss.acc_legend) == ["train", "test"]
    for plot in (loss.plot, loss.acc_plot):  # the read-out names both, over either plot
        for k in (0, steps // 2, steps - 1):
            hover(plot, k)
            assert loss.readout.text() == expected(t, k)
    hover(loss.plot, 1)
    hover(loss.plot, 3, settle=False)  # a quick move that stops: the read-out is of where the mouse stopped
    assert loss.readout.text() == expected(t, 3)
    hover(loss.plot, steps + 40)  # past the right end: the last step
    assert loss.readout.text() == expected(t, steps - 1)
    hover(loss.acc_plot, -30, y=0.1)  # left of the first step, low in the plot: step 0
    assert loss.readout.text() == expected(t, 0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / f"loss_train_test_{example}_1366x768.png"))


def test_hover_reads_the_earlier_run_after_a_replay_and_the_marker_still_works(window, qtbot):
    ctl, loss = open_trained(window, qtbot, "moons", 12)
    timeline = window.playground["timeline"]
    first = list(ctl.trainer.history)
    hover(loss.plot, 4)
    assert loss.readout.text() == f"step 4: {first[4]:.6g}, accuracy {ctl.trainer.accuracy[4]:.1%}"
    qtbot.waitUntil(timeline.replay_button.isEnabled)
    timeline.replay_button.click()
    hover(loss.plot, 9)  # nothing trained yet: the earlier run alone
    assert loss.readout.text() == f"step 9: earlier run {first[9]:.6g}"
    assert legend_texts(loss.legend) == ["this run", "earlier run: sgd, lr 0.1"]
    window.undo.push(SetDocAttr("training", {**window.doc.training, "lr": 0.3}))
    ctl.restart_training()
    for _ in range(5):
        ctl.gradient_step()
    qtbot.waitUntil(lambda: not loss._dirty and len(loss.values) == 5)
    now = ctl.trainer
    hover(loss.plot, 3)
    assert loss.readout.text() == (f"step 3: {now.history[3]:.6g}, accuracy {now.accuracy[3]:.1%}, "
                                   f"earlier run {first[3]:.6g}")
    hover(loss.plot, 10)  # past this run's end (its now, step 5): the earlier run's step 10 only
    assert loss.readout.text() == f"step 10: earlier run {first[10]:.6g}"
    timeline.slider.setValue(2)  # the marker still follows the timeline
    assert timeline.marker.isVisible() and timeline.marker.value() == 2
    hover(loss.plot, 2)
    assert loss.readout.text() == (f"step 2: {now.history[2]:.6g}, accuracy {now.accuracy[2]:.1%}, "
                                   f"earlier run {first[2]:.6g}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "loss_replay_hover_1366x768.png"))


def test_portuguese_names_train_and_test_and_the_read_out_fits(window, qtbot):
    from gui.i18n import set_language

    open_trained(window, qtbot, "digits", 0)
    try:
        pt = shown_in_portuguese(window, qtbot)
        pt.dock_layout.bring_to_front("loss")
        ctl, loss = pt.playground["controller"], pt.playground["loss"]
        for _ in range(6):
            ctl.gradient_step()
        qtbot.waitUntil(lambda: not loss._dirty and len(loss.values) == 6)
        t = ctl.trainer
        assert legend_texts(loss.legend) == ["treino", "teste"]
        hover(loss.plot, 3)
        text = loss.readout.text()
        assert text.startswith("passo 3: perda de treino") and "acurácia de teste" in text
        assert loss.readout.fontMetrics().boundingRect(0, 0, loss.readout.width(), 1000, Qt.TextFlag.TextWordWrap,
                                                       text).height() <= loss.readout.height()  # nothing cut off
        assert f"{t.test_loss[3]:.5g}" in text
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pt.grab().save(str(SCREENSHOTS / "loss_train_test_digits_pt_BR_1366x768.png"))
    finally:
        set_language("en")
