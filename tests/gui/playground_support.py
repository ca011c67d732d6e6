"""A bare main window with the playground installed, for driving the panels without the full app."""

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.commands import SetDocAttr
from gui.canvas.scene import CircuitScene
from gui.canvas.view import CanvasView
from gui.playground import install
from gui.undo import UndoBridge
from tests.conftest import EXAMPLES


class HostWindow(QMainWindow):
    """The window attributes the playground relies on (doc, evaluator, undo, scene)."""

    def __init__(self, path):
        super().__init__()
        self.doc = io.load(path)
        self.evaluator = Evaluator(self.doc)
        self.undo_stack = QUndoStack(self)
        self.undo = UndoBridge(self.doc, self.undo_stack, self.status)  # the window's own undo, not a fake
        self.scene = CircuitScene(self.doc, self.evaluator, self.undo.push, self.undo.seal)
        self.view = CanvasView(self.scene)
        self.setCentralWidget(self.view)
        self.messages = []

    def status(self, text):
        self.messages.append(text)


@pytest.fixture
def host(qtbot):
    def make(name):
        w = HostWindow(EXAMPLES / f"{name}.json")
        qtbot.addWidget(w)
        parts = install(w)
        w.resize(1400, 900)
        return w, parts

    return make


def open_shown(window, qtbot, example: str, **settings) -> None:
    """Open an example in the main window (its training settings changed by `settings`, one undo entry)
    and show the window at 1366x768 with the Loss tab in front (the timeline lives under the loss plot)."""
    assert window.open(EXAMPLES / f"{example}.json")
    if settings:
        window.undo.push(SetDocAttr("training", {**window.doc.training, **settings}))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.dock_layout.bring_to_front("loss")


def shown_in_portuguese(window, qtbot, size=(1366, 768)):
    """The window switched to Portuguese (a new window with the same document), shown at `size`."""
    pt = window.switch_language("pt_BR")
    qtbot.addWidget(pt)
    pt.ask_save = lambda: "discard"
    pt.resize(*size)
    pt.show()
    qtbot.waitExposed(pt)
    return pt
