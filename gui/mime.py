"""Drag-and-drop payload of a palette entry: JSON {"kind", "op"} under our own MIME type."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from engine.circuit.nodes import KINDS

MIME = "application/x-bpp-node"


def encode(entry) -> QMimeData:
    """Mime data for dragging a palette entry (anything with .kind and .op)."""
    data = QMimeData()
    data.setData(MIME, json.dumps({"kind": entry.kind, "op": entry.op}).encode("utf-8"))
    data.setText(entry.op or entry.kind)
    return data


def decode(mime) -> tuple[str, str | None] | None:
    """(kind, op) from mime data, or None when it is not a valid palette payload."""
    if mime is None or not mime.hasFormat(MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME)).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict):
        return None
    kind, op = payload.get("kind"), payload.get("op")
    if kind not in KINDS or not (op is None or isinstance(op, str)):
        return None
    return kind, op
