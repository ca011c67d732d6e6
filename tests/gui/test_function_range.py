"""The f(x) panel's df/dx range comes from the central part of the curve (robust_range)."""

import numpy as np
import pytest

from gui.playground.function_panel import robust_range


def test_one_huge_value_does_not_flatten_the_curve():
    xs = np.linspace(-5, 5, 400)
    ys = 6 * xs - 4
    assert robust_range(ys, pad=0) == pytest.approx((-34.0, 26.0))  # an ordinary curve: all of it
    ys[-1] = 1e29
    lo, hi = robust_range(ys, pad=0)
    assert (lo, hi) == pytest.approx((-34.0, ys[-2]))


def test_the_point_shown_is_always_in_view():
    with np.errstate(all="ignore"):
        xs = np.linspace(-5, 5, 400)
        dys = np.cos(np.exp(xs**3)) * np.exp(xs**3) * 3 * xs**2  # sin(exp(x^3))': up to 1e+29 near 5
    lo, hi = robust_range(dys, keep=(0.0, -32757.52))
    assert lo < -32757.52 < hi and 0 < hi < 1e6  # the slope at x = 2 in view; no 1e+29 scale
