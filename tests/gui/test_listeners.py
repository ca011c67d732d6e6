"""Typed events (issue 10, section 5): windows leave no listener behind, misspelt names fail loudly,
and the evaluator has recomputed before any view hears of an edit."""

import pytest
from PySide6.QtCore import QSettings

from engine.circuit import io
from engine.circuit.events import listener_count
from gui.main_window import MainWindow
from tests.conftest import EXAMPLES


def test_fifty_windows_opened_and_closed_leave_no_listener(qtbot, tmp_path):
    doc = io.load(EXAMPLES / "neuron.json")  # one document shared by every window
    leaf = next(n.id for n in doc.nodes() if n.kind == "weight")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    assert listener_count(doc.events) == 0
    evaluators, displays = [], []
    for _ in range(50):
        w = MainWindow(doc, settings=settings)
        w.show()
        assert listener_count(doc.events) > 10  # the evaluator, the canvas, the panels, the controller
        assert len(w.evaluator.events.evaluated) > 3 and len(w.display.changed) > 0
        evaluators.append(w.evaluator)
        displays.append(w.display)
        doc.set_value(leaf, doc.node(leaf).value + 0.25)  # the window follows the edit
        assert w.scene._nodes[leaf].value == doc.node(leaf).value
        assert w.close()
        w.deleteLater()
    qtbot.wait(10)
    assert listener_count(doc.events) == 0
    for ev, display in zip(evaluators, displays, strict=True):
        assert listener_count(ev.events) == 0 and len(display.changed) == 0


def test_a_misspelt_event_name_is_an_error_not_silence(window):
    with pytest.raises(AttributeError):
        window.doc.events.value_chaged.connect(lambda *_: None)
    with pytest.raises(AttributeError):
        window.evaluator.events.evaluted.connect(lambda: None)


def test_views_hear_an_edit_after_the_evaluator_recomputed(window):
    assert window.open(EXAMPLES / "L.json")
    doc, ev = window.doc, window.evaluator
    a, L = doc.by_label("a").id, doc.by_label("L").id
    heard = []
    doc.events.value_changed.connect(lambda node_id, value: heard.append(ev.value(L)))  # a late view
    doc.set_value(a, 3.0)  # L = (a*b + c) * f = (3*-3 + 10) * -2
    assert heard == [-2.0] and window.scene._nodes[L].value == -2.0
