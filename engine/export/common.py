"""What the exporters share: safe identifiers and literals, the scalar walk, the repo path.

Everything in a circuit file is untrusted text. It reaches generated code only as
- a Python string literal made by repr() (`py_str`), or a float literal (`py_num`);
- an identifier made by `identifiers`: `[A-Za-z_][A-Za-z0-9_]*`, never a keyword, builtin or a
  name the script itself uses, deduplicated; anything else is rebuilt from its safe characters;
- an op name or activation checked against the registry (`checked_op`, `activation`).
"""

from __future__ import annotations

import builtins
import keyword
import math
import re
from collections.abc import Iterable
from pathlib import Path

from .. import ops
from ..circuit.document import Circuit, CircuitError
from ..circuit.nodes import ACTIVATIONS
from ..errors import EngineError

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# names the generated scripts use for themselves: no node variable may shadow them
SCRIPT_NAMES = {"Value", "OPS", "diagnose", "torch", "sys", "math", "np", "node", "leaf", "nodes", "label", "v", "t",
                "grad", "shown", "exc", "root"}
_RESERVED = SCRIPT_NAMES | set(keyword.kwlist) | set(keyword.softkwlist) | set(dir(builtins))


class ExportError(EngineError, ValueError):
    """A circuit this exporter cannot write; says which node and why."""


def is_identifier(name: str) -> bool:
    """A plain ASCII identifier that shadows nothing (the strict whitelist of generated names)."""
    return isinstance(name, str) and IDENTIFIER.fullmatch(name) is not None and name not in _RESERVED


def identifiers(texts: Iterable[tuple[str, object]], reserved: Iterable[str] = ()) -> dict[str, str]:
    """key -> a distinct safe identifier as close to its text as possible ('x1' stays, 'x1*w1' -> v_x1_w1)."""
    used = set(reserved)
    names: dict[str, str] = {}
    for key, text in texts:
        text = str(text)
        if is_identifier(text) and not text.startswith("_"):
            base = text
        else:
            base = "v_" + (re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_")[:40] or "n")
        name, i = base, 2
        while name in used:
            name, i = f"{base}_{i}", i + 1
        assert is_identifier(name), name  # by construction; never let anything else through
        used.add(name)
        names[key] = name
    return names


def variable_names(doc: Circuit) -> dict[str, str]:
    """A distinct Python identifier for every node, as close to its label as possible (x1, w1, L)."""
    return identifiers((node_id, doc.node(node_id).label) for node_id in doc.topological_order())


def py_str(text) -> str:
    """A Python string literal: repr() escapes quotes, backslashes and every non-printable character."""
    return repr(str(text))


def py_num(x, what: str = "a number") -> str:
    """A float literal that Python reads back exactly, inf and nan included."""
    try:
        x = float(x)
    except (TypeError, ValueError, OverflowError):
        raise ExportError(f"{what} is not a number: {str(x)[:40]!r}") from None
    return repr(x) if math.isfinite(x) else f"float({repr(x)!r})"


def checked_op(node) -> ops.Op:
    """The registry op of an op node, which must be a scalar op."""
    op = ops.OPS.get(node.op) if isinstance(node.op, str) else None
    if op is None or not op.scalar:
        raise ExportError(f"node {str(node.label)[:60]!r}: {str(node.op)[:40]!r} is not a scalar op of the registry")
    return op


def op_params(node, op: ops.Op) -> dict[str, str]:
    """The op's parameters (registry names, defaults filled in) as float literals."""
    given = node.params if isinstance(node.params, dict) else {}
    return {p.name: py_num(given.get(p.name, p.default), f"node {str(node.label)[:60]!r}: parameter {p.name}")
            for p in op.params}


def infix_expr(op: ops.Op, args: list[str], params: dict[str, str]) -> str | None:
    """The op written with its Python operator (Op.infix), the same for Value and torch: a + b, -x, and
    x ** k (a parameter is the right operand). None for ops without one."""
    if not op.infix:
        return None
    operands = [*args, *params.values()]
    return f"{op.infix}{operands[0]}" if len(operands) == 1 else f"{operands[0]} {op.infix} {operands[1]}"


def activation(node) -> str:
    """A neuron's activation, one of the known ones."""
    act = node.params.get("activation", "linear")
    if act not in ACTIVATIONS:
        raise ExportError(f"neuron {str(node.label)[:60]!r}: unknown activation {str(act)[:40]!r}; "
                          f"known: {', '.join(ACTIVATIONS)}")
    return act


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
        if node.kind == "op":
            checked_op(node)
        try:
            ports = node.input_ports()
        except (EngineError, TypeError, ValueError) as exc:
            raise ExportError(f"node {str(node.label)[:60]!r}: {exc}") from None
        wired = doc.inputs_of(node_id)
        missing = [p for p in ports if p not in wired]
        if missing:
            raise ExportError(f"node {str(node.label)[:60]!r} has unwired input port(s): {', '.join(missing)}")
        plan.append((node_id, node, [wired[p] for p in ports]))
    return plan


def script(doc: Circuit, header: str, node_expr, errors: str, report: list[str]) -> str:
    """A script's text: the header, `var = node_expr(node, args)` per node (outputs alias their input), the
    backward pass stopping with one line on `errors`, then a loop printing each node `v` with `report`."""
    plan, root, names = scalar_plan(doc), root_id(doc), variable_names(doc)
    lines = [header]
    for node_id, node, srcs in plan:
        var, args = names[node_id], [names[s] for s in srcs]
        lines.append(f"{var} = {args[0]}  # output" if node.kind == "output" else f"{var} = {node_expr(node, args)}")
    lines += ["", "try:", f"    {names[root]}.backward()", f"except ({errors}) as exc:",
              '    sys.exit(f"backward pass: {exc}")', "", "nodes = ["]
    lines += [f"    ({py_str(node.label)}, {names[node_id]})," for node_id, node, _ in plan]
    lines += ["]", "for label, v in nodes:", "    shown = label if label.isprintable() else ascii(label)", *report, ""]
    return "\n".join(lines)


def root_id(doc: Circuit) -> str:
    """The node whose gradient is 1: the output node, else the single sink (the Evaluator's rule)."""
    try:
        return doc.root().id
    except CircuitError as exc:
        raise ExportError(f"cannot export: {exc}") from None


def neuron_terms(node, srcs: list[str]) -> tuple[list[str], str, str]:
    """A neuron block's weights and bias (float literals) and activation, checked against its wired inputs."""
    what = f"neuron {str(node.label)[:60]!r}"
    w = node.params.get("w", [])
    if not isinstance(w, list) or len(w) != len(srcs):
        size = len(w) if isinstance(w, list) else "no list of"
        raise ExportError(f"{what} has {size} weights for {len(srcs)} inputs")
    return ([py_num(x, f"{what}: a weight") for x in w], py_num(node.params.get("b", 0.0), f"{what}: bias"),
            activation(node))
