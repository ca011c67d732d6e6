"""UndoBridge: engine commands on Qt's QUndoStack (consecutive value edits merge until seal())."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from engine.commands import Macro, apply, macro_scope
from engine.errors import EngineError

MERGE_ID = 4242  # every mergeable engine command; mergeWith checks the engine merge_key


class _Wrapped(QUndoCommand):
    """A QUndoCommand around an engine command that has already been done once."""

    def __init__(self, bridge, cmd):
        super().__init__(cmd.text)
        self.bridge, self.cmd, self.skip = bridge, cmd, True  # the first redo (the push) was done already

    def redo(self):
        self._replay(undo=False)

    def undo(self):
        self._replay(undo=True)

    def _replay(self, undo: bool):
        if self.skip:
            self.skip = False
            return
        if not self.bridge.replay(self.cmd, undo):
            # the document is as it was before this call: move the stack back to match, without replaying
            self.skip = True
            stack = self.bridge.stack
            QTimer.singleShot(0, stack.redo if undo else stack.undo)

    def id(self):
        return MERGE_ID if self.cmd.merge_key is not None else -1

    def mergeWith(self, other):
        if self.bridge.sealed or other.cmd.merge_key != self.cmd.merge_key:
            return False
        return self.cmd.merge(other.cmd)


class UndoBridge:
    """push(cmd) -> bool: do the edit, record it; a refused edit reports why and records nothing."""

    def __init__(self, doc, stack, report=None):
        self.doc, self.stack, self.report = doc, stack, report or (lambda text: None)
        self.sealed = True
        self.last_error: str | None = None  # why the last refused edit was refused
        self._macro: Macro | None = None

    def push(self, cmd) -> bool:
        try:
            apply(cmd, self.doc)  # all or nothing: a failure leaves the document as it was
        except EngineError as exc:  # refused: say why, record nothing
            self._fail(str(exc))
            return False
        except Exception as exc:  # an unexpected fault (reverted by apply): report it, record nothing
            if self._macro is not None:
                raise  # inside a compound edit: macro() reverts all of it
            self._fail(f"the edit failed: {exc!r}")
            return False
        if self._macro is not None:
            self._macro.children.append(cmd)
            return True
        self.stack.push(_Wrapped(self, cmd))
        self.sealed = False
        return True

    def replay(self, cmd, undo: bool) -> bool:
        """Undo or redo a recorded edit from the stack; a failure is reported (Qt cannot take exceptions
        out of QUndoCommand) and leaves the document as it was."""
        try:
            apply(cmd, self.doc, undo=undo)
            return True
        except Exception as exc:
            self._fail(f"{'undo' if undo else 'redo'} failed: {exc!r}")
            return False

    def seal(self) -> None:
        """End a gesture: the next edit is a new undo entry."""
        self.sealed = True

    @contextmanager
    def macro(self, text: str):
        """Group the pushes of a block into one undo entry; an unexpected fault reverts the whole block
        and is reported (a refusal raised by the block itself still propagates, as before)."""
        nested = self._macro is not None
        try:
            with macro_scope(self, text, self._record_macro) as macro:
                yield macro
        except Exception as exc:
            if nested or isinstance(exc, EngineError):
                raise
            self._fail(f"the edit failed: {exc!r}")

    def _fail(self, text: str) -> None:
        self.last_error = text
        self.report(text)

    def _record_macro(self, macro: Macro) -> None:
        self.stack.push(_Wrapped(self, macro))
        self.sealed = True
