"""Exporters: Graphviz DOT (draw_dot style), a runnable engine.Value script and a PyTorch script."""

from .common import ExportError
from .dot import to_dot
from .python_script import to_python
from .torch_script import to_torch

FORMATS = {"dot": to_dot, "python": to_python, "torch": to_torch}

__all__ = ["FORMATS", "ExportError", "to_dot", "to_python", "to_torch"]
