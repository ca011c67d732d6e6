"""The show() handle in-process: numbers by label, edits as a slider makes them, write-back to the right
Value objects (repeated and missing labels, micrograd's Value), clear messages for wrong use."""

import pytest
import shiboken6
from PySide6.QtCore import QSettings

from engine import Value
from engine.circuit.document import CircuitError
from gui.main_window import MainWindow
from gui.notebook import Handle


def test_repeated_and_missing_labels_write_back_to_their_own_values(window):
    x, y, k = Value(2.0, label="x"), Value(-1.0, label="x"), Value(3.0)  # two leaves called x, one unlabelled
    out = x * y + k
    h = Handle(window).update(out)
    assert h.values() == {"x": 2.0, "x_2": -1.0, "v1": 3.0, "mul": -2.0, "add": 1.0}
    assert h.grads()["x"] == -1.0 and h.grads()["x_2"] == 2.0  # d(x*y)/dx = y
    h.set("x_2", 5.0)
    h.set("v1", -4.0)
    assert h.values()["add"] == 6.0  # 2*5 - 4
    assert h.to_values() == {"x": 2.0, "x_2": 5.0, "v1": -4.0}
    assert (x.data, y.data, k.data, out.data) == (2.0, 5.0, -4.0, 6.0)
    assert (x.grad, y.grad, out.grad) == (5.0, 2.0, 1.0)
    assert window.undo_stack.count() == 2  # each set() is one undoable edit, as a slider drag is


def test_micrograd_values_round_trip(window):
    mg = pytest.importorskip("micrograd.engine")
    a, b = mg.Value(2.0), mg.Value(-3.0)
    a.label, b.label = "a", "b"
    c = (a * b).relu()
    c.label = "c"
    h = Handle(window).update(c)
    h.set("a", -2.0)  # relu(6) = 6
    h.to_values()
    assert (a.data, c.data, a.grad, b.grad) == (-2.0, 6.0, -3.0, -2.0)


def test_wrong_use_says_what_is_wrong(window, qtbot, tmp_path):
    a = Value(1.0, label="a")
    L = a * a
    L.label = "L"
    h = Handle(window).update(L)
    with pytest.raises(ValueError, match="'L' is computed by the circuit"):
        h.set("L", 2.0)
    with pytest.raises(CircuitError, match="no node labelled 'zz'"):
        h.set("zz", 2.0)
    other = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    gone = Handle(other).update(L)
    shiboken6.delete(other)
    assert "closed" in repr(gone)
    with pytest.raises(RuntimeError, match="window was closed; call show"):
        gone.values()
