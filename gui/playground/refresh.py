"""Coalesced, visibility-aware redraws for panels that are costly to refresh."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


class LazyPanel(QWidget):
    """A panel whose refresh() runs once per burst of evaluator events, and only while it is shown.

    Subclasses implement refresh(); they call schedule() from event handlers.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self._dirty = True

    def on_screen(self) -> bool:
        """Shown and not covered (a dock in a tab behind another is 'visible' with an empty region)."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def schedule(self, **_) -> None:
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

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError
