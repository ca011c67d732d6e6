"""Languages: English (the source strings) and Brazilian Portuguese (resources/i18n), via QTranslator."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from engine.resources import i18n_dir

I18N = i18n_dir()  # resources/i18n in a checkout or in the installed wheel
LANGUAGES = {"en": "English", "pt_BR": "Português (Brasil)"}
_installed: list[QTranslator] = []  # ours and Qt's own (standard buttons such as Yes/No, file dialogs)


def system_language() -> str:
    """pt_BR when the system locale is Portuguese, else English."""
    return "pt_BR" if QLocale.system().name().startswith("pt") else "en"


def set_language(code: str) -> str:
    """Install the translators for a language code ('en' removes them); returns the code in force.

    Besides our table, Qt's own catalogue (qtbase) is loaded so that standard buttons (Yes, No,
    Save, Cancel) and dialogs speak the same language as the rest of the window."""
    app = QApplication.instance()
    while _installed:
        app.removeTranslator(_installed.pop())
    if code != "pt_BR":
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(I18N / "backprop_pt_BR.qm")):
        return "en"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    for translator in ((qt,) if qt.load("qtbase_pt_BR", qt_dir) else ()) + (ours,):
        app.installTranslator(translator)  # installed last = asked first: ours wins where both translate
        _installed.append(translator)
    return code


def kind_caption(kind: str) -> str:
    """The caption a leaf's card shows for its kind ('input', 'weight', ...), in the window's language."""
    from PySide6.QtCore import QCoreApplication

    captions = {"input": QCoreApplication.translate("NodeKind", "input"),
                "weight": QCoreApplication.translate("NodeKind", "weight"),
                "constant": QCoreApplication.translate("NodeKind", "constant"),
                "data": QCoreApplication.translate("NodeKind", "data")}
    return captions.get(kind, kind)


def dynamic_strings() -> list[tuple[str, str]]:
    """(context, text) of every string the GUI translates at run time rather than from a literal:
    palette names, group titles, node-kind and op descriptions from the engine's registry.
    lupdate cannot see these, so resources/i18n/update.py adds them to the translation file."""
    from PySide6.QtCore import QCoreApplication

    from . import about_banner, palette_model

    seen: list[tuple[str, str]] = []
    real = QCoreApplication.translate

    def record(context, text, *args):
        seen.append((context, text))
        return text

    QCoreApplication.translate = record
    try:
        palette_model.palette_entries()
        palette_model.group_titles()
        about_banner.example_texts()  # the examples' titles and descriptions (gui/about_banner.py)
    finally:
        QCoreApplication.translate = real
    return list(dict.fromkeys(seen))
