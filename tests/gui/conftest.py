"""GUI tests: a modal dialog nobody answers would block the suite, so any unexpected one fails at once."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox


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
