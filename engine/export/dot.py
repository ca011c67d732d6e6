"""to_dot: Graphviz text in the lecture's draw_dot style (records of label | data | grad, small op nodes)."""

from __future__ import annotations

import numpy as np

from ..circuit.document import Circuit
from ..errors import EngineError

_SYMMETRIC = {"add", "mul", "max"}
_RECORD_SPECIALS = "\\{}|<>\""


def _record_text(text: str) -> str:
    """Escape the characters that structure a record label."""
    return "".join("\\" + ch if ch in _RECORD_SPECIALS else ch for ch in str(text)).replace("\n", " ")


def _quoted(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


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
        except (EngineError, ValueError, ArithmeticError):
            return {}, {}
    return dict(getattr(evaluator, "values", {}) or {}), dict(getattr(evaluator, "grads", {}) or {})


def to_dot(doc: Circuit, evaluator=None, title: str = "circuit") -> str:
    """Graphviz DOT text, left to right: every node a record, ops and blocks feed it through a small op node."""
    values, grads = _numbers(doc, evaluator)
    lines = [f"digraph {_quoted(title)} {{", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=11];']
    for node_id in doc.topological_order():
        node = doc.node(node_id)
        label = f"{{ {_record_text(node.label)} | data {_number(values.get(node_id))} | " \
                f"grad {_number(grads.get(node_id))} }}"
        lines.append(f"  {_quoted(node_id)} [shape=record, label={_quoted(label)}];")
        if node.kind in ("op", "neuron", "dense"):
            op_id = f"{node_id}_op"
            lines.append(f"  {_quoted(op_id)} [shape=ellipse, label={_quoted(node.symbol())}];")
            lines.append(f"  {_quoted(op_id)} -> {_quoted(node_id)};")
    for src, dst, port in sorted(doc.edges(), key=lambda e: (e[1], e[2])):
        node = doc.node(dst)
        target = f"{dst}_op" if node.kind in ("op", "neuron", "dense") else dst
        attrs = ""
        if node.kind == "op" and node.op not in _SYMMETRIC and len(node.input_ports()) > 1:
            attrs = f" [headlabel={_quoted(port)}]"
        lines.append(f"  {_quoted(src)} -> {_quoted(target)}{attrs};")
    lines.append("}")
    return "\n".join(lines) + "\n"
