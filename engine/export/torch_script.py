"""to_torch: a standalone PyTorch (float64) script that rebuilds a scalar circuit and backpropagates."""

from __future__ import annotations

from ..circuit.document import Circuit
from .common import ExportError, neuron_terms, py_str, root_id, scalar_plan, variable_names

_INFIX = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
_FUNCS = {"exp": "torch.exp", "log": "torch.log", "sin": "torch.sin", "cos": "torch.cos", "abs": "torch.abs",
          "tanh": "torch.tanh", "sigmoid": "torch.sigmoid", "relu": "torch.relu"}
_ACTS = {"tanh": "torch.tanh({})", "relu": "torch.relu({})", "sigmoid": "torch.sigmoid({})", "linear": "{}"}


def _op_expr(node, args: list[str]) -> str:
    op = node.op
    if op in _INFIX:
        return f"{args[0]} {_INFIX[op]} {args[1]}"
    if op in _FUNCS:
        return f"{_FUNCS[op]}({args[0]})"
    if op == "neg":
        return f"-{args[0]}"
    if op == "square":
        return f"{args[0]} * {args[0]}"
    if op == "powk":
        return f"{args[0]} ** {float(node.params.get('k', 2.0))!r}"
    if op == "pow":
        return f"torch.pow({args[0]}, {args[1]})"
    if op == "max":  # the registry routes the gradient to a on ties; torch.maximum would split it
        return f"torch.where({args[0]} >= {args[1]}, {args[0]}, {args[1]})"
    raise ExportError(f"node {node.label!r}: op {op!r} has no PyTorch translation here")


def _neuron_expr(node, args: list[str], names) -> str:
    w, b, act = neuron_terms(node, args, names)
    terms = " + ".join(f"{wi!r} * {a}" for wi, a in zip(w, args, strict=True))
    return _ACTS.get(act, "{}").format(f"{terms} + {b!r}")


def to_torch(doc: Circuit) -> str:
    """The script's text: it prints one line per node, 'label<TAB>data<TAB>grad' (float64)."""
    plan = scalar_plan(doc)
    root = root_id(doc)
    names = variable_names(doc)
    lines = [
        '"""Circuit exported from Backprop Playground: forward and backward with PyTorch (float64)."""',
        "",
        "import torch",
        "",
        "",
        "def leaf(x):",
        '    """A float64 scalar that collects its gradient."""',
        "    return torch.tensor(x, dtype=torch.float64, requires_grad=True)",
        "",
        "",
    ]
    for node_id, node, srcs in plan:
        var, args = names[node_id], [names[s] for s in srcs]
        if node.kind in ("input", "weight", "constant"):
            lines.append(f"{var} = leaf({float(node.value)!r})  # {node.kind} {node.label}")
        elif node.kind == "output":
            lines.append(f"{var} = {args[0]}  # output")
        elif node.kind in ("op", "neuron"):
            if node.kind == "op" and node.op not in {"add", "sub", "mul", "div", "neg", "square", "powk", "pow", "max",
                                                     *_FUNCS}:
                raise ExportError(f"node {node.label!r}: op {node.op!r} has no PyTorch translation here")
            expr = _op_expr(node, args) if node.kind == "op" else _neuron_expr(node, args, names)
            lines.append(f"{var} = {expr}")
            lines.append(f"{var}.retain_grad()")
        else:
            raise ExportError(f"node {node.label!r} of kind {node.kind!r} has no PyTorch equivalent here")
    lines += ["", f"{names[root]}.backward()", "", "nodes = ["]
    lines += [f"    ({py_str(node.label)}, {names[node_id]})," for node_id, node, _ in plan]
    lines += [
        "]",
        "for label, t in nodes:",
        "    grad = 0.0 if t.grad is None else t.grad.item()",
        '    print(f"{label}\\t{t.item()!r}\\t{grad!r}")',
        "",
    ]
    return "\n".join(lines)
