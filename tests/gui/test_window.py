"""The main window: files, undo through Qt's stack, build from expression, themes, screenshots."""

import pytest

from engine.circuit import io
from engine.commands import SetValue
from gui.main_window import MainWindow
from tests.conftest import EXAMPLES, SCREENSHOTS


def test_open_save_round_trip(window, tmp_path):
    assert window.open(EXAMPLES / "L.json")
    out = tmp_path / "copy.json"
    window.path = out
    assert window.save()
    assert io.to_dict(io.load(out)) == io.to_dict(io.load(EXAMPLES / "L.json"))
    assert window.evaluator.value(window.doc.by_label("L").id) == -8.0


def test_corrupt_file_keeps_the_open_document(window, tmp_path):
    window.open(EXAMPLES / "neuron.json")
    before = io.to_dict(window.doc)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "backprop-playground", "version": 1, "nodes": [')
    assert not window.open(bad)
    assert window.errors and "line" in window.errors[0]
    assert io.to_dict(window.doc) == before


def test_undo_redo_and_merged_value_edits(window):
    window.open(EXAMPLES / "L.json")
    before = io.to_dict(window.doc)
    a = window.doc.by_label("a").id
    for v in (2.5, 3.0, 3.5):
        window.undo.push(SetValue(a, v))
    window.undo.seal()
    assert window.undo_stack.count() == 1 and window.windowTitle().startswith("L.json*")
    after = io.to_dict(window.doc)
    window.undo_stack.undo()
    assert io.to_dict(window.doc) == before
    window.undo_stack.redo()
    assert io.to_dict(window.doc) == after


def test_build_from_expression_is_one_entry_with_the_seed_numbers(window):
    window.new()
    assert window.build_expression("L = (a*b + c) * f")
    assert window.undo_stack.count() == 1
    doc = window.doc
    for label, v in dict(a=2.0, b=-3.0, c=10.0, f=-2.0).items():
        window.undo.push(SetValue(doc.by_label(label).id, v))
        window.undo.seal()
    assert window.evaluator.value(doc.by_label("L").id) == -8.0
    assert window.evaluator.grad(doc.by_label("a").id) == 6.0
    assert not window.build_expression("L = __import__('os')")
    assert "line 1" in window.statusBar().currentMessage()


def test_unsaved_changes_prompt_on_new(window):
    window.open(EXAMPLES / "L.json")
    window.undo.push(SetValue(window.doc.by_label("a").id, 1.0))
    window.new()
    assert window.answers == [True] and window.doc.nodes() == []


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_every_example(window, qtbot, theme):
    window.set_theme(theme)
    window.show()
    qtbot.waitExposed(window)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in sorted(EXAMPLES.glob("*.json")):
        if path.name == "index.json":
            continue
        assert window.open(path), path
        window.view.fit_all()
        qtbot.wait(30)  # the lazy panels redraw on the next event-loop turn
        window.grab().save(str(SCREENSHOTS / f"window_{path.stem}_{theme}.png"))
    assert window.settings.value("theme") == theme


def test_recent_files_and_theme_persist(window, tmp_path, qtbot):
    path = tmp_path / "mine.json"
    window.open(EXAMPLES / "L.json")
    window.path = path
    window.save()
    window.set_theme("dark")
    again = MainWindow(settings=window.settings)
    again.ask_save = lambda: "discard"
    qtbot.addWidget(again)
    assert again.recent.paths() == [str(path.resolve())]
    assert again.theme == "dark"
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    assert QApplication.instance().palette().color(QPalette.Window).lightness() < 80
    again.set_theme("light")


def test_no_stray_tab_bars(window, qtbot):
    """Each docked panel's tab appears once (Qt can leave a stale copy of a tab bar on screen)."""
    from PySide6.QtWidgets import QTabBar

    window.show()
    qtbot.waitExposed(window)
    tabs = [tb.tabText(i) for tb in window.findChildren(QTabBar) if tb.isVisible() for i in range(tb.count())]
    assert len(tabs) == len(set(tabs)) and "Decision boundary" in tabs


def test_first_start_fits_a_small_screen():
    from PySide6.QtCore import QSize

    from gui.main_window import first_size

    assert first_size(QSize(1366, 740)) == QSize(1366, 740)  # a 1366x768 laptop less its panel
    assert first_size(QSize(1600, 960)) == QSize(1400, 900)
    assert first_size(QSize(1920, 1050)) == QSize(1400, 900)
