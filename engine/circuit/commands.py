"""Every user edit as an undoable command on the document, and a headless history.

A command changes only the document (which emits events the views listen to). Consecutive
edits of one value merge into one entry (a slider drag) until the history is sealed (mouse
release). A compound edit is a Macro of child commands. The GUI wraps these same commands in
QUndoCommands; scripts and tests use History directly.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..errors import EngineError
from .document import Circuit, CircuitError
from .events import HistoryEvents
from .nodes import Node, copy_value

__all__ = ["AddNode", "Command", "Connect", "Disconnect", "History", "Macro", "Move", "RemoveNode",
           "SetDocAttr", "SetLabel", "SetParams", "SetSlider", "SetValue", "apply"]


class Command:
    """Base class: do() applies the edit, undo() reverts it exactly."""

    text = "edit"
    merge_key: tuple | None = None

    def do(self, doc: Circuit) -> None:
        raise NotImplementedError

    def undo(self, doc: Circuit) -> None:
        raise NotImplementedError

    def merge(self, other: Command) -> bool:
        """Absorb a later command of the same merge_key (keep our old state, take its new one)."""
        return False


def apply(cmd: Command, doc: Circuit, undo: bool = False) -> None:
    """Do (or undo) a command completely or not at all. A refusal (EngineError) comes before any change;
    any other failure (say a view listening to the document raised) is reverted before it propagates."""
    forth, back = (cmd.undo, cmd.do) if undo else (cmd.do, cmd.undo)
    try:
        forth(doc)
    except EngineError:
        raise
    except Exception as exc:
        try:
            back(doc)
        except Exception as again:  # the document may be half-changed: say so with the first error
            exc.add_note(f"reverting the edit failed too: {again!r}")
        raise


class AddNode(Command):
    def __init__(self, node: Node):
        self.node, self.text = node, f"add {node.label}"

    def do(self, doc):
        doc.add_node(self.node.copy())

    def undo(self, doc):
        doc.remove_node(self.node.id)


class Connect(Command):
    """Wire src -> dst.port, replacing a wire already on that port."""

    def __init__(self, src: str, dst: str, port: str):
        self.src, self.dst, self.port, self.replaced = src, dst, port, None
        self.text = "connect"

    def do(self, doc):
        reason = doc.why_not_connect(self.src, self.dst, self.port, replacing=True)
        if reason:
            raise CircuitError(reason)
        self.replaced = doc.inputs_of(self.dst).get(self.port)
        if self.replaced is not None:
            doc.disconnect(self.dst, self.port)
        doc.connect(self.src, self.dst, self.port)

    def undo(self, doc):
        doc.disconnect(self.dst, self.port)
        if self.replaced is not None:
            doc.connect(self.replaced, self.dst, self.port)


class Disconnect(Command):
    def __init__(self, dst: str, port: str):
        self.dst, self.port, self.src, self.text = dst, port, None, "disconnect"

    def do(self, doc):
        self.src = doc.disconnect(self.dst, self.port)

    def undo(self, doc):
        doc.connect(self.src, self.dst, self.port)


class RemoveNode(Command):
    """Delete a node with its wires; undo restores both exactly."""

    def __init__(self, node_id: str):
        self.node_id, self.node, self.wires, self.text = node_id, None, [], "delete"

    def do(self, doc):
        self.node = doc.node(self.node_id).copy()
        self.text = f"delete {self.node.label}"
        self.wires = [e for e in doc.edges() if self.node_id in (e[0], e[1])]
        doc.remove_node(self.node_id)

    def undo(self, doc):
        doc.add_node(self.node.copy())
        for src, dst, port in self.wires:
            doc.connect(src, dst, port)


class _SetAttr(Command):
    """Shared shape of the attribute edits: remember the old value, set the new one.

    Values are kept by reference, never copied: a node's attributes are replaced on every edit and
    never changed in place (copy-on-write), so an old value held here stays as it was."""

    setter = ""
    attr = ""

    def __init__(self, node_id: str, new, old=None):
        self.node_id, self.new, self.old = node_id, new, old
        self.text = f"change {self.attr}"

    def _get(self, doc):
        return getattr(doc.node(self.node_id), self.attr)

    def _set(self, doc, value):
        getattr(doc, self.setter)(self.node_id, value)

    def do(self, doc):
        if self.old is None:
            self.old = self._get(doc)
        self._set(doc, self.new)

    def undo(self, doc):
        self._set(doc, self.old)


class SetValue(_SetAttr):
    setter, attr = "set_value", "value"

    @property
    def merge_key(self):
        return ("value", self.node_id)

    def merge(self, other):
        self.new = other.new
        return True


class SetLabel(_SetAttr):
    setter, attr = "set_label", "label"


class Move(_SetAttr):
    setter, attr = "move", "pos"


class SetParams(_SetAttr):
    """Replace a node's parameters. What goes into the document is a copy (copy_value: one C-level
    copy per weight row, not copy.deepcopy), so neither the caller nor the document can change an undo
    entry by writing into a list; the old values the edit takes out of the document are kept as they
    are, by reference (the document no longer holds them)."""

    setter, attr = "set_params", "params"

    def __init__(self, node_id: str, new: dict, old: dict | None = None):
        super().__init__(node_id, copy_value(new), None if old is None else copy_value(old))

    def _get(self, doc):
        return dict(doc.node(self.node_id).params)

    def _set(self, doc, value):
        doc.set_params(self.node_id, copy_value(value))


class SetSlider(_SetAttr):
    setter, attr = "set_slider", "slider"

    def _set(self, doc, value):
        doc.set_slider(self.node_id, *value)


class SetDocAttr(Command):
    """Change the document's dataset or training settings."""

    def __init__(self, attr: str, new, old=None):
        self.attr, self.new, self.old = attr, copy_value(new), copy_value(old)
        self.text = f"change {attr}"

    def do(self, doc):
        if self.old is None:
            self.old = copy_value(getattr(doc, self.attr))
        getattr(doc, f"set_{self.attr}")(copy_value(self.new))

    def undo(self, doc):
        getattr(doc, f"set_{self.attr}")(copy_value(self.old))


class Macro(Command):
    """A compound edit: children done in order, undone in reverse, one history entry."""

    def __init__(self, text: str, children: list[Command] | None = None):
        self.text, self.children = text, list(children or [])

    def do(self, doc):
        done = []
        try:
            for child in self.children:
                apply(child, doc)
                done.append(child)
        except Exception:
            for child in reversed(done):
                child.undo(doc)
            raise

    def undo(self, doc):
        for child in reversed(self.children):
            child.undo(doc)


class History:
    """The undo history of one document (the only one: the GUI's Qt stack mirrors it).

    push(cmd) does the edit and returns it, or raises: an EngineError means refused before any change,
    anything else was reverted before it propagated; either way nothing is recorded. Emits
    events.changed on every change."""

    def __init__(self, doc: Circuit):
        self.doc = doc
        self.events = HistoryEvents()
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._sealed = True
        self._clean_index = 0
        self._macro: Macro | None = None

    def push(self, cmd: Command) -> Command:
        """Do a command and record it (merging into the previous one when it is the same gesture)."""
        apply(cmd, self.doc)  # on failure: nothing changed, nothing recorded
        if self._macro is not None:
            self._macro.children.append(cmd)
            return cmd
        top = self._done[-1] if self._done else None
        if (not self._sealed and top is not None and cmd.merge_key is not None and top.merge_key == cmd.merge_key
                and len(self._done) > self._clean_index and top.merge(cmd)):
            self._undone.clear()
            self._sealed = False
            self.events.changed.emit()
        else:
            self._record(cmd, sealed=False)
        return cmd

    def seal(self) -> None:
        """End the current gesture: the next edit starts a new entry even if it could merge."""
        self._sealed = True

    @property
    def depth(self) -> int:
        """How many entries can be undone."""
        return len(self._done)

    @property
    def entries(self) -> tuple[Command, ...]:
        """The entries that can be undone, oldest first."""
        return tuple(self._done)

    @property
    def recording(self) -> bool:
        """True inside macro(): pushes are collected, not yet recorded."""
        return self._macro is not None

    @contextmanager
    def macro(self, text: str):
        """Group every push inside the block into one entry (nested blocks fold into the outer one);
        a failure undoes the partial edit and re-raises."""
        outer = self._macro
        self._macro = macro = Macro(text)
        try:
            yield macro
        except Exception:
            self._macro = outer
            macro.undo(self.doc)
            raise
        self._macro = outer
        if macro.children:
            if outer is not None:
                outer.children.append(macro)
            else:
                self._record(macro, sealed=True)

    def _record(self, cmd: Command, sealed: bool) -> None:
        """A new entry on top; the redo branch is dropped (with the saved state, if it lay there)."""
        if self._clean_index > len(self._done):
            self._clean_index = -1
        self._done.append(cmd)
        self._undone.clear()
        self._sealed = sealed
        self.events.changed.emit()

    def undo(self) -> bool:
        if not self._done:
            return False
        apply(self._done[-1], self.doc, undo=True)
        self._undone.append(self._done.pop())
        self._sealed = True
        self.events.changed.emit()
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        cmd = self._undone[-1]
        apply(cmd, self.doc)
        self._done.append(self._undone.pop())
        self._sealed = True
        self.events.changed.emit()
        return True

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._clean_index = len(self._done)
        self._sealed = True
        self.events.changed.emit()

    def reset_clean(self) -> None:
        """No state of the history is the saved one any more (e.g. recovered work)."""
        self._clean_index = -1
        self.events.changed.emit()

    def is_modified(self) -> bool:
        return len(self._done) != self._clean_index

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean_index = 0
        self._sealed = True
        self.events.changed.emit()
