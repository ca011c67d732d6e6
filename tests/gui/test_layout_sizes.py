"""The default layout at 1366x768 and 1600x1000, in English and Portuguese: every plot at least 150 px
tall with its title, axes, labels and legend in view; every toolbar action visible; panels that stay
put (selection, View > Lock panels); actions that bring their panel to the front; opening a document
forgets the old one. Screenshots go to tests/screenshots/layout_*.png."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QTabBar, QToolBar, QToolButton

from gui.help_dialogs import HowToDialog
from gui.i18n import set_language
from gui.main_window import MainWindow, first_size
from gui.playground.plots import IntegerAxis
from tests.conftest import EXAMPLES, SCREENSHOTS
from tests.gui.layout_states import MIN_HEIGHT, STATES, measure, put_in_state, readable, settle

SIZES = [(1366, 768), (1600, 1000)]
PT_TITLES = {"dock_inspector": "Inspetor", "dock_training": "Treinamento", "dock_chain": "Regra da cadeia",
             "dock_gradients": "Gradientes", "dock_loss": "Perda", "dock_activation": "Ativação",
             "dock_function": "f(x)", "dock_boundary": "Fronteira", "dock_units": "Neurônios",
             "dock_gradcheck": "Verificação", "dock_strategies": "Estratégias", "dock_palette": "Paleta",
             "dock_lesson": "Lição", "dock_optimizer": "Otimizador", "dock_confusion": "Confusão",
             "dock_digits": "Dígitos"}


def elided_tabs(window) -> list[str]:
    """The tabs of the docked panels whose names do not fit (Qt elides them: 'Fronteira de deci...')."""
    short = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            text = bar.tabText(i)
            if bar.tabRect(i).width() < bar.fontMetrics().horizontalAdvance(text) + 8:
                short.append(text)
    return short


@pytest.fixture
def make_window(qtbot, tmp_path):
    """A main window in a language, at the size it takes on first start on a screen of that size."""
    made = []

    def make(lang="en", size=(1366, 768), settings=None):
        set_language(lang)
        w = MainWindow(settings=settings or QSettings(str(tmp_path / f"{lang}.ini"), QSettings.IniFormat))
        qtbot.addWidget(w)
        w.show_error = lambda title, text: pytest.fail(f"unexpected error: {text}")
        w.ask_save = lambda: "discard"  # closing after a test's edits asks nothing
        w.resize(first_size(QSize(*size)))
        w.show()
        qtbot.waitExposed(w)
        settle(10)
        made.append(w)
        return w

    yield make
    set_language("en")


def toolbar_problems(w) -> list[str]:
    """Toolbar actions that are not on screen (hidden behind the » extension button)."""
    hidden = []
    for bar in w.findChildren(QToolBar):
        ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if ext is not None and ext.isVisible():
            hidden.append(f"{bar.objectName()} overflows")
        for act in bar.actions():
            widget = bar.widgetForAction(act)
            if not act.isSeparator() and widget is not None and not widget.isVisible():
                hidden.append(act.text() or act.objectName())
    return hidden


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_plot_is_readable_in_the_default_layout(make_window, lang, size):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    w = make_window(lang, size)
    assert (w.width(), w.height()) == (min(1400, size[0]), min(900, size[1]))
    assert toolbar_problems(w) == []
    assert elided_tabs(w) == [], "every panel tab shows its whole name"
    assert w.view.height() >= 300 and w.view.width() >= 700, "the canvas keeps a useful size"
    seen = {}
    for key in STATES:
        dock = put_in_state(w, key)
        seen[key] = m = measure(dock)
        w.grab().save(str(SCREENSHOTS / f"layout_{lang}_{size[0]}x{size[1]}_{key}.png"))
        assert m["on_screen"], f"{key} is not in front"
        assert m["clipped"] == [], f"{key}: clipped {m['clipped']}"
        tables = m["tables"] if key == "check" else []  # (the strategies table's share is the text helper's)
        assert all(h >= MIN_HEIGHT for h in m["plots"] + tables), f"{key}: {m}"
    assert [len(seen[k]["plots"]) for k in ("grads", "activation", "function", "loss", "boundary", "units",
                                            "strategies")] \
        == [1, 1, 2, 2, 1, 1, 1], "every plot was drawn (f and df/dx, loss and accuracy, the hidden space)"
    assert seen["check"]["tables"] and seen["strategies"]["tables"]


@pytest.mark.parametrize("lang", ["en", "pt_BR"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_training_row_is_in_view_without_scrolling(make_window, lang, size):
    w = make_window(lang, size)
    assert w.open(EXAMPLES / "moons.json")  # a dataset circuit: every row of the form is in use
    settle(10)
    scroll = w.findChild(QDockWidget, "dock_training").widget()
    panel = scroll.panel
    assert scroll.verticalScrollBar().maximum() == 0, "the Training panel needs no scrolling"
    bottom = panel.mapTo(scroll.viewport(), panel.accuracy.geometry().bottomLeft()).y()
    assert bottom <= scroll.viewport().height(), "its last row (Accuracy) is on screen"
    for button in panel.features.buttons.values():  # x1², x2², x1·x2, sin x1, sin x2
        assert button.isVisible() and button.visibleRegion().boundingRect().height() == button.height()
    assert w.findChild(QDockWidget, "dock_inspector").height() >= 170, "the Inspector keeps room for a node"


def test_the_readability_check_catches_a_squeezed_plot(qtbot):
    """The oracle above can fail: a 40 px plot has its axis labels and title out of view."""
    plot = pg.PlotWidget(title="A title")
    plot.setLabels(left="y", bottom="x")
    qtbot.addWidget(plot)
    plot.resize(300, 40)
    plot.show()
    qtbot.waitExposed(plot)
    settle()
    assert readable(plot) != []
    plot.resize(300, 200)
    settle()
    assert readable(plot) == []


def test_pt_br_dock_titles_are_portuguese_and_match_the_help(make_window):
    w = make_window("pt_BR")
    titles = {d.objectName(): d.windowTitle() for d in w.findChildren(QDockWidget)}
    assert titles == PT_TITLES
    help_text = HowToDialog(w).html()
    for name in ("Inspetor", "Regra da cadeia", "Estratégias", "Treinamento", "Fronteira"):
        assert name in help_text
    w.open(EXAMPLES / "neuron.json")
    items = w.scene._nodes
    assert items[w.doc.by_label("x1").id].symbol == "entrada" and items[w.doc.by_label("w1").id].symbol == "peso"
    assert items[w.doc.by_label("o").id].symbol == "tanh"  # an op keeps its symbol


def test_selecting_a_node_does_not_move_any_panel(make_window):
    w = make_window()
    w.open(EXAMPLES / "moons.json")
    settle()

    def geometry():
        return {d.objectName(): d.geometry().getRect() for d in w.findChildren(QDockWidget) if d.isVisible()}

    before = geometry()
    for label in ("layer1", "X", "loss", "layer3"):  # a layer's inspector has the most rows
        w.scene.select_ids([w.doc.by_label(label).id])
        settle()
        assert w.playground["inspector"].node_id == w.doc.by_label(label).id
        assert geometry() == before, label


def test_panels_are_locked_by_default_and_the_choice_is_kept(make_window, tmp_path):
    settings = QSettings(str(tmp_path / "lock.ini"), QSettings.IniFormat)
    w = make_window(settings=settings)
    lock = w.dock_layout.lock_action
    assert lock in w.view_menu.actions() and lock.isChecked()
    docks = w.findChildren(QDockWidget)
    assert len(docks) == len(PT_TITLES) and all(
        not d.features() & (QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable) for d in docks)
    assert w.dock_layout.docks["loss"].titleBarWidget() is not None  # tabbed: the tab names it
    lock.trigger()
    assert all(d.features() & QDockWidget.DockWidgetFloatable for d in docks)
    assert w.dock_layout.docks["loss"].titleBarWidget() is None
    w.dock_layout.docks["loss"].setFloating(True)  # unlocked: a panel can float
    assert w.dock_layout.docks["loss"].isFloating()
    lock.trigger()  # locked again: the floating panel keeps its title bar until it is docked
    assert w.dock_layout.docks["loss"].titleBarWidget() is None
    w.dock_layout.docks["loss"].setFloating(False)
    assert w.dock_layout.docks["loss"].titleBarWidget() is not None
    lock.trigger()
    assert settings.value("panels_locked") == "false"
    again = make_window(settings=settings)
    assert not again.dock_layout.lock_action.isChecked()
    assert again.dock_layout.docks["check"].features() & QDockWidget.DockWidgetMovable


@pytest.mark.parametrize(("key", "action", "panel"), [
    (Qt.Key_F7, "grad_check", "check"), (Qt.Key_F8, "grad_step", "loss"), (Qt.Key_F10, "step_backward", "chain"),
    (Qt.Key_F6, "backward", "grads")])
def test_a_key_that_fills_a_panel_brings_it_to_the_front(make_window, qtbot, key, action, panel):
    w = make_window()
    w.open(EXAMPLES / "sin_exp_cube.json")
    w.dock_layout.docks["chain"].hide()  # closed by the user: F10 shows it again
    w.dock_layout.bring_to_front("strategies" if panel != "strategies" else "grads")
    settle()
    assert not measure(w.dock_layout.docks[panel])["on_screen"]
    w.view.setFocus()
    qtbot.keyClick(w.view, key)
    settle()
    assert measure(w.dock_layout.docks[panel])["on_screen"]
    if panel == "check":
        table = w.playground["check"].table
        assert table.rowCount() == 1 and table.item(0, 0).text() == "x"


def test_opening_another_document_forgets_the_old_one(make_window, qtbot):
    w = make_window()
    w.open(EXAMPLES / "neuron.json")
    parts, actions = w.playground, w.playground["controller"].actions
    for name in ("grad_step", "grad_step", "grad_check", "step_backward", "step_backward"):
        actions[name].trigger()
    parts["strategies"].run_button.click()
    w.expression.setText("L = a*b")
    w.status("something about the neuron")
    settle()
    assert len(parts["loss"].shown) == 3 and parts["check"].table.rowCount() == 5
    assert parts["chain"].history.toPlainText().startswith("1.") and "\n2." in parts["chain"].history.toPlainText()
    assert len(parts["strategies"].rows()) == 4
    w.ask_save = lambda: "discard"
    assert w.open(EXAMPLES / "L.json")
    settle()
    xs = parts["loss"].curve.getData()[0]
    assert parts["loss"].values == parts["loss"].shown == [] and (xs is None or len(xs) == 0)
    assert parts["check"].table.rowCount() == 0 and parts["chain"].history.toPlainText() == ""
    assert parts["strategies"].rows() == [] and parts["strategies"].plot.getPlotItem().listDataItems() == []
    assert w.expression.text() == "" and w.statusBar().currentMessage() == ""
    assert parts["controller"].trainer is None and parts["controller"].stepper is None


def test_the_loss_plot_ends_at_the_value_now_on_whole_steps(make_window):
    w = make_window()
    w.open(EXAMPLES / "L.json")
    actions = w.playground["controller"].actions
    actions["grad_step"].trigger()
    actions["grad_step"].trigger()
    loss, ev = w.playground["loss"], w.evaluator
    xs, ys = loss.curve.getData()
    assert list(xs) == [0, 1, 2]
    assert ys[0] == pytest.approx(-8.0) and ys[-1] == pytest.approx(ev.root_value())  # not one step behind
    assert ys[1] == pytest.approx(loss.values[1])
    axis = loss.plot.getAxis("bottom")
    assert isinstance(axis, IntegerAxis)
    ticks = [v for _, values in axis.tickValues(0.0, 2.0, 300) for v in values]
    assert ticks and all(float(v).is_integer() for v in ticks)
    assert axis.tickStrings([0.0, 1.0, 2.0], 1.0, 1.0) == ["0", "1", "2"]


def test_handles_between_panels_are_easy_to_grab(make_window):
    from PySide6.QtWidgets import QStyle

    w = make_window()
    assert w.style().pixelMetric(QStyle.PM_DockWidgetSeparatorExtent, None, w) >= 6
    w.set_theme("dark")
    assert "separator:hover" in w.styleSheet() and w.style().pixelMetric(
        QStyle.PM_DockWidgetSeparatorExtent, None, w) >= 6


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (./run.sh test installs it as root)")
@pytest.mark.parametrize("lang", ["en", "pt_BR"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_real_window_under_x(tmp_path, lang, size):
    """The same measures on a real X screen of that size (the window sized by first start), with whole-screen
    captures copied to tests/screenshots/xvfb_layout_<lang>_<size>_<panel>.png."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(tmp_path)}
    proc = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {size[0]}x{size[1]}x24", sys.executable,
                           str(Path(__file__).with_name("xvfb_layout.py")), lang, str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads((tmp_path / "measures.json").read_text())
    assert result["platform"] == "xcb" and result["screen"] == list(size)
    assert result["toolbar"] == []
    assert result["elided"] == [], "every panel tab shows its whole name with the real fonts"
    assert result["canvas"][0] >= 700 and result["canvas"][1] >= 300
    for key, m in result["panels"].items():
        assert m["on_screen"] and m["clipped"] == [], (key, m)
        tables = m["tables"] if key == "check" else []
        assert all(h >= MIN_HEIGHT for h in m["plots"] + tables), (key, m)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for png in tmp_path.glob("*.png"):
        shutil.copy(png, SCREENSHOTS / f"xvfb_layout_{lang}_{size[0]}x{size[1]}_{png.name}")
