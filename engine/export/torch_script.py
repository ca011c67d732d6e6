"""to_torch: a standalone PyTorch (float64) script that rebuilds a scalar circuit and backpropagates.

Each node is computed through `node(label, op, compute, **inputs)`: a result that is not a finite
number (log of a negative, division by zero, overflow, ...) stops the script with one line naming
the node and its inputs, never a traceback. Labels appear only as repr() literals.
"""

from __future__ import annotations

from .. import ops
from ..circuit.document import Circuit
from .common import ExportError, checked_op, infix_expr, neuron_terms, op_params, py_num, py_str, script

_HEADER = '''"""Circuit exported from Backprop Playground: forward and backward with PyTorch (float64)."""

import sys

import torch


def leaf(label, kind, x):
    """A float64 scalar that collects its gradient."""
    out = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    if not torch.isfinite(out):
        sys.exit(f"node {label!r} ({kind}): its value {x!r} is not a finite number")
    return out


def node(label, op, compute, **inputs):
    """compute() is the node's tensor; a value that is not a finite number stops here, naming the node."""
    try:
        out = compute()
    except (ArithmeticError, RuntimeError, ValueError) as exc:
        sys.exit(f"node {label!r} ({op}): {exc}")
    if not torch.isfinite(out):
        xs = ", ".join(f"{port} = {x.item()!r}" for port, x in inputs.items())
        sys.exit(f"node {label!r} ({op}): non-finite result {out.item()!r} from {xs}")
    out.retain_grad()
    return out

'''


def _op_expr(node, args: list[str]) -> str:
    """The registry's spelling of the op: its Python operator (Op.infix), else its PyTorch template (Op.torch)."""
    op = checked_op(node)
    params = op_params(node, op)
    expr = infix_expr(op, args, params)
    if expr is not None:
        return expr
    if op.torch:
        return op.torch.format(**dict(zip(op.inputs, args, strict=True)), **params)
    raise ExportError(f"node {str(node.label)[:60]!r}: op {op.name!r} has no PyTorch translation (Op.torch)")


def _neuron_expr(node, args: list[str]) -> str:
    w, b, act = neuron_terms(node, args)
    terms = "".join(f"{wi} * {a} + " for wi, a in zip(w, args, strict=True))
    z = f"{terms}{b}" if terms else f"torch.tensor({b}, dtype=torch.float64)"
    return z if act == "linear" else ops.get(act).torch.format(x=z)


def _node_expr(node, args: list[str]) -> str:
    label = py_str(node.label)
    if node.kind in ("input", "weight", "constant"):
        return f"leaf({label}, {py_str(node.kind)}, {py_num(node.value)})"
    if node.kind in ("op", "neuron"):
        expr = _op_expr(node, args) if node.kind == "op" else _neuron_expr(node, args)
        op = py_str(node.op if node.kind == "op" else "neuron")
        ports = "".join(f", {p}={a}" for p, a in zip(node.input_ports(), args, strict=True))
        return f"node({label}, {op}, lambda: {expr}{ports})"
    raise ExportError(f"node {str(node.label)[:60]!r} of kind {str(node.kind)[:20]!r} has no PyTorch equivalent here")


def to_torch(doc: Circuit) -> str:
    """The script's text: it prints one line per node, 'label<TAB>data<TAB>grad' (float64)."""
    return script(doc, _HEADER, _node_expr, "ArithmeticError, RuntimeError, ValueError",
                  ["    grad = 0.0 if v.grad is None else v.grad.item()",
                   '    print(f"{shown}\\t{v.item()!r}\\t{grad!r}")'])
