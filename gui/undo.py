"""UndoBridge: the engine's History (the one undo history) with Qt's QUndoStack as its mirror.

Edits, gestures (seal) and compound edits (macro) go to the History; the QUndoStack holds one mirror
entry per History entry, only for what Qt gives us for free: the Undo/Redo actions and their texts,
Ctrl+Z / Ctrl+Shift+Z, and the clean state behind the title's star and the unsaved-work prompt.
"""

from __future__ import annotations

from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from engine.commands import History
from engine.errors import EngineError


class _Mirror(QUndoCommand):
    """Qt's entry for one History entry; Qt's undo/redo of it is the History's undo/redo."""

    def __init__(self, bridge, text):
        super().__init__(text)
        self.bridge, self.skip = bridge, True  # the first redo (the push) was done by the History already

    def redo(self):
        self._replay(undo=False)

    def undo(self):
        self._replay(undo=True)

    def _replay(self, undo: bool):
        if self.skip:
            self.skip = False
            return
        if not self.bridge.replay(undo):
            # the document is as it was before this call: move the stack back to match, without replaying
            self.skip = True
            stack = self.bridge.stack
            QTimer.singleShot(0, stack.redo if undo else stack.undo)


class UndoBridge:
    """The view side of the History: push(cmd) -> bool does the edit and records it; a refused or failed
    edit changes nothing, is reported (status bar) and returns False, so views never see an exception."""

    def __init__(self, doc, stack, report=None, history: History | None = None):
        self.doc, self.stack, self.report = doc, stack, report or (lambda text: None)
        self.history = history or History(doc)
        self.last_error: str | None = None  # why the last refused edit was refused
        stack.cleanChanged.connect(self._clean_changed)
        stack.indexChanged.connect(self._index_changed)

    def push(self, cmd) -> bool:
        before = self.history.depth
        try:
            self.history.push(cmd)  # all or nothing: a failure leaves the document as it was
        except EngineError as exc:  # refused: say why, record nothing
            self._fail(str(exc))
            return False
        except Exception as exc:  # an unexpected fault (reverted): report it, record nothing
            if self.history.recording:
                raise  # inside a compound edit: macro() reverts all of it
            self._fail(f"the edit failed: {exc!r}")
            return False
        self._mirror(before)
        return True

    def seal(self) -> None:
        """End a gesture: the next edit is a new undo entry."""
        self.history.seal()

    @contextmanager
    def macro(self, text: str):
        """Group the pushes of a block into one undo entry; an unexpected fault reverts the whole block
        and is reported (a refusal raised by the block itself still propagates, as before)."""
        nested, before = self.history.recording, self.history.depth
        try:
            with self.history.macro(text) as macro:
                yield macro
        except Exception as exc:
            if nested or isinstance(exc, EngineError):
                raise
            self._fail(f"the edit failed: {exc!r}")
            return
        if not nested:
            self._mirror(before)

    def replay(self, undo: bool) -> bool:
        """Undo or redo the History's entry for Qt; a failure is reported (Qt cannot take exceptions out
        of QUndoCommand) and leaves the document as it was."""
        try:
            self.history.undo() if undo else self.history.redo()
            return True
        except Exception as exc:
            self._fail(f"{'undo' if undo else 'redo'} failed: {exc!r}")
            return False

    def _mirror(self, before: int) -> None:
        """A new History entry gets a Qt entry; an edit merged into the last entry (a slider drag) does not."""
        if not self.history.recording and self.history.depth > before:
            self.stack.push(_Mirror(self, self.history.undo_text()))

    def _clean_changed(self, clean: bool) -> None:
        """Qt's clean state (set on save, reset for recovered work) is the History's too, so a drag
        never merges into the saved state."""
        if not shiboken6.isValid(self.stack):  # the stack clears itself while it is destroyed
            return
        if clean and self.history.depth == self.stack.index():
            self.history.set_clean()
        elif self.stack.cleanIndex() < 0:
            self.history.reset_clean()

    def _index_changed(self, _index: int) -> None:
        if not shiboken6.isValid(self.stack) or self.stack.count():
            return
        if self.history.can_undo() or self.history.can_redo():
            self.history.clear()  # the window cleared its stack (a new or opened document)

    def _fail(self, text: str) -> None:
        self.last_error = text
        self.report(text)
