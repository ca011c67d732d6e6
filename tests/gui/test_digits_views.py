"""pytest-qt: the digits views. The weight images are the first layer's W (after a training step too),
a digit drawn with the mouse on the pad gets the network's ten probabilities (as torch computes them),
and a network trained by PyTorch reads a drawn 1 and a drawn 0; screenshot."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication, QDockWidget

from engine.circuit import digit_views as dv
from engine.circuit.commands import Macro, SetParams
from engine.datasets import digits
from gui.playground.plots import CURVE, NEG, POS
from tests.conftest import EXAMPLES, SCREENSHOTS


def dense_layers(doc):
    return sorted((n for n in doc.nodes() if n.kind == "dense"), key=lambda n: n.label)


def torch_trained(doc, steps=150):
    """The example's network trained by PyTorch (full batch, Adam 0.01): {node id: (W, b)}."""
    torch = pytest.importorskip("torch")  # the oracle, where installed
    torch.manual_seed(0)
    X, y = digits()
    X, y = torch.tensor(X), torch.tensor(y, dtype=torch.long)
    params = [(torch.tensor(np.asarray(n.params["W"]), requires_grad=True),
               torch.tensor(np.asarray(n.params["b"]), requires_grad=True)) for n in dense_layers(doc)]
    opt = torch.optim.Adam([p for pair in params for p in pair], lr=0.01)
    for _ in range(steps):
        h = X
        for i, (W, b) in enumerate(params):
            h = h @ W.T + b
            h = torch.relu(h) if i < len(params) - 1 else h
        loss = torch.nn.functional.cross_entropy(h, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return {n.id: (W.detach().numpy().copy(), b.detach().numpy().copy())
            for n, (W, b) in zip(dense_layers(doc), params, strict=True)}


def forward_torch(doc, picture):
    torch = pytest.importorskip("torch")  # the oracle, where installed
    h = torch.tensor(picture.reshape(1, 64))
    layers = dense_layers(doc)
    for i, n in enumerate(layers):
        h = h @ torch.tensor(np.asarray(n.params["W"])).T + torch.tensor(np.asarray(n.params["b"]))
        h = torch.relu(h) if i < len(layers) - 1 else h
    return torch.softmax(h, dim=1)[0].numpy()


def drag(qtbot, panel, cells):
    """Press, move through and release the left button along `cells` ((column, row) in cell units) on the
    pad, as a real mouse sends them (the moves carry the held button)."""
    view = panel.pad_plot

    def send(kind, c, buttons):
        pos = QPointF(view.mapFromScene(view.getViewBox().mapViewToScene(QPointF(*c))))  # cells: view coordinates
        button = Qt.NoButton if kind == QEvent.MouseMove else Qt.LeftButton
        event = QMouseEvent(kind, pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), button, buttons,
                            Qt.NoModifier)
        QApplication.sendEvent(view.viewport(), event)

    send(QEvent.MouseButtonPress, cells[0], Qt.LeftButton)
    for c in cells[1:]:
        qtbot.wait(15)  # pyqtgraph drops moves closer than 10 ms (mouseRateLimit; the pad joins what it gets)
        send(QEvent.MouseMove, c, Qt.LeftButton)
    send(QEvent.MouseButtonRelease, cells[-1], Qt.NoButton)
    qtbot.wait(10)


def open_digits(window, qtbot):
    assert window.open(EXAMPLES / "digits.json")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.findChild(QAction, "show_digits").trigger()
    dock = window.findChild(QDockWidget, "dock_digits")
    qtbot.waitUntil(dock.isVisible)
    assert dock.isFloating() and dock.width() >= 800  # on demand, floating: the bottom tab row keeps its length
    return dock, window.playground["digits"]


def test_weight_images_follow_training(window, qtbot):
    dock, panel = open_digits(window, qtbot)
    first = dv.first_layer(window.doc)
    qtbot.waitUntil(lambda: panel.weights.image is not None)
    np.testing.assert_array_equal(panel.weights.image, dv.mosaic(dv.weight_images(first.params["W"]), 16))
    before = panel.weights.image.copy()
    window.playground["controller"].gradient_step()
    qtbot.waitUntil(lambda: not np.array_equal(panel.weights.image, before, equal_nan=True))
    W = window.doc.node(first.id).params["W"]
    np.testing.assert_array_equal(panel.weights.image, dv.mosaic(dv.weight_images(W), 16))


def test_a_drawn_digit_gets_live_probabilities_and_a_trained_network_reads_it(window, qtbot):
    pytest.importorskip("torch")  # the oracle, where installed
    dock, panel = open_digits(window, qtbot)
    doc = window.doc
    trained = torch_trained(doc)
    window.undo.push(Macro("torch weights", [SetParams(nid, {**doc.node(nid).params, "W": W.tolist(), "b": b.tolist()})
                                             for nid, (W, b) in trained.items()]))
    qtbot.waitUntil(lambda: panel.weights.image is not None)
    column = [(4.0, y) for y in np.linspace(1.0, 7.0, 13)]  # a "1": one stroke down the middle
    drag(qtbot, panel, column)
    assert panel.picture[:, :3].sum() == 0 and panel.picture[:, 5:].sum() == 0  # inked down the middle only,
    assert panel.picture[:, 3:5].min() > 0.6  # from top to bottom (scaled to the height, as the data's digits)
    np.testing.assert_allclose(panel.probs, forward_torch(doc, panel.picture), rtol=1e-9)
    np.testing.assert_allclose(panel.bars.opts["height"], panel.probs)
    assert int(np.argmax(panel.probs)) == 1
    colours = {b.color().name() for b in panel.bars.opts["brushes"]}
    assert colours == {NEG, POS}  # the class read stands out
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dock.grab().save(str(SCREENSHOTS / "digits_pad_one.png"))
    panel.clear_button.click()
    assert not panel.picture.any()
    assert {b.color().name() for b in panel.bars.opts["brushes"]} == {CURVE}  # an empty pad singles none out
    ring = [(4.0 + 2.2 * np.sin(t), 4.0 - 2.9 * np.cos(t)) for t in np.linspace(0, 2 * np.pi, 40)]  # a "0"
    drag(qtbot, panel, ring)
    assert int(np.argmax(panel.probs)) == 0
    gallery = panel.gallery  # trained on every row: no test digit is wrong, and the gallery says so
    qtbot.waitUntil(lambda: gallery.gallery is not None and gallery.gallery.tested == 359)
    if not gallery.gallery.mistakes:
        assert gallery.stack.currentWidget() is gallery.note and "every test digit right" in gallery.note.text()
    qtbot.wait(30)
    dock.grab().save(str(SCREENSHOTS / "digits_pad_zero.png"))


def test_no_digits_views_for_moons(window, qtbot):
    assert window.open(EXAMPLES / "moons.json")
    window.findChild(QAction, "show_digits").trigger()
    panel = window.playground["digits"]
    qtbot.waitUntil(lambda: "Digits MLP" in panel.caption.text())
    assert panel.probs is None and panel.weights.image is None
