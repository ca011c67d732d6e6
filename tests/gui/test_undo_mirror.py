"""One undo history: the window's QUndoStack mirrors the engine History entry for entry."""

from engine.circuit import io
from engine.commands import History, Move, SetValue
from tests.conftest import EXAMPLES


def test_the_qt_stack_mirrors_the_engine_history(window):
    assert window.open(EXAMPLES / "L.json")
    history, stack = window.undo.history, window.undo_stack
    assert isinstance(history, History) and window.undo.history is history
    a = window.doc.by_label("a").id
    for v in (1.0, 1.5, 2.5):  # one slider drag: one entry in both
        assert window.undo.push(SetValue(a, v)) is True
    window.undo.seal()
    assert history.depth == stack.count() == 1 and stack.undoText() == history.undo_text()
    assert window.undo.push(Move(a, (10.0, 20.0)))
    assert history.depth == stack.count() == stack.index() == 2 and stack.undoText() == "change pos"
    stack.undo()  # Ctrl+Z goes through the History
    assert history.depth == stack.index() == 1 and window.doc.node(a).pos != (10.0, 20.0)
    assert stack.redoText() == history.redo_text() == "change pos"
    stack.undo()
    assert window.doc.node(a).value == io.load(EXAMPLES / "L.json").by_label("a").value
    stack.redo()
    assert window.doc.node(a).value == 2.5 and history.depth == stack.index() == 1


def test_the_saved_state_is_the_historys_clean_state_too(window):
    assert window.open(EXAMPLES / "L.json")
    history, stack = window.undo.history, window.undo_stack
    a = window.doc.by_label("a").id
    window.undo.push(SetValue(a, 1.0))
    stack.setClean()  # what saving does
    assert stack.isClean() and not history.is_modified()
    window.undo.push(SetValue(a, 2.0))  # not merged into the saved entry, though no seal came between
    assert history.depth == stack.count() == 2 and not stack.isClean() and history.is_modified()
    stack.undo()
    assert stack.isClean() and not history.is_modified()
    stack.clear()  # a new document: both start empty
    assert history.depth == 0 and not history.can_redo()


def test_a_refused_edit_is_reported_and_recorded_nowhere(window):
    assert window.open(EXAMPLES / "L.json")
    a, L = window.doc.by_label("a").id, window.doc.by_label("L").id
    from engine.commands import Connect

    assert window.undo.push(Connect(L, a, "x")) is False  # an input node has no port x
    assert window.undo.last_error and window.undo.history.depth == window.undo_stack.count() == 0
