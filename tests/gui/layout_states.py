"""Every bottom panel put in a state worth reading, and what a reader sees of it: the height of each
plot and table, and whether its title, axis labels and legend lie inside the plot (nothing clipped).

Shared by test_layout_sizes.py (offscreen) and xvfb_layout.py (the real window under X)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsTextItem, QTableWidget, QTextBrowser

from tests.conftest import EXAMPLES

MIN_HEIGHT = 150

# panel key -> (example to open, what to do with it); every action goes through the window's own actions
STATES = {
    "grads": ("neuron", []),
    "activation": ("neuron", [("select", "o")]),
    "function": ("sin_exp_cube", [("select", "x")]),
    "check": ("sin_exp_cube", [("action", "grad_check")]),
    "chain": ("neuron", [("action", "step_backward")] * 3),
    "loss": ("moons", [("action", "grad_step")] * 12),
    "boundary": ("moons", []),
    "units": ("moons", []),
    "strategies": ("multiply_gate", [("strategies", None)]),
}


def settle(n: int = 8) -> None:
    app = QApplication.instance()
    for _ in range(n):
        app.processEvents()


def put_in_state(window, key: str) -> QDockWidget:
    """Open the panel's example in `window`, drive it, and return the panel's dock (brought to the front)."""
    example, steps = STATES[key]
    window.ask_save = lambda: "discard"  # the previous state's edits are not worth a question
    assert window.open(EXAMPLES / f"{example}.json")
    settle()
    actions = window.playground["controller"].actions
    for what, arg in steps:
        if what == "select":
            window.scene.select_ids([window.doc.by_label(arg).id])
        elif what == "action":
            actions[arg].trigger()
        else:
            window.playground["strategies"].run_button.click()
        settle(3)
    dock = window.dock_layout.docks[key]
    if key in ("grads", "activation", "function", "boundary", "units", "strategies"):
        window.dock_layout.bring_to_front(key)  # no action fills these: the learner clicks their tab
    settle()
    return dock


def _scene_rect(item) -> QRectF:
    """Where an item draws, in scene coordinates: a layout item's geometry (an axis's bounding rect
    also covers its grid lines), a text item's glyphs without the document margin around them."""
    if isinstance(item, QGraphicsTextItem):
        margin = item.document().documentMargin()
        return item.mapRectToScene(item.boundingRect().adjusted(margin, margin, -margin, -margin))
    parent = item.parentItem()
    return parent.mapRectToScene(item.geometry()) if parent is not None else item.sceneBoundingRect()


def _inside(view: pg.PlotWidget, item) -> bool:
    """The item lies within the plot widget's visible area (1 px slack)."""
    if item is None or not item.isVisible():
        return True
    rect = view.mapFromScene(_scene_rect(item)).boundingRect()
    area = QRectF(view.viewport().rect()).adjusted(-1, -1, 1, 1)
    return area.contains(QRectF(rect))


def readable(plot: pg.PlotWidget) -> list[str]:
    """What of a plot is clipped: its title, axes, axis labels and legend must be in view."""
    item = plot.getPlotItem()
    parts = {"title": item.titleLabel, "legend": item.legend}
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        parts[f"{name} axis"] = axis
        parts[f"{name} label"] = axis.label if axis.labelText else None
    return [name for name, part in parts.items() if not _inside(plot, part)]


def measure(dock: QDockWidget) -> dict:
    """Heights of the visible plots and tables of a dock, and what is clipped in each plot."""
    plots = [p for p in dock.findChildren(pg.PlotWidget) if p.isVisible()]
    tables = [t for t in dock.findChildren(QTableWidget) + dock.findChildren(QTextBrowser) if t.isVisible()]
    return {"plots": [p.height() for p in plots], "tables": [t.height() for t in tables],
            "clipped": [name for p in plots for name in readable(p)],
            "on_screen": not dock.widget().visibleRegion().isEmpty()}
