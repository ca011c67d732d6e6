"""pytest-qt: the Digits views window's gallery of misclassified test digits (counts, captions, order and
pages as numpy computes them, a click that puts a digit on the pad, updates while training), and the pad
reading a drawn 1, 0 and 7 after training in-process; screenshots at 1366x768 in English and Portuguese."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication

from engine import datasets
from engine.circuit.batches import split
from engine.circuit.commands import Macro, SetParams
from engine.circuit.digit_views import softmax
from gui.playground.digits_panel import dock_size
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.engine.digits_support import _trained_params, numpy_scores
from tests.gui.test_digits_views import open_digits as open_digits_views

ONE = [(4.0, y) for y in np.linspace(1.0, 7.0, 13)]
ZERO = [(4.0 + 2.2 * np.sin(t), 4.0 - 2.9 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 40)]
SEVEN = [(1.5 + 5.0 * t, 1.2) for t in np.linspace(0, 1, 8)] + [(6.5 - 3.0 * t, 1.2 + 5.8 * t)
                                                                  for t in np.linspace(0, 1, 10)[1:]]


def expected_mistakes(doc, rows):
    """[(row, true, predicted, probability)] of the wrong test rows, most confident first, by numpy."""
    X, y = datasets.digits()
    z = numpy_scores(doc, X[rows])
    p = np.exp(z - z.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    out = [(int(r), int(t), int(k), float(p[i, k])) for i, (r, t, k) in
           enumerate(zip(rows, y[rows], p.argmax(axis=1), strict=True)) if k != t]
    return sorted(out, key=lambda m: (-m[3], m[0]))


def to_scene(panel, plot, x, y):
    return plot.getViewBox().mapViewToScene(QPointF(x, y))


def send_mouse(view, kind, scene_pos, buttons):
    pos = QPointF(view.mapFromScene(scene_pos))
    button = Qt.NoButton if kind == QEvent.MouseMove else Qt.LeftButton
    event = QMouseEvent(kind, pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), button, buttons,
                        Qt.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag(qtbot, panel, cells):
    """Press, move through and release the left button along `cells` ((column, row) in cells) on the pad."""
    view = panel.pad_plot
    send_mouse(view, QEvent.MouseButtonPress, to_scene(panel, view, *cells[0]), Qt.LeftButton)
    for c in cells[1:]:
        qtbot.wait(12)  # pyqtgraph drops moves closer than 10 ms (mouseRateLimit)
        send_mouse(view, QEvent.MouseMove, to_scene(panel, view, *c), Qt.LeftButton)
    send_mouse(view, QEvent.MouseButtonRelease, to_scene(panel, view, *cells[-1]), Qt.NoButton)
    qtbot.wait(10)


def click_tile(qtbot, gallery, k):
    tile = gallery.tiles[k]
    view = gallery.view
    centre = tile.mapToScene(QPointF(4.0, 4.0))
    send_mouse(view, QEvent.MouseButtonPress, centre, Qt.LeftButton)
    send_mouse(view, QEvent.MouseButtonRelease, centre, Qt.NoButton)
    qtbot.wait(10)


def open_digits(window, qtbot):
    dock, panel = open_digits_views(window, qtbot)
    dock.resize(*dock_size(QSize(1366, 728)))  # as on a 1366x768 screen (the offscreen one is smaller)
    qtbot.wait(20)
    return dock, panel


def use_trained_weights(window):
    doc = window.doc
    window.undo.push(Macro("trained weights", [SetParams(nid, {**doc.node(nid).params, "W": W.copy(), "b": b.copy()})
                                               for nid, (W, b) in _trained_params().items()]))


def captions(gallery):
    return [c.shown for c in gallery.captions]


def test_the_gallery_shows_the_wrong_test_digits_as_numpy_finds_them_and_a_click_puts_one_on_the_pad(window, qtbot):
    dock, panel = open_digits(window, qtbot)
    gallery = panel.gallery
    use_trained_weights(window)
    _, test = split(1797, 0.2, 0)
    expected = expected_mistakes(window.doc, test)
    qtbot.waitUntil(lambda: gallery.gallery is not None and len(gallery.gallery.mistakes) == len(expected))
    assert 0 < len(expected) <= 24  # trained: one page
    assert gallery.count.text().startswith(f"<b>{len(expected)} of 359 test digits wrong.</b>")
    assert [(m.row, m.true, m.predicted) for m in gallery.gallery.mistakes] == [e[:3] for e in expected]
    for k, (row, true, pred, p) in enumerate(expected):
        assert gallery.tiles[k].mistake.row == row
        assert captions(gallery)[k].startswith(f"{true} → ") and f">{pred}</b>" in captions(gallery)[k]
        assert f"{p:.0%}" in captions(gallery)[k]
        np.testing.assert_array_equal(gallery.tiles[k].image, datasets.digits()[0][row].reshape(8, 8))
    assert all(t.mistake is None and t.image is None for t in gallery.tiles[len(expected):])
    pad_before = panel.pad_plot.geometry()
    click_tile(qtbot, gallery, 0)
    qtbot.wait(20)
    assert panel.pad_plot.geometry() == pad_before, "a longer read-out does not move or shrink the pad"
    row, true, pred, p = expected[0]
    np.testing.assert_array_equal(panel.picture, datasets.digits()[0][row].reshape(8, 8))
    assert int(np.argmax(panel.probs)) == pred and panel.probs[pred] == pytest.approx(p, rel=1e-9)
    assert f"row {row}" in panel.caption.text() and f"as {pred}" in panel.caption.text()
    qtbot.wait(50)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dock.grab().save(str(SCREENSHOTS / "digits_gallery.png"))


def test_many_mistakes_come_in_pages_and_a_hidden_gallery_waits(window, qtbot):
    dock, panel = open_digits(window, qtbot)  # the untrained network: most test digits are wrong
    gallery = panel.gallery
    _, test = split(1797, 0.2, 0)
    expected = expected_mistakes(window.doc, test)
    qtbot.waitUntil(lambda: gallery.gallery is not None and len(gallery.gallery.mistakes) == len(expected))
    pages = -(-len(expected) // 24)
    assert pages > 5 and gallery.page_label.text() == f"page 1 of {pages}"
    assert not gallery.prev_button.isEnabled() and gallery.next_button.isEnabled()
    gallery.next_button.click()
    assert gallery.page_label.text() == f"page 2 of {pages}" and gallery.prev_button.isEnabled()
    assert [t.mistake.row for t in gallery.tiles] == [e[0] for e in expected[24:48]]
    assert captions(gallery)[0].startswith(f"{expected[24][1]} → ")
    qtbot.wait(30)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dock.grab().save(str(SCREENSHOTS / "digits_gallery_untrained_page2.png"))
    for _ in range(pages + 2):
        gallery.next_button.click()
    assert gallery.page == pages - 1 and not gallery.next_button.isEnabled()
    last = expected[24 * (pages - 1):]
    assert [t.mistake.row for t in gallery.tiles[:len(last)]] == [e[0] for e in last]
    assert all(t.mistake is None and not t.frame.isVisible() for t in gallery.tiles[len(last):])
    dock.hide()  # off screen: a training step only marks it dirty
    shown = gallery.gallery
    window.playground["controller"].gradient_step()
    qtbot.wait(400)
    assert gallery.gallery is shown and gallery._dirty
    window.findChild(QAction, "show_digits").trigger()  # back on screen: it catches up
    qtbot.waitUntil(lambda: gallery.gallery is not shown)
    assert [m.row for m in gallery.gallery.mistakes] == [e[0] for e in expected_mistakes(window.doc, test)]


def test_after_training_in_process_the_pad_reads_a_drawn_1_0_and_7_and_the_gallery_followed(window, qtbot):
    dock, panel = open_digits(window, qtbot)
    gallery = panel.gallery
    qtbot.waitUntil(lambda: gallery.gallery is not None)
    ctl = window.playground["controller"]
    window.playground["training"].speed.setValue(200)
    counts = set()
    ctl.actions["train"].trigger()
    qtbot.waitUntil(lambda: (counts.add(len(gallery.gallery.mistakes)) or True) and ctl.trainer is not None
                    and len(ctl.trainer.history) >= 300, timeout=120000)
    ctl.actions["train"].trigger()  # pause
    assert len(counts) >= 3  # the gallery followed the run while it trained (a few times a second)
    qtbot.waitUntil(lambda: not gallery._dirty and not gallery._timer.isActive())
    expected = expected_mistakes(window.doc, ctl.trainer.feed.test)
    assert [(m.row, m.true, m.predicted) for m in gallery.gallery.mistakes] == [e[:3] for e in expected]
    assert len(expected) < 0.1 * 359
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, strokes, label in (("one", ONE, 1), ("zero", ZERO, 0), ("seven", SEVEN, 7)):
        panel.clear_button.click()
        drag(qtbot, panel, strokes)
        assert int(np.argmax(panel.probs)) == label, f"a drawn {label} read as {np.argmax(panel.probs)}"
        np.testing.assert_allclose(panel.probs, softmax(numpy_scores(window.doc, panel.picture.reshape(1, 64)))[0],
                                   rtol=1e-9)
        assert f"as {label} (" in panel.caption.text()
        qtbot.wait(30)
        dock.grab().save(str(SCREENSHOTS / f"digits_pad_trained_{name}.png"))


def test_the_digits_window_in_portuguese(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from gui.i18n import set_language
    from gui.main_window import MainWindow

    assert set_language("pt_BR") == "pt_BR"
    try:
        window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
        qtbot.addWidget(window)
        window.ask_save = lambda: "discard"
        dock, panel = open_digits(window, qtbot)
        use_trained_weights(window)
        gallery = panel.gallery
        _, test = split(1797, 0.2, 0)
        wrong = len(expected_mistakes(window.doc, test))
        qtbot.waitUntil(lambda: gallery.gallery is not None and len(gallery.gallery.mistakes) == wrong)
        assert gallery.count.text().startswith(f"<b>{wrong} de 359 dígitos de teste errados.</b> Sob cada um")
        assert gallery.page_label.text() == "página 1 de 1" and dock.windowTitle() == "Dígitos"
        drag(qtbot, panel, SEVEN)
        assert int(np.argmax(panel.probs)) == 7 and "A rede lê o seu desenho como 7" in panel.caption.text()
        qtbot.wait(30)
        dock.grab().save(str(SCREENSHOTS / "digits_pad_trained_seven_pt_BR.png"))
        click_tile(qtbot, gallery, 1)
        m = gallery.tiles[1].mistake
        assert f"Dígito de teste da linha {m.row}, um {m.true}: a rede o lê como {m.predicted}" in panel.caption.text()
        qtbot.wait(30)
        dock.grab().save(str(SCREENSHOTS / "digits_gallery_pt_BR.png"))
    finally:
        set_language("en")


def test_the_gallery_says_why_it_is_empty(window, qtbot):
    dock, panel = open_digits(window, qtbot)
    gallery = panel.gallery
    qtbot.waitUntil(lambda: gallery.gallery is not None and gallery.gallery.tested == 359)
    gallery.next_button.click()
    share = window.playground["training"].test_share
    share.setValue(0)  # the learner holds nothing out
    share.editingFinished.emit()
    qtbot.waitUntil(lambda: gallery.gallery.tested == 0)
    assert gallery.count.text() == "No rows are held out: set a test share in the Training panel."
    assert gallery.page == 0 and all(t.mistake is None for t in gallery.tiles)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: gallery.gallery.tested == 359)
    last = [n for n in window.doc.nodes() if n.kind == "dense" and int(n.params["nout"]) == 10][0]
    window.undo.push(SetParams(last.id, {**last.params, "b": np.full(10, np.inf)}))  # scores that are not numbers
    qtbot.waitUntil(lambda: not gallery.gallery.finite)
    assert "not finite" in gallery.count.text() and all(t.mistake is None for t in gallery.tiles)
    assert window.errors == []
    assert window.open(EXAMPLES / "moons.json")  # no digits classifier: it says what it needs
    qtbot.waitUntil(lambda: gallery.gallery is None and "Digits MLP" in gallery.count.text())
    assert all(t.mistake is None and t.image is None for t in gallery.tiles)
    panel.pen(4.0, 4.0, True)  # drawing on the pad of a circuit that is no digits classifier: no bars, no crash
    assert panel.probs is None
