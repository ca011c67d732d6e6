"""Lesson text as rich text: the lesson files write formulas in plain Unicode (∂L/∂c, x², x1·w1, 3x^2);
here they get real typography for a QLabel / QTextBrowser: partial derivatives and names in italics,
subscripted indices, superscripted powers, true minus signs. Everything else is escaped HTML."""

from __future__ import annotations

import html
import re

_PARTIAL = re.compile(r"∂(\w+)/∂(\w+)")  # ∂L/∂c -> ∂L/∂c in italics, the names' digits subscripted
_INDEXED = re.compile(r"(?<![\w.])([a-z])(\d)(?![\w.])")  # x1, w2 (not F8, F10, 3x3, v1.0)
_POWER = re.compile(r"\^(\d+|\w)")  # x^3 -> x³ style superscript
_MINUS = re.compile(r"(?<![\w)])-(?=\d)|(?<= )-(?= )")  # -2, 3x² - 4x -> −2, 3x² − 4x (hyphens stay)


def _name(text: str) -> str:
    m = re.fullmatch(r"([a-zA-Z]+)(\d+)", text)
    return f"<i>{m.group(1)}</i><sub>{m.group(2)}</sub>" if m else f"<i>{text}</i>"


def rich(text: str) -> str:
    """A lesson string as HTML with formula typography."""
    out = html.escape(text, quote=False)
    out = _PARTIAL.sub(lambda m: f"∂{_name(m.group(1))}/∂{_name(m.group(2))}", out)
    out = _INDEXED.sub(lambda m: _name(m.group(0)), out)
    out = _POWER.sub(r"<sup>\1</sup>", out)
    return _MINUS.sub("−", out)


def number(v) -> str:
    """A demo's number, short: 4 significant digits, or the text as it is."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return html.escape(str(v))
    if v == int(v) and abs(v) < 1e6:
        return str(int(v)).replace("-", "−")
    return f"{v:.4g}".replace("-", "−")
