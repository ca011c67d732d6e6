"""The boundary panels' IsocurveItem draws exactly pyqtgraph's own isocurve (extendToEdge), segment for
segment, from engine.circuit.contour's whole-array marching squares."""

import numpy as np
import pyqtgraph as pg
import pytest

from engine.circuit.contour import segments
from gui.playground.isocurve import IsocurveItem


def pairs(lines):
    """pyqtgraph's unconnected isocurve as a set of segments (end order ignored)."""
    return {tuple(sorted((tuple(np.round(a, 9)), tuple(np.round(b, 9))))) for a, b in lines}


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_segments_are_pyqtgraphs_isocurve(seed):
    rng = np.random.default_rng(seed)
    z = rng.normal(size=(30, 24)).cumsum(0).cumsum(1) * 0.1 + rng.normal(size=(30, 24))
    ours = {tuple(sorted(tuple(np.round(p, 9)) for p in s)) for s in segments(z, 0.3)}
    assert ours == pairs(pg.isocurve(z, 0.3, connected=False, extendToEdge=True))


def test_the_item_draws_the_same_line_as_pyqtgraphs_item(qapp):
    x, y = np.meshgrid(np.linspace(-1, 1, 60), np.linspace(-1, 1, 60), indexing="ij")
    z = x**2 + 0.5 * y - 0.3
    ours, theirs = IsocurveItem(level=0.0), pg.IsocurveItem(level=0.0)
    for item in (ours, theirs):
        item.setData(z)
    a, b = ours.boundingRect(), theirs.boundingRect()
    assert (a.left(), a.top(), a.width(), a.height()) == pytest.approx((b.left(), b.top(), b.width(), b.height()))
    ours.setData(None)
    assert ours.boundingRect().isEmpty()
