"""Typed events (psygnal, Qt-free): the document announces edits, the evaluator announces results,
the undo history announces its changes.

    doc.events.value_changed.connect(callback)      # callback(node_id, value)
    ev.events.evaluated.connect(view.schedule)      # a new Result is in ev.result

A misspelt name is an AttributeError. Listeners run in a defined order: by priority (the
Evaluator listens to the document at EVALUATOR_PRIORITY, so it has recomputed before any view
hears of an edit), then in connection order, then the group's `all` relay. A listener's own
exception reaches the emitter as itself (emit() unwraps psygnal's EmitLoopError), so an edit
whose view fails can be reverted. Views keep their connections in a Subscriptions and drop them
all when they close.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from psygnal import EmitLoopError, Signal, SignalGroup

EVALUATOR_PRIORITY = 100  # the evaluator hears a document edit before every view


def _args(**types) -> Signal:
    """A signal whose arguments have names (listeners and the `all` relay can tell them apart)."""
    P = inspect.Parameter
    return Signal(inspect.Signature([P(name, P.POSITIONAL_OR_KEYWORD, annotation=t) for name, t in types.items()]))


class DocumentEvents(SignalGroup):
    """Edits of a Circuit, named in the past tense."""

    node_added = _args(node=object)
    node_removed = _args(node=object)
    edge_added = _args(src=str, dst=str, port=str)
    edge_removed = _args(src=str, dst=str, port=str)
    value_changed = _args(node_id=str, value=float)
    label_changed = _args(node_id=str, label=str)
    node_moved = _args(node_id=str, pos=tuple)
    params_changed = _args(node_id=str, params=dict, old_ports=list)
    slider_changed = _args(node_id=str, slider=tuple)  # (lo, hi, step)
    dataset_changed = _args(dataset=object)  # the dataset choice, or None
    training_changed = _args(training=dict)
    document_reset = Signal()  # the whole content was replaced (open, revert, new)


def payload(info) -> dict:
    """The arguments of an emission heard on a group's `all` relay, by name."""
    return dict(zip(info.signal.signature.parameters, info.args, strict=True))


# the edits after which the circuit must be compiled again
STRUCTURAL = ("node_added", "node_removed", "edge_added", "edge_removed", "params_changed",
              "dataset_changed", "document_reset")


class HistoryEvents(SignalGroup):
    """Changes of an undo History (read its state: can_undo, undo_text, is_modified...)."""

    changed = Signal()  # an entry was recorded, merged, undone or redone; the clean state moved


class EvaluatorEvents(SignalGroup):
    """New results of an Evaluator (read them from evaluator.result)."""

    evaluated = Signal()  # a pass (forward, backward, a slider move) finished
    stepped = Signal()  # a stepper published one more step


def emit(signal, *args) -> None:
    """signal.emit(*args), letting a listener's exception through as itself (not an EmitLoopError)."""
    try:
        signal.emit(*args)
    except EmitLoopError as exc:
        cause = exc
        while isinstance(cause, EmitLoopError) and cause.__cause__ is not None:
            cause = cause.__cause__
        raise cause from None


def listener_count(group: SignalGroup) -> int:
    """How many callbacks are connected to the group's signals (its `all` relay included)."""
    return sum(len(group[name]) for name in group) + len(group.all)


class Subscriptions:
    """The connections one view made, so that it can drop them all when it closes."""

    def __init__(self) -> None:
        self._pairs: list[tuple[object, Callable]] = []

    def connect(self, signal, callback: Callable, **kwargs) -> Callable:
        signal.connect(callback, **kwargs)
        self._pairs.append((signal, callback))
        return callback

    def disconnect_all(self) -> None:
        for signal, callback in self._pairs:
            signal.disconnect(callback, missing_ok=True)
        self._pairs.clear()
