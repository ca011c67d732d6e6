"""The live playground: value sliders, backprop stepping with the chain rule, training and plots.

install(window) adds them to a main window that has doc, evaluator, undo, scene and a status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from ..inspector import InspectorPanel
from ..panel import Panel, Session
from .boundary_panel import BoundaryPanel
from .chain_rule_panel import ChainRulePanel
from .controller import PlaygroundController
from .function_panel import FunctionPanel
from .gradcheck_panel import GradCheckPanel
from .plots import ActivationPanel, GradientsPanel, LossPanel
from .strategies_panel import StrategiesPanel
from .training_panel import TrainingPanel


def _dock(window, widget, title, name, area=Qt.RightDockWidgetArea):
    if hasattr(window, "add_dock"):
        dock = window.add_dock(widget, title, name, area)
    else:
        dock = QDockWidget(title, window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        window.addDockWidget(area, dock)
    if isinstance(widget, Panel):  # raising a tab does not show the widget again: tell it
        dock.visibilityChanged.connect(lambda visible: visible and widget.exposed())
    return dock


def install(window):
    """Add the playground's docks, toolbar and actions to a main window; returns the parts.

    Every panel is built from one Session (gui.panel) and follows the Panel protocol."""
    tr = window.tr
    window.session = session = Session(window.doc, window.evaluator, window.undo, window.status)
    window.display = session.display  # the shown sample (the training panel picks it; notebook and canvas read it)
    window.scene.set_display(session.display)
    inspector = InspectorPanel(session)
    parts = {
        "inspector": inspector,
        "slider": inspector.value,
        "chain": ChainRulePanel(session),
        "loss": LossPanel(session),
        "grads": GradientsPanel(session),
        "activation": ActivationPanel(session),
        "check": GradCheckPanel(session),
        "function": FunctionPanel(session),
        "boundary": BoundaryPanel(session),
    }
    ctl = PlaygroundController(window, session, parts["chain"], parts["loss"], parts["check"])
    session.controller = parts["controller"] = ctl
    parts["training"] = TrainingPanel(session)
    parts["strategies"] = StrategiesPanel(session)
    value = _dock(window, inspector, tr("Inspector"), "dock_inspector")
    training = _dock(window, parts["training"], tr("Training"), "dock_training")
    # inspector above training; only the bottom docks share tabs: with a second tab group Qt 6.11
    # leaves a stray copy of that group's first tab bar on screen (seen offscreen and under X)
    window.splitDockWidget(value, training, Qt.Vertical)
    chain = _dock(window, parts["chain"], tr("Chain rule"), "dock_chain", Qt.BottomDockWidgetArea)
    tabs = [_dock(window, parts[key], title, name, Qt.BottomDockWidgetArea) for key, title, name in (
        ("grads", tr("Gradients"), "dock_gradients"), ("loss", tr("Loss"), "dock_loss"),
        ("activation", tr("Activation"), "dock_activation"), ("function", tr("f(x)"), "dock_function"),
        ("boundary", tr("Decision boundary"), "dock_boundary"), ("check", tr("Gradient check"), "dock_gradcheck"),
        ("strategies", tr("Strategies"), "dock_strategies"))]
    for other in tabs[1:]:
        window.tabifyDockWidget(tabs[0], other)
    tabs[0].raise_()
    window.resizeDocks([chain], [250], Qt.Vertical)  # the canvas keeps most of the height
    bar = window.addToolBar(tr("Backprop"))
    bar.setObjectName("toolbar_backprop")
    for name in ("forward", "backward", "zero_grad", "auto_backward", None, "step_backward", "step_back",
                 "run_to_end", "reset", None, "grad_check", "grad_step", "train"):
        if name is None:
            bar.addSeparator()
        else:
            bar.addAction(ctl.actions[name])

    window.scene.selection_ids_changed.connect(lambda ids: session.select(ids[0] if len(ids) == 1 else None))
    window.view.nudge_requested.connect(parts["slider"].nudge)
    window.playground = parts
    return parts


def uninstall(window) -> None:
    """Disconnect every panel, the controller and the canvas from the document and the evaluator."""
    for part in window.playground.values():
        part.detach()
    window.scene.detach()
