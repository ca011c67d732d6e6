"""The Lesson panel taken through lesson 2 (L = (a*b + c) * f, seed 004) as a learner would, in English and
in Portuguese: the Lessons menu opens it, wrong answers are refused with the chain rule written out, Next
stays locked until the step's check passes, the hidden gradients appear only once predicted, F10 walks the
backward pass, and the progress comes back in a new window from the same QSettings."""

import pytest
from PySide6.QtCore import QSettings, Qt

from gui.i18n import set_language
from gui.main_window import MainWindow
from tests.conftest import SCREENSHOTS

WRONG = {"en": "is not", "pt_BR": "não é"}
RIGHT = {"en": "right", "pt_BR": "certo"}
WHY = {"en": {"f": "f reaches L through × d, so it is d = 4",
              "c": "c reaches L through + and then × f, so it is 1 × f = −2"},
       "pt_BR": {"f": "f chega a L por × d, então é d = 4",
                 "c": "c chega a L por + e depois × f, então é 1 × f = −2"}}


def make_window(qtbot, settings_path):
    w = MainWindow(settings=QSettings(str(settings_path), QSettings.IniFormat))
    qtbot.addWidget(w)
    w.ask_save = lambda: "discard"
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def lesson_action(w, number):
    """The Lessons menu's entry for a lesson, as the learner sees it."""
    w.lessons_menu.aboutToShow.emit()
    return [a for a in w.lessons_menu.actions() if not a.isSeparator()][number - 1]


def grad_shown(w, label):
    """The gradient the canvas shows on a node's card (None: hidden)."""
    node = next(n for n in w.doc.nodes() if n.label == label)
    item = w.scene.node_item(node.id)
    return item.grad if item.show_grad else None


def answer(qtbot, panel, text):
    panel.answer.clear()
    if text.isascii():
        qtbot.keyClicks(panel.answer, text)
    else:  # QTest types Latin-1 only: a pasted "−4" (Unicode minus, as the lesson text writes it)
        panel.answer.setText(text)
    qtbot.keyClick(panel.answer, Qt.Key_Return)


def wait_panel(qtbot, panel):
    qtbot.waitUntil(lambda: not panel._dirty)


@pytest.fixture(params=["en", "pt_BR"])
def lang(request):
    assert set_language(request.param) == request.param
    yield request.param
    set_language("en")


def test_lesson_2_in_the_panel(qtbot, tmp_path, lang):
    settings = tmp_path / "s.ini"
    w = make_window(qtbot, settings)
    assert not w.lesson_dock.isVisible()  # a window starts without lessons (the app offers them at start)
    act = lesson_action(w, 2)
    assert act.text().startswith("○  2. ")
    assert ("Backpropagation by hand" if lang == "en" else "Retropropagação à mão") in act.text()
    act.trigger()
    panel = w.lesson_dock.widget()
    qtbot.waitUntil(lambda: w.lesson_dock.isVisible() and panel.pages.currentIndex() == 1)
    wait_panel(qtbot, panel)
    assert [n.label for n in w.doc.nodes() if n.label == "L"]
    assert w.evaluator.root_value() == pytest.approx(-8.0)
    # step 1 (read): every gradient but L's hidden on the canvas, L ringed, Next open
    assert [grad_shown(w, x) for x in "abcdef"] == [None] * 6
    assert grad_shown(w, "L") == pytest.approx(1.0)
    assert w.scene.node_item(next(n.id for n in w.doc.nodes() if n.label == "L")).marked
    assert ("Step 1 of 7" if lang == "en" else "Passo 1 de 7") in panel.title.text()
    assert panel.next_button.isEnabled() and not panel.back_button.isEnabled()
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    # steps 2 and 3 (predict ∂L/∂f = 4, ∂L/∂c = -2): wrong first, then right
    for label, wrong, right in (("f", "2", "4"), ("c", "2", "-2")):
        wait_panel(qtbot, panel)
        assert panel.answer.isVisible() and not panel.next_button.isEnabled()
        assert grad_shown(w, label) is None
        answer(qtbot, panel, wrong)
        wait_panel(qtbot, panel)
        assert f"{WRONG[lang]} {wrong}" in panel.verdict.text() and "✗" in panel.verdict.text()
        assert not panel.next_button.isEnabled()
        if label == "c":  # the README's picture: a wrong answer and why
            panel.hint()
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            w.grab().save(str(SCREENSHOTS / f"lesson_panel_02_wrong_{lang}.png"))
        answer(qtbot, panel, right)
        wait_panel(qtbot, panel)
        assert RIGHT[lang] in panel.verdict.text() and panel.next_button.isEnabled()
        assert WHY[lang][label] in panel.verdict.text()  # revealed with the chain rule for that node
        assert grad_shown(w, label) == pytest.approx(float(right))  # revealed, checked against the engine
        assert grad_shown(w, "a") is None  # the next questions stay hidden
        qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    wait_panel(qtbot, panel)
    assert w.lessons.runner.index == 3
    w.close()  # progress is in the settings file; a new window picks it up

    w2 = make_window(qtbot, settings)
    act = lesson_action(w2, 2)
    assert act.text().startswith("◐  2. ") and ("(3 of 7)" if lang == "en" else "(3 de 7)") in act.text()
    act.trigger()
    panel = w2.lesson_dock.widget()
    qtbot.waitUntil(lambda: panel.pages.currentIndex() == 1)
    wait_panel(qtbot, panel)
    r = w2.lessons.runner
    assert r.index == 3 and r.passed == {0, 1, 2}
    assert ("Step 4 of 7" if lang == "en" else "Passo 4 de 7") in panel.title.text()
    assert panel.back_button.isEnabled()
    for wrong, right in (("-6", "6"), ("4", "-4" if lang == "en" else "−4")):  # ∂L/∂a = 6, ∂L/∂b = -4
        answer(qtbot, panel, wrong)
        wait_panel(qtbot, panel)
        assert WRONG[lang] in panel.verdict.text() and not panel.next_button.isEnabled()
        answer(qtbot, panel, right)
        wait_panel(qtbot, panel)
        assert panel.next_button.isEnabled()
        qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    # step 6 (do): F10 until the backward pass reaches a and b; the toolbar's Step backward is ringed
    wait_panel(qtbot, panel)
    assert not panel.answer.isVisible() and not panel.next_button.isEnabled()
    assert "dashed" in _button(w2, "step_backward").styleSheet()
    presses = 0
    while not panel.next_button.isEnabled():
        assert presses < 8
        w2.view.setFocus()
        qtbot.keyClick(w2.view, Qt.Key_F10)
        presses += 1
        wait_panel(qtbot, panel)
    assert presses == 3  # L, d, e: after e, a and b have their gradients
    assert r.counts["backward_step"] == 3
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    # step 7 (choose): a wrong choice refused with why; the right one opens Finish
    wait_panel(qtbot, panel)
    assert panel.choices.isVisible() and panel.choices.count() == 3
    panel.choices.setCurrentRow(1)
    qtbot.mouseClick(panel.check, Qt.LeftButton)
    wait_panel(qtbot, panel)
    assert ("c = 10 and d = 4 differ" if lang == "en" else "c = 10 e d = 4") in panel.verdict.text()
    assert not panel.next_button.isEnabled()
    panel.choices.setCurrentRow(0)
    qtbot.mouseClick(panel.check, Qt.LeftButton)
    wait_panel(qtbot, panel)
    assert panel.next_button.isEnabled() and panel.next_button.text() == ("Finish" if lang == "en" else "Concluir")
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    wait_panel(qtbot, panel)
    assert w2.lessons.runner is None and panel.pages.currentIndex() == 0
    assert panel.list.item(1).text().startswith("✓  2. ")
    assert w2.session.display.hidden == frozenset()  # out of the lesson every gradient shows again


def _button(w, name):
    from PySide6.QtWidgets import QToolBar

    act = w.session.controller.actions[name]
    return next(b for bar in w.findChildren(QToolBar) if (b := bar.widgetForAction(act)) is not None)


def test_restart_lesson_forgets_its_progress(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "s.ini")
    lesson_action(w, 2).trigger()
    r = w.lessons.runner
    r.next()
    assert r.submit(4).ok
    w.lessons_menu.aboutToShow.emit()
    restart = next(a for a in w.lessons_menu.actions() if a.text() == "Restart lesson")
    assert restart.isEnabled()
    restart.trigger()
    assert w.lessons.runner.index == 0 and w.lessons.runner.passed == {0}
    assert w.lessons.state(w.lessons.lesson("backprop_by_hand")) == (1, 7)


def test_start_dialog_and_dont_show_again(qtbot, tmp_path, lang):
    from gui.lessons import offer_at_start

    w = make_window(qtbot, tmp_path / "s.ini")
    dialog = offer_at_start(w)
    assert dialog is not None and dialog.list.count() == 11
    qtbot.waitExposed(dialog)
    assert dialog.list.item(1).text().startswith("○  2. " + ("Backpropagation by hand" if lang == "en"
                                                             else "Retropropagação à mão"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SCREENSHOTS / f"lesson_start_dialog_{lang}.png"))
    dialog.list.setCurrentRow(0)
    dialog.dont_show.setChecked(True)
    dialog.accept()
    assert w.lessons.runner is not None and w.lessons.runner.lesson.id == w.lessons.lessons[0].id
    assert offer_at_start(w) is None  # the learner said not to show it again


def test_formula_typography():
    from gui.lessons.typeset import rich

    assert rich("∂L/∂c is not 2") == "∂<i>L</i>/∂<i>c</i> is not 2"
    assert rich("∂L/∂x1 = -1.5") == "∂<i>L</i>/∂<i>x</i><sub>1</sub> = −1.5"
    assert rich("tanh(x1·w1 + b)") == "tanh(<i>x</i><sub>1</sub>·<i>w</i><sub>1</sub> + b)"
    assert rich("f(x) = 3x² - 4x + 5") == "f(x) = 3x² − 4x + 5"
    assert rich("x^3 at x = 2") == "x<sup>3</sup> at x = 2"
    assert rich("press F8 or F10 on a 3x3 net, 64-128") == "press F8 or F10 on a 3x3 net, 64-128"
    assert rich("a < b & c") == "a &lt; b &amp; c"  # lesson text is text, never markup


def press(qtbot, w, key):
    """A shortcut key pressed over the canvas of the active window (F7, F8, F10...)."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.view.setFocus()
    qtbot.keyClick(w.view, key)


def goto(w, lesson_id, word):
    """Open a lesson at its first do-step whose check mentions `word` (the earlier steps counted passed)."""
    from engine.teaching.runner import PROGRESS_FORMAT

    assert w.lessons.start(lesson_id, fresh=True)
    r = w.lessons.runner
    index = next(i for i, s in enumerate(r.lesson.steps) if s.kind == "do" and word in s.check_text)
    assert r.restore({"format": PROGRESS_FORMAT, "lesson": lesson_id, "step": index,
                      "passed": list(range(index)), "answers": {}})
    assert index not in r.passed
    return r


def test_what_the_learner_does_reaches_the_runner(qtbot, tmp_path):
    """The app's own actions and panels report to the lesson: F8, F7, the strategies' button, a point added to
    the data, the Train button; each passes the step that asks for it."""
    w = make_window(qtbot, tmp_path / "s.ini")
    r = goto(w, "nudge", "gradient_step")  # lesson 3: one gradient step on L
    press(qtbot, w, Qt.Key_F8)
    assert r.counts == {"gradient_step": 1, "train_step": 1}  # F8 is one training step too
    r = goto(w, "hackers_guide", "strategy")  # lesson 6: run the four strategies
    assert "dashed" in w.playground["strategies"].run_button.styleSheet()  # the button to press is outlined
    assert "dashed" not in _button(w, "grad_step").styleSheet()
    qtbot.mouseClick(w.playground["strategies"].run_button, Qt.LeftButton)
    assert r.counts["strategy"] == 4 and r.index in r.passed
    r = goto(w, "chain_rule", "gradcheck")  # lesson 7: F7
    press(qtbot, w, Qt.Key_F7)
    assert r.counts["gradcheck"] == 1 and r.index in r.passed
    r = goto(w, "moons", "add_point")  # lesson 9: click a point into the data
    boundary = w.playground["boundary"]  # the step brings the Decision boundary dock to the front
    qtbot.waitUntil(lambda: boundary.on_screen() and boundary.grid is not None)
    assert w.playground["boundary"].add_point(0.5, 0.5)
    assert r.counts["add_point"] == 1 and r.index in r.passed
    press(qtbot, w, Qt.Key_F8)  # a classifier reports its accuracy after each training step
    acc = w.session.controller.trainer.accuracy
    assert len(acc) == 1 and r.metrics["accuracy"] == pytest.approx(acc[-1]) and 0 < acc[-1] <= 1
    r = goto(w, "mlp", "train_step")  # lesson 8: 20 training steps and a falling loss, with the Train button
    train = w.session.controller.actions["train"]
    train.trigger()
    qtbot.waitUntil(lambda: r.counts.get("train_step", 0) >= 20, timeout=20000)
    train.trigger()
    assert r.index in r.passed
    assert w.evaluator.root_value() < r.start_result.values[w.evaluator.root()]


def test_opening_another_circuit_leaves_the_lesson(qtbot, tmp_path):
    from tests.conftest import EXAMPLES

    w = make_window(qtbot, tmp_path / "s.ini")
    lesson_action(w, 2).trigger()
    r = w.lessons.runner
    r.next()
    assert r.submit(4).ok
    assert w.open(EXAMPLES / "neuron.json")
    assert w.lessons.runner is None  # the lesson stepped aside: no check runs on the neuron
    assert w.session.display.hidden == frozenset()
    assert not any(item.marked for item in w.scene.node_items())
    assert w.lessons.state(w.lessons.lesson("backprop_by_hand")) == (2, 7)  # its progress is kept


def test_the_lesson_follows_a_language_switch(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "s.ini")
    lesson_action(w, 2).trigger()
    r = w.lessons.runner
    r.next()
    assert r.submit(4).ok and r.next()
    try:
        other = w.switch_language("pt_BR")
        qtbot.addWidget(other)
        qtbot.waitUntil(lambda: other.lessons.runner is not None)
        r2 = other.lessons.runner
        assert r2.lesson.id == "backprop_by_hand" and r2.index == 2 and r2.passed == {0, 1}
        panel = other.lesson_dock.widget()
        qtbot.waitUntil(lambda: "Passo 3 de 7" in panel.title.text())
        assert "Retropropagação à mão" in panel.title.text()
        assert grad_shown(other, "c") is None and grad_shown(other, "f") == pytest.approx(4.0)
    finally:
        set_language("en")


def test_a_broken_lesson_file_is_reported_and_the_app_goes_on(qtbot, tmp_path, monkeypatch):
    from engine.teaching import LessonError
    from gui.lessons import course as course_module
    from gui.lessons import offer_at_start

    def broken():
        raise LessonError("02_backprop_by_hand.json: steps[3].expect: no node labelled 'q' in L.json")

    monkeypatch.setattr(course_module, "all_lessons", broken)
    w = make_window(qtbot, tmp_path / "s.ini")
    w.lessons_menu.aboutToShow.emit()
    assert w.lessons.lessons == [] and "steps[3].expect" in w.statusBar().currentMessage()
    assert offer_at_start(w) is None and not w.lessons.start("backprop_by_hand")


def test_stepping_backward_during_a_predict_step_does_not_give_the_answer_away(qtbot, tmp_path):
    """F10 while ∂L/∂f is to be predicted: the chain-rule panel writes ? for every hidden gradient, and
    the number once the learner has answered."""
    set_language("en")
    w = make_window(qtbot, tmp_path / "s.ini")
    lesson_action(w, 2).trigger()
    panel = w.lesson_dock.widget()
    qtbot.waitUntil(lambda: w.lesson_dock.isVisible() and panel.pages.currentIndex() == 1)
    wait_panel(qtbot, panel)
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)  # step 2: predict ∂L/∂f
    wait_panel(qtbot, panel)
    assert grad_shown(w, "f") is None
    chain, ctl = w.playground["chain"], w.playground["controller"]
    ctl.actions["step_backward"].trigger()  # the root L: its inputs d and f get their gradients
    qtbot.waitUntil(lambda: "Step 1 of" in chain.heading.text())
    current = chain.current.toPlainText()
    lines = {line.split(" = ")[0]: line for line in current.splitlines()}
    assert lines["∂L/∂f"].endswith("1.0 × 4.0 = ?") and lines["∂L/∂d"].endswith("= ?")  # the method, not the answer
    assert "?" in chain.history.toPlainText()
    answer(qtbot, panel, "4")
    wait_panel(qtbot, panel)
    qtbot.waitUntil(lambda: "4.0" in chain.history.toPlainText())


def test_bug_switch_rows_speak_the_window_language(qtbot):
    from engine.teaching import bugs
    from gui.lessons.panel import _demo_table

    demo = bugs.zero_grad_demo()
    try:
        set_language("pt_BR")
        html = _demo_table(demo, "pt_BR", "com o erro", "corrigido")
        assert "perda no início" in html and "perda após 30 passos" in html and "loss at start" not in html
    finally:
        set_language("en")
    assert "loss at start" in _demo_table(demo, "en", "with the bug", "fixed")


def test_a_step_can_point_at_ports(qtbot, tmp_path):
    """Lesson 5's first step rings node a and both input ports of b = a + a that a feeds."""
    set_language("en")
    w = make_window(qtbot, tmp_path / "s.ini")
    lesson_action(w, 5).trigger()
    panel = w.lesson_dock.widget()
    qtbot.waitUntil(lambda: w.lesson_dock.isVisible() and panel.pages.currentIndex() == 1)
    wait_panel(qtbot, panel)
    a, b = (w.scene.node_item(w.doc.by_label(x).id) for x in ("a", "b"))
    assert a.marked and not b.marked
    assert b.ports["a"].marked and b.ports["b"].marked and not b.out_port.marked and not a.out_port.marked
    qtbot.mouseClick(panel.next_button, Qt.LeftButton)
    wait_panel(qtbot, panel)
    assert not b.ports["a"].marked  # the next step points elsewhere
