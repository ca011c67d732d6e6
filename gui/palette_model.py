"""What the palette offers: one entry per node kind and per registered op, grouped for display.

Everything here is derived from engine.circuit.nodes.KINDS and the op registry, so adding an op
to engine/ops.py adds it to the palette, the quick-add popup and the tooltips.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from engine import ops
from engine.circuit.blocks import BLOCKS
from engine.circuit.nodes import BLOCK_KINDS, KINDS, LEAF_KINDS


def _tr(text: str) -> str:
    return QCoreApplication.translate("Palette", text)


@dataclass(frozen=True)
class PaletteEntry:
    """One thing the user can drag onto the canvas."""

    kind: str
    op: str | None
    title: str
    symbol: str
    category: str  # group key: values, arithmetic, function, activation, tensor, loss, blocks, output
    tooltip: str

    @property
    def key(self) -> str:
        """A stable id: the op name for op nodes, else the kind."""
        return self.op or self.kind


def group_titles() -> dict[str, str]:
    """Translated display titles of the palette groups, in display order."""
    return {
        "values": _tr("Values"),
        "arithmetic": _tr("Arithmetic"),
        "function": _tr("Functions"),
        "activation": _tr("Activations"),
        "tensor": _tr("Tensor"),
        "loss": _tr("Losses"),
        "blocks": _tr("Blocks"),
        "output": _tr("Output"),
    }


def _kind_titles() -> dict[str, str]:
    return {
        "input": _tr("Input"), "weight": _tr("Weight"), "constant": _tr("Constant"), "data": _tr("Data column"),
        "neuron": _tr("Neuron"), "dense": _tr("Dense layer"), "output": _tr("Output"),
    }


def _op_titles() -> dict[str, str]:
    return {
        "add": _tr("Add"), "sub": _tr("Subtract"), "mul": _tr("Multiply"), "div": _tr("Divide"),
        "neg": _tr("Negate"), "pow": _tr("Power"), "powk": _tr("Power (constant k)"), "square": _tr("Square"),
        "max": _tr("Maximum"), "exp": _tr("Exponential"), "log": _tr("Logarithm"), "sin": _tr("Sine"),
        "cos": _tr("Cosine"), "abs": _tr("Absolute value"), "tanh": _tr("Tanh"), "sigmoid": _tr("Sigmoid"),
        "relu": _tr("ReLU"), "matmul": _tr("Matrix product"), "sum": _tr("Sum"), "mean": _tr("Mean"),
        "reshape": _tr("Reshape"), "transpose": _tr("Transpose"), "softmax": _tr("Softmax"),
        "mse": _tr("Mean squared error"), "bce": _tr("Binary cross-entropy"),
        "bce_logits": _tr("BCE with logits"), "softmax_ce": _tr("Softmax cross-entropy"), "hinge": _tr("Hinge loss"),
    }


_KIND_SYMBOLS = {"input": "x", "weight": "w", "constant": "c", "data": "▦", "output": "L"}


def _kind_symbol(kind: str) -> str:
    """A leaf's letter, the output's L, a block's own symbol (Σ→f)."""
    return BLOCKS[kind].display() if kind in BLOCKS else _KIND_SYMBOLS.get(kind, kind)


def _kind_entry(kind: str, category: str) -> PaletteEntry:
    title = _kind_titles().get(kind, kind)
    tip = f"<b>{title}</b><br>{QCoreApplication.translate('kinds', KINDS[kind])}"
    return PaletteEntry(kind, None, title, _kind_symbol(kind), category, tip)


def _op_entry(op: ops.Op) -> PaletteEntry:
    title = _op_titles().get(op.name, op.name.replace("_", " ").capitalize())
    doc = QCoreApplication.translate("ops", op.doc)
    ports = ", ".join(op.inputs)
    tip = (f"<b>{title}</b> &nbsp;<code>{op.display()}</code><br>{doc}<br>"
           f"<i>{_tr('inputs')}:</i> {ports}<br><code>{op.formula}</code>")
    return PaletteEntry("op", op.name, title, op.display(), op.category, tip)


def palette_entries() -> list[PaletteEntry]:
    """Every palette entry, grouped: values, one group per op category, blocks, output."""
    entries = [_kind_entry(k, "values") for k in LEAF_KINDS if k in KINDS]
    order = list(group_titles())
    cats = ops.by_category()
    for cat in sorted(cats, key=lambda c: order.index(c) if c in order else len(order)):
        entries.extend(_op_entry(op) for op in cats[cat])
    entries.extend(_kind_entry(k, "blocks") for k in BLOCK_KINDS if k in KINDS)
    entries.append(_kind_entry("output", "output"))
    return entries


def palette_groups() -> list[tuple[str, str, list[PaletteEntry]]]:
    """(group key, translated title, entries) in display order."""
    titles = group_titles()
    groups: dict[str, list[PaletteEntry]] = {}
    for entry in palette_entries():
        groups.setdefault(entry.category, []).append(entry)
    return [(key, titles.get(key, key.capitalize()), items) for key, items in groups.items()]


def find_entry(kind: str, op: str | None = None) -> PaletteEntry | None:
    """The entry for a (kind, op) pair, or None."""
    for entry in palette_entries():
        if entry.kind == kind and entry.op == op:
            return entry
    return None
