"""to_python: a standalone script that rebuilds a scalar circuit with engine.Value and backpropagates.

Each node is computed through `node(label, op, compute, *inputs)`: a numeric fault (log of a negative,
division by zero, overflow, ...) stops the script with one line naming the node and the app's diagnosis,
never a traceback. Labels appear only as repr() literals, variables only as whitelisted identifiers.
"""

from __future__ import annotations

from ..circuit.document import Circuit
from ..value import Value
from .common import REPO_ROOT, ExportError, checked_op, infix_expr, neuron_terms, op_params, py_num, py_str, script

_HEADER = '''"""Circuit exported from Backprop Playground: forward and backward with engine.Value."""

import math
import sys

sys.path.insert(0, {root})

from engine import Value  # noqa: E402
from engine.ops import OPS, diagnose  # noqa: E402


def node(label, op, compute, *inputs, **params):
    """compute() is the node's Value; a value that is not a finite number stops here, naming the node."""
    try:
        out = compute()
        reason = None if math.isfinite(out.data) else "non-finite result"
    except (ArithmeticError, ValueError) as exc:
        out, reason = None, str(exc)
    if reason is not None:
        xs = [x.data for x in inputs]
        if op in OPS and all(math.isfinite(x) for x in xs):
            reason = diagnose(OPS[op], xs, params)
        elif not inputs and out is not None:
            reason = f"its value {{out.data!r}} is not a finite number"
        sys.exit(f"node {{label!r}} ({{op}}): {{reason}}")
    out.label = label
    return out

'''


def _op_expr(node, args: list[str]) -> tuple[str, str]:
    """(expression, extra arguments of node(): the op's parameters)."""
    op = checked_op(node)
    params = op_params(node, op)
    extra = "".join(f", {k}={v}" for k, v in params.items())
    expr = infix_expr(op, args, params)
    if expr is not None:
        return expr, extra
    if len(args) == 1 and not params and op.name.isidentifier() and hasattr(Value, op.name):
        return f"{args[0]}.{op.name}()", extra
    rest = "".join(f", {a}" for a in args[1:])
    return f"{args[0]}.apply({py_str(op.name)}{rest}{extra})", extra


def _neuron_expr(node, args: list[str]) -> str:
    w, b, act = neuron_terms(node, args)
    terms = " + ".join(f"Value({wi}) * {a}" for wi, a in zip(w, args, strict=True))
    total = f"({terms} + Value({b}))" if terms else f"Value({b})"
    return total if act == "linear" else f"{total}.{act}()"


def _node_expr(node, args: list[str]) -> str:
    label, inputs = py_str(node.label), "".join(f", {a}" for a in args)
    if node.kind in ("input", "weight", "constant"):
        return f"node({label}, {py_str(node.kind)}, lambda: Value({py_num(node.value)}))"
    if node.kind == "op":
        expr, extra = _op_expr(node, args)
        return f"node({label}, {py_str(node.op)}, lambda: {expr}{inputs}{extra})"
    if node.kind == "neuron":
        return f"node({label}, 'neuron', lambda: {_neuron_expr(node, args)}{inputs})"
    raise ExportError(f"node {str(node.label)[:60]!r} of kind {str(node.kind)[:20]!r} has no Value equivalent")


def to_python(doc: Circuit) -> str:
    """The script's text: it prints one line per node, 'label<TAB>data<TAB>grad'."""
    return script(doc, _HEADER.format(root=py_str(REPO_ROOT)), _node_expr, "ArithmeticError, ValueError",
                  ['    print(f"{shown}\\t{v.data!r}\\t{v.grad!r}")'])
