"""Backprop Playground's autograd engine: pure Python, numpy and networkx, never Qt."""

from .errors import EngineError, MathDomainError, ShapeError, UnknownOpError
from .value import Value

__all__ = ["EngineError", "MathDomainError", "ShapeError", "UnknownOpError", "Value"]
