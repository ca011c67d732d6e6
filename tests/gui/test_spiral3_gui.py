"""pytest-qt: the three-arm spiral trains in the window and the decision boundary shows three coloured
regions, their borders, the points in their class colours and the held-out points as triangles."""

import numpy as np
from PySide6.QtWidgets import QDockWidget

from engine.circuit import probe
from gui.playground.class_regions import CLASS_COLORS, shade_classes, softmax
from tests.conftest import EXAMPLES, SCREENSHOTS


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
    assert not panel.add_point(0.0, 0.0)  # several classes: no adding by clicking
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(50)
    window.grab().save(str(SCREENSHOTS / "spiral3_boundary.png"))
