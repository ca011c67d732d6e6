"""GUI tests: a modal dialog nobody answers would block the suite, so any unexpected one fails at once."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.main_window import MainWindow
from tests.gui.playground_support import host  # noqa: F401 (a fixture for the playground tests)


def _refuse(name):
    def call(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {name}{args[1:3]}")

    return staticmethod(call)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, _refuse(f"QMessageBox.{name}"))
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, _refuse(f"QFileDialog.{name}"))


@pytest.fixture
def window(qtbot, tmp_path):
    w = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.errors, w.answers = [], []
    w.show_error = lambda title, text: w.errors.append(text)
    w.ask_save = lambda: (w.answers.append(True), "discard")[1]
    return w
