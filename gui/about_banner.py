"""About this circuit: the title and description of an example or file (its "view" field), in a
dismissible banner above the canvas.

    about_banner.show_for(window)   # after a document opens (MainWindow._replace)

The examples' texts are translated (context "AboutBanner"; example_texts() lists them for the
translation file); a file's own text is shown as it is.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from engine.resources import examples_dir

__all__ = ["AboutBanner", "attach", "example_texts", "show_for"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("AboutBanner", text)


def example_texts() -> list[str]:
    """Every example's title and description as the banner translates them (for resources/i18n)."""
    try:
        index = json.loads((examples_dir() / "index.json").read_text(encoding="utf-8"))["examples"]
    except (OSError, ValueError, KeyError):
        return []
    return [_tr(entry[key]) for entry in index for key in ("title", "description") if entry.get(key)]


class AboutBanner(QFrame):
    """A title in bold, the description wrapped below it, and × to hide it (until the next file)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("about_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#about_banner { background: palette(alternate-base); border: none;"
                           " border-bottom: 1px solid palette(mid); }")
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("AboutBanner", "Hide this note about the circuit"))
        self.close_button.clicked.connect(self.hide)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 4, 6)
        row.addLayout(words, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_about(self, view: dict | None) -> bool:
        """Show a document's title and description; hide when it has neither. True when shown."""
        view = view if isinstance(view, dict) else {}
        title, text = view.get("title"), view.get("description")
        title = _tr(title) if isinstance(title, str) else ""
        text = _tr(text) if isinstance(text, str) else ""
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.setVisible(bool(title or text))
        return self.isVisibleTo(self.parentWidget()) if self.parentWidget() else bool(title or text)


def attach(window) -> AboutBanner:
    """The window's banner, put above its canvas the first time (the canvas stays the central view)."""
    banner = getattr(window, "about_banner", None)
    if banner is None:
        view = window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        banner = window.about_banner = AboutBanner(holder)
        column.addWidget(banner)
        column.addWidget(view, 1)
        window.setCentralWidget(holder)
        view.show()  # (taking the canvas out of a shown window hid it)
        holder.show()
    return banner


def show_for(window) -> AboutBanner:
    """Show the window's document's title and description (its file's "view" field)."""
    banner = attach(window)
    banner.show_about(getattr(window.doc, "view", None))
    return banner
