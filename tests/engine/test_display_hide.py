"""Display.hide: a lesson's predict step hides some gradients from every view that reads them through the
Display (canvas, Gradients panel, notebook), and shows them again; values are never hidden."""

from engine.circuit.display import Display
from engine.circuit.evaluate import Evaluator
from engine.expr import circuit_from_expression


def test_hidden_gradients_read_as_none_until_shown_again():
    doc = circuit_from_expression("L = (a*b + c) * f", {"a": 2, "b": -3, "c": 10, "f": -2})
    ev = Evaluator(doc)
    ev.backward()
    display = Display(ev)
    ids = {n.label: n.id for n in doc.nodes()}
    heard = []
    display.changed.connect(lambda: heard.append(1))
    display.hide([ids["c"], ids["a"]])
    assert display.grad(ids["c"]) is None and display.grad(ids["a"]) is None
    assert display.grad(ids["f"]) == 4.0 and display.grad(ids["b"]) == -4.0
    assert display.value(ids["c"]) == 10.0  # the value stays: only the gradient is the learner's to find
    display.hide([ids["c"], ids["a"]])  # the same set again: no redraw
    assert len(heard) == 1
    display.hide()
    assert display.grad(ids["c"]) == -2.0 and display.grad(ids["a"]) == 6.0 and len(heard) == 2
