"""Pictures of Value graphs without Graphviz or Qt: `draw_dot(L)` and Value's inline SVG in Jupyter."""

from .style import DARK, LIGHT, fmt_number, grad_color
from .svg import INLINE_LIMIT, Picture, backward_ran, draw_dot, graph_size

__all__ = ["DARK", "INLINE_LIMIT", "LIGHT", "Picture", "backward_ran", "draw_dot", "fmt_number", "grad_color",
           "graph_size"]
