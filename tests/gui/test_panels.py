"""The function-and-derivative panel and the decision-boundary panel, read back against the engine."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QDockWidget

from engine.circuit import probe
from engine.commands import SetValue


def n_points(item):
    xs = item.getData()[0]
    return 0 if xs is None else len(xs)


def shown(qtbot, w, name):
    """Show the window with the dock `name` raised (the panels draw only while visible)."""
    w.show()
    qtbot.waitExposed(w)
    dock = next(d for d in w.findChildren(QDockWidget) if d.objectName() == name)
    dock.raise_()
    qtbot.waitUntil(dock.widget().isVisible)
    return getattr(dock.widget(), "panel", dock.widget())  # a panel that scrolls sits in a PanelScroll


def test_function_panel_draws_the_lectures_polynomial_and_follows_the_slider(host, qtbot):
    w, parts = host("derivative")
    panel = shown(qtbot, w, "dock_function")
    qtbot.waitUntil(lambda: n_points(panel.curve) > 0)
    xs, ys = panel.curve.getData()
    np.testing.assert_allclose(ys, 3 * xs**2 - 4 * xs + 5, rtol=1e-12)
    dxs, dys = panel.dcurve.getData()
    np.testing.assert_allclose(dys, 6 * dxs - 4, rtol=1e-12, atol=1e-12)
    assert [float(v[0]) for v in panel.point.getData()] == [3.0, 20.0]
    tx, ty = panel.tangent.getData()
    assert (ty[1] - ty[0]) / (tx[1] - tx[0]) == pytest.approx(14.0)
    assert "slope df/dx = 14" in panel.caption.text() and "14.0003" in panel.caption.text()
    x = w.doc.by_label("x")
    w.undo.push(SetValue(x.id, -1.0))
    qtbot.waitUntil(lambda: float(panel.point.getData()[0][0]) == -1.0)
    assert float(panel.point.getData()[1][0]) == 3 + 4 + 5
    assert float(panel.dpoint.getData()[1][0]) == pytest.approx(-10.0)


def test_function_panel_sweeps_the_selected_leaf_of_a_many_input_circuit(host, qtbot):
    w, parts = host("L")
    panel = shown(qtbot, w, "dock_function")
    qtbot.waitUntil(lambda: "select an input" in panel.caption.text())
    assert n_points(panel.curve) == 0
    w.scene.select_ids([w.doc.by_label("a").id])
    qtbot.waitUntil(lambda: panel.x_id == w.doc.by_label("a").id)
    xs, ys = panel.curve.getData()
    np.testing.assert_allclose(ys, 6 * xs - 20, rtol=1e-12)  # L = (a*b + c)*f = 6a - 20 at b=-3, c=10, f=-2
    assert "slope dL/da = 6" in panel.caption.text()


def _click(qtbot, panel, x, y, modifier=Qt.NoModifier):
    vb = panel.plot.getPlotItem().vb
    at = panel.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(panel.plot.viewport(), Qt.LeftButton, modifier, at)


def test_boundary_panel_shows_the_classifier_and_clicks_add_points(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_boundary")
    qtbot.waitUntil(lambda: panel.grid is not None)
    grid = probe.decision_grid(w.evaluator, 60, aspect=panel.aspect)
    np.testing.assert_array_equal(panel.grid.z, grid.z)
    assert panel.image.image.shape == (60, 60, 4)
    # the image is blue where the score is positive, orange where negative
    i, j = np.unravel_index(np.argmax(grid.z), grid.z.shape)
    k, m = np.unravel_index(np.argmin(grid.z), grid.z.shape)
    assert panel.image.image[i, j, 2] > panel.image.image[i, j, 0]
    assert panel.image.image[k, m, 0] > panel.image.image[k, m, 2]
    assert len(panel.points.data) == 100
    _click(qtbot, panel, 0.5, 0.25)
    _click(qtbot, panel, -0.5, 1.0, Qt.ShiftModifier)
    points = w.doc.dataset["points"]
    assert [p[2] for p in points] == [1.0, -1.0]
    assert points[0][:2] == pytest.approx([0.5, 0.25], abs=0.1) and points[1][:2] == pytest.approx([-0.5, 1.0], abs=0.1)
    qtbot.waitUntil(lambda: len(panel.points.data) == 102)
    assert len(w.evaluator.values[w.doc.by_label("y").id]) == 102  # the circuit trains on them
    w.undo_stack.undo()
    assert len(w.doc.dataset["points"]) == 1


def test_boundary_follows_training_and_reports_the_trainers_accuracy(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_boundary")
    qtbot.waitUntil(lambda: panel.grid is not None)
    before = panel.grid.z.copy()
    for _ in range(5):
        parts["controller"].gradient_step()
    qtbot.waitUntil(lambda: not np.array_equal(panel.grid.z, before))
    np.testing.assert_array_equal(panel.grid.z, probe.decision_grid(w.evaluator, 60, aspect=panel.aspect).z)
    acc = parts["controller"].trainer.accuracy[-1]
    assert f"Accuracy {acc:.0%} on 100 points" in panel.caption.text()


def test_boundary_panel_explains_itself_for_a_circuit_without_a_2d_dataset(host, qtbot):
    w, parts = host("neuron")
    panel = shown(qtbot, w, "dock_boundary")
    qtbot.waitUntil(lambda: "2-D dataset" in panel.caption.text())
    assert panel.grid is None and panel.image.image is None and not panel.plot.isVisible()


def test_gradient_bars_follow_a_rename_at_once(host, qtbot):
    from engine.circuit.commands import SetLabel

    w, parts = host("neuron")
    panel = shown(qtbot, w, "dock_gradients")
    qtbot.waitUntil(lambda: "w1" in panel.labels)
    w1 = w.doc.by_label("w1")
    w.undo.push(SetLabel(w1.id, "weight1"))
    qtbot.waitUntil(lambda: "weight1" in panel.labels)
    ticks = [text for _, text in panel.plot.getAxis("bottom")._tickLevels[0]]
    assert "w1" not in panel.labels and any(t.startswith("weight") for t in ticks)
    w.undo_stack.undo()
    qtbot.waitUntil(lambda: "w1" in panel.labels and "weight1" not in panel.labels)
