"""engine.circuit.contour: every segment end lies on a grid edge where the linearly interpolated score
equals the level, every crossed edge gets a point, and nothing is drawn where nothing crosses."""

import numpy as np
import pytest

from engine.circuit.contour import segments


def crossings(z, level):
    """The points where the level crosses an edge between two neighbouring grid values (numpy, by hand),
    on the grid as segments() shows it (values at index + 0.5, edges extended to 0 and n)."""
    pts = set()
    n, m = z.shape
    for axis in (0, 1):
        a = z if axis == 0 else z.T
        lo, hi = a[:-1], a[1:]
        i, j = np.nonzero((lo < level) != (hi < level))
        f = (level - lo[i, j]) / (hi[i, j] - lo[i, j])
        along, across = i + 0.5 + f, j + 0.5
        for p, q in zip(along, across, strict=True):
            pts.add((round(p, 9), round(q, 9)) if axis == 0 else (round(q, 9), round(p, 9)))
    return pts


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_segment_ends_are_the_level_crossings_of_the_grid(seed):
    rng = np.random.default_rng(seed)
    x, y = np.meshgrid(np.linspace(-2, 2, 23), np.linspace(-2, 2, 17), indexing="ij")
    z = np.sin(2 * x + rng.normal()) + np.cos(3 * y) * rng.normal() + 0.2 * x * y
    seg = segments(z, 0.1)
    ends = {(round(p, 9), round(q, 9)) for p, q in seg.reshape(-1, 2)}
    n, m = z.shape
    inner = {p for p in ends if 0 < p[0] < n and 0 < p[1] < m}
    expected = crossings(z, 0.1)
    assert inner == expected
    # the rest reach the border: each continues a crossing of the outermost row or column to the edge
    for x, y in ends - inner:
        on = (0.5 if x == 0 else n - 0.5, y) if x in (0, n) else (x, 0.5 if y == 0 else m - 0.5)
        assert on in expected
    assert len(seg) >= len(expected) // 2 and np.isfinite(seg).all()


def test_a_straight_boundary_is_one_straight_line_across_the_grid():
    x, y = np.meshgrid(np.arange(10.0), np.arange(8.0), indexing="ij")
    seg = segments(x - 4.25, 0.0)  # crosses between x = 4 and 5, a quarter of the way: at 4.5 + 0.25
    assert np.allclose(seg[:, :, 0], 4.75)
    ys = np.sort(seg[:, :, 1].ravel())
    assert ys[0] == 0.0 and ys[-1] == 8.0  # reaches both edges of the grid (extended to its border)
    assert len(seg) == 9  # one per row of cells, the padded border rows included


def test_nothing_crosses_a_constant_or_one_sided_grid():
    assert segments(np.zeros((5, 5)), 1.0).shape == (0, 2, 2)
    assert segments(np.full((5, 5), 3.0), 1.0).shape == (0, 2, 2)
