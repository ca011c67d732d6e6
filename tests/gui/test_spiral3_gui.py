"""pytest-qt: the three-arm spiral trains in the window and the decision boundary shows three coloured
regions, their borders, the points in their class colours and the held-out points as triangles."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from engine.circuit import probe
from gui.playground.class_regions import CLASS_COLORS, shade_classes, softmax
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.test_layout_sizes import make_window  # noqa: F401 (the fixture)


def test_shading_takes_the_winning_class_colour_and_pales_where_unsure():
    z = np.array([[[5.0, 0.0, 0.0], [0.0, 0.0, 5.0]], [[1.0, 1.0, 1.0], [0.0, np.nan, 0.0]]])
    rgba = shade_classes(z).astype(float)
    sure = np.array([int(CLASS_COLORS[0][i:i + 2], 16) for i in (1, 3, 5)])
    p = softmax(z[0, 0])
    strength = (p[0] - p[1]) * 0.55 + 0.1
    np.testing.assert_allclose(rgba[0, 0, :3], np.floor(255 * (1 - strength) + sure * strength), atol=1)
    assert rgba[0, 1, 1] > max(rgba[0, 1, 0], rgba[0, 1, 2])  # class 2 (green) wins: green is the strongest channel
    assert (rgba[1, 0, :3] > 225).all()  # a tie: almost white
    assert rgba[1, 1, 3] == 0 and rgba[0, 0, 3] == 255  # a non-finite score: transparent


def test_the_spiral_trains_and_the_boundary_shows_three_classes(window, qtbot):
    assert window.open(EXAMPLES / "spiral3.json")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    ctl = window.playground["controller"]
    for _ in range(300):
        ctl.gradient_step()
    assert probe.current_accuracy(window.evaluator) >= 0.95
    dock = window.findChild(QDockWidget, "dock_boundary")
    dock.show()
    dock.raise_()
    panel = getattr(dock.widget(), "panel", dock.widget())
    qtbot.waitUntil(lambda: panel.grid is not None and panel.grid.z.ndim == 3)
    grid = panel.grid
    assert set(np.unique(grid.z.argmax(axis=2))) == {0, 1, 2}
    assert sum(c.data is not None for c in panel.class_borders) == 3
    brushes = panel.points.data["brush"]
    for label, colour in ((0, CLASS_COLORS[0]), (2, CLASS_COLORS[2])):
        i = int(np.flatnonzero(grid.y == label)[0])
        assert brushes[i].color().name() == colour
    assert int((panel.points.data["symbol"] == "t1").sum()) == 60  # 20 % of 300 held out
    assert_view_fits(panel, grid)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    window.grab().save(str(SCREENSHOTS / "spiral3_boundary.png"))


def assert_view_fits(panel, grid):
    """Every point lies inside the shown view with room for its marker, and x1 and x2 keep nearly one scale."""
    vb = panel.plot.getPlotItem().vb
    (x0, x1), (y0, y1) = vb.viewRange()
    X = grid.X
    assert x0 < X[:, 0].min() - 0.1 and X[:, 0].max() + 0.1 < x1
    assert y0 < X[:, 1].min() - 0.1 and X[:, 1].max() + 0.1 < y1
    size = vb.size()
    stretch = ((x1 - x0) / size.width()) / ((y1 - y0) / size.height())
    assert 1 / probe.MAX_STRETCH - 0.02 <= stretch <= probe.MAX_STRETCH + 0.02


def test_the_class_row_lets_a_click_add_a_point_of_any_of_the_three_classes(window, qtbot):
    from tests.gui.test_panels import _click

    assert window.open(EXAMPLES / "spiral3.json")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    dock = window.findChild(QDockWidget, "dock_boundary")
    dock.show()
    dock.raise_()
    panel = getattr(dock.widget(), "panel", dock.widget())
    qtbot.waitUntil(lambda: panel.grid is not None and panel.classes.isVisible())
    buttons = panel.classes.buttons
    assert [b.text() for b in buttons] == ["0", "1", "2"] and buttons[0].isChecked()
    for button, colour in zip(buttons, CLASS_COLORS, strict=False):  # each button shows its class colour
        image = button.icon().pixmap(8, 8).toImage()
        assert image.pixelColor(4, 4).name() == colour
    for k, (x, y) in ((2, (0.1, 0.2)), (1, (-0.4, 0.5)), (0, (0.6, -0.6))):
        qtbot.mouseClick(buttons[k], Qt.LeftButton)
        assert panel.classes.chosen() == k
        _click(qtbot, panel, x, y)
    points = window.doc.dataset["points"]
    assert [p[2] for p in points] == [2.0, 1.0, 0.0]
    assert points[0][:2] == pytest.approx([0.1, 0.2], abs=0.1) and points[2][:2] == pytest.approx([0.6, -0.6], abs=0.1)
    qtbot.waitUntil(lambda: len(panel.points.data) == 303)
    brushes = panel.points.data["brush"]
    assert [brushes[i].color().name() for i in (300, 301, 302)] == [CLASS_COLORS[2], CLASS_COLORS[1], CLASS_COLORS[0]]
    target = window.evaluator.values[window.doc.by_label("y").id]
    assert len(target) == 303 and list(np.ravel(target)[-3:]) == [2.0, 1.0, 0.0]  # the circuit trains on them
    ctl = window.playground["controller"]
    ctl.gradient_step()
    assert buttons[0].isChecked()  # a redraw while training keeps the choice
    window.undo_stack.undo()
    window.undo_stack.undo()  # the step, then the last point
    assert [p[2] for p in window.doc.dataset["points"]] == [2.0, 1.0]


def test_the_class_row_works_for_two_classes_and_shift_click_adds_the_other(host, qtbot):
    from tests.gui.test_panels import _click, shown

    w, parts = host("moons")
    panel = shown(qtbot, w, "dock_boundary")
    qtbot.waitUntil(lambda: panel.grid is not None)
    buttons = panel.classes.buttons
    assert [b.text() for b in buttons] == ["1", "-1"] and buttons[0].isChecked()
    qtbot.mouseClick(buttons[1], Qt.LeftButton)
    _click(qtbot, panel, 0.5, 0.25)
    _click(qtbot, panel, -0.5, 1.0, Qt.ShiftModifier)
    assert [p[2] for p in w.doc.dataset["points"]] == [-1.0, 1.0]


@pytest.mark.parametrize("name", ["moons", "circles", "blobs", "xor", "spiral"])
def test_the_boundary_view_fits_every_2d_dataset_at_1366x768(window, qtbot, name):
    assert window.open(EXAMPLES / "moons.json")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = window.playground["training"]
    if name != "moons":
        panel.dataset.setCurrentIndex(panel.dataset.findData(name))
    dock = window.findChild(QDockWidget, "dock_boundary")
    dock.show()
    dock.raise_()
    boundary = getattr(dock.widget(), "panel", dock.widget())
    qtbot.waitUntil(lambda: boundary.grid is not None and not boundary._dirty)
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not boundary._dirty)
    assert_view_fits(boundary, boundary.grid)
    window.grab().save(str(SCREENSHOTS / f"boundary_fit_{name}.png"))


def test_the_class_buttons_and_caption_fit_beside_the_plot_in_portuguese(make_window, qtbot):  # noqa: F811
    w = make_window("pt_BR")
    assert w.open(EXAMPLES / "spiral3.json")
    ctl = w.playground["controller"]
    for _ in range(100):
        ctl.gradient_step()
    w.dock_layout.bring_to_front("boundary")
    panel = w.playground["boundary"]
    qtbot.waitUntil(lambda: panel.grid is not None and panel.classes.isVisible())
    qtbot.wait(50)
    qtbot.waitUntil(lambda: not panel._dirty)
    assert panel.classes.caption.text().startswith("Clique no gráfico")
    for label in (panel.classes.caption, panel.caption):  # word-wrapped, and tall enough for every line
        assert label.height() >= label.heightForWidth(label.width())
    for button in panel.classes.buttons:
        assert button.width() >= button.sizeHint().width()
    assert_view_fits(panel, panel.grid)
    w.grab().save(str(SCREENSHOTS / "spiral3_boundary_pt_BR.png"))
    units = w.playground["units"]
    w.dock_layout.bring_to_front("units")
    qtbot.waitUntil(lambda: bool(units.thumbs))
    units.open_unit(next(iter(units.thumbs)))  # a unit opened large: no class buttons (clicks add nothing)
    w.dock_layout.bring_to_front("boundary")
    qtbot.waitUntil(lambda: not panel._dirty and panel.unit_view.back.isVisible())
    assert not panel.classes.isVisible()
    qtbot.wait(50)
    assert panel.caption.height() >= panel.caption.heightForWidth(panel.caption.width())
    w.grab().save(str(SCREENSHOTS / "spiral3_unit_open_pt_BR.png"))
    panel.unit_view.back.click()
    qtbot.waitUntil(lambda: panel.grid is not None and panel.classes.isVisible())
