"""The Units panel (a thumbnail per unit, hover formula, click to open large, the hidden space), read back
against the engine's unit maps and numpy; screenshots of moons after training at 1366x768."""

import numpy as np
from PySide6.QtCore import QPointF, QSettings, QSize, Qt

from engine.circuit import unit_maps
from gui.main_window import MainWindow, first_size
from gui.playground import units_panel
from gui.playground.plots import NEG, POS
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.test_panels import shown


def thumb_point(panel, unit):
    """Where a unit's thumbnail sits in the thumbnails' widget (its centre)."""
    box = panel.thumbs[unit][0]
    return panel.grid_view.mapFromScene(box.sceneBoundingRect().center())


def test_every_thumbnail_is_the_engines_unit_map_and_follows_training(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_units")
    qtbot.waitUntil(lambda: panel.maps is not None and len(panel.thumbs) == 33)
    assert [layer.name for layer in panel.maps.layers] == ["layer1", "layer2", "layer3"]
    expected = unit_maps.unit_maps(w.evaluator, units_panel.GRID)
    for unit, (_, image) in panel.thumbs.items():
        np.testing.assert_allclose(image.image, pixels(expected.maps[unit]), atol=1)
    dead = [u for u, z in expected.maps.items() if not np.abs(z).max()]
    for unit in dead:  # a dead unit (all 0) is white
        assert (panel.thumbs[unit][1].image[..., :3] == 255).all()
    before = {u: img.image.copy() for u, (_, img) in panel.thumbs.items()}
    for _ in range(5):
        parts["controller"].gradient_step()
    qtbot.waitUntil(lambda: any(not np.array_equal(img.image, before[u]) for u, (_, img) in panel.thumbs.items()))
    after = unit_maps.unit_maps(w.evaluator, units_panel.GRID)
    for unit, (_, image) in panel.thumbs.items():
        np.testing.assert_allclose(image.image, pixels(after.maps[unit]), atol=1)


def pixels(z):
    """A thumbnail's colours by hand: white at 0, blue (POS) at +max|z|, orange (NEG) at -max|z|, linear
    between; opaque."""
    rgb = lambda c: [int(c[i:i + 2], 16) for i in (1, 3, 5)]  # noqa: E731
    stops = np.array([rgb(NEG), [255, 255, 255], rgb(POS)], dtype=float)
    t = 0.5 + 0.5 * z / (np.abs(z).max() or 1.0)
    out = [np.interp(t, [0.0, 0.5, 1.0], stops[:, c]) for c in range(3)] + [np.full(z.shape, 255.0)]
    return np.stack(out, axis=-1)


def test_hovering_a_thumbnail_shows_its_weights_bias_activation_and_formula(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_units")
    qtbot.waitUntil(lambda: len(panel.thumbs) == 33)
    unit = panel.maps.layers[0].units[2]
    qtbot.mouseMove(panel.grid_view.viewport(), thumb_point(panel, unit))
    qtbot.waitUntil(lambda: panel.info.text().startswith("layer1[3] = relu("))
    p = w.doc.by_label("layer1").params
    w1, w2 = np.asarray(p["W"])[2]
    text = panel.info.text()
    assert f"x1: {w1:.4g}, x2: {w2:.4g}" in text and f"bias: {p['b'][2]:.4g}" in text and "activation: relu" in text
    assert panel.grid_view.toolTip() == text
    parts["controller"].gradient_step()  # the hovered unit's numbers follow training
    W = w.doc.by_label("layer1").params["W"]
    assert W[2][0] != w1
    qtbot.waitUntil(lambda: f"x1: {W[2][0]:.4g}, x2: {W[2][1]:.4g}" in panel.info.text())


def test_clicking_a_thumbnail_opens_it_large_in_the_boundary_panel_and_back(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_units")
    qtbot.waitUntil(lambda: len(panel.thumbs) == 33)
    unit = panel.maps.layers[1].units[5]
    qtbot.mouseClick(panel.grid_view.viewport(), Qt.LeftButton, Qt.NoModifier, thumb_point(panel, unit))
    boundary = parts["boundary"]
    assert panel.opened == unit and boundary.unit_view.unit == unit
    qtbot.waitUntil(boundary.on_screen)  # the boundary tab came to the front
    qtbot.waitUntil(lambda: boundary.caption.text().startswith("layer2[6] = relu("))
    z = unit_maps.unit_maps(w.evaluator, 60).maps[unit]
    image = boundary.image.image
    assert image.shape == (60, 60, 4) and len(boundary.points.data) == 100
    hi = np.abs(z).max()
    top = np.unravel_index(np.argmax(z), z.shape)
    assert image[top][2] > image[top][0]  # the largest output is deep blue ...
    zero = np.argwhere(z == 0)
    if len(zero):  # ... and a unit off (relu 0) is white
        assert tuple(image[tuple(zero[0])][:3]) == (255, 255, 255)
    assert hi > 0 and boundary.unit_view.back.isVisible()
    qtbot.mouseClick(boundary.unit_view.back, Qt.LeftButton)
    qtbot.waitUntil(lambda: boundary.grid is not None)
    assert boundary.caption.text().startswith("Accuracy") and not boundary.unit_view.back.isVisible()
    assert panel.opened is None
    panel.open_unit(unit)  # another document (the window resets every panel): the boundary is back
    panel.reset()
    assert boundary.unit_view.unit is None and panel.opened is None
    qtbot.waitUntil(lambda: boundary.grid is not None)


def test_hidden_space_places_the_data_by_two_units_and_a_one_unit_layer_as_a_strip(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_units")
    qtbot.waitUntil(lambda: panel.space is not None)
    assert panel.layer_box.currentText() == "layer2"  # the last hidden layer by default ...
    a, b = unit_maps.liveliest(w.evaluator, panel.maps.layers[1])  # ... its two liveliest units as the axes
    assert (panel.a_box.currentIndex(), panel.b_box.currentIndex()) == (a, b) and a != b
    panel.a_box.setCurrentIndex(3)
    panel.b_box.setCurrentIndex(9)
    panel.b_box.activated.emit(9)
    layer2 = panel.maps.layers[1]
    expected = unit_maps.hidden_space(w.evaluator, layer2, 3, 9).coords
    xs, ys = panel.space_points.getData()
    np.testing.assert_allclose(np.column_stack([xs, ys]), expected, rtol=1e-12)
    assert panel.space_plot.getPlotItem().getAxis("bottom").labelText == "layer2[4]"
    panel.layer_box.setCurrentIndex(2)
    panel.layer_box.activated.emit(2)
    assert not panel.b_box.isVisible()
    xs, ys = panel.space_points.getData()
    np.testing.assert_allclose(xs, unit_maps.hidden_space(w.evaluator, panel.maps.layers[2]).coords[:, 0])
    positive = w.evaluator.values[w.doc.by_label("y").id] == 1
    assert (ys[positive] > 0).all() and (ys[~positive] < 0).all()  # the strip keeps the classes apart
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(30)
    panel.grab().save(str(SCREENSHOTS / "units_hidden_strip.png"))


def test_units_panel_explains_itself_without_a_2d_classifier(host, qtbot):
    w, parts = host("neuron")
    panel = shown(qtbot, w, "dock_units")
    qtbot.waitUntil(lambda: "2-D dataset" in panel.info.text())
    assert panel.maps is None and not panel.thumbs and not panel.grid_view.isVisible()


def test_screenshots_of_moons_after_training_with_the_unit_maps(qtbot, tmp_path):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.ask_save = lambda: "discard"
    w.resize(first_size(QSize(1366, 768)))
    w.show()
    qtbot.waitExposed(w)
    assert w.open(EXAMPLES / "moons.json")
    ctl = w.playground["controller"]
    for _ in range(60):
        ctl.gradient_step()
    w.dock_layout.bring_to_front("units")
    panel = w.playground["units"]
    qtbot.waitUntil(lambda: panel.on_screen() and len(panel.thumbs) == 33)
    unit = panel.maps.layers[0].units[1]
    qtbot.mouseMove(panel.grid_view.viewport(), thumb_point(panel, unit))
    qtbot.waitUntil(lambda: panel.info.text().startswith("layer1[2]"))
    qtbot.wait(50)
    w.grab().save(str(SCREENSHOTS / "units_moons_window.png"))
    panel.open_unit(panel.maps.layers[1].units[0])
    boundary = w.playground["boundary"]
    qtbot.waitUntil(lambda: boundary.on_screen() and boundary.caption.text().startswith("layer2[1]"))
    qtbot.wait(50)
    w.grab().save(str(SCREENSHOTS / "units_moons_opened.png"))
    assert boundary.image.image is not None and QPointF(0, 0) is not None
    w.undo_stack.clear()


def test_the_hidden_space_view_holds_every_point_while_training_and_stays_put_for_small_moves(host, qtbot):
    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_units")
    qtbot.waitUntil(lambda: panel.space is not None)
    views = []
    for _ in range(12):
        parts["controller"].gradient_step()
        panel.refresh()
        (x0, x1), (y0, y1) = panel.space_plot.shown_range
        coords = unit_maps.hidden_space(w.evaluator, panel.space.layer, panel.a_box.currentIndex(),
                                        panel.b_box.currentIndex()).coords
        assert (coords[:, 0] >= x0).all() and (coords[:, 0] <= x1).all()
        assert (coords[:, 1] >= y0).all() and (coords[:, 1] <= y1).all()
        views.append(panel.space_plot.shown_range)
    assert len(set(views)) < len(views)  # small moves keep the view (and its axes) as they are
    fits = units_panel.still_fits
    assert fits(((0, 10), (0, 10)), ((1, 9), (0.5, 9.5)))
    assert not fits(((0, 10), (0, 10)), ((1, 11), (1, 9)))  # a point outside: the view follows
    assert not fits(((0, 10), (0, 10)), ((4, 6), (1, 9)))  # the points shrank to a corner: it zooms in
    assert not fits(None, ((0, 1), (0, 1)))
