"""The lecture's draw_dot without Graphviz: a Value graph as an SVG picture, laid out by the app.

Every value is a card like the canvas's: label and op symbol in the header, data and grad rows
below; cards and wires are coloured by the sign of the gradient. Positions come from the app's
layered layout (engine/circuit/layout.py). Pure Python: no Graphviz binary, no Qt.
"""

from __future__ import annotations

import html
import re

import networkx as nx

from ..circuit.layout import layered_layout
from ..value import Value, topological_order
from .style import DARK, LIGHT, fmt_number, grad_color

WIDTH, HEADER, ROW, PAD, RADIUS = 136, 24, 18, 5, 7  # the canvas card (gui/canvas/node_item.py)
HEIGHT = HEADER + 2 * PAD + 2 * ROW
MARGIN = 16.0
NOTE_HEIGHT = 34.0
SANS = "DejaVu Sans, Helvetica, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def esc(text) -> str:
    """Text safe inside an XML element or a double-quoted attribute."""
    return html.escape(_NOT_XML.sub("?", str(text)), quote=True)


def _parents(v) -> tuple:
    """A value's ordered inputs: engine Values keep them in order; micrograd keeps a set."""
    if isinstance(v, Value):
        return v._parents
    return tuple(sorted(getattr(v, "_prev", ()), key=id))


def _label(v) -> str:
    label = getattr(v, "label", "")
    return label if isinstance(label, str) else str(label)


def _number(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


class _Layered:
    """What layered_layout reads from a document: a networkx graph and an ordering key."""

    def __init__(self, graph):
        self.graph = graph
        self._order_key = int


class Picture:
    """An SVG picture that Jupyter shows inline; `.svg` is the text, `.save(path)` writes it."""

    def __init__(self, svg: str, width: float, height: float, nodes: int):
        self.svg, self.width, self.height, self.nodes = svg, width, height, nodes

    def _repr_svg_(self) -> str:
        return self.svg

    def _repr_html_(self) -> str:
        """The SVG at its natural size in a scrolling box, so big graphs stay readable."""
        return f'<div style="max-width:100%;max-height:640px;overflow:auto">{self.svg}</div>'

    def save(self, path) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.svg)

    def __str__(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"<Picture: {self.nodes} nodes, {self.width:.0f}x{self.height:.0f} px SVG>"


def backward_ran(root, nodes=None) -> bool:
    """True once backward() ran on the root (it marks it) or, for a part of a bigger graph, any grad is non-zero."""
    if getattr(root, "_backed", False):
        return True
    nodes = topological_order(root, _parents) if nodes is None else nodes
    return any(getattr(v, "grad", 0.0) != 0 for v in nodes)


def draw_dot(root, dark: bool = False) -> Picture:
    """The picture of everything `root` depends on (an engine Value or a micrograd Value)."""
    colors = DARK if dark else LIGHT
    nodes = topological_order(root, _parents)
    index = {id(v): i for i, v in enumerate(nodes)}
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(range(len(nodes)))
    wires = []  # (source index, target index, port, port count)
    for i, v in enumerate(nodes):
        parents = _parents(v)
        for port, p in enumerate(parents):
            graph.add_edge(index[id(p)], i)
            wires.append((index[id(p)], i, port, len(parents)))
    pos = layered_layout(_Layered(graph))
    note = None if backward_ran(root, nodes) else _note(root)
    top = MARGIN + (NOTE_HEIGHT + 8 if note else 0)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    width = max(xs) - min(xs) + WIDTH + 2 * MARGIN
    height = max(ys) - min(ys) + HEIGHT + top + MARGIN
    x0, y0 = MARGIN - min(xs), top - min(ys)
    at = {i: (x + x0, y + y0) for i, (x, y) in pos.items()}
    if note:
        width = max(width, 6.9 * len(note) + 2 * MARGIN + 24)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{SANS}">',
           f'<rect width="{width:.0f}" height="{height:.0f}" fill="{colors["canvas_bg"]}"/>']
    if note:
        out.append(_note_svg(note, colors))
    out.append('<g fill="none" stroke-width="1.8">')
    for src, dst, port, ports in wires:
        out.append(_wire(at[src], at[dst], port, ports, grad_color(colors, _number(nodes[src].grad))))
    out.append("</g>")
    for i, v in enumerate(nodes):
        out.append(_card(v, at[i], colors, root=v is root))
    out.append("</svg>")
    return Picture("\n".join(out), width, height, len(nodes))


def _note(root) -> str:
    name = _label(root) or "the output"
    return f"backward() has not run yet: every grad is 0 until you call {name}.backward()"


def _note_svg(note: str, colors) -> str:
    w = 6.9 * len(note) + 24
    return (f'<g class="note"><rect x="{MARGIN}" y="{MARGIN}" width="{w:.0f}" height="{NOTE_HEIGHT}" rx="6" '
            f'fill="{colors["node_error_bg"]}" stroke="{colors["hl_current"]}" stroke-width="1.5"/>'
            f'<text x="{MARGIN + 12}" y="{MARGIN + 22}" font-size="13" fill="{colors["node_text"]}">'
            f'{esc(note)}</text></g>')


def port_y(port: int, ports: int) -> float:
    """Height of input port `port` of `ports` on a card's left edge (evenly spread below the header)."""
    return HEADER + (HEIGHT - HEADER) * (port + 1) / (ports + 1)


def _wire(src, dst, port, ports, color) -> str:
    sx, sy = src[0] + WIDTH, src[1] + HEIGHT / 2
    ex, ey = dst[0], dst[1] + port_y(port, ports)
    dx = max(40.0, (ex - sx) / 2)
    return (f'<path d="M{sx:.1f},{sy:.1f} C{sx + dx:.1f},{sy:.1f} {ex - dx:.1f},{ey:.1f} {ex:.1f},{ey:.1f}" '
            f'stroke="{color}"/>')


def _fit(text: str, width: float, size: float) -> str:
    """Text cut with an ellipsis to about `width` pixels at font size `size` (no font metrics here)."""
    per_char = 0.62 * size
    if len(text) * per_char <= width:
        return text
    keep = max(1, int(width / per_char) - 1)
    return text[:keep] + "…"


def _card(v, at, colors, root: bool) -> str:
    x, y = at
    label, symbol = _label(v), str(getattr(v, "_op", "") or "")
    data, grad = _number(v.data), _number(v.grad)
    kind = "op" if symbol else "input"
    if root:
        kind = "output" if symbol else kind
    sign = grad_color(colors, grad)
    sym_w = min(WIDTH * 0.45, 8.0 * len(symbol) + 2)
    label_w = WIDTH - 16 - sym_w - 6
    size = 13 if len(label) * 0.62 * 13 <= label_w else 11
    rows_y = HEADER + PAD + ROW // 2 + 4
    text, muted = colors["node_text"], colors["node_muted"]
    tip = f"{label or symbol or 'value'}: data {v.data!r}, grad {v.grad!r}"
    zero = sign == colors["wire_zero"]
    return (f'<g class="node" transform="translate({x:.1f},{y:.1f})"><title>{esc(tip)}</title>'
            f'<rect width="{WIDTH}" height="{HEIGHT}" rx="{RADIUS}" fill="{colors["node_bg"]}"/>'
            f'<path d="{_HEADER_PATH}" fill="{colors[f"header_{kind}"]}"/>'
            f'<path d="M0,{HEADER}H{WIDTH}" stroke="{colors["node_border"]}"/>'
            f'<rect class="sign" width="{WIDTH}" height="{HEIGHT}" rx="{RADIUS}" fill="none" stroke="{sign}" '
            f'stroke-width="{1 if zero else 2}"/>'
            f'<g fill="{text}" font-size="13"><text class="label" x="8" y="16.5" font-size="{size}" font-weight="bold">'
            f'{esc(_fit(label, label_w, size))}</text>'
            f'<text class="op" x="{WIDTH - 8}" y="16.5" text-anchor="end">{esc(_fit(symbol, sym_w, 13))}</text></g>'
            f'<g font-size="11" fill="{muted}"><text x="12" y="{rows_y}">data</text>'
            f'<text x="12" y="{rows_y + ROW}">grad</text></g>'
            f'<g font-size="12" font-family="{MONO}" text-anchor="end">'
            f'<text class="data" x="{WIDTH - 10}" y="{rows_y}" fill="{text}">{esc(fmt_number(data))}</text>'
            f'<text class="grad" x="{WIDTH - 10}" y="{rows_y + ROW}" fill="{muted if zero else sign}">'
            f'{esc(fmt_number(grad))}</text></g>'
            f'<circle cx="{WIDTH}" cy="{HEIGHT // 2}" r="3.5" fill="{colors["port_fill"]}" '
            f'stroke="{colors["port_border"]}"/></g>')


_HEADER_PATH = (f"M0,{HEADER}V{RADIUS}A{RADIUS},{RADIUS} 0 0 1 {RADIUS},0H{WIDTH - RADIUS}"
                f"A{RADIUS},{RADIUS} 0 0 1 {WIDTH},{RADIUS}V{HEADER}Z")


INLINE_LIMIT = 1000  # a Value bigger than this shows its plain repr in Jupyter (draw_dot still draws it)


def graph_size(root, stop: int) -> int:
    """How many values the root depends on, counting no further than `stop`."""
    seen, stack = {id(root)}, [root]
    while stack and len(seen) < stop:
        for p in _parents(stack.pop()):
            if id(p) not in seen:
                seen.add(id(p))
                stack.append(p)
    return min(len(seen), stop)
