"""to_dot: Graphviz text in the lecture's draw_dot style (records of label | data | grad, small op nodes).

Labels and other file text only appear inside DOT quoted strings, escaped for the DOT lexer and, in
record labels, for the record parser; control characters and line separators become spaces, lone
surrogates U+FFFD. Node ids in the DOT text are generated identifiers, not the file's ids.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from ..circuit.document import Circuit
from ..errors import EngineError
from .common import identifiers

_SYMMETRIC = {"add", "mul", "max"}
_RECORD_SPECIALS = "{}|<>"


def _clean(text) -> str:
    """The text with no character that could end a line or fail to encode."""
    out = []
    for ch in str(text):
        cat = unicodedata.category(ch)
        out.append("\ufffd" if cat == "Cs" else " " if cat in ("Cc", "Zl", "Zp") else ch)
    return "".join(out)


def dot_string(text) -> str:
    """A DOT quoted string: backslash and double quote escaped (escString reads \\\\ back as one backslash)."""
    return '"' + _clean(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def record_label(*fields) -> str:
    """A record label '{ a | b | c }' as a DOT quoted string. Both layers are escaped at once: the DOT lexer
    keeps \\\\ and \\{ as they are and turns \\" into ", then the record parser reads \\{ as a literal brace
    and \\\\ as one backslash."""
    def field(text):
        return "".join("\\" + ch if ch in _RECORD_SPECIALS or ch == "\\" else '\\"' if ch == '"' else ch
                       for ch in _clean(text))
    return '"{ ' + " | ".join(field(f) for f in fields) + ' }"'


def _number(x) -> str:
    """A value as draw_dot shows it (%.4f); arrays show their batch mean."""
    if x is None:
        return "?"
    arr = np.asarray(x, dtype=np.float64)
    if arr.ndim == 0:
        return f"{float(arr):.4f}"
    shape = "x".join(str(s) for s in arr.shape)
    return f"mean {float(arr.mean()):.4f} [{shape}]" if arr.size else f"[{shape}]"


def _numbers(doc: Circuit, evaluator):
    """(values, grads) dicts: the given evaluator's, or a fresh run's, or empty when it cannot run."""
    if evaluator is None:
        try:
            from ..circuit.evaluate import Evaluator

            evaluator = Evaluator(doc)
            evaluator.run()
        except (EngineError, ValueError, ArithmeticError, TypeError):
            return {}, {}
    return dict(getattr(evaluator, "values", {}) or {}), dict(getattr(evaluator, "grads", {}) or {})


def _symbol(node) -> str:
    try:
        return node.symbol()
    except (EngineError, KeyError, ValueError, TypeError, IndexError):
        return str(node.op if node.kind == "op" else node.kind)


def _ports(node) -> tuple:
    try:
        return node.input_ports()
    except (EngineError, KeyError, ValueError, TypeError):
        return ()


def to_dot(doc: Circuit, evaluator=None, title: str = "circuit") -> str:
    """Graphviz DOT text, left to right: every node a record, ops and blocks feed it through a small op node."""
    values, grads = _numbers(doc, evaluator)
    order = doc.topological_order()
    has_op = [nid for nid in order if doc.node(nid).kind in ("op", "neuron", "dense")]
    ids = identifiers([(nid, nid) for nid in order] + [((nid, "op"), f"{nid}_op") for nid in has_op])
    q = {key: dot_string(name) for key, name in ids.items()}
    lines = [f"digraph {dot_string(title)} {{", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=11];']
    for node_id in order:
        node = doc.node(node_id)
        label = record_label(node.label, f"data {_number(values.get(node_id))}", f"grad {_number(grads.get(node_id))}")
        lines.append(f"  {q[node_id]} [shape=record, label={label}];")
        if node.kind in ("op", "neuron", "dense"):
            lines.append(f"  {q[node_id, 'op']} [shape=ellipse, label={dot_string(_symbol(node))}];")
            lines.append(f"  {q[node_id, 'op']} -> {q[node_id]};")
    for src, dst, port in sorted(doc.edges(), key=lambda e: (str(e[1]), str(e[2]))):
        node = doc.node(dst)
        target = q[dst, "op"] if node.kind in ("op", "neuron", "dense") else q[dst]
        attrs = ""
        if node.kind == "op" and node.op not in _SYMMETRIC and len(_ports(node)) > 1:
            attrs = f" [headlabel={dot_string(port)}]"
        lines.append(f"  {q[src]} -> {target}{attrs};")
    lines.append("}")
    return "\n".join(lines) + "\n"
