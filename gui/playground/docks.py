"""Where the playground's panels sit: the default arrangement sized to the screen, translated titles,
View > Lock panels, raising a panel when an action fills it, and the toolbar kept on screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QToolBar, QWidget

from ..panel import Panel

LOCKED = QDockWidget.DockWidgetClosable
UNLOCKED = LOCKED | QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable

# the bottom tabs, left to right: (part, dock object name)
TABS = (("grads", "dock_gradients"), ("loss", "dock_loss"), ("activation", "dock_activation"),
        ("function", "dock_function"), ("boundary", "dock_boundary"), ("units", "dock_units"),
        ("check", "dock_gradcheck"), ("strategies", "dock_strategies"))
# bottom tabs opened on demand from the View menu (hidden at first, so the default tab row stays short)
ON_DEMAND = (("optimizer", "dock_optimizer"), ("confusion", "dock_confusion"))

INSPECTOR_MIN = 170  # px: a node's name, kind and label stay in view above the Training panel
TITLE_ROOM = 32  # px above a floating window for the title bar a window manager adds
PLAN_SLACK = 36  # px: two more lines for the Training panel's plan line, which grows with the circuit's names

# the size an on-demand panel opens at (within its screen): the optimizer table's six columns unscrolled
FLOAT_SIZES = {"dock_optimizer": (1100, 520), "dock_confusion": (900, 520)}

# which panel an action fills: it comes to the front when the action runs
FILLS = {"forward": "grads", "backward": "grads", "step_backward": "chain", "step_back": "chain",
         "run_to_end": "chain", "reset": "chain", "grad_check": "check", "grad_step": "loss", "train": "loss"}


class PanelScroll(QScrollArea):
    """A panel whose content changes size (the Inspector with the selection, the chain rule with its
    steps) scrolls inside its dock instead of growing the dock and squeezing its neighbours.
    fit_width: the dock is as wide as the panel's form needs (only the height scrolls); otherwise both
    directions scroll and the panel never changes its dock's size at all."""

    def __init__(self, panel: QWidget, fit_width: bool = True):
        super().__init__()
        self.panel, self.fit_width = panel, fit_width
        self.setWidget(panel)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        if fit_width:
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = self.panel.minimumSizeHint()
        if not self.fit_width:
            return QSize(min(hint.width(), 160), min(hint.height(), 120))
        return QSize(hint.width() + self.verticalScrollBar().sizeHint().width(), min(hint.height(), 120))


class DockLayout(QObject):
    """Builds the docks of one main window and keeps their arrangement (the window calls fit() once
    when it is first shown, set_locked() from View > Lock panels)."""

    def __init__(self, window: QMainWindow, parts: dict):
        super().__init__(window)
        self.window, self.parts = window, parts
        self.docks: dict[str, QDockWidget] = {}
        self.tabbed: list[QDockWidget] = []
        self.titles = {"inspector": self.tr("Inspector"), "training": self.tr("Training"),
                       "chain": self.tr("Chain rule"), "grads": self.tr("Gradients"), "loss": self.tr("Loss"),
                       "activation": self.tr("Activation"), "function": self.tr("f(x)"),
                       # (short Portuguese tab names, so that the seven bottom tabs fit unelided at 1366 px)
                       "boundary": self.tr("Decision boundary", "panel tab"),
                       "units": self.tr("Units"),
                       "check": self.tr("Gradient check", "panel tab"),
                       "strategies": self.tr("Strategies"), "optimizer": self.tr("Optimizer"),
                       "confusion": self.tr("Confusion")}
        window.setCorner(Qt.BottomRightCorner, Qt.RightDockWidgetArea)  # the right column runs to the bottom
        window.setCorner(Qt.BottomLeftCorner, Qt.BottomDockWidgetArea)
        inspector = self.add("inspector", "dock_inspector", Qt.RightDockWidgetArea, scroll=True)
        training = self.add("training", "dock_training", Qt.RightDockWidgetArea, scroll=True)
        # inspector above training; only the bottom docks share tabs: with a second tab group Qt 6.11
        # leaves a stray copy of that group's first tab bar on screen (seen offscreen and under X)
        window.splitDockWidget(inspector, training, Qt.Vertical)
        chain = self.add("chain", "dock_chain", Qt.BottomDockWidgetArea, scroll=None)  # (its boxes wrap and scroll)
        tabs = [self.add(key, name, Qt.BottomDockWidgetArea) for key, name in TABS]
        window.splitDockWidget(chain, tabs[0], Qt.Horizontal)
        for other in tabs[1:]:
            window.tabifyDockWidget(tabs[0], other)
        self.on_demand = []
        for key, name in ON_DEMAND:
            if key in parts:
                dock = self.add(key, name, Qt.BottomDockWidgetArea)
                window.tabifyDockWidget(tabs[0], dock)
                dock.hide()
                self.on_demand.append(dock)
        tabs[0].raise_()
        self.tabbed = tabs + self.on_demand
        self.lock_action = QAction(self.tr("Lock panels"), window)
        self.lock_action.setCheckable(True)
        self.lock_action.setToolTip(self.tr("Locked panels cannot be dragged away or floated by accident; "
                                            "unlock them to move, float or re-dock a panel."))
        settings = getattr(window, "settings", None)
        self.lock_action.setChecked(settings is None or str(settings.value("panels_locked", "true")) != "false")
        self.lock_action.toggled.connect(self.set_locked)
        self.set_locked(self.lock_action.isChecked())

    def add(self, key: str, name: str, area, scroll: bool | None = None) -> QDockWidget:
        """A dock for a part; scroll: None (the panel itself), True (PanelScroll fitting its width), False
        (PanelScroll in both directions)."""
        widget = self.parts[key]
        shown = widget if scroll is None else PanelScroll(widget, fit_width=scroll)
        if hasattr(self.window, "add_dock"):
            dock = self.window.add_dock(shown, self.titles[key], name, area)
        else:
            dock = QDockWidget(self.titles[key], self.window)
            dock.setObjectName(name)
            dock.setWidget(shown)
            self.window.addDockWidget(area, dock)
        dock.topLevelChanged.connect(lambda _, d=dock: self._title_bar(d))
        if isinstance(widget, Panel):  # raising a tab does not show the widget again: tell it
            dock.visibilityChanged.connect(lambda visible, w=widget: visible and w.exposed())
        self.docks[key] = dock
        return dock

    def add_toolbar(self, actions: dict[str, QAction]) -> QToolBar:
        """The Backprop toolbar: passes, chain-rule stepping, check and training."""
        bar = self.window.addToolBar(self.tr("Backprop"))
        bar.setObjectName("toolbar_backprop")
        for name in ("forward", "backward", "zero_grad", "auto_backward", None, "step_backward", "step_back",
                     "run_to_end", "reset", None, "grad_check", "grad_step", "train"):
            if name is None:
                bar.addSeparator()
            else:
                bar.addAction(actions[name])
        return bar

    # ------------------------------------------------------------ sizes
    def fit(self, width: int, height: int) -> None:
        """The default sizes for a window of width x height: the bottom plots get enough height that every
        plot keeps at least 150 px, the right column a width its forms need, the canvas the rest."""
        w = self.window
        bottom = max(310, min(420, round(0.40 * height)))
        right = max(300, min(380, round(0.22 * width)))
        w.resizeDocks([self.docks["chain"]], [bottom], Qt.Vertical)
        w.resizeDocks([self.docks["inspector"]], [right], Qt.Horizontal)
        w.resizeDocks([self.docks["chain"], self.tabbed[0]], [round(0.30 * (width - right)),
                                                              round(0.70 * (width - right))], Qt.Horizontal)
        QTimer.singleShot(0, self._split_right)  # once the toolbars' rows have their height

    def _split_right(self) -> None:
        """The right column: the Training panel gets the height that shows every row, the Inspector the rest."""
        training = self.docks["training"]
        column = self.docks["inspector"].height() + training.height()
        panel = training.widget().panel
        inner = training.widget().viewport().width()  # its form at this width: a wrapped line's real height
        need = panel.heightForWidth(inner) if panel.hasHeightForWidth() else panel.sizeHint().height()
        need += training.height() - training.widget().height() + PLAN_SLACK
        inspector = max(INSPECTOR_MIN, column - need)
        self.window.resizeDocks([self.docks["inspector"], training], [inspector, max(1, column - inspector)],
                                Qt.Vertical)

    # ------------------------------------------------------------ locking and raising
    def set_locked(self, locked: bool) -> None:
        """Locked (the default): a panel cannot be dragged out or floated; the tabbed panels drop their
        title bar (their tab names them), which gives the plots its height. Kept in the settings."""
        for dock in self.window.findChildren(QDockWidget):  # ours and the window's own (the palette)
            dock.setFeatures(LOCKED if locked else UNLOCKED)
        for dock in self.tabbed:
            self._title_bar(dock)
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.setValue("panels_locked", "true" if locked else "false")

    def _title_bar(self, dock: QDockWidget) -> None:
        """A docked tab in a locked layout has no title bar (its tab names it); a floating one has its own."""
        bare = dock in self.tabbed and not dock.isFloating() and self.lock_action.isChecked()
        if bare != isinstance(dock.titleBarWidget(), QWidget):
            dock.setTitleBarWidget(QWidget() if bare else None)

    def view_actions(self) -> list[QAction]:
        """View menu entries that show (and raise) or hide the on-demand panels."""
        actions = []
        names = {"dock_optimizer": self.tr("Optimizer state"), "dock_confusion": self.tr("Confusion matrix")}
        for dock in self.on_demand:
            act = dock.toggleViewAction()
            act.setText(names.get(dock.objectName(), act.text()))
            act.triggered.connect(lambda on, d=dock: on and self.float_beside(d, FLOAT_SIZES[d.objectName()]))
            actions.append(act)
        return actions

    def float_beside(self, dock: QDockWidget, size=(900, 480)) -> None:
        """Open an on-demand panel as a window of its own over the main one: as a ninth bottom tab it
        would squeeze every tab name to a few letters at 1366 px. The first time it floats it is centred
        over the main window and kept on its screen; afterwards it opens where the learner left it."""
        if not dock.isFloating():
            dock.setFloating(True)
            self._title_bar(dock)
            dock.setGeometry(on_screen(self.window, *size))
        dock.show()
        dock.raise_()

    def bring_to_front(self, key: str) -> None:
        """Show a panel's dock and raise its tab."""
        dock = self.docks.get(key)
        if dock is not None:
            dock.show()
            dock.raise_()

    def raise_on(self, actions: dict[str, QAction]) -> None:
        """Every action that fills a panel brings that panel to the front."""
        for name, key in FILLS.items():
            if name in actions:
                actions[name].triggered.connect(lambda *_, k=key: self.bring_to_front(k))


def on_screen(window: QWidget, width: int, height: int) -> QRect:
    """A window of about width x height centred over `window`, shrunk and moved to lie wholly on the
    screen's available area (with room for a window manager's title bar)."""
    screen = window.screen().availableGeometry() if window.screen() else QRect(0, 0, width, height)
    room = screen.adjusted(0, TITLE_ROOM, 0, 0)
    width, height = min(width, room.width()), min(height, room.height())
    centre = window.frameGeometry().center()
    x = min(max(centre.x() - width // 2, room.left()), room.right() + 1 - width)
    y = min(max(centre.y() - height // 2, room.top()), room.bottom() + 1 - height)
    return QRect(x, y, width, height)


def fit_toolbars(window: QMainWindow) -> None:
    """Every toolbar action stays visible: when the toolbars of the top row do not fit the window's
    width side by side, the last one moves to a second row (and back when there is room again)."""
    bars = [b for b in window.findChildren(QToolBar) if window.toolBarArea(b) == Qt.TopToolBarArea
            and not b.isHidden()]
    if len(bars) < 2:
        return
    last = bars[-1]
    need = sum(b.sizeHint().width() for b in bars) + 8 * len(bars)
    broken = window.toolBarBreak(last)
    if need > window.width() and not broken:
        window.insertToolBarBreak(last)
    elif need <= window.width() and broken:
        window.removeToolBarBreak(last)
