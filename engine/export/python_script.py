"""to_python: a standalone script that rebuilds a scalar circuit with engine.Value and backpropagates."""

from __future__ import annotations

from ..circuit.document import Circuit
from .common import REPO_ROOT, ExportError, neuron_terms, py_str, root_id, scalar_plan, variable_names

_INFIX = {"add": "+", "sub": "-", "mul": "*", "div": "/", "pow": "**"}


def _op_expr(node, args: list[str]) -> str:
    op = node.op
    if op in _INFIX:
        return f"{args[0]} {_INFIX[op]} {args[1]}"
    if op == "neg":
        return f"-{args[0]}"
    if op == "powk":
        return f"{args[0]} ** {float(node.params.get('k', 2.0))!r}"
    if len(args) == 1:
        return f"{args[0]}.{op}()"
    rest = ", ".join(args[1:])
    return f"{args[0]}.apply({py_str(op)}, {rest})"


def _neuron_expr(node, args: list[str], names) -> str:
    w, b, act = neuron_terms(node, args, names)
    terms = " + ".join(f"Value({wi!r}) * {a}" for wi, a in zip(w, args, strict=True))
    total = f"({terms} + Value({b!r}))"
    return total if act == "linear" else f"{total}.{act}()"


def to_python(doc: Circuit) -> str:
    """The script's text: it prints one line per node, 'label<TAB>data<TAB>grad'."""
    plan = scalar_plan(doc)
    root = root_id(doc)
    names = variable_names(doc)
    lines = [
        '"""Circuit exported from Backprop Playground: forward and backward with engine.Value."""',
        "",
        "import sys",
        "",
        f"sys.path.insert(0, {py_str(REPO_ROOT)})",
        "",
        "from engine import Value  # noqa: E402",
        "",
    ]
    for node_id, node, srcs in plan:
        var, args = names[node_id], [names[s] for s in srcs]
        if node.kind in ("input", "weight", "constant"):
            lines.append(f"{var} = Value({float(node.value)!r}, label={py_str(node.label)})  # {node.kind}")
            continue
        if node.kind == "output":
            lines.append(f"{var} = {args[0]}  # output")
            continue
        if node.kind == "op":
            expr = _op_expr(node, args)
        elif node.kind == "neuron":
            expr = _neuron_expr(node, args, names)
        else:
            raise ExportError(f"node {node.label!r} of kind {node.kind!r} has no Value equivalent")
        lines.append(f"{var} = {expr}")
        lines.append(f"{var}.label = {py_str(node.label)}")
    lines += ["", f"{names[root]}.backward()", "", "nodes = ["]
    lines += [f"    ({py_str(node.label)}, {names[node_id]})," for node_id, node, _ in plan]
    lines += ["]", "for label, v in nodes:", '    print(f"{label}\\t{v.data!r}\\t{v.grad!r}")', ""]
    return "\n".join(lines)
