"""A throwaway op registered in the engine shows up in the palette, its tooltip and drag data, with no
edit in gui/ (tests/engine/test_new_op.py covers the engine side)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from engine import ops
from gui import mime
from gui.palette_dock import ENTRY, PalettePanel
from gui.palette_model import find_entry, palette_groups
from tests.conftest import SCREENSHOTS
from tests.engine import throwaway_op


def test_a_new_op_gets_a_palette_entry(qtbot):
    with throwaway_op.registered() as op:
        entry = find_entry("op", op.name)
        assert entry is not None and entry.symbol == "softsign" and entry.title == "Softsign"
        assert op.formula in entry.tooltip and op.doc in entry.tooltip and "x" in entry.tooltip
        activations = dict((key, items) for key, _, items in palette_groups())["activation"]
        assert [e.op for e in activations][-1] == "softsign"  # after tanh, sigmoid, relu
        assert mime.decode(mime.encode(entry)) == ("op", "softsign")
        panel = PalettePanel(lambda entry: None)
        qtbot.addWidget(panel)
        items = panel.tree.findItems("Softsign", Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 1)
        assert len(items) == 1 and items[0].parent().text(0) == "Activations"
        assert items[0].text(0) == "softsign" and items[0].data(0, ENTRY) == entry
        panel.resize(280, 680)
        panel.show()
        qtbot.waitExposed(panel)
        panel.tree.scrollToItem(items[0])
        SCREENSHOTS.mkdir(exist_ok=True)
        panel.grab().save(str(SCREENSHOTS / "palette_new_op.png"))
    assert find_entry("op", "softsign") is None and "softsign" not in ops.OPS
