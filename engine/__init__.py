"""Backprop Playground's autograd engine: pure Python, numpy and networkx, never Qt."""

from .errors import EngineError, MathDomainError, ShapeError, UnknownOpError
from .gradcheck import gradcheck, numeric_grad
from .optim import SGD, Adam, constant, linear_decay
from .tensor import Tensor
from .tensor_nn import MLP, Dense
from .value import Value


def draw_dot(root, dark: bool = False):
    """The lecture's draw_dot(root) without Graphviz: an SVG picture Jupyter shows inline (engine.draw)."""
    from .draw import draw_dot as draw

    return draw(root, dark=dark)


__all__ = ["Adam", "Dense", "EngineError", "MLP", "MathDomainError", "SGD", "ShapeError", "Tensor", "UnknownOpError",
           "Value", "constant", "draw_dot", "gradcheck", "linear_decay", "numeric_grad"]
