"""The live playground: value sliders, backprop stepping with the chain rule, training and plots.

install(window) adds them to a main window that has doc, evaluator, undo, scene and a status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from engine.circuit.display import Display

from ..inspector import InspectorPanel
from .boundary_panel import BoundaryPanel
from .chain_rule_panel import ChainRulePanel
from .controller import GradCheckPanel, PlaygroundController
from .function_panel import FunctionPanel
from .plots import ActivationPanel, GradientsPanel, LossPanel
from .refresh import LazyPanel
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
    if isinstance(widget, LazyPanel):  # raising a tab does not show the widget again: tell it
        dock.visibilityChanged.connect(lambda visible: visible and widget.exposed())
    return dock


def install(window):
    """Add the playground's docks, toolbar and actions to a main window; returns the parts."""
    tr = window.tr
    window.display = display = Display(window.evaluator)  # the shown sample (the training panel picks it)
    window.scene.set_display(display)
    inspector = InspectorPanel(window.doc, window.undo)
    parts = {
        "inspector": inspector,
        "slider": inspector.value,
        "chain": ChainRulePanel(),
        "loss": LossPanel(),
        "grads": GradientsPanel(window.doc, window.evaluator, display),
        "activation": ActivationPanel(window.doc, window.evaluator, display),
        "check": GradCheckPanel(),
        "function": FunctionPanel(window.doc, window.evaluator),
        "boundary": BoundaryPanel(window.doc, window.evaluator, window.undo),
    }
    ctl = PlaygroundController(window, parts["chain"], parts["loss"], parts["check"])
    parts["controller"] = ctl
    parts["training"] = TrainingPanel(window, ctl)
    parts["strategies"] = StrategiesPanel(window.doc, ctl.status)
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

    def selected(ids):
        one = ids[0] if len(ids) == 1 else None
        inspector.show_node(one)
        parts["activation"].show_node(one)
        parts["function"].show_node(one)
        parts["grads"].selected = one
        parts["grads"].schedule()

    window.scene.selection_ids_changed.connect(selected)
    window.view.nudge_requested.connect(parts["slider"].nudge)
    window.playground = parts
    return parts
