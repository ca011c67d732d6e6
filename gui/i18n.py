"""Languages: English (the source strings) and Brazilian Portuguese (resources/i18n), via QTranslator."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from engine.resources import i18n_dir

I18N = i18n_dir()  # resources/i18n in a checkout or in the installed wheel
LANGUAGES = {"en": "English", "pt_BR": "Português (Brasil)"}
_installed: QTranslator | None = None


def system_language() -> str:
    """pt_BR when the system locale is Portuguese, else English."""
    return "pt_BR" if QLocale.system().name().startswith("pt") else "en"


def set_language(code: str) -> str:
    """Install the translator for a language code ('en' removes it); returns the code in force."""
    global _installed
    app = QApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if code == "pt_BR":
        translator = QTranslator(app)
        if translator.load(str(I18N / "backprop_pt_BR.qm")):
            app.installTranslator(translator)
            _installed = translator
            return code
    return "en"


def dynamic_strings() -> list[tuple[str, str]]:
    """(context, text) of every string the GUI translates at run time rather than from a literal:
    palette names, group titles, node-kind and op descriptions from the engine's registry.
    lupdate cannot see these, so resources/i18n/update.py adds them to the translation file."""
    from PySide6.QtCore import QCoreApplication

    from . import palette_model

    seen: list[tuple[str, str]] = []
    real = QCoreApplication.translate

    def record(context, text, *args):
        seen.append((context, text))
        return text

    QCoreApplication.translate = record
    try:
        palette_model.palette_entries()
        palette_model.group_titles()
    finally:
        QCoreApplication.translate = real
    return list(dict.fromkeys(seen))
