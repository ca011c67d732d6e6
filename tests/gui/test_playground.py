"""The live playground driven through its real widgets (offscreen): sliders, stepping, training, plots."""

import pytest
from PySide6.QtWidgets import QDockWidget

from engine import Value
from engine.circuit import probe
from engine.circuit.evaluate import Evaluator
from tests.conftest import SCREENSHOTS


def test_slider_drag_updates_downstream_and_is_one_undo_entry(host, qtbot):
    w, parts = host("neuron")
    doc, ev = w.doc, w.evaluator
    b = doc.by_label("b")
    w.scene.select_ids([b.id])
    slider = parts["slider"]
    assert slider.node_id == b.id
    for pos in (600, 650, 700):
        slider.slider.setValue(pos)
    slider.slider.sliderReleased.emit()
    lo, hi, step = b.slider
    want_b = round(round((lo + (hi - lo) * 0.7) / step) * step, 10)
    assert b.value == pytest.approx(want_b)
    x1, w1, x2, w2 = 2.0, -3.0, 0.0, 1.0
    bv = Value(want_b)
    o = (Value(x1) * Value(w1) + Value(x2) * Value(w2) + bv).tanh()
    o.backward()
    assert ev.value(doc.by_label("o").id) == pytest.approx(o.data, rel=1e-12)
    assert ev.grad(b.id) == pytest.approx(bv.grad, rel=1e-12)
    assert w.undo.history.depth == 1 and w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert b.value == pytest.approx(6.8813735870195432)


def test_stepping_the_neuron_follows_the_lecture(host):
    w, parts = host("neuron")
    ctl, doc = parts["controller"], w.doc
    ctl._ensure_stepper()
    seen = {}
    while not ctl.stepper.done:
        ctl.step_backward()
        for c in ctl.stepper.current.contributions:
            seen[c.target_label] = c.total
    want = {"n": 0.5, "b": 0.5, "x1*w1 + x2*w2": 0.5, "x1*w1": 0.5, "x2*w2": 0.5, "x1": -1.5, "w1": 1.0,
            "x2": 0.5, "w2": 0.0}
    assert seen == pytest.approx(want, abs=1e-12)
    full = Evaluator(doc)
    for n in doc.nodes():
        assert w.evaluator.grad(n.id) == pytest.approx(full.grad(n.id), abs=1e-15)
    parts["chain"].refresh()  # (a hidden panel is lazy: it draws when it comes into view)
    assert "Step 5 of 5" in parts["chain"].heading.text()  # one step per operation node


def test_chain_rule_panel_text_for_L(host, qtbot):
    w, parts = host("L")
    ctl = parts["controller"]
    for _ in range(3):
        ctl.step_backward()
    parts["chain"].refresh()
    text = parts["chain"].current.toPlainText()
    assert "∂L/∂a = ∂L/∂e × ∂e/∂a = −2.0 × −3.0 = 6.0" in text  # gradient = upstream × local, numbers in
    ctl.step_back()
    parts["chain"].refresh()
    assert "∂L/∂a" not in parts["chain"].current.toPlainText()
    assert w.scene.node_item(w.doc.by_label("a").id) is not None
    w.show()
    qtbot.waitExposed(w)
    w.view.fit_all()
    ctl.step_backward()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    w.grab().save(str(SCREENSHOTS / "playground_stepping_L.png"))


def test_gradient_steps_and_training_lower_the_loss(host, qtbot):
    w, parts = host("moons")
    ctl = parts["controller"]
    start = w.evaluator.root_value()
    ctl.gradient_step()
    ctl.gradient_step()
    fired = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(30, lambda: fired.append(True))
    ctl.toggle_training()
    qtbot.waitUntil(lambda: len(ctl.trainer.history) >= 8, timeout=20000)
    ctl.toggle_training()
    hist = ctl.trainer.history
    assert fired, "the event loop ran while training"
    assert hist[0] == start, "the two single steps and the run share one history"
    assert hist[-1] < hist[0]
    xs, ys = parts["loss"].curve.getData()
    assert list(ys) == pytest.approx(hist + [w.evaluator.root_value()])  # the last point is the loss now
    _, acc = parts["loss"].acc_curve.getData()  # a classifier: its accuracy is plotted beside the loss
    now = probe.current_accuracy(w.evaluator)
    assert list(acc) == pytest.approx(ctl.trainer.accuracy + [now])
    assert parts["loss"].acc_plot.isVisibleTo(parts["loss"])
    w.show()
    qtbot.waitExposed(w)
    w.view.fit_all()
    for dock in w.findChildren(QDockWidget):
        if dock.objectName() == "dock_loss":
            dock.raise_()
    w.grab().save(str(SCREENSHOTS / "playground_training_moons.png"))


def test_gradient_bars_and_activation_tangent_hold_the_engine_numbers(host):
    w, parts = host("neuron")
    doc, ev = w.doc, w.evaluator
    o = doc.by_label("o")
    w.scene.select_ids([o.id])
    grads = parts["grads"]
    assert dict(zip(grads.labels, grads.heights, strict=True)) == pytest.approx(
        {n.label: ev.grad(n.id) for n in doc.nodes()})
    act = parts["activation"]
    px, py = act.point.getData()
    n_value = ev.value(doc.by_label("n").id)
    assert px[0] == pytest.approx(n_value) and py[0] == pytest.approx(0.7071067811865477)
    tx, ty = act.tangent.getData()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(1 - 0.7071067811865477**2)


def test_gradient_check_flags_no_mismatch_on_L(host):
    w, parts = host("L")
    parts["controller"].grad_check()
    parts["check"].refresh()
    table = parts["check"].table
    assert table.rowCount() == 4
    assert all(table.item(r, 3).text() == "✓" for r in range(4))


def test_strategies_panel_compares_the_four_strategies(host):
    from engine.circuit.strategies import run_strategy

    w, parts = host("multiply_gate")
    panel = parts["strategies"]
    panel.run_button.click()
    rows = panel.rows()
    assert len(rows) == 4
    engine_result = run_strategy(w.doc, "analytic_gradient")
    assert rows[3][1] == f"{engine_result.output:.6g}"
    assert rows[3][2] == f"{engine_result.evaluations} + {engine_result.backward_passes} backward"
    assert float(rows[3][1]) > -6.0  # the gate's output went up from x*y = -6 (the guide)
    assert f"{engine_result.output:.6g}" in panel.text.toPlainText()


def test_training_panel_settings_dataset_sample_and_accuracy(host):
    w, parts = host("moons")
    panel, ev = parts["training"], w.evaluator
    assert panel.sample.text() == "batch mean" and w.display.sample is None  # the widget and the nodes agree
    panel.lr.setValue(0.3)
    panel.lr.editingFinished.emit()
    assert w.doc.training["lr"] == 0.3
    w.undo_stack.undo()
    assert w.doc.training["lr"] == 0.1
    x = w.doc.by_label("X").id
    panel.sample.setValue(3)
    assert w.display.value(x) == pytest.approx(float(ev.values[x][3].mean()))
    assert w.scene._nodes[x].value == pytest.approx(float(ev.values[x][3].mean()))  # the canvas shows it
    panel.sample.setValue(-1)
    assert w.display.value(x) == pytest.approx(float(ev.values[x].mean()))
    assert w.scene._nodes[x].value == pytest.approx(float(ev.values[x].mean()))
    from engine.circuit import probe

    def current_accuracy():
        clf = probe.classifier(ev)
        return probe.accuracy_at(ev.values[clf.pred_id], ev.values[clf.target_id], clf.threshold)

    assert panel.accuracy.text() == f"{current_accuracy():.1%}"  # shown before any training
    parts["controller"].gradient_step()
    trainer = parts["controller"].trainer
    assert panel.accuracy.text() == f"{current_accuracy():.1%}"  # the weights after the step
    assert 0.5 < trainer.accuracy[-1] <= 1.0


def test_arrow_keys_nudge_the_selected_value(host, qtbot):
    from PySide6.QtCore import Qt

    w, parts = host("L")
    w.show()
    qtbot.waitExposed(w)
    a = w.doc.by_label("a")
    w.scene.select_ids([a.id])
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key_Up)
    assert a.value == pytest.approx(2.0 + a.slider[2])
    qtbot.keyClick(w.view, Qt.Key_Down, Qt.ShiftModifier)
    assert a.value == pytest.approx(2.0 + a.slider[2] - 10 * a.slider[2])
    assert w.evaluator.value(w.doc.by_label("L").id) == pytest.approx((a.value * -3.0 + 10.0) * -2.0)


def test_fast_training_takes_several_steps_per_frame(host, qtbot):
    w, parts = host("moons")
    ctl = parts["controller"]
    parts["training"].speed.setValue(200)
    assert (ctl.steps_per_tick, ctl.timer.interval()) == (7, 35)  # 200 steps/s, redrawn ~29 times a second
    parts["training"].speed.setValue(5)
    assert (ctl.steps_per_tick, ctl.timer.interval()) == (1, 200)
    parts["training"].speed.setValue(200)
    after_tick = []
    ctl.timer.timeout.connect(lambda: after_tick.append(len(ctl.trainer.history)))  # runs after the tick
    ctl.toggle_training()
    qtbot.waitUntil(lambda: len(after_tick) >= 3, timeout=20000)
    ctl.toggle_training()
    assert max(b - a for a, b in zip(after_tick, after_tick[1:], strict=False)) > 1
    assert list(parts["loss"].curve.getData()[1]) == pytest.approx(ctl.trainer.history + [w.evaluator.root_value()])


def test_one_gradient_step_on_L_is_the_lectures_nudge(host):
    w, parts = host("L")
    panel = parts["training"]
    assert panel.moves.currentData() == "all" and panel.objective.currentData() == "maximize"  # set in L.json
    parts["controller"].gradient_step()
    doc = w.doc
    values = {x: doc.by_label(x).value for x in "abcf"}
    assert values == pytest.approx({"a": 2.06, "b": -3.04, "c": 9.98, "f": -1.96})
    assert w.evaluator.root_value() == pytest.approx(-7.286496)
    assert parts["loss"].values == [-8.0] and "maximised" in parts["loss"].plot.getPlotItem().titleLabel.text
    panel.moves.setCurrentIndex(panel.moves.findData("weights"))  # weights only: b is the circuit's one weight
    assert w.doc.training["train_inputs"] is False
    w.undo_stack.undo()
    assert w.doc.training["train_inputs"] is True and panel.moves.currentData() == "all"
