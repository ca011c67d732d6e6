"""Start the desktop app: `python main.py [FILE]` opens FILE or the lecture's tanh neuron."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .main_window import EXAMPLES, MainWindow

DEFAULT_EXAMPLE = EXAMPLES / "neuron.json"


def application() -> QApplication:
    """The running QApplication (IPython's %gui qt may have made it), or a new one; named for QSettings, with
    the app's icon."""
    from PySide6.QtGui import QIcon

    from engine.resources import icon_path

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    if not app.organizationName():
        app.setOrganizationName("BackpropPlayground")
        app.setApplicationName("Backprop Playground")
    if app.windowIcon().isNull():
        app.setDesktopFileName("backprop-playground")  # matches resources/backprop-playground.desktop
        app.setWindowIcon(QIcon(str(icon_path())))
    return app


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QSettings

    from .i18n import set_language, system_language

    app = application()
    set_language(str(QSettings().value("language", system_language())))
    window = MainWindow()
    path = Path(argv[0]) if argv else DEFAULT_EXAMPLE
    if not path.exists():
        print(f"error: no such file: {path}", file=sys.stderr)
        return 2
    restored = window.offer_recovery()  # work left by a crash, each piece in a window of its own
    if window not in restored:
        window.open(path)
    window.show()
    window.view.fit_all()
    if not argv and window not in restored:
        from .lessons import offer_at_start

        offer_at_start(window)  # the lesson list first, unless the learner said "don't show again"
    return app.exec()
