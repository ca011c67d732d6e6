"""Every lesson's first and last step (and each bug switch's step) in the Lesson panel at 1366x768, in
English and Portuguese, saved to tests/screenshots/lesson_<nn>_<first|last|demo<i>>_<lang>.png to be
opened and judged. Each picture also asserts what a learner needs to see: the step's buttons inside the
dock, the verdict label tall enough for its wrapped text, the lesson's circuit on the canvas."""

import pytest
from PySide6.QtCore import QPoint

from engine.teaching.runner import PROGRESS_FORMAT
from gui.i18n import set_language
from tests.conftest import SCREENSHOTS
from tests.gui.test_lesson_panel import make_window, wait_panel


def inside(widget, outer) -> bool:
    """The widget's whole rectangle lies within `outer` (nothing clipped by the dock's edge)."""
    if not widget.isVisible():
        return True
    top_left = widget.mapTo(outer, QPoint(0, 0))
    return outer.rect().contains(top_left) and outer.rect().contains(top_left + QPoint(widget.width() - 1,
                                                                                       widget.height() - 1))


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
def test_first_and_last_step_of_every_lesson(qtbot, tmp_path, lang):
    assert set_language(lang) == lang
    try:
        w = make_window(qtbot, tmp_path / "s.ini")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        course = w.lessons
        assert len(course.lessons) == 11
        for n, lesson in enumerate(course.lessons, start=1):
            assert course.start(lesson.id, fresh=True)
            panel = w.lesson_dock.widget()
            demos = [(f"demo{i}", i) for i, step in enumerate(lesson.steps) if step.demo]
            for which, index in [("first", 0), *demos, ("last", len(lesson.steps) - 1)]:
                r = course.runner
                if index:
                    assert r.restore({"format": PROGRESS_FORMAT, "lesson": lesson.id, "step": index,
                                      "passed": list(range(index)), "answers": {}})
                wait_panel(qtbot, panel)
                qtbot.wait(30)
                assert w.doc.nodes() or r.step.kind == "build"  # the lesson's circuit is on the canvas
                for button in (panel.hint_button, panel.back_button, panel.next_button, panel.check):
                    assert inside(button, panel), (lesson.id, which, button.text())
                label = panel.verdict
                assert label.height() >= label.heightForWidth(label.width()) - 1, (lesson.id, which)
                assert panel.text.toPlainText().strip()
                if r.step.demo:  # the bug's numbers next to the fix's
                    assert "fixed" in panel.text.toPlainText() or "corrigido" in panel.text.toPlainText()
                w.grab().save(str(SCREENSHOTS / f"lesson_{n:02d}_{which}_{lang}.png"))
        course.stop()
    finally:
        set_language("en")
