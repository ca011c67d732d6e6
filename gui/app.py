"""Start the desktop app: `python main.py [FILE]` opens FILE or the lecture's tanh neuron."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from .main_window import EXAMPLES, MainWindow

DEFAULT_EXAMPLE = EXAMPLES / "neuron.json"


def application() -> QApplication:
    """The running QApplication, or a new one named for QSettings."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setOrganizationName("BackpropPlayground")
        app.setApplicationName("Backprop Playground")
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
    return app.exec()


def show(root) -> MainWindow:
    """Open the app on a Value graph built in a script or notebook (or on a Circuit), laid out and live."""
    from engine.circuit import Circuit
    from engine.circuit.from_value import circuit_from_value

    app = application()
    doc = root if isinstance(root, Circuit) else circuit_from_value(root)
    window = MainWindow(doc)
    window.show()
    window.view.fit_all()
    if not getattr(app, "_bpp_running", False):
        app._bpp_running = True
        app.exec()
        app._bpp_running = False
    return window
