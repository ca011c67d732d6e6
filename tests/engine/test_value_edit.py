"""A typed value is never changed silently (issue 11): kept exactly, the slider range widened to hold it,
one undo entry. Oracle: the typed number itself and the range before the edit."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.circuit import CircuitError
from engine.circuit.value_edit import nice_ceil, set_value, widened
from engine.commands import History, SetValue
from engine.expr import circuit_from_expression


@pytest.mark.parametrize("x, bound", [(10.0, 10.0), (7.3, 10.0), (1.0, 1.0), (1.5, 2.0), (2.01, 5.0),
                                      (0.003, 0.005), (1234.5, 2000.0), (1e12, 1e12)])
def test_nice_ceil(x, bound):
    assert nice_ceil(x) == pytest.approx(bound)


def test_typing_10_past_a_slider_that_stops_at_5():
    doc = circuit_from_expression("f = x*y", values={"x": -2.0, "y": 3.0})
    x = doc.by_label("x")
    assert tuple(x.slider) == (-5.0, 5.0, 0.01)
    history = History(doc)
    history.push(set_value(doc, x.id, 10.0))
    assert x.value == 10.0 and tuple(x.slider) == (-5.0, 10.0, 0.01) and history.depth == 1
    history.undo()
    assert x.value == -2.0 and tuple(x.slider) == (-5.0, 5.0, 0.01)
    assert isinstance(set_value(doc, x.id, 4.5), SetValue)  # inside the range: a plain value edit
    with pytest.raises(CircuitError, match="finite"):
        set_value(doc, x.id, math.inf)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.floats(-100, 100), st.floats(0.01, 100))
def test_any_typed_value_is_kept_and_undo_restores_the_range(value, lo, width):
    doc = circuit_from_expression("f = x*2", values={"x": 0.0})
    x = doc.by_label("x")
    doc.set_slider(x.id, lo, lo + width, 0.01)
    before = tuple(x.slider), x.value
    history = History(doc)
    history.push(set_value(doc, x.id, value))
    lo2, hi2, step = x.slider
    assert x.value == value and lo2 <= value <= hi2 and step == 0.01
    assert lo2 <= before[0][0] and hi2 >= before[0][1]  # only ever widened
    assert tuple(x.slider) == (before[0] if before[0][0] <= value <= before[0][1] else widened(before[0], value))
    history.undo()
    assert (tuple(x.slider), x.value) == before
