"""Canvas basics: palette model and mime, palette drops, screenshots, theme, a 1,000-node scene."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from engine import ops
from engine.circuit import io
from gui import mime
from gui.canvas import CanvasView, CircuitScene
from gui.canvas.colors import DARK
from gui.canvas.node_item import HEADER, WIDTH, fmt_number
from gui.palette_model import find_entry, palette_entries, palette_groups
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.canvas_support import Bridge, lecture_L, make_evaluator


def make_canvas(qtbot, doc, evaluator=True, size=(900, 560)):
    bridge = Bridge(doc)
    ev = make_evaluator(doc) if evaluator else None
    scene = CircuitScene(doc, ev, bridge.push, bridge.seal)
    view = CanvasView(scene)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return bridge, scene, view


def test_palette_covers_every_op_and_kind():
    entries = palette_entries()
    assert {e.op for e in entries if e.kind == "op"} == set(ops.OPS)
    assert [k for k, _, _ in palette_groups()][0] == "values"
    assert [k for k, _, _ in palette_groups()][-2:] == ["blocks", "output"]
    mul = find_entry("op", "mul")
    assert mul.symbol == "*" and ops.get("mul").formula in mul.tooltip and ops.get("mul").doc in mul.tooltip


def test_mime_round_trip_and_rejects_junk():
    entry = find_entry("op", "tanh")
    data = mime.encode(entry)
    assert data.hasFormat(mime.MIME)
    assert mime.decode(data) == ("op", "tanh")
    assert mime.decode(mime.encode(find_entry("weight"))) == ("weight", None)
    junk = QMimeData()
    junk.setData(mime.MIME, b"{not json")
    assert mime.decode(junk) is None
    other = QMimeData()
    other.setText("tanh")
    assert mime.decode(other) is None
    bad_kind = QMimeData()
    bad_kind.setData(mime.MIME, b'{"kind": "rocket", "op": null}')
    assert mime.decode(bad_kind) is None


def _drop(view, data, pos: QPoint):
    vp = view.viewport()
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, enter)
    move = QDragMoveEvent(pos, actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, move)
    drop = QDropEvent(QPointF(pos), actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, drop)
    return enter, drop


def test_palette_drop_creates_node_at_drop_point(qtbot):
    doc = lecture_L()
    bridge, scene, view = make_canvas(qtbot, doc)
    before = {n.id for n in doc.nodes()}
    pos = QPoint(300, 400)
    enter, drop = _drop(view, mime.encode(find_entry("op", "tanh")), pos)
    assert enter.isAccepted() and drop.isAccepted()
    (new,) = [n for n in doc.nodes() if n.id not in before]
    assert new.kind == "op" and new.op == "tanh"
    target = view.mapToScene(pos)
    header_centre = QPointF(new.pos[0] + WIDTH / 2, new.pos[1] + HEADER / 2)
    assert abs(header_centre.x() - target.x()) < 3 and abs(header_centre.y() - target.y()) < 3
    assert scene.node_item(new.id).pos() == QPointF(*new.pos)
    assert scene.selected_ids() == [new.id]
    bridge.undo()
    assert scene.node_item(new.id) is None


def test_drop_of_foreign_mime_is_ignored(qtbot):
    doc = lecture_L()
    _bridge, _scene, view = make_canvas(qtbot, doc)
    data = QMimeData()
    data.setText("hello")
    enter, _drop_event = _drop(view, data, QPoint(100, 100))
    assert not enter.isAccepted()
    assert len(doc.nodes()) == 7


def test_numbers_are_formatted_like_the_lecture():
    assert fmt_number(0.70710678) == "0.7071"
    assert fmt_number(-8) == "-8.0000"
    assert fmt_number(None) == "—"
    assert fmt_number(float("nan")) == "nan"
    assert fmt_number(1.5e-7) == "1.500e-07"


def test_lecture_L_shows_values_and_gradients(qtbot):
    doc = lecture_L()
    _bridge, scene, view = make_canvas(qtbot, doc)
    L = scene.node_item(doc.by_label("L").id)
    a = scene.node_item(doc.by_label("a").id)
    assert L.value == pytest.approx(-8.0) and L.grad == pytest.approx(1.0)
    assert a.grad == pytest.approx(6.0)
    edge = scene.edge_item(doc.by_label("e").id, "a")
    assert edge.grad == pytest.approx(6.0)
    assert edge.pen().color() == scene.colors["wire_pos"]
    assert scene.edge_item(doc.by_label("e").id, "b").pen().color() == scene.colors["wire_neg"]
    assert edge.pen().widthF() > scene.edge_item(doc.by_label("L").id, "a").pen().widthF() - 1


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", ["L", "neuron"])
def test_screenshots(qtbot, theme, name):
    doc = lecture_L() if name == "L" and not (EXAMPLES / "L.json").exists() else io.load(EXAMPLES / f"{name}.json")
    _bridge, scene, view = make_canvas(qtbot, doc, size=(840, 470) if name == "L" else (1000, 560))
    if theme == "dark":
        scene.set_theme(dict(DARK))
    view.reset_zoom()
    view.fit_all()
    assert view.zoom() == pytest.approx(1.0)
    if name == "neuron":
        scene.select_ids([doc.outputs()[0].id])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(SCREENSHOTS / f"canvas_{name}_{theme}.png"))


def test_thousand_node_scene_builds(qtbot):
    from benchmarks.bench_gui import chain_circuit

    doc = chain_circuit(1000)
    _bridge, scene, view = make_canvas(qtbot, doc)
    assert len(scene.node_items()) == 1000
    assert len(scene.edge_items()) == len(doc.edges())
    view.fit_all()
    assert view.grab().width() > 0


def test_zoomed_out_big_scene_screenshot(qtbot):
    from benchmarks.bench_gui import chain_circuit
    from engine.circuit.layout import layered_layout

    doc = chain_circuit(120)
    for node_id, pos in layered_layout(doc).items():
        doc.node(node_id).pos = pos
    _bridge, scene, view = make_canvas(qtbot, doc, size=(900, 600))
    view.fit_all()
    view.set_zoom(0.45)
    view.centerOn(scene.nodes_rect().center())
    assert view.grab().save(str(SCREENSHOTS / "canvas_zoomed_out.png"))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_palette_entry_draws(qtbot, theme):
    from engine.circuit.document import Circuit

    doc = Circuit()
    _bridge, scene, view = make_canvas(qtbot, doc, evaluator=False, size=(1180, 620))
    if theme == "dark":
        scene.set_theme({"dark": True})
    scene.snap = True
    entries = palette_entries()
    for i, entry in enumerate(entries):
        assert scene.add_node_at(entry.kind, entry.op, QPointF(90 + 180 * (i % 6), 40 + 100 * (i // 6)))
    assert len(doc.nodes()) == len(entries)
    assert all(v % 20 == 0 for n in doc.nodes() for v in n.pos)
    view.fit_all()
    assert view.grab().save(str(SCREENSHOTS / f"canvas_palette_{theme}.png"))


def test_a_layer_without_activation_reads_wx_plus_b_on_its_card():
    from engine.circuit import Circuit
    from gui.canvas.node_item import display_symbol

    doc = Circuit()
    assert display_symbol(doc.make_node("dense", params={"activation": "linear"})) == "Wx+b"
    assert display_symbol(doc.make_node("dense", params={"activation": "relu"})) == "Wx→relu"
