"""The Help (How to) describes every view a learner can open, in English and Portuguese, and fits a
1366x768 screen; screenshots of the dialog over the window in both languages."""

import pytest
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from gui.help_dialogs import HowToDialog
from tests.conftest import SCREENSHOTS
from tests.gui.test_layout_sizes import make_window  # noqa: F401 (the fixture)

# what the Help must name, as the menus, tabs and buttons call it in each language
NAMES = {
    "en": ["Units", "Hidden space", "View > Optimizer state", "View > Confusion matrix", "View > Digits views",
           "Time slider", "Now", "Replay from the same start", "Features", "x1²", "Stop when", "Test share",
           "Batch size", "coloured buttons", "What the network reads", "gallery"],
    "pt_BR": ["Neurônios", "Espaço oculto", "Exibir > Estado do otimizador", "Exibir > Matriz de confusão",
              "Exibir > Vistas de dígitos", "Tempo", "Agora", "Repetir do mesmo início", "Atributos", "x1²",
              "Parar quando", "Parte de teste", "Tamanho do lote", "botões coloridos", "O que a rede lê",
              "galeria"],
}


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_the_help_describes_the_new_views_and_fits_the_screen(make_window, qtbot, lang):  # noqa: F811
    w = make_window(lang)
    dialog = HowToDialog(w)
    qtbot.addWidget(dialog)
    html = dialog.html()
    missing = [name for name in NAMES[lang] if name not in html]
    assert missing == []
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 40  # room for the title bar
    browser = dialog.browser
    assert browser.horizontalScrollBar().maximum() == 0  # the text wraps: nothing cropped at the side
    shot = w.grab()
    painter = QPainter(shot)
    painter.drawPixmap((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2, dialog.grab())
    painter.end()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot.save(str(SCREENSHOTS / f"help_{lang}.png"))
    browser.verticalScrollBar().setValue(browser.verticalScrollBar().maximum())  # the end of the text too
    QApplication.processEvents()
    dialog.grab().save(str(SCREENSHOTS / f"help_{lang}_end.png"))
