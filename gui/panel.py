"""One way to be a panel: the Session every panel is built from, and the Panel base class."""

from __future__ import annotations

from psygnal import Signal
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from engine.circuit.display import Display
from engine.circuit.events import Subscriptions


class Session:
    """One window's model side, as a panel sees it: the document, its evaluator (whose `result`
    holds the latest values, gradients and diagnosis), the undo history, the status line, the
    shown sample and the selection."""

    selection_changed = Signal(object)  # the one selected node id, or None (nothing or several)

    def __init__(self, doc, evaluator, undo, status):
        self.doc, self.evaluator, self.undo, self.status = doc, evaluator, undo, status
        self.display = Display(evaluator)
        self.selected: str | None = None
        self.controller = None  # the playground's controller (stepping, checks, training), once installed

    def select(self, node_id: str | None) -> None:
        if node_id != self.selected:
            self.selected = node_id
            self.selection_changed.emit(node_id)


class Panel(QWidget):
    """The protocol of every panel (the playground's, the inspector; lessons and network views copy it).

    - Built from the session only: `Panel(session)`. The session gives the document, the evaluator,
      undo (push, seal), status(text), the display (which sample the numbers show) and the selection.
    - Refreshed from the evaluator's result: `refresh()` reads `self.ev.result` (values, grads,
      errors) and the document, and draws. Nobody hands a panel data to draw or calls into its
      widgets; the evaluator signals named in `results` and a change of the shown sample call
      `schedule()`, which coalesces a burst of results into one refresh.
    - Lazy while hidden: `schedule()` only marks the panel dirty while it is hidden or covered by
      another tab; it catches up when it comes into view (`exposed()`).
    - Told about selection one way: `select(node_id)` (None: nothing or several nodes), called by
      the session's `selection_changed`. The default stores `self.selected` and schedules.
    - Listens through `self.listen(signal, callback)` only; `detach()` drops every connection and
      the window calls it when it closes, so no listener outlives its window.

    What is not in a result (the stepper's chain-rule steps, the loss history of a training run,
    a gradient check's table) comes from the controller that owns that run, through one `show_*`
    method of the panel; `reset()` forgets it when another document opens.
    """

    results: tuple[str, ...] = ("evaluated",)  # the evaluator signals that make this panel redraw

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.doc, self.ev, self.display = session.doc, session.evaluator, session.display
        self.selected: str | None = session.selected
        self._subs = Subscriptions()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._dirty = True
        for name in self.results:
            self.listen(self.ev.events[name], self.schedule)
        if self.results:
            self.listen(self.display.changed, self.schedule)
        self.listen(session.selection_changed, self.select)

    def listen(self, signal, callback, **kwargs):
        """Connect `callback` to a document, evaluator or session signal until detach()."""
        return self._subs.connect(signal, callback, **kwargs)

    def detach(self) -> None:
        """Stop listening (the window is closing)."""
        self._subs.disconnect_all()
        self._timer.stop()

    def select(self, node_id: str | None) -> None:
        self.selected = node_id
        self.schedule()

    def reset(self) -> None:
        """Another document is shown: forget what came from the old one (a run's history, a table)
        and redraw from the new result. Panels that only draw the result keep this default."""
        self.schedule()

    def on_screen(self) -> bool:
        """Shown and not covered (a dock in a tab behind another is 'visible' with an empty region)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def schedule(self) -> None:
        self._dirty = True
        if self.on_screen() and not self._timer.isActive():
            self._timer.start()

    def exposed(self) -> None:
        """The panel came into view (its dock was shown or its tab raised): catch up if needed."""
        if self._dirty and not self._timer.isActive():
            self._timer.start()

    def showEvent(self, event):  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.exposed()

    def refresh(self) -> None:
        """Draw from self.ev.result and the document (panels without a drawing keep this)."""
        self._dirty = False
