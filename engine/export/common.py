"""What the exporters share: variable names from labels, the scalar walk, the repo path."""

from __future__ import annotations

import builtins
import keyword
import re
from pathlib import Path

from ..circuit.document import Circuit
from ..errors import EngineError

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT_NAMES = {"Value", "torch", "sys", "math", "nodes", "leaf", "np"}


class ExportError(EngineError, ValueError):
    """A circuit this exporter cannot write; says which node and why."""


def variable_names(doc: Circuit) -> dict[str, str]:
    """A distinct Python identifier for every node, as close to its label as possible (x1, w1, L)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for node_id in doc.topological_order():
        label = doc.node(node_id).label
        base = re.sub(r"\W", "_", label, flags=re.ASCII).strip("_") or "n"
        if base[0].isdigit() or label != base:
            base = f"v_{base}"
        if keyword.iskeyword(base) or base in SCRIPT_NAMES or hasattr(builtins, base):
            base = f"{base}_"
        name, i = base, 2
        while name in used:
            name, i = f"{base}_{i}", i + 1
        used.add(name)
        names[node_id] = name
    return names


def scalar_plan(doc: Circuit) -> list[tuple[str, object, list[str]]]:
    """(node id, node, ordered source ids) in topological order; refuses what scalar scripts cannot do."""
    if doc.dataset or any(n.kind in ("data", "dense") for n in doc.nodes()):
        raise ExportError("this circuit runs on a dataset (data or dense nodes); Python/torch scripts are "
                          "written for scalar circuits only — export it to DOT, or use `run` for its numbers")
    if not doc.nodes():
        raise ExportError("the circuit is empty")
    plan = []
    for node_id in doc.topological_order():
        node = doc.node(node_id)
        wired = doc.inputs_of(node_id)
        missing = [p for p in node.input_ports() if p not in wired]
        if missing:
            raise ExportError(f"node {node.label!r} has unwired input port(s): {', '.join(missing)}")
        plan.append((node_id, node, [wired[p] for p in node.input_ports()]))
    return plan


def root_id(doc: Circuit) -> str:
    """The node whose gradient is 1: the output node, else the single sink (the Evaluator's rule)."""
    outs = doc.outputs()
    if len(outs) != 1:
        what = "no output node and no sink" if not outs else "several outputs: " + ", ".join(n.label for n in outs)
        raise ExportError(f"cannot tell the circuit's root ({what}); add one output node")
    return outs[0].id


def neuron_terms(node, srcs: list[str], names: dict[str, str]) -> tuple[list[float], float, str]:
    """A neuron block's weights, bias and activation, checked against its wired inputs."""
    w = [float(x) for x in node.params.get("w", [])]
    if len(w) != len(srcs):
        raise ExportError(f"neuron {node.label!r} has {len(w)} weights for {len(srcs)} inputs")
    act = node.params.get("activation", "linear")
    return w, float(node.params.get("b", 0.0)), act


def py_str(text: str) -> str:
    """A Python string literal."""
    return repr(str(text))
