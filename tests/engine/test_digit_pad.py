"""The draw-a-digit pad (engine.circuit.digit_pad): the pen's bitmap against a pixel-by-pixel distance
computation, the 4x4 block counts, the data's size normalisation, the pad's strokes and loaded digits, and
drawn digits that a network trained in-process reads right wherever and however large they are drawn."""

import math

import numpy as np
import pytest

from engine import datasets
from engine.circuit import digit_pad as dp
from engine.circuit import digit_views as dv
from engine.circuit.evaluate import Evaluator
from tests.engine.digits_support import trained_digits

ONE = [[(4.0, 1.0), (4.0, 7.0)]]
ZERO = [[(4.0 + 2.2 * math.sin(t), 4.0 - 2.9 * math.cos(t)) for t in np.linspace(0.0, 2.0 * math.pi, 40)]]
SEVEN = [[(1.5, 1.25), (6.5, 1.25), (3.5, 7.0)]]


def distance(px, py, a, b):
    """The distance from the point (px, py) to the segment a-b, by the textbook formula."""
    (ax, ay), (bx, by) = a, b
    L2 = (bx - ax) ** 2 + (by - ay) ** 2
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / L2))
    return math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))


def slow_bitmap(strokes, radius):
    out = np.zeros((dp.RES, dp.RES))
    for i in range(dp.RES):
        for j in range(dp.RES):
            x, y = (j + 0.5) * 8 / dp.RES, (i + 0.5) * 8 / dp.RES
            segs = [(s[k], s[k + 1]) for s in strokes for k in range(len(s) - 1)] + [(s[0], s[0]) for s in strokes
                                                                                      if len(s) == 1]
            out[i, j] = any(distance(x, y, a, b) <= radius for a, b in segs)
    return out


@pytest.mark.parametrize("strokes", [ONE, SEVEN, [[(2.3, 5.1)]], [[(0.0, 0.0), (8.0, 8.0)], [(6.1, 1.7)]]])
def test_the_pen_inks_the_pixels_within_its_radius_of_a_stroke(strokes):
    np.testing.assert_array_equal(dp.bitmap(strokes), slow_bitmap(strokes, dp.PEN))
    np.testing.assert_array_equal(dp.bitmap(strokes, 1.3), slow_bitmap(strokes, 1.3))


def test_cells_count_the_ink_of_4x4_blocks_as_the_uci_digits_were_made():
    bits = (np.random.default_rng(0).random((32, 32)) > 0.6).astype(float)
    picture = dp.cells(bits)
    for i, j in [(0, 0), (3, 5), (7, 7)]:
        assert picture[i, j] == bits[4 * i:4 * i + 4, 4 * j:4 * j + 4].sum() / 16
    assert np.array_equal(picture * 16, np.round(picture * 16))  # counts of 0..16, as in the dataset


def test_a_drawing_is_scaled_to_fill_the_height_and_centred_like_the_datas_digits():
    (line,) = dp.normalised(ONE)
    np.testing.assert_allclose(line, [[4.0, dp.PEN], [4.0, 8 - dp.PEN]])
    small = [[(0.5 + x / 4, 5.0 + y / 4) for x, y in SEVEN[0]]]  # a quarter of the size, bottom left
    (a,), (b,) = dp.normalised(small), dp.normalised(SEVEN)
    np.testing.assert_allclose(a, b, atol=1e-12)
    lo, hi = b.min(axis=0), b.max(axis=0)
    np.testing.assert_allclose((lo + hi) / 2, [4.0, 4.0])
    assert hi[1] - lo[1] == pytest.approx(8 - 2 * dp.PEN)  # taller than wide: the height fills
    np.testing.assert_array_equal(dp.network_input(small), dp.network_input(SEVEN))
    wide = dp.normalised([[(1.0, 3.0), (7.0, 4.0)]])[0]
    assert np.ptp(wide[:, 0]) == pytest.approx(8 - 2 * dp.PEN)  # wider than tall: the width fills


def test_a_drawn_digit_holds_about_as_much_ink_as_the_datas_digits_of_its_class():
    X, y = datasets.digits()
    for strokes, label in ((ONE, 1), (ZERO, 0), (SEVEN, 7)):
        ink = dp.network_input(strokes).sum()
        assert 0.5 < ink / X[y == label].sum(axis=1).mean() < 1.5  # (a bare 1: 0.6; the data's often have a flag)


def test_the_pad_keeps_strokes_inks_as_it_goes_and_shows_a_loaded_digit_as_it_is():
    pad = dp.Pad()
    assert pad.empty() and not pad.picture().any()
    pad.begin(1.0, 1.0)
    for x, y in [(1.02, 1.0), (3.0, 2.0), (9.5, 2.0), (5.0, 6.0)]:  # too small a move; off the pad's edge
        pad.extend(x, y)
    pad.begin(2.0, 7.0)
    pad.extend(6.0, 7.0)
    assert pad.strokes == [[(1.0, 1.0), (3.0, 2.0), (8.0, 2.0), (5.0, 6.0)], [(2.0, 7.0), (6.0, 7.0)]]
    np.testing.assert_array_equal(pad.shown(), dp.bitmap(pad.strokes))  # inked segment by segment: the same
    np.testing.assert_array_equal(pad.picture(), dp.network_input(pad.strokes))
    X, y = datasets.digits()
    pad.load(X[42], row=42, label=int(y[42]))
    assert not pad.strokes and pad.row == 42 and pad.label == y[42]
    np.testing.assert_array_equal(pad.picture(), X[42].reshape(8, 8))  # read as it is: already normalised
    np.testing.assert_array_equal(pad.shown()[::4, ::4], X[42].reshape(8, 8))
    pad.begin(4.0, 1.0)  # drawing again starts a new drawing
    assert pad.loaded is None and pad.row is None and pad.strokes == [[(4.0, 1.0)]]
    pad.clear()
    assert pad.empty() and not pad.shown().any()


@pytest.mark.parametrize("scale, dx, dy", [(1.0, 0.0, 0.0), (0.5, -2.0, 2.0), (0.6, 1.5, -1.5), (0.4, 2.2, 2.2)])
def test_a_network_trained_in_process_reads_a_drawn_1_0_and_7_anywhere_on_the_pad(scale, dx, dy):
    ev = Evaluator(trained_digits())
    for strokes, label in ((ONE, 1), (ZERO, 0), (SEVEN, 7)):
        moved = [[(4 + (x - 4) * scale + dx, 4 + (y - 4) * scale + dy) for x, y in s] for s in strokes]
        p = dv.class_probabilities(ev, dp.network_input(moved))
        assert int(np.argmax(p)) == label, f"{label} drawn at scale {scale}: read as {np.argmax(p)} {p.round(2)}"
