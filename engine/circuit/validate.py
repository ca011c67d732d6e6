"""Problems of a document that the editor allows but evaluation or training cannot use."""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import networkx as nx

from .document import Circuit
from .nodes import ACTIVATIONS


@dataclass(frozen=True)
class Problem:
    """One finding: severity 'error' (cannot evaluate) or 'warning', the node concerned, what is wrong."""

    severity: str
    node_id: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


def validate(doc: Circuit) -> list[Problem]:
    """Every problem of the document, errors first, in a stable order."""
    problems: list[Problem] = []
    order = doc.topological_order()
    if not order:
        return [Problem("warning", None, "the circuit is empty")]
    for node_id in order:
        node = doc.node(node_id)
        wired = doc.inputs_of(node_id)
        for port in node.input_ports():
            if port not in wired:
                problems.append(Problem("error", node_id, f"{node.label!r} port {port} has no wire"))
        problems.extend(_block_problems(node))
        if node.kind == "data" and doc.dataset is None:
            problems.append(Problem("error", node_id, f"data node {node.label!r} reads column "
                                    f"{node.params.get('column')!r} but the circuit has no dataset"))
    problems.extend(_root_problems(doc))
    problems.extend(_island_problems(doc, order))
    problems.extend(_dataset_problems(doc))
    return sorted(problems, key=lambda p: p.severity != "error")


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the errors (what stops evaluation)."""
    return [p for p in problems if p.severity == "error"]


def _root_problems(doc: Circuit) -> list[Problem]:
    outputs = doc.outputs()
    if not outputs:
        return [Problem("error", None, "the circuit has no output: add an output node or an op whose result "
                        "nothing else uses")]
    marked = [n for n in outputs if n.kind == "output"]
    if not marked and len(outputs) > 1:
        names = ", ".join(repr(n.label) for n in outputs[:5])
        return [Problem("warning", outputs[0].id, f"several results nothing uses ({names}); "
                        "add an output node to choose the root")]
    if len(marked) > 1:
        names = ", ".join(repr(n.label) for n in marked[:5])
        return [Problem("warning", marked[1].id, f"{len(marked)} output nodes ({names}); the first is the root")]
    return []


def _island_problems(doc: Circuit, order: list[str]) -> list[Problem]:
    """Groups of nodes not connected to the root's part of the circuit."""
    rank = {n: i for i, n in enumerate(order)}
    parts = [sorted(c, key=rank.__getitem__) for c in nx.weakly_connected_components(doc.graph)]
    if len(parts) < 2:
        return []
    outputs = doc.outputs()
    root = outputs[0].id if outputs else order[-1]
    problems = []
    for part in sorted(parts, key=lambda c: rank[c[0]]):
        if root in part:
            continue
        labels = [doc.node(n).label for n in part]
        shown = ", ".join(repr(x) for x in labels[:4]) + (f" and {len(labels) - 4} more" if len(labels) > 4 else "")
        what = "node" if len(labels) == 1 else "nodes"
        problems.append(Problem("warning", part[0], f"{what} {shown} not connected to the rest of the circuit"))
    return problems


def _block_problems(node) -> list[Problem]:
    """Neuron and dense parameters whose sizes disagree."""
    p, out = node.params, []

    def bad(msg):
        out.append(Problem("error", node.id, f"{node.kind} {node.label!r}: {msg}"))

    if node.kind not in ("neuron", "dense"):
        return out
    if p.get("activation") not in ACTIVATIONS:
        bad(f"unknown activation {p.get('activation')!r}; use one of {', '.join(ACTIVATIONS)}")
    if node.kind == "neuron":
        n, w = p.get("n"), p.get("w")
        if not _count(n):
            bad(f"n must be a whole number >= 1, got {n!r}")
        elif not _vector(w, n):
            bad(f"w must hold n = {n} numbers, got {_size(w)}")
        if not _number(p.get("b")):
            bad(f"b must be a number, got {p.get('b')!r}")
    else:
        nin, nout, w, b = p.get("nin"), p.get("nout"), p.get("W"), p.get("b")
        if not (_count(nin) and _count(nout)):
            bad(f"nin and nout must be whole numbers >= 1, got {nin!r} and {nout!r}")
        else:
            rows = w.tolist() if hasattr(w, "tolist") else w
            if not (isinstance(rows, list) and len(rows) == nout and all(_vector(r, nin) for r in rows)):
                bad(f"W must be nout x nin = {nout} x {nin}, got {_size(w)}")
            if not _vector(b, nout):
                bad(f"b must hold nout = {nout} numbers, got {_size(b)}")
    return out


def _dataset_problems(doc: Circuit) -> list[Problem]:
    if doc.dataset is None:
        return []
    try:
        from ..datasets import DATASETS
    except ImportError:  # datasets not available: nothing to check against
        return []
    name = doc.dataset.get("name")
    if name not in DATASETS and name != "csv":
        return [Problem("error", None, f"unknown dataset {name!r}; known: {', '.join(sorted(DATASETS))}")]
    return []


def _number(x) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def _count(x) -> bool:
    return _number(x) and x == int(x) and x >= 1


def _vector(v, n) -> bool:
    v = v.tolist() if hasattr(v, "tolist") else v
    return isinstance(v, list | tuple) and len(v) == n and all(_number(x) for x in v)


def _size(v) -> str:
    v = v.tolist() if hasattr(v, "tolist") else v
    if isinstance(v, list | tuple):
        if v and all(isinstance(r, list | tuple) for r in v):
            widths = sorted({len(r) for r in v})
            return f"{len(v)} x {widths[0] if len(widths) == 1 else widths}"
        return f"{len(v)} values"
    return repr(v)
