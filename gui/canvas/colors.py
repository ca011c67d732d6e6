"""Default canvas colours (light and dark); gui/theme.py passes its own dict to CircuitScene.set_theme.

Keys are documented at the top of scene.py. Any key missing from a theme falls back to LIGHT
(or DARK when the theme says {"dark": True} / its canvas_bg is dark).
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from engine.draw.style import DARK, LIGHT  # the same colours for the engine's SVG pictures

__all__ = ["DARK", "LIGHT", "resolve"]


def resolve(colors: dict | None) -> dict[str, QColor]:
    """A complete QColor table: the given colours over the matching defaults."""
    colors = dict(colors or {})
    dark = bool(colors.pop("dark", False))
    bg = colors.get("canvas_bg")
    if bg is not None and QColor(bg).lightnessF() < 0.4:
        dark = True
    base = DARK if dark else LIGHT
    out = {}
    for key, default in base.items():
        color = QColor(colors.get(key, default))
        out[key] = color if color.isValid() else QColor(default)
    for key, value in colors.items():  # extra keys a theme may add are kept too
        if key not in out and QColor(value).isValid():
            out[key] = QColor(value)
    out["dark"] = dark
    return out
