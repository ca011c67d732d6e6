"""Lessons of seed 001 (the micrograd lecture) typed into the real window's formula field, as a learner
would: L = (a*b + c) * f in both orders, the neuron, a mistake and its message, replace or add, and the
Inspector's derivative rule and kind switch. The numbers are the lecture's."""

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from engine.circuit import io
from engine.commands import SetLabel
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.playground_support import shown_in_portuguese

L_VALUES_LAST = "L = (a*b + c) * f; a=2; b=-3; c=10; f=-2"
L_VALUES_FIRST = "a = 2; b = -3; c = 10; f = -2; L = (a*b + c) * f"
NEURON = ("o = tanh(n); n = x1*w1 + x2*w2 + b; x1 = 2; x2 = 0; "
          "w1 = weight(-3); w2 = weight(1); b = weight(6.8813735870195432)")


def type_formula(window, qtbot, text):
    field = window.expression
    field.selectAll()
    qtbot.keyClick(field, Qt.Key_Delete)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key_Return)


def numbers(window, *labels):
    doc, ev = window.doc, window.evaluator
    return ({k: ev.value(doc.by_label(k).id) for k in labels}, {k: ev.grad(doc.by_label(k).id) for k in labels})


@pytest.fixture
def shown(window, qtbot):
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.asked = []
    window.formula_field.ask_target = lambda: (window.asked.append(True), window.answer)[1]
    window.answer = "replace"
    return window


def test_L_typed_values_last_then_values_first_gives_the_lecture_numbers(shown, qtbot):
    window = shown
    type_formula(window, qtbot, L_VALUES_LAST)
    assert window.asked == []  # an empty canvas: nothing to ask
    values, grads = numbers(window, "L", "a", "b", "c", "f")
    assert values == {"L": -8.0, "a": 2.0, "b": -3.0, "c": 10.0, "f": -2.0}
    assert {k: grads[k] for k in "abcf"} == {"a": 6.0, "b": -4.0, "c": -2.0, "f": 4.0}
    # one rule for kinds: every name is an input (b is not a weight because of its name)
    assert {n.label: n.kind for n in window.doc.nodes() if n.is_leaf} == dict.fromkeys("abcf", "input")
    first = io.to_dict(window.doc)
    type_formula(window, qtbot, L_VALUES_FIRST)  # onto the L already there: asked, and replaced
    assert window.asked == [True] and len(window.doc.nodes()) == 7 and window.undo_stack.count() == 2
    values, grads = numbers(window, "L", "a", "b", "c", "f")
    assert values["L"] == -8.0 and {k: grads[k] for k in "abcf"} == {"a": 6.0, "b": -4.0, "c": -2.0, "f": 4.0}
    assert "replace" in window.undo_stack.undoText()
    window.undo_stack.undo()  # replacing was one edit
    assert io.to_dict(window.doc) == first


def test_the_neuron_typed_as_a_formula(shown, qtbot):
    window = shown
    type_formula(window, qtbot, NEURON)
    values, grads = numbers(window, "o", "n", "x1", "w1", "x2", "w2", "b")
    assert values["o"] == pytest.approx(0.7071, abs=5e-5) and values["n"] == pytest.approx(0.8814, abs=5e-5)
    expected = {"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0, "b": 0.5}
    assert {k: grads[k] for k in expected} == pytest.approx(expected, abs=1e-12)
    kinds = {n.label: n.kind for n in window.doc.nodes() if n.is_leaf}
    assert kinds == {"x1": "input", "x2": "input", "w1": "weight", "w2": "weight", "b": "weight"}
    window.view.fit_all()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "lesson_formula_neuron.png"))


def test_a_mistake_is_explained_under_the_field_and_goes_when_a_formula_builds(shown, qtbot):
    window, field = shown, shown.formula_field
    type_formula(window, qtbot, "L = (a*b + c) * f; a = 2; b = -3 +")
    box = field.error
    assert box.isVisible() and "line 1, column" in box.text() and "syntax error" in box.text()
    assert window.doc.nodes() == [] and window.undo_stack.count() == 0  # nothing was built
    below = window.expression.mapTo(window, QPoint(0, window.expression.height()))
    assert box.geometry().top() >= below.y() and abs(box.geometry().left() - below.x()) <= 2
    assert box.geometry().bottom() < window.height() and box.width() >= window.expression.width()
    qtbot.wait(20)
    window.grab().save(str(SCREENSHOTS / "lesson_formula_error.png"))
    type_formula(window, qtbot, "L = (a*b + c) * f; a = 2; b = -3; c = weight(10) * 2")
    assert box.isVisible() and "on a line of its own" in box.text()
    assert window.expression.cursorPosition() == len("L = (a*b + c) * f; a = 2; b = -3; c = ")  # at weight(
    type_formula(window, qtbot, L_VALUES_LAST)
    assert not box.isVisible() and numbers(window, "L")[0]["L"] == -8.0
    type_formula(window, qtbot, "L = a*b; z = 3")  # an unused value: said, the circuit stays
    assert box.isVisible() and "'z' gets a value but the formula does not use it" in box.text()
    assert numbers(window, "L")[0]["L"] == -8.0
    qtbot.keyClick(window.expression, Qt.Key_Escape)
    assert not box.isVisible()
    field.show_error("x")
    window.expression.setText("something")
    field.reset()  # another document opened
    assert window.expression.text() == "" and not box.isVisible()


def _answer_with(button_text, shot=None):
    """Click a button of the modal question once it is up (the real dialog, not a stand-in)."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        if shot:
            box.grab().save(str(SCREENSHOTS / shot))
        for button in box.buttons():
            if button.text() == button_text or (button_text == "Cancel" and box.buttonRole(button) ==
                                                QMessageBox.RejectRole):
                button.click()
                return
        raise AssertionError([b.text() for b in box.buttons()])
    QTimer.singleShot(10, click)


def test_the_real_question_replace_add_or_cancel(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    assert window.build_expression("y = a*b; a = 2; b = 3")
    before = io.to_dict(window.doc)
    window.expression.setText(L_VALUES_LAST)
    _answer_with("Cancel")
    assert not window.formula_field.submit()
    assert io.to_dict(window.doc) == before
    _answer_with("Add to it", "lesson_formula_question.png")
    assert window.formula_field.submit()
    labels = sorted(n.label for n in window.doc.nodes())
    assert labels == sorted(["y", "a", "b", "L", "a2", "b2", "c", "f", "mul", "add"])  # beside, renamed
    assert window.evaluator.value(window.doc.by_label("y").id) == 6.0
    _answer_with("Replace the circuit")
    assert window.formula_field.submit()
    assert sorted(n.label for n in window.doc.nodes()) == sorted(["L", "a", "b", "c", "f", "mul", "add"])


def test_inspector_shows_the_rule_once_and_switches_the_kind_in_one_click(shown, qtbot):
    window = shown
    type_formula(window, qtbot, "L = d*f; d = e + c; e = a*b; a = 2; b = -3; c = 10; f = -2")
    inspector, doc = window.playground["inspector"], window.doc
    window.scene.select_ids([doc.by_label("L").id])
    text = inspector.about.text()
    assert "∂L/∂d = f" in text and "∂L/∂f = d" in text and "<small>" not in text
    assert text.count("∂L/∂d") == 1
    window.scene.select_ids([doc.by_label("e").id])
    assert "∂e/∂a = b" in inspector.about.text() and "∂e/∂b = a" in inspector.about.text()
    assert window.undo.push(SetLabel(doc.by_label("a").id, "alpha"))  # the rule follows a rename
    assert "∂e/∂alpha = b" in inspector.about.text() and "∂e/∂b = alpha" in inspector.about.text()
    window.undo_stack.undo()
    b = doc.by_label("b").id
    window.scene.select_ids([b])
    buttons = {btn.objectName(): btn for btn in inspector.kind_buttons.buttons()}
    assert inspector.kind_row.isVisible() and buttons["kind_input"].isChecked()
    index = window.undo_stack.index()
    qtbot.mouseClick(buttons["kind_weight"], Qt.LeftButton)
    assert doc.node(b).kind == "weight" and window.undo_stack.index() == index + 1
    qtbot.wait(10)
    assert inspector.node_id == b and buttons["kind_weight"].isChecked()
    assert window.scene.selected_ids() == [b]  # still selected on the canvas
    assert numbers(window, "L", "b") == ({"L": -8.0, "b": -3.0}, {"L": 1.0, "b": -4.0})
    inspector.grab().save(str(SCREENSHOTS / "lesson_formula_inspector_kind.png"))
    window.undo_stack.undo()
    qtbot.wait(10)
    assert doc.node(b).kind == "input" and inspector.node_id == b and buttons["kind_input"].isChecked()
    window.scene.select_ids([doc.by_label("L").id])
    assert not inspector.kind_row.isVisible()
    qtbot.wait(10)
    inspector.grab().save(str(SCREENSHOTS / "lesson_formula_inspector_rule.png"))


def test_portuguese_field_help_and_inspector(qtbot, tmp_path):
    """In pt_BR the placeholder, the syntax (tooltip and Help), the error box and the kind buttons are
    Portuguese, and the operator and function lists are still the registry's."""
    from PySide6.QtCore import QSettings

    from engine.expr_syntax import functions
    from gui.i18n import set_language
    from gui.main_window import MainWindow

    w = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(w)
    try:
        pt = shown_in_portuguese(w, qtbot)
        assert pt.expression.placeholderText().startswith("Digite uma fórmula: L = (a*b + c) * f")
        tip = pt.expression.toolTip()
        assert "Sintaxe das fórmulas" in tip and "w = weight(0.5)" in tip and ", ".join(sorted(functions())) in tip
        help_text = pt.show_help("howto").browser.toPlainText()
        assert "Digitar uma fórmula" in help_text and "Todo nome é uma entrada" in help_text
        type_formula(pt, qtbot, "L = (a*b + c) * f; a = 2; b = -3; c = 10; f = -2")
        b = pt.doc.by_label("b").id
        pt.scene.select_ids([b])
        inspector = pt.playground["inspector"]
        assert [btn.text() for btn in inspector.kind_buttons.buttons()] == ["Entrada", "Peso", "Constante"]
        type_formula(pt, qtbot, "L = a*b +")
        assert pt.formula_field.error.isVisible()
        qtbot.wait(20)
        pt.grab().save(str(SCREENSHOTS / "lesson_formula_error_pt_BR.png"))
        inspector.grab().save(str(SCREENSHOTS / "lesson_formula_inspector_pt_BR.png"))
    finally:
        set_language("en")


def test_inspector_says_what_an_unwired_node_needs(shown, qtbot):
    from engine.commands import Disconnect

    window = shown
    type_formula(window, qtbot, L_VALUES_LAST)
    inspector, doc = window.playground["inspector"], window.doc
    mul = doc.by_label("mul").id
    window.scene.select_ids([mul])
    assert not inspector.missing.isVisible()
    assert window.undo.push(Disconnect(mul, "b"))
    qtbot.waitUntil(lambda: inspector.missing.isVisible())
    assert "needs input b" in inspector.missing.text()
    assert "∂mul/∂b = a (input b not wired)" in inspector.about.text()  # the rule follows the wires
    inspector.grab().save(str(SCREENSHOTS / "lesson_formula_inspector_missing.png"))
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not inspector.missing.isVisible())
    assert "∂mul/∂b = a" in inspector.about.text() and "not wired" not in inspector.about.text()


def test_inspector_reads_what_is_missing_from_the_result(shown, qtbot):
    """The Inspector's line comes from the evaluator's Result (its `incomplete` mapping), whoever fills it."""
    from types import SimpleNamespace

    window = shown
    type_formula(window, qtbot, L_VALUES_LAST)
    inspector, ev = window.playground["inspector"], window.evaluator
    mul = window.doc.by_label("mul").id
    window.scene.select_ids([mul])
    assert not inspector.missing.isVisible()
    inspector.ev = SimpleNamespace(result=SimpleNamespace(incomplete={mul: "needs input b"}))
    try:
        inspector.refresh()
        assert inspector.missing.isVisible() and inspector.missing.text() == "Not computed: it needs input b."
        window.scene.select_ids([window.doc.by_label("L").id])
        assert not inspector.missing.isVisible()
    finally:
        inspector.ev = ev


def test_a_replaced_example_loses_its_title_and_banner(shown, qtbot):
    """The neuron example's banner must not describe the lecture's L once the formula has replaced it."""
    window = shown
    assert window.open(EXAMPLES / "neuron.json")
    banner = window.about_banner
    assert banner.isVisible() and banner.title.text() == "A tanh neuron"
    window.answer = "add"
    type_formula(window, qtbot, "y = 2*x; x = 1")
    assert banner.isVisible(), "adding beside the example keeps its description"
    window.answer = "replace"
    type_formula(window, qtbot, L_VALUES_LAST)
    assert numbers(window, "L")[0]["L"] == -8.0
    assert not banner.isVisible() and "title" not in window.doc.view and "description" not in window.doc.view
