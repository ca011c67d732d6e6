"""Colours and number format shared by the canvas (gui/canvas) and the engine's SVG pictures.

Plain hex strings so the engine can use them without Qt. Keys are documented at the top of
gui/canvas/scene.py; wire_pos / wire_neg / wire_zero colour anything by the sign of its gradient.
"""

from __future__ import annotations

import math

LIGHT: dict[str, str] = {
    "canvas_bg": "#f6f7f9", "grid_minor": "#eceef2", "grid_major": "#dfe2e8",
    "node_bg": "#ffffff", "node_border": "#c4c9d3", "node_shadow": "#22000000", "node_text": "#1d2230",
    "node_muted": "#7b8494", "node_selected": "#2f6fed", "node_error": "#d93025", "node_error_bg": "#fdecea",
    "header_input": "#dce8ff", "header_weight": "#ffe5c7", "header_constant": "#e9ecf1", "header_data": "#d3f1ea",
    "header_op": "#ebe3ff", "header_output": "#d5f2db", "header_neuron": "#fbe0ee", "header_dense": "#fbe0ee",
    "port_fill": "#ffffff", "port_border": "#6b7385", "port_ok": "#1e9e4a", "port_bad": "#d93025",
    "port_text": "#5a6273",
    "wire_pos": "#2f6fed", "wire_neg": "#e8590c", "wire_zero": "#a3a9b5", "wire_drag": "#2f6fed",
    "hl_current": "#f59f00", "hl_flow": "#f59f00", "hl_reached": "#2f9e44",
}

DARK: dict[str, str] = {
    "canvas_bg": "#1c1f26", "grid_minor": "#23272f", "grid_major": "#2d323c",
    "node_bg": "#2a2e37", "node_border": "#474e5c", "node_shadow": "#66000000", "node_text": "#e8ebf0",
    "node_muted": "#9aa3b3", "node_selected": "#5b9bff", "node_error": "#ff6b5b", "node_error_bg": "#4a2626",
    "header_input": "#274673", "header_weight": "#6a4520", "header_constant": "#3a404b", "header_data": "#1d544c",
    "header_op": "#463a72", "header_output": "#275a33", "header_neuron": "#66304c", "header_dense": "#66304c",
    "port_fill": "#2a2e37", "port_border": "#aeb6c4", "port_ok": "#46c46a", "port_bad": "#ff6b5b",
    "port_text": "#aeb6c4",
    "wire_pos": "#5b9bff", "wire_neg": "#ff8a3d", "wire_zero": "#676e7c", "wire_drag": "#5b9bff",
    "hl_current": "#ffc53d", "hl_flow": "#ffc53d", "hl_reached": "#46c46a",
}


def fmt_number(v) -> str:
    """Numbers as the lecture prints them (4 decimals), scientific when tiny or huge; '—' when unknown."""
    if v is None:
        return "—"
    try:
        v = float(v)
    except (TypeError, ValueError):
        return "…"
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v != 0 and (abs(v) >= 1e5 or abs(v) < 1e-4):
        return f"{v:.3e}"
    return f"{v:.4f}"


def grad_color(colors: dict[str, str], grad) -> str:
    """wire_pos for a positive gradient, wire_neg for a negative one, wire_zero for zero or not a number."""
    if not isinstance(grad, float) or not math.isfinite(grad) or grad == 0:
        return colors["wire_zero"]
    return colors["wire_pos"] if grad > 0 else colors["wire_neg"]
