"""Recent files and the autosave recovery file of a main window (kept with QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QTimer

from engine.circuit import io
from engine.errors import EngineError

MAX_RECENT = 8
AUTOSAVE_MS = 30_000


class RecentFiles:
    """The most recently opened or saved files, newest first."""

    def __init__(self, settings):
        self.settings = settings

    def paths(self) -> list[str]:
        value = self.settings.value("recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if Path(p).exists()]

    def add(self, path) -> None:
        items = [str(path)] + [p for p in self.paths() if p != str(path)]
        self.settings.setValue("recent", items[:MAX_RECENT])


class Autosave:
    """Writes the document to a recovery file while it has unsaved changes; removed on a clean save."""

    def __init__(self, window, directory: Path | None = None):
        self.window = window
        base = directory or Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or ".")
        self.path = Path(window.settings.value("recovery_dir", str(base))) / "recovery.json"
        self.timer = QTimer(window)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.write)
        self.timer.start()

    def write(self) -> None:
        """Save a recovery copy if there is something unsaved."""
        if self.window.undo_stack.isClean():
            self.discard()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            io.save(self.window.doc, self.path)
        except (OSError, EngineError) as exc:
            self.window.status(self.window.tr("Autosave failed: {e}").format(e=exc))

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)

    def pending(self) -> bool:
        return self.path.exists()
