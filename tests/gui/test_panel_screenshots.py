"""Screenshots of every playground panel with the neuron, L and moons examples, light and dark.

Each panel is floated at a fixed size, put in a state worth looking at, and grabbed to
tests/screenshots/panel_<panel>_<example>_<theme>.png. The checks are that the panel drew what the
engine says (so a blank picture fails) and that the picture is not one flat colour.
"""

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDockWidget

from tests.conftest import EXAMPLES, SCREENSHOTS


def grab(qtbot, window, name, shot):
    dock = next(d for d in window.findChildren(QDockWidget) if d.objectName() == f"dock_{name}")
    dock.setFloating(True)
    dock.resize(760, 470)
    dock.show()
    dock.raise_()
    qtbot.waitUntil(dock.widget().isVisible)
    qtbot.wait(30)  # lazy panels redraw on the next event-loop turn
    path = SCREENSHOTS / f"panel_{name}_{shot}.png"
    dock.grab().save(str(path))
    dock.setFloating(False)
    image = QImage(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 8, f"{path.name} looks blank"
    return getattr(dock.widget(), "panel", dock.widget())  # a panel that scrolls sits in a PanelScroll


def first(doc, pred):
    return next(n for n in doc.topological_order() if pred(doc.node(n)))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("example", ["neuron", "L", "moons"])
def test_screenshots_of_every_panel(window, qtbot, example, theme):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.set_theme(theme)
    assert window.open(EXAMPLES / f"{example}.json")
    window.show()
    qtbot.waitExposed(window)
    parts, doc, ev = window.playground, window.doc, window.evaluator
    ctl = parts["controller"]
    shot = f"{example}_{theme}"

    if example != "moons":
        leaf = first(doc, lambda n: n.kind in ("input", "weight"))
        window.scene.select_ids([leaf])
        assert grab(qtbot, window, "inspector", shot).value.node_id == leaf
        assert grab(qtbot, window, "function", shot).x_id == leaf
    else:
        assert grab(qtbot, window, "function", shot).x_id is None  # a dataset circuit has no single x

    ctl.grad_check()
    assert grab(qtbot, window, "gradcheck", shot).table.rowCount() > 0

    for _ in range(3):
        ctl.step_backward()
    assert grab(qtbot, window, "chain", shot).current.toPlainText()
    ctl.backward()
    grads = grab(qtbot, window, "gradients", shot)
    node_rows = [ev.grad(n.id) for n in doc.nodes() if n.kind != "data"]
    layer_rows = [float(np.linalg.norm(g)) for n in doc.nodes() for _, g in sorted(ev.param_grads(n.id).items())]
    assert grads.heights == pytest.approx(node_rows + layer_rows)
    assert len(layer_rows) == (6 if example == "moons" else 0)

    unary = [n for n in doc.nodes() if n.kind == "op" and len(n.input_ports()) == 1]
    window.scene.select_ids([unary[-1].id] if unary else [])
    activation = grab(qtbot, window, "activation", shot)
    assert bool(unary) == (activation.point.getData()[0] is not None and len(activation.point.getData()[0]) == 1)

    for _ in range(25):
        ctl.gradient_step()
    assert grab(qtbot, window, "loss", shot).values == ctl.trainer.history and len(ctl.trainer.history) == 25
    grab(qtbot, window, "training", shot)
    boundary = grab(qtbot, window, "boundary", shot)
    assert (boundary.grid is not None) == (example == "moons")

    if example != "moons":  # the strategies treat each of moons' 337 weights as a knob: slow and pointless
        strategies = parts["strategies"]
        strategies.run_button.click()
        assert len(grab(qtbot, window, "strategies", shot).rows()) == 4

    if example == "moons":  # the whole window after training, decision boundary in view (README picture)
        next(d for d in window.findChildren(QDockWidget) if d.objectName() == "dock_boundary").raise_()
        window.scene.select_ids([doc.by_label("layer1").id])
        window.view.fit_all()
        qtbot.wait(50)
        window.grab().save(str(SCREENSHOTS / f"window_moons_trained_{theme}.png"))
