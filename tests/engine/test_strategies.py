"""The hacker's guide's four strategies on the multiply gate at x = -2, y = 3: what each reaches and what it
costs. Oracles: the guide's numbers (one gradient step from -6 gives -5.8706) and a direct numpy loop."""

import numpy as np
import pytest

from engine.circuit import io
from engine.circuit.strategies import STRATEGIES, run_strategy
from tests.conftest import EXAMPLES


@pytest.fixture
def gate():
    doc = io.load(EXAMPLES / "multiply_gate.json")
    doc.set_value(doc.by_label("x").id, -2.0)
    doc.set_value(doc.by_label("y").id, 3.0)
    return doc


def gradient_ascent(x, y, steps, lr=0.01):
    for _ in range(steps):
        x, y = x + lr * y, y + lr * x  # ∂(xy)/∂x = y, ∂(xy)/∂y = x
    return x * y


def test_one_gradient_step_is_the_guides(gate):
    for name in ("numerical_gradient", "analytic_gradient"):
        res = run_strategy(gate, name, steps=1)
        assert res.start_output == -6.0 and res.output == pytest.approx(-5.8706, abs=1e-9)
        assert res.first_gradient == pytest.approx({"x": 3.0, "y": -2.0}, rel=1e-6)


def test_the_four_strategies_numbers_and_costs(gate):
    results = {name: run_strategy(gate, name) for name in STRATEGIES}
    want = gradient_ascent(-2.0, 3.0, 100)
    assert results["analytic_gradient"].output == pytest.approx(want, rel=1e-12)
    assert results["numerical_gradient"].output == pytest.approx(want, rel=1e-6)  # x*y is linear in each
    costs = {name: (r.evaluations, r.backward_passes) for name, r in results.items()}
    # the start is one evaluation; each step evaluates its new point once; the numerical gradient nudges
    # each of the two inputs once per step; the analytic gradient runs one backward pass per step
    assert costs == {"random_search": (101, 0), "random_local_search": (101, 0),
                     "numerical_gradient": (301, 0), "analytic_gradient": (101, 100)}
    rs = results["random_search"]
    assert rs.ranges == {"x": (-5.0, 5.0), "y": (-5.0, 5.0)}
    assert all(-5.0 <= v <= 5.0 for v in rs.values.values())
    assert rs.output == pytest.approx(np.prod(list(rs.values.values())))  # the best point's own x*y
    local = results["random_local_search"]
    assert -6.0 < local.output < -5.0  # 100 tiny random moves: some of them upward
    assert all(abs(local.values[k] - local.start_values[k]) <= 100 * 0.01 for k in "xy")
    for r in results.values():  # the chart's curve: passes so far against the best output so far
        assert r.history[0] == (1, -6.0) and r.history[-1] == (r.passes, r.output)
        assert all(b[1] >= a[1] for a, b in zip(r.history, r.history[1:], strict=False))
