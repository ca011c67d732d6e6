"""UndoBridge: engine commands on Qt's QUndoStack (consecutive value edits merge until seal())."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from engine.commands import Macro, apply, macro_scope
from engine.errors import EngineError

MERGE_ID = 4242  # every mergeable engine command; mergeWith checks the engine merge_key


class _Wrapped(QUndoCommand):
    """A QUndoCommand around an engine command that has already been done once."""

    def __init__(self, bridge, cmd):
        super().__init__(cmd.text)
        self.bridge, self.cmd, self.first = bridge, cmd, True

    def redo(self):
        if self.first:
            self.first = False
            return
        self.bridge.replay(self.cmd, undo=False)

    def undo(self):
        self.bridge.replay(self.cmd, undo=True)

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
        except Exception as exc:  # a refusal (EngineError) or an unexpected fault: report it, record nothing
            self.last_error = str(exc) if isinstance(exc, EngineError) else f"the edit failed: {exc!r}"
            self.report(self.last_error)
            return False
        if self._macro is not None:
            self._macro.children.append(cmd)
            return True
        self.stack.push(_Wrapped(self, cmd))
        self.sealed = False
        return True

    def replay(self, cmd, undo: bool) -> None:
        """Undo or redo a recorded edit from the stack; a failure is reported (Qt cannot take exceptions
        out of QUndoCommand) and leaves the document as it was."""
        try:
            apply(cmd, self.doc, undo=undo)
        except Exception as exc:
            self.last_error = f"{'undo' if undo else 'redo'} failed: {exc!r}"
            self.report(self.last_error)

    def seal(self) -> None:
        """End a gesture: the next edit is a new undo entry."""
        self.sealed = True

    def macro(self, text: str):
        """Group the pushes of a block into one undo entry."""
        return macro_scope(self, text, self._record_macro)

    def _record_macro(self, macro: Macro) -> None:
        self.stack.push(_Wrapped(self, macro))
        self.sealed = True
