"""Lessons on the canvas (issue 11), driven in the real MainWindow as a learner would: the hacker's guide's
multiply gate at x = -2, y = 3; an unwired node that does not blank L; a typed value that is kept
exactly; the arrow keys. Oracles: the seeds' numbers (seed 001: the gate; seed 004: L = -8, a 6, b -4,
c -2, f 4) and direct arithmetic. Screenshots at 1366x768 in English and Portuguese."""

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt

from gui.i18n import set_language
from gui.main_window import MainWindow
from tests.conftest import EXAMPLES, SCREENSHOTS

L_SEED = {"a": (2.0, 6.0), "b": (-3.0, -4.0), "c": (10.0, -2.0), "f": (-2.0, 4.0), "e": (-6.0, -2.0),
          "d": (4.0, -2.0), "L": (-8.0, 1.0)}


def shown(window) -> dict:
    """label -> (value, grad) as the canvas cards show them."""
    return {item.label: (item.value, item.grad) for item in window.scene.node_items()}


def card(window, label):
    return window.scene.node_item(window.doc.by_label(label).id)


def shoot(window, qtbot, name):
    window.view.fit_all()
    qtbot.wait(40)  # the lazy panels redraw on the next event-loop turn
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / f"lesson_canvas_{name}.png"))


@pytest.fixture
def shown_window(window, qtbot):
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_multiply_gate_opens_at_the_guides_point_with_its_banner(shown_window, qtbot):
    w = shown_window
    assert w.open(EXAMPLES / "multiply_gate.json")
    numbers = shown(w)
    assert numbers == {"x": (-2.0, 3.0), "y": (3.0, -2.0), "f": (-6.0, 1.0)}  # f = x*y; df/dx = y, df/dy = x
    banner = w.about_banner
    assert banner.isVisible() and banner.title.text() == "The multiply gate"
    assert "x = -2, y = 3" in banner.text.text() and "f = -6" in banner.text.text()
    assert banner.geometry().bottom() < w.view.geometry().top() + 1  # above the canvas, not over it
    shoot(w, qtbot, "multiply_gate_en")
    qtbot.mouseClick(banner.close_button, Qt.LeftButton)
    assert not banner.isVisible()
    assert w.open(EXAMPLES / "L.json")  # the next file brings its own note
    assert banner.isVisible() and banner.title.text() == "L = (a*b + c) * f"
    w.new()
    assert not banner.isVisible()  # a new, empty circuit has nothing to say


def test_an_unwired_node_keeps_the_rest_of_L(shown_window, qtbot):
    w = shown_window
    assert w.open(EXAMPLES / "L.json")
    L = w.doc.by_label("L")
    right = w.scene.node_item(L.id).scenePos() + QPointF(0, 160)
    stray_id = w.scene.add_node_at("op", "add", right)  # dropped from the palette, not wired yet
    got = shown(w)
    stray = w.doc.node(stray_id)
    assert got.pop(stray.label) == (None, None)
    assert got == L_SEED  # the lecture's numbers stay on every other card
    assert w.scene.node_item(stray_id).missing == "needs inputs a, b"
    assert "needs inputs a, b" in w.scene.node_item(stray_id).toolTip()
    shoot(w, qtbot, "L_unwired_node_en")

    d = w.doc.by_label("d")
    w.scene.clearSelection()
    w.scene.edge_item(d.id, "a").setSelected(True)  # cut the wire e -> d and press Delete
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key_Delete)
    assert w.doc.inputs_of(d.id) == {"b": w.doc.by_label("c").id}
    got = shown(w)
    for label in "abcfe":  # everything that does not depend on the cut keeps its value
        assert got[label][0] == L_SEED[label][0]
    assert card(w, "d").missing == "needs input a" and card(w, "d").value is None
    assert card(w, "L").missing == "waits for 'd' (needs input a)"
    assert w.evaluator.compile_error == "'L' waits for 'd' (needs input a)"
    shoot(w, qtbot, "L_cut_wire_en")
    w.undo_stack.undo()
    assert {k: v for k, v in shown(w).items() if k in L_SEED} == L_SEED and card(w, "d").missing is None


def test_typing_10_widens_the_range_and_keeps_10(shown_window, qtbot):
    w = shown_window
    assert w.open(EXAMPLES / "multiply_gate.json")
    x = w.doc.by_label("x")
    assert tuple(x.slider) == (-5.0, 5.0, 0.01)
    w.scene.select_ids([x.id])
    spin = w.playground["slider"].spin
    assert spin.isVisible()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "10")
    qtbot.keyClick(spin, Qt.Key_Return)
    assert x.value == 10.0 and tuple(x.slider) == (-5.0, 10.0, 0.01)
    assert w.evaluator.value(w.doc.by_label("f").id) == 30.0  # 10 * 3
    assert w.playground["slider"].slider.value() == w.playground["slider"].slider.maximum()
    assert w.undo_stack.count() == 1  # one entry: the wider range and the value
    w.undo_stack.undo()
    assert x.value == -2.0 and tuple(x.slider) == (-5.0, 5.0, 0.01)
    spin.selectAll()
    qtbot.keyClicks(spin, "0.123456789")  # no rounding to four decimals either
    qtbot.keyClick(spin, Qt.Key_Return)
    assert x.value == 0.123456789 and spin.text() == "0.123456789"
    spin.selectAll()
    qtbot.keyClicks(spin, "-1234.5")
    qtbot.keyClick(spin, Qt.Key_Return)
    assert x.value == -1234.5 and tuple(x.slider) == (-2000.0, 5.0, 0.01)
    spin.selectAll()
    qtbot.keyClicks(spin, "1.2345678901234567")  # more digits than the box shows: still kept as typed
    qtbot.keyClick(spin, Qt.Key_Return)
    assert x.value == 1.2345678901234567 and spin.text() == "1.23456789"
    qtbot.keyClick(spin, Qt.Key_Up)  # the box's own arrows step by the slider step
    assert x.value == pytest.approx(1.2445678901234567, abs=1e-9)


def test_a_value_typed_on_the_card_is_kept_and_a_bad_one_is_refused(shown_window, qtbot):
    w = shown_window
    assert w.open(EXAMPLES / "multiply_gate.json")
    y = w.doc.by_label("y")
    item = card(w, "y")
    editor = item.start_value_edit()
    assert editor.toPlainText() == "3"
    qtbot.keyClicks(w.view, "7.5")
    qtbot.keyClick(w.view, Qt.Key_Return)
    assert y.value == 7.5 and tuple(y.slider) == (-5.0, 10.0, 0.01)
    assert card(w, "f").value == -15.0 and card(w, "x").grad == 7.5
    item.start_value_edit()
    qtbot.keyClicks(w.view, "seven")
    qtbot.keyClick(w.view, Qt.Key_Return)
    assert y.value == 7.5  # refused, nothing changed, and the status bar says why
    assert "'seven' was not set" in w.statusBar().currentMessage()


def test_every_arrow_key_nudges_a_selected_value_and_none_pans(shown_window, qtbot):
    w = shown_window
    assert w.open(EXAMPLES / "multiply_gate.json")
    x = w.doc.by_label("x")
    w.scene.select_ids([x.id])
    w.view.setFocus()
    bars = w.view.horizontalScrollBar(), w.view.verticalScrollBar()
    before = [b.value() for b in bars]
    expected = -2.0
    for key, mod, steps in ((Qt.Key_Up, Qt.NoModifier, 1), (Qt.Key_Right, Qt.NoModifier, 1),
                            (Qt.Key_Up, Qt.ShiftModifier, 10), (Qt.Key_Left, Qt.NoModifier, -1),
                            (Qt.Key_Down, Qt.NoModifier, -1), (Qt.Key_Left, Qt.ShiftModifier, -10)):
        qtbot.keyClick(w.view, key, mod)
        expected = round(expected + steps * 0.01, 10)
        assert x.value == pytest.approx(expected, abs=1e-12), key
        assert w.evaluator.value(w.doc.by_label("f").id) == pytest.approx(expected * 3.0)
    assert x.value == pytest.approx(-2.0) and [b.value() for b in bars] == before  # the canvas did not move
    w.scene.clearSelection()  # nothing selected: the arrow keys scroll the canvas instead
    qtbot.keyClick(w.view, Qt.Key_Right)
    assert bars[0].value() > before[0] and x.value == pytest.approx(-2.0)
    help_text = w.show_help("howto")
    assert "Up or Right raises the selected value by one slider step" in help_text.html()
    help_text.close()


def test_portuguese_banner_and_missing_input(qtbot, tmp_path):
    try:
        set_language("pt_BR")
        w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
        qtbot.addWidget(w)
        w.ask_save = lambda: "discard"  # closing at the end drops the stray node unasked
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        assert w.open(EXAMPLES / "multiply_gate.json")
        assert w.about_banner.title.text() == "A porta de multiplicação"
        assert "x = -2, y = 3" in w.about_banner.text.text()
        shoot(w, qtbot, "multiply_gate_pt")
        assert w.open(EXAMPLES / "L.json")
        stray_id = w.scene.add_node_at("op", "mul", w.scene.node_item(w.doc.by_label("L").id).scenePos()
                                       + QPointF(0, 160))
        from gui.canvas.node_item import missing_text

        assert missing_text(w.scene.node_item(stray_id).missing) == "precisa das entradas a, b"
        assert missing_text("waits for 'd' (needs input a)") == "espera por d, que precisa da entrada a"
        shoot(w, qtbot, "L_unwired_node_pt")
    finally:
        set_language("en")
