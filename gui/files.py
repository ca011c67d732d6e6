"""Recent files, and the autosave recovery files: one per window, owned through a QLockFile.

Each window autosaves its unsaved work to its own recovery-<uuid>.json in the recovery folder,
with a small recovery-<uuid>.meta.json beside it saying which file the work belonged to. The
window holds recovery-<uuid>.json.lock while it lives. After a crash the lock is stale (its
process is gone), which is how the next start-up tells orphaned work from the live work of
another window or another running copy of the app: only orphans are offered, and only a window
deletes its own file.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QIODevice, QLockFile, QSaveFile, QStandardPaths, QTimer

from engine.circuit import io
from engine.errors import EngineError

MAX_RECENT = 8
AUTOSAVE_MS = 30_000
_RECOVERY = re.compile(r"recovery-[0-9a-f]{32}\.json")


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


def recovery_dir(settings) -> Path:
    """The folder of the recovery files: the QSettings "recovery_dir", else the app's data folder."""
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or "."
    return Path(str(settings.value("recovery_dir", base)))


def _lock_of(path: Path) -> QLockFile:
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # never stale by age: only when the owning process is gone
    return lock


def _meta_of(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def _write_atomically(path: Path, data: bytes) -> None:
    out = QSaveFile(str(path))
    if not out.open(QIODevice.WriteOnly) or out.write(data) != len(data) or not out.commit():
        raise OSError(f"cannot write {path}: {out.errorString()}")


@dataclass
class Orphan:
    """A recovery file whose window is gone. Found by orphans(), which takes its lock: while we hold
    it no other running copy can offer it."""

    path: Path
    lock: QLockFile
    origin: str | None  # the file the work was saved as, if any
    name: str | None  # the title it had
    saved: float  # when it was autosaved (seconds since the epoch)

    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved))

    def discard(self) -> None:
        """The user does not want it: delete it for good."""
        self.path.unlink(missing_ok=True)
        _meta_of(self.path).unlink(missing_ok=True)
        self.lock.unlock()

    def release(self) -> None:
        """Leave it where it is (for the next start-up)."""
        self.lock.unlock()


def orphans(settings) -> list[Orphan]:
    """Recovery files whose owner is gone, oldest first, each locked for us now."""
    folder = recovery_dir(settings)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("recovery-*.json"):
        if not _RECOVERY.fullmatch(path.name):
            continue
        lock = _lock_of(path)
        if not lock.tryLock(0):  # a live window owns it (in this copy of the app or another)
            continue
        try:
            meta = json.loads(_meta_of(path).read_text(encoding="utf-8"))
            meta = meta if isinstance(meta, dict) else {}
        except (OSError, ValueError):
            meta = {}
        origin, name = meta.get("path"), meta.get("name")
        try:
            saved = path.stat().st_mtime
        except OSError:  # gone in between
            lock.unlock()
            continue
        found.append(Orphan(path, lock, origin if isinstance(origin, str) else None,
                            name if isinstance(name, str) else None, saved))
    for lockfile in folder.glob("recovery-*.json.lock"):  # tidy: dead windows that had nothing unsaved
        path = lockfile.with_suffix("")
        if not path.exists():
            lock = _lock_of(path)
            if lock.tryLock(0):
                lock.unlock()
    return sorted(found, key=lambda o: o.saved)


class Autosave:
    """Writes a window's document to its own recovery file while it has unsaved changes.

    The lock is taken at the first write and held until the window closes; a clean document, a save
    or closing the window delete this window's file, never another's. The interval comes from the
    QSettings "autosave_ms" (tests drive a short one)."""

    def __init__(self, window):
        self.window = window
        self.path = recovery_dir(window.settings) / f"recovery-{uuid.uuid4().hex}.json"
        self.lock: QLockFile | None = None
        self.timer = QTimer(window)
        self.timer.setInterval(int(window.settings.value("autosave_ms", AUTOSAVE_MS)))
        self.timer.timeout.connect(self.write)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def write(self) -> None:
        """Save a recovery copy if there is something unsaved (and remove ours if there is not)."""
        window = self.window
        if window.undo_stack.isClean():
            self.discard()
            return
        try:
            self._own()
            meta = {"path": str(window.path) if window.path else None, "name": window.name}
            _write_atomically(_meta_of(self.path), json.dumps(meta).encode("utf-8"))
            io.save(window.doc, self.path)
        except (OSError, EngineError) as exc:
            window.status(QCoreApplication.translate("MainWindow", "Autosave failed: {e}").format(e=exc))

    def _own(self) -> None:
        if self.lock is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = _lock_of(self.path)
            if not lock.tryLock(0):
                raise OSError(f"cannot lock {lock.fileName()} (error {lock.error().name})")
            self.lock = lock

    def discard(self) -> None:
        """Delete this window's recovery file (nobody else's)."""
        self.path.unlink(missing_ok=True)
        _meta_of(self.path).unlink(missing_ok=True)

    def adopt(self, orphan: Orphan) -> None:
        """Take over a restored orphan's file and lock: a second crash still recovers that work."""
        self.close()
        self.path, self.lock = orphan.path, orphan.lock

    def close(self) -> None:
        """The window is going away with nothing to keep: delete our file, release our lock."""
        self.discard()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    def pending(self) -> bool:
        return self.path.exists()
