"""Two languages: every extracted string has a Brazilian Portuguese translation, and switching works."""

import xml.etree.ElementTree as ET

from PySide6.QtCore import QSettings

from engine.circuit import io
from gui.i18n import I18N, set_language
from gui.main_window import MainWindow
from tests.conftest import EXAMPLES


def test_every_string_is_translated():
    tree = ET.parse(I18N / "backprop_pt_BR.ts")
    messages = list(tree.iter("message"))
    assert len(messages) > 100
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert (I18N / "backprop_pt_BR.qm").stat().st_size > 1000


def test_switching_to_portuguese_keeps_the_document(qtbot, tmp_path):
    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.open(EXAMPLES / "L.json")
    try:
        pt = w.switch_language("pt_BR")
        qtbot.addWidget(pt)
        titles = [a.text() for a in pt.menuBar().actions()]
        assert titles[:3] == ["&Arquivo", "&Editar", "E&xibir"]
        assert pt.expression.placeholderText().startswith("Digite uma fórmula")
        assert io.to_dict(pt.doc)["nodes"] == io.to_dict(io.load(EXAMPLES / "L.json"))["nodes"]
        assert pt.settings.value("language") == "pt_BR"
    finally:
        set_language("en")


def test_standard_buttons_speak_the_window_language(qtbot):
    """Qt's own Yes/No/Cancel follow the language too (the restore question once said 'Sim: ...' over 'Yes')."""
    from PySide6.QtWidgets import QMessageBox

    def button_texts():
        box = QMessageBox(QMessageBox.Question, "t", "x", QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel)
        texts = [box.button(b).text().replace("&", "") for b in (QMessageBox.Yes, QMessageBox.No, QMessageBox.Cancel)]
        box.deleteLater()
        return texts

    try:
        assert set_language("pt_BR") == "pt_BR"
        assert button_texts() == ["Sim", "Não", "Cancelar"]
    finally:
        set_language("en")
    assert button_texts() == ["Yes", "No", "Cancel"]


def test_no_user_visible_string_is_missing_from_the_translation(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import ROOT

    ts = tmp_path / "fresh.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), *sources, "-ts", str(ts)], cwd=ROOT,
                   check=True, capture_output=True)
    found = {m.findtext("source") for m in ET.parse(ts).iter("message")}
    table = {line.split("\t", 1)[0] for line in (I18N / "pt_BR.tsv").read_text(encoding="utf-8").splitlines()}
    assert sorted(found - table) == [], "run resources/i18n/update.py and translate the new strings"
    # every context is one a string is looked up in at run time: a class's own tr(), or translate("X", ...)
    # (lupdate names `window.tr(...)` "window", a context no lookup ever uses: the text stayed English)
    import re

    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "gui").rglob("*.py"))
    known = set(re.findall(r"^\s*class (\w+)", code, re.M)) | set(re.findall(r'translate\(\s*"(\w+)"', code))
    contexts = {c.findtext("name") for c in ET.parse(ts).iter("context")}
    assert sorted(contexts - known) == []


def test_palette_names_and_registry_docs_are_translated(qtbot):
    from gui import palette_model
    from gui.i18n import dynamic_strings

    table = {line.split("\t", 1)[0] for line in (I18N / "pt_BR.tsv").read_text(encoding="utf-8").splitlines()}
    strings = dynamic_strings()
    assert ("Palette", "Multiply") in strings and ("ops", "Natural logarithm.") in strings
    assert sorted({text for _, text in strings} - table) == [], "run resources/i18n/update.py and translate them"
    try:
        assert set_language("pt_BR") == "pt_BR"
        mul = palette_model.find_entry("op", "mul")
        assert mul.title == "Multiplicar" and "a outra entrada vezes" in mul.tooltip
        assert palette_model.group_titles()["loss"] == "Perdas"
        assert palette_model.find_entry("weight").title == "Peso"
    finally:
        set_language("en")
    assert palette_model.find_entry("op", "mul").title == "Multiply"
