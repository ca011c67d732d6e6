"""Circuits: the document model, its compiled tapes, stepping, training and files."""

from .document import Circuit, CircuitError
from .nodes import KINDS, Node

__all__ = ["Circuit", "CircuitError", "KINDS", "Node"]
