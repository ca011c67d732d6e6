"""Canvas gestures driven by the mouse and keyboard: wiring, moving, deleting, renaming, stepping, errors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from engine import commands
from engine.circuit import io
from gui.canvas.node_item import HEADER
from tests.conftest import SCREENSHOTS
from tests.gui.canvas_support import lecture_L
from tests.gui.test_canvas import make_canvas


def ids(doc, *labels):
    return [doc.by_label(label).id for label in labels]


def at(view, scene_pos) -> QPoint:
    return view.mapFromScene(scene_pos)


def drag(qtbot, view, start: QPointF, end: QPointF, steps: int = 4) -> None:
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=at(view, start))
    for i in range(1, steps + 1):
        qtbot.mouseMove(vp, at(view, start + (end - start) * (i / steps)))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=at(view, end))


def wire(qtbot, view, scene, src_id, dst_id, port):
    start = scene.node_item(src_id).out_port.scenePos()
    end = scene.node_item(dst_id).ports[port].scenePos()
    drag(qtbot, view, start, end)


def snapshot(doc):
    data = io.to_dict(doc)
    data["edges"] = sorted(map(str, data["edges"]))
    data["nodes"] = sorted(map(str, data["nodes"]))
    return data


@pytest.fixture
def canvas(qtbot):
    doc = lecture_L()
    bridge, scene, view = make_canvas(qtbot, doc)
    view.fit_all()
    messages = []
    scene.status_message.connect(messages.append)
    return doc, bridge, scene, view, messages


def test_wiring_two_ports_by_mouse(canvas, qtbot):
    doc, bridge, scene, view, messages = canvas
    t = doc.make_node("op", "tanh", label="t", pos=(720, 140))
    bridge.push(commands.AddNode(t))
    (L,) = ids(doc, "L")
    wire(qtbot, view, scene, L, t.id, "x")
    assert doc.inputs_of(t.id) == {"x": L}
    assert isinstance(bridge.done[-1], commands.Connect)
    assert scene.edge_item(t.id, "x") is not None
    assert scene.node_item(t.id).ports["x"].connected
    assert not messages


def test_wiring_from_an_input_port_backwards(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    t = doc.make_node("op", "tanh", label="t", pos=(720, 140))
    bridge.push(commands.AddNode(t))
    (L,) = ids(doc, "L")
    drag(qtbot, view, scene.node_item(t.id).ports["x"].scenePos(), scene.node_item(L).out_port.scenePos())
    assert doc.inputs_of(t.id) == {"x": L}


@pytest.mark.parametrize("case", ["cycle", "self", "input-to-input"])
def test_invalid_wire_is_refused_with_reason(canvas, qtbot, case):
    doc, bridge, scene, view, messages = canvas
    e, L, d = ids(doc, "e", "L", "d")
    before = snapshot(doc)
    if case == "cycle":
        wire(qtbot, view, scene, L, e, "a")
        expected = "cycle"
    elif case == "self":
        wire(qtbot, view, scene, e, e, "a")
        expected = "itself"
    else:
        drag(qtbot, view, scene.node_item(d).ports["a"].scenePos(), scene.node_item(L).ports["b"].scenePos())
        expected = "output"
    assert len(messages) == 1 and expected in messages[0]
    assert snapshot(doc) == before
    assert not bridge.done
    assert all(p.state is None for it in scene.node_items() for p in it.ports.values())


def test_drop_on_occupied_input_replaces_and_undo_restores(canvas, qtbot):
    doc, bridge, scene, view, messages = canvas
    a, e, f = ids(doc, "a", "e", "f")
    wire(qtbot, view, scene, f, e, "a")
    assert doc.inputs_of(e)["a"] == f
    assert scene.edge_item(e, "a").src == f
    assert len(bridge.done) == 1 and not messages
    bridge.undo()
    assert doc.inputs_of(e)["a"] == a
    assert scene.edge_item(e, "a").src == a


def test_release_on_empty_space_cancels(canvas, qtbot):
    doc, bridge, scene, view, messages = canvas
    (e,) = ids(doc, "e")
    start = scene.node_item(e).out_port.scenePos()
    drag(qtbot, view, start, start + QPointF(60, -70))
    assert not bridge.done and not messages
    assert scene._wire is None


def test_moving_a_node_is_one_undo_entry(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    (d,) = ids(doc, "d")
    old = doc.node(d).pos
    grip = scene.node_item(d).scenePos() + QPointF(100, HEADER / 2)
    drag(qtbot, view, grip, grip + QPointF(57, 31), steps=8)
    assert len(bridge.done) == 1 and isinstance(bridge.done[0], commands.Move)
    new = doc.node(d).pos
    assert new != old and abs(new[0] - old[0] - 57) < 2 and abs(new[1] - old[1] - 31) < 2
    edge = scene.edge_item(d, "a")
    assert edge.path().elementAt(edge.path().elementCount() - 1).x == pytest.approx(new[0])
    bridge.undo()
    assert doc.node(d).pos == old
    assert (scene.node_item(d).pos().x(), scene.node_item(d).pos().y()) == old


def test_moving_a_selection_is_one_macro_and_snaps(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    scene.snap = True
    e, d = ids(doc, "e", "d")
    scene.select_ids([e, d])
    grip = scene.node_item(d).scenePos() + QPointF(100, HEADER / 2)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, grip))
    qtbot.mouseMove(vp, at(view, grip + QPointF(30, 20)))
    qtbot.mouseMove(vp, at(view, grip + QPointF(43, 52)))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(view, grip + QPointF(43, 52)))
    assert len(bridge.done) == 1 and isinstance(bridge.done[0], commands.Macro)
    assert {m.node_id for m in bridge.done[0].children} == {e, d}
    assert all(v % 20 == 0 for v in doc.node(d).pos)


def test_delete_removes_node_and_wires_and_undo_restores(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    before = snapshot(doc)
    (d,) = ids(doc, "d")
    scene.select_ids([d])
    view.setFocus()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert d not in doc.graph and len(doc.edges()) == 3
    assert scene.node_item(d) is None and len(scene.edge_items()) == 3
    bridge.undo()
    assert snapshot(doc) == before
    assert len(scene.edge_items()) == 6
    scene.select_ids(ids(doc, "a", "e", "L"))
    assert scene.delete_selected()
    assert isinstance(bridge.done[-1], commands.Macro) and len(doc.nodes()) == 4
    bridge.undo()
    assert snapshot(doc) == before


def test_delete_a_selected_wire(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    (L,) = ids(doc, "L")
    edge = scene.edge_item(L, "b")
    mid = edge.path().pointAtPercent(0.5)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, mid))
    assert edge.isSelected()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert "b" not in doc.inputs_of(L) and isinstance(bridge.done[-1], commands.Disconnect)


def test_rename_by_double_click(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    (e,) = ids(doc, "e")
    item = scene.node_item(e)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, item.scenePos() + QPointF(14, 12)))
    assert item.editor is not None
    qtbot.keyClicks(view.viewport(), "gain")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert doc.node(e).label == "gain" and item.label == "gain" and item.editor is None
    assert isinstance(bridge.done[-1], commands.SetLabel)
    # a duplicate label is refused and the card keeps its name
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at(view, item.scenePos() + QPointF(14, 12)))
    qtbot.keyClicks(view.viewport(), "L")
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Return)
    assert doc.node(e).label == "gain" and bridge.refused


def test_double_click_on_body_activates(canvas, qtbot):
    doc, _bridge, scene, view, _ = canvas
    (d,) = ids(doc, "d")
    with qtbot.waitSignal(scene.node_activated) as blocker:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton,
                          pos=at(view, scene.node_item(d).scenePos() + QPointF(70, 45)))
    assert blocker.args == [d]


def test_highlight_draws_step(canvas, qtbot):
    doc, _bridge, scene, view, _ = canvas
    a, b, c, d, e, f, L = ids(doc, "a", "b", "c", "d", "e", "f", "L")
    scene.highlight(d, [(e, d, "a"), (c, d, "b")], reached={L, d, f})
    assert scene.node_item(d).current
    assert scene.edge_item(d, "a").flow and scene.edge_item(d, "b").flow
    assert scene.edge_item(d, "a").pen().color() == scene.colors["hl_flow"]
    assert not scene.node_item(a).show_grad and scene.node_item(f).show_grad
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(SCREENSHOTS / "canvas_highlight.png"))
    scene.highlight(None)
    assert not scene.node_item(d).current and not scene.edge_item(d, "a").flow
    assert scene.node_item(a).show_grad


def test_nan_node_turns_red_with_reason(qtbot):
    from engine.circuit.document import Circuit

    doc = Circuit()
    x = doc.add_node(doc.make_node("input", label="x", value=-1.0, pos=(0, 0)))
    lg = doc.add_node(doc.make_node("op", "log", label="y", pos=(200, 0)))
    doc.connect(x.id, lg.id, "x")
    _bridge, scene, view = make_canvas(qtbot, doc, size=(420, 160))
    view.fit_all()
    item = scene.node_item(lg.id)
    assert item.error and "log" in item.error
    assert item.error in item.toolTip()
    view.grab().save(str(SCREENSHOTS / "canvas_nan.png"))
    doc.set_value(x.id, 2.0)
    assert item.error is None and item.value == pytest.approx(0.6931, abs=1e-4)


def test_quick_add_popup_adds_at_cursor(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    popup = view.open_quick_add(QPoint(120, 420))
    qtbot.keyClicks(popup.search, "tanh")
    assert [e.op for e in popup.visible_entries()] == ["tanh"]
    qtbot.keyClick(popup.search, Qt.Key.Key_Return)
    node = doc.nodes()[-1]
    assert node.op == "tanh" and isinstance(bridge.done[-1], commands.AddNode)
    assert abs(node.pos[1] + HEADER / 2 - view.mapToScene(QPoint(120, 420)).y()) < 2


def test_zoom_pan_and_select_all(canvas, qtbot):
    doc, _bridge, scene, view, _ = canvas
    view.reset_zoom()
    view.zoom_in()
    assert view.zoom() == pytest.approx(1.25)
    view.zoom_out()
    centre = view.view_center()
    view.pan_by(100, 0)
    assert view.view_center().x() == pytest.approx(centre.x() + 100, abs=2)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert sorted(scene.selected_ids()) == sorted(n.id for n in doc.nodes())


def test_document_reset_rebuilds(qtbot):
    doc = lecture_L()
    _bridge, scene, _view = make_canvas(qtbot, doc, evaluator=False)
    other = io.loads(io.dumps(lecture_L()))
    t = other.add_node(other.make_node("op", "tanh", label="t"))
    doc.replace_with(other)
    assert scene.node_item(t.id) is not None and len(scene.node_items()) == 8
    doc.clear()
    assert not scene.node_items() and not scene.edge_items()


def test_tab_opens_quick_add_and_edge_tooltip(canvas, qtbot):
    doc, _bridge, scene, view, _ = canvas
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.quick_add.isVisible()
    view.quick_add.hide()
    e, d = ids(doc, "e", "d")
    assert scene.edge_item(d, "a").tooltip_text() == "e → d.a    grad -2.0000"


def test_view_state_round_trip_and_wheel_zoom(canvas, qtbot):
    _doc, _bridge, _scene, view, _ = canvas
    assert view.apply_view_state({"zoom": 0.8, "center": [100, 50]})
    state = view.view_state()
    assert state["zoom"] == pytest.approx(0.8) and abs(state["center"][0] - 100) < 2
    assert not view.apply_view_state({"zoom": "big"}) and not view.apply_view_state(None)
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = P(200, 150)
    under = view.mapToScene(pos.toPoint())
    wheel = QWheelEvent(pos, view.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom() == pytest.approx(0.8 * 1.15)
    after = view.mapToScene(pos.toPoint())
    assert abs(after.x() - under.x()) < 3 and abs(after.y() - under.y()) < 3


def _in_view(view, scene, node_id) -> bool:
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(scene.node_item(node_id).sceneBoundingRect())


def test_a_node_added_out_of_view_comes_into_view_with_the_nodes_in_view(canvas, qtbot):
    doc, bridge, scene, view, _ = canvas
    view.centerOn(-5000, -5000)  # an empty part of the canvas: only the nodes added here are in view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    near = shown.center()
    before, zoom = view.view_center(), view.zoom()
    here = doc.make_node("op", "tanh", label="here", pos=(near.x(), near.y()))
    bridge.push(commands.AddNode(here))
    qtbot.wait(20)
    assert view.view_center() == before, "a node added in view moves nothing"
    below = doc.make_node("op", "exp", label="below", pos=(near.x(), shown.bottom() + 60))
    bridge.push(commands.AddNode(below))
    assert not _in_view(view, scene, below.id)
    qtbot.waitUntil(lambda: _in_view(view, scene, below.id), timeout=1000)
    assert _in_view(view, scene, here.id), "the node it goes with stays in view"
    assert view.zoom() == zoom, "just past the edge: scrolled, not zoomed"
    far = doc.make_node("op", "exp", label="far", pos=(near.x() + 3000, near.y() + 2000))
    bridge.push(commands.AddNode(far))
    qtbot.waitUntil(lambda: _in_view(view, scene, far.id), timeout=1000)
    assert _in_view(view, scene, here.id) and view.zoom() < zoom, "far away: zoomed out to show both"
    view.set_zoom(zoom)
    view.centerOn(near)
    bridge.undo()
    bridge.stack.redo()  # it comes back out of view: shown again
    qtbot.waitUntil(lambda: _in_view(view, scene, far.id), timeout=1000)
