"""Edit menu (cut, copy, paste, duplicate, rename) and picture export through the main window."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage, QKeySequence

from engine.circuit import io
from gui.main_window import MainWindow
from tests.conftest import EXAMPLES, SCREENSHOTS


def snapshot(doc):
    return io.to_dict(doc)


def test_copy_paste_between_windows_keeps_wires_and_numbers(window, qtbot, tmp_path):
    window.open(EXAMPLES / "L.json")
    doc = window.doc
    window.scene.select_ids([doc.by_label(x).id for x in ("a", "b", "e")])
    window.copy()
    other = MainWindow(settings=QSettings(str(tmp_path / "other.ini"), QSettings.IniFormat))
    qtbot.addWidget(other)
    other.ask_save = lambda: "discard"
    other.new()
    other.paste()
    pasted = other.doc
    assert sorted(n.label for n in pasted.nodes()) == ["a", "b", "e"]
    e = pasted.by_label("e")
    assert other.evaluator.value(e.id) == -6.0 and len(pasted.edges()) == 2
    assert sorted(other.scene.selected_ids()) == sorted(n.id for n in pasted.nodes())  # the paste is selected
    before = snapshot(doc)
    window.paste()  # into the same document: fresh labels, placed beside the circuit
    assert len(doc.nodes()) == 10 and {"a2", "b2", "e2"} <= {n.label for n in doc.nodes()}
    right = max(n.pos[0] for n in io.load(EXAMPLES / "L.json").nodes())
    assert min(doc.by_label(x).pos[0] for x in ("a2", "b2", "e2")) > right
    window.undo_stack.undo()
    assert snapshot(doc) == before


def test_cut_is_one_entry_and_duplicate_lands_next_to_the_originals(window):
    window.open(EXAMPLES / "L.json")
    doc = window.doc
    original = snapshot(doc)
    c = doc.by_label("c")
    window.scene.select_ids([c.id])
    window.cut()
    assert not doc.has_label("c") and len(doc.edges()) == 5
    window.paste()
    assert doc.has_label("c")
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert snapshot(doc) == original
    a, b, e = (doc.by_label(x) for x in ("a", "b", "e"))
    window.scene.select_ids([a.id, b.id, e.id])
    assert window.duplicate()
    copies = {doc.node(i).label: doc.node(i) for i in window.scene.selected_ids()}
    assert sorted(copies) == ["a2", "b2", "e2"]
    assert copies["a2"].pos == (a.pos[0] + 40, a.pos[1] + 40)
    assert window.evaluator.value(copies["e2"].id) == -6.0
    window.undo_stack.undo()
    assert snapshot(doc) == original
    window.undo_stack.redo()
    assert doc.has_label("e2")


def test_f2_opens_the_label_editor_and_enter_renames(window, qtbot):
    window.open(EXAMPLES / "L.json")
    window.show()
    qtbot.waitExposed(window)
    a = window.doc.by_label("a")
    window.scene.select_ids([a.id])
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    rename = next(a for a in edit.actions() if a.shortcut() == QKeySequence("F2"))
    rename.trigger()
    item = window.scene.node_item(a.id)
    assert item.editor is not None
    item.editor.setPlainText("alpha")
    qtbot.keyClick(window.view.viewport(), Qt.Key_Return)
    qtbot.waitUntil(lambda: window.doc.node(a.id).label == "alpha")
    window.undo_stack.undo()
    assert window.doc.node(a.id).label == "a"


def test_export_png_and_svg_of_the_whole_circuit(window, tmp_path):
    window.open(EXAMPLES / "neuron.json")
    window.scene.select_ids([window.doc.by_label("o").id])
    assert window.export_image("png", tmp_path / "n.png")
    image = QImage(str(tmp_path / "n.png"))
    rect = window.scene.nodes_rect()
    assert abs(image.width() - 2 * (rect.width() + 60)) <= 2 and image.height() > 200
    assert window.export_image("svg", tmp_path / "n.svg")
    svg = ET.parse(tmp_path / "n.svg").getroot()
    text = ET.tostring(svg, encoding="unicode")
    for label in ("x1", "w1", "o", "0.7071"):
        assert f">{label}<" in text or label in text, label
    assert window.scene.selected_ids() == [window.doc.by_label("o").id]  # the selection survives the export
    assert not window.export_image("png", tmp_path / "missing" / "dir" / "n.png")
    assert window.errors and "could not write" in window.errors[-1]


def test_help_menu_opens_the_howto_and_about_windows(window, qtbot):
    from gui.i18n import set_language

    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    howto = window.show_help("howto")
    qtbot.addWidget(howto)
    assert howto.isVisible() and not howto.isModal()
    text = howto.browser.toPlainText()
    for key in ("F10", "Tab", "Shift+click", "L = (a*b + c) * f"):
        assert key in text
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    howto.grab().save(str(SCREENSHOTS / "help_howto.png"))
    about = window.show_help("about")
    qtbot.addWidget(about)
    assert "Backprop Playground" in about.browser.toPlainText() and "PySide6" in about.browser.toPlainText()
    try:
        set_language("pt_BR")
        pt = window.show_help("howto")
        qtbot.addWidget(pt)
        assert pt.windowTitle() == "Como usar" and "retropropagação" in pt.browser.toPlainText()
    finally:
        set_language("en")


def test_right_click_offers_node_actions_and_quick_add(window, qtbot):
    window.open(EXAMPLES / "L.json")
    window.show()
    qtbot.waitExposed(window)
    view, doc = window.view, window.doc
    a = doc.by_label("a")
    at = view.mapFromScene(window.scene.node_item(a.id).center())
    assert view.node_at(at).node_id == a.id
    texts = [act.text() for act in view.node_menu().actions() if not act.isSeparator()]
    assert texts[:5] == ["Rename", "Duplicate", "Cut", "Copy", "Delete"]
    empty = view.mapFromScene(window.scene.nodes_rect().bottomRight()) + QPoint(80, 80)
    assert view.node_at(empty) is None
    popup = view.open_quick_add(empty)
    assert popup.isVisible()
    popup.hide()


def test_expand_a_neuron_block_and_collapse_it_back(window):
    window.open(EXAMPLES / "mlp_lecture.json")
    doc, ev = window.doc, window.evaluator
    block = doc.by_label("pred")
    before, loss = snapshot(doc), ev.root_value()
    window.scene.select_ids([block.id])
    assert window.expand_or_collapse(True)
    assert not doc.has_label("pred") or doc.by_label("pred").kind != "neuron"
    assert len(doc.nodes()) > len(before["nodes"])
    assert ev.root_value() == pytest.approx(loss, rel=1e-12)  # the same numbers from scalar nodes
    activation = next(n for n in doc.nodes() if n.kind == "op" and n.op == "tanh")
    window.scene.select_ids([activation.id])
    assert window.expand_or_collapse(False)  # and folded back into one block
    assert sum(n.kind == "neuron" for n in doc.nodes()) == 9 and ev.root_value() == pytest.approx(loss, rel=1e-12)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert snapshot(doc) == before
    window.scene.select_ids([doc.by_label("loss").id])
    assert not window.expand_or_collapse(True)
    assert "neuron" in window.statusBar().currentMessage()
