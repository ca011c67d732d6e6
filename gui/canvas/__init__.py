"""The circuit canvas: scene, items and view."""

from .scene import CircuitScene
from .view import CanvasView

__all__ = ["CircuitScene", "CanvasView"]
