"""The live playground: value sliders, backprop stepping with the chain rule, training and plots.

install(window) adds them to a main window that has doc, evaluator, undo, scene and a status bar.
"""

from __future__ import annotations

from ..inspector import InspectorPanel
from ..panel import Panel, Session
from .boundary_panel import BoundaryPanel
from .chain_rule_panel import ChainRulePanel
from .confusion_panel import ConfusionPanel
from .controller import PlaygroundController
from .digits_panel import DigitsPanel, add_digits_dock
from .docks import DockLayout
from .function_panel import FunctionPanel
from .gradcheck_panel import GradCheckPanel
from .optimizer_panel import OptimizerPanel
from .plots import ActivationPanel, GradientsPanel, LossPanel
from .strategies_panel import StrategiesPanel
from .timeline import TimelinePanel
from .training_panel import TrainingPanel
from .unit_view import connect as connect_units
from .units_panel import UnitsPanel


def install(window):
    """Add the playground's docks, toolbar and actions to a main window; returns the parts.

    Every panel is built from one Session (gui.panel) and follows the Panel protocol."""
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
        "units": UnitsPanel(session),
    }
    ctl = PlaygroundController(window, session, parts["chain"], parts["loss"], parts["check"])
    session.controller = parts["controller"] = ctl
    parts["training"] = TrainingPanel(session)
    parts["timeline"] = TimelinePanel(session, parts["loss"])  # under the loss plot
    parts["strategies"] = StrategiesPanel(session)
    parts["optimizer"] = OptimizerPanel(session)
    parts["confusion"] = ConfusionPanel(session)
    window.dock_layout = layout = DockLayout(window, parts)
    connect_units(parts["units"], parts["boundary"], layout)
    layout.add_toolbar(ctl.actions)
    layout.raise_on(ctl.actions)
    add_digits_dock(window, layout, DigitsPanel(session))  # parts["digits"]; opens on demand (View menu)
    menu = getattr(window, "view_menu", None)
    if menu is not None:
        menu.addAction(layout.lock_action)
        menu.addActions(layout.view_actions())

    window.scene.selection_ids_changed.connect(lambda ids: session.select(ids[0] if len(ids) == 1 else None))
    window.view.nudge_requested.connect(parts["slider"].nudge)
    window.playground = parts
    return parts


def forget_old_document(window) -> None:
    """Another document is shown: nothing of the old one stays (training run, loss history, chain-rule
    steps, gradient-check table, strategies, the typed formula, the status message)."""
    parts = window.playground
    ctl = parts["controller"]
    if ctl.timer.isActive():
        ctl.toggle_training()
    ctl.restart_training()
    ctl.check = None  # the check panel reads it (the controller ends the chain-rule stepping on the reset)
    for part in parts.values():
        if isinstance(part, Panel):
            part.reset()
    field = getattr(window, "formula_field", None) or getattr(window, "expression", None)
    if hasattr(field, "reset"):  # the formula field's own reset, else a plain line edit
        field.reset()
    elif hasattr(field, "clear"):
        field.clear()
    window.statusBar().clearMessage()


def uninstall(window) -> None:
    """Disconnect every panel, the controller and the canvas from the document and the evaluator."""
    for part in window.playground.values():
        part.detach()
    window.scene.detach()
