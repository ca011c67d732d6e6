"""Why a typed number is wrong, in words and numbers, in English and Brazilian Portuguese:

    ∂L/∂c is not 2: c reaches L through + and then × f, so it is 1 × f = -2

The text follows every path from the node to the circuit's output (a node used twice has two, and
their contributions add up), writing each hop's local derivative as the lecture does: 1 through +,
the other factor's name through ×, a number for any other op (tanh, exp, ...).
"""

from __future__ import annotations

import numpy as np

from .. import ops
from ..backends import S

MAX_PATHS = 6


def fmt(x) -> str:
    """-2, 6, 0.7071, -32757.52: whole numbers bare, large ones to two decimals, others to 4 digits."""
    x = float(x)
    if x != x:
        return "NaN"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    if abs(x) >= 1000:
        return f"{x:.2f}"
    return f"{x:.4g}"


def _signed(x) -> str:
    """A number as the right operand: -2 in brackets (4 × (-2))."""
    return f"({fmt(x)})" if x < 0 else fmt(x)


def _name(label: str) -> str:
    return label if label.isidentifier() else f"({label})"


def both(en: str, pt: str) -> dict[str, str]:
    """A text in the two languages of the app."""
    return {"en": en, "pt_BR": pt}


_both = both


def _scalar(v) -> float | None:
    if isinstance(v, np.ndarray):
        return float(v) if v.size == 1 else None
    return None if v is None else float(v)


class _Hop:
    """One wire on the way to the output: how it is written and its local derivative."""

    def __init__(self, doc, values, dst: str, port: str):
        node = doc.node(dst)
        self.skip = node.kind == "output"
        self.local, self.shown, self.factor = 1.0, "", "1"
        if self.skip:
            return
        if node.kind != "op":
            raise ValueError("a block")
        op = ops.get(node.op)
        ins = doc.inputs_of(dst)
        xs = [_scalar(values.get(ins[p])) for p in op.inputs]
        out = _scalar(values.get(dst))
        if out is None or any(x is None for x in xs):
            raise ValueError("not a number")
        i = op.inputs.index(port)
        local = op.local_grads(S, out, *xs, **{k: v for k, v in (node.params or {}).items()
                                               if k in op.defaults()})[i]
        self.local = float(local)
        other = doc.node(ins[op.inputs[1 - i]]).label if op.arity == 2 else None
        if op.name == "mul":
            self.shown, self.factor = f"× {_name(other)}", _name(other)
        elif op.name == "add":
            self.shown = "+"
        elif op.name == "sub":
            self.shown, self.factor = "−", ("1" if i == 0 else "(−1)")
        elif op.name == "neg":
            self.shown, self.factor = "−", "(−1)"
        elif op.name == "div" and i == 0:
            self.shown, self.factor = f"÷ {_name(other)}", f"1/{_name(other)}"
        else:
            self.shown, self.factor = op.name, fmt(self.local)


def _paths(doc, start: str, root: str) -> list[list[tuple[str, str]]]:
    """Every wire path (destination, port) from start to root, at most MAX_PATHS + 1 of them."""
    found: list[list[tuple[str, str]]] = []
    stack = [(start, [])]
    while stack and len(found) <= MAX_PATHS:
        node, path = stack.pop()
        if node == root:
            found.append(path)
            continue
        for dst, port in reversed(doc.consumers_of(node)):
            stack.append((dst, path + [(dst, port)]))
    return found


def _through(hops: list[_Hop], lang: str) -> str:
    shown = [h.shown for h in hops if not h.skip] or ["="]
    then = " and then " if lang == "en" else " e depois "
    first = "through " if lang == "en" else "por "
    if len(shown) == 1:
        return first + shown[0]
    comma = ", then " if lang == "en" else ", depois "
    return first + comma.join(shown[:-1]) + then + shown[-1]


def _product(hops: list[_Hop]) -> str:
    return " × ".join(h.factor for h in hops if not h.skip) or "1"


def explain_grad(doc, values, node_id: str, root_id: str, typed: float, true: float) -> dict[str, str]:
    """Why ∂root/∂node is `true`, not `typed`, in both languages."""
    label, root = doc.node(node_id).label, doc.node(root_id).label
    head_en = f"∂{root}/∂{label} is not {fmt(typed)}: "
    head_pt = f"∂{root}/∂{label} não é {fmt(typed)}: "
    if node_id == root_id:
        return _both(head_en + f"{label} is the output, and ∂{root}/∂{root} = 1 by definition",
                     head_pt + f"{label} é a saída, e ∂{root}/∂{root} = 1 por definição")
    paths = _paths(doc, node_id, root_id)
    if not paths:
        return _both(head_en + f"{label} does not reach {root}, so it is 0",
                     head_pt + f"{label} não chega a {root}, então é 0")
    try:
        hops = [[_Hop(doc, values, dst, port) for dst, port in path] for path in paths]
    except (ValueError, KeyError, TypeError):  # blocks, batches: no short symbolic story, only the number
        return _both(head_en + f"the engine gets {fmt(true)}", head_pt + f"o motor calcula {fmt(true)}")
    if len(paths) > MAX_PATHS:
        return _both(head_en + f"{label} reaches {root} by more than {MAX_PATHS} paths, which add up to {fmt(true)}",
                     head_pt + f"{label} chega a {root} por mais de {MAX_PATHS} caminhos, que somam {fmt(true)}")
    if len(paths) == 1:
        product = _product(hops[0])
        tail = f"{product} = {fmt(true)}" if product != fmt(true) else product
        return _both(head_en + f"{label} reaches {root} {_through(hops[0], 'en')}, so it is {tail}",
                     head_pt + f"{label} chega a {root} {_through(hops[0], 'pt')}, então é {tail}")
    values_each = [float(np.prod([h.local for h in path])) for path in hops]
    sums = " + ".join(_product(p) for p in hops)
    nums = " + ".join(_signed(v) for v in values_each)
    parts_en = " and ".join(f"{_through(p, 'en')} ({_product(p)})" for p in hops)
    parts_pt = " e ".join(f"{_through(p, 'pt')} ({_product(p)})" for p in hops)
    tail = f"{sums} = {nums} = {fmt(true)}" if sums != nums else f"{sums} = {fmt(true)}"
    n = len(paths)
    return _both(head_en + f"{label} reaches {root} by {n} paths and their contributions add up (+=): "
                 f"{parts_en}, so it is {tail}",
                 head_pt + f"{label} chega a {root} por {n} caminhos e as contribuições se somam (+=): "
                 f"{parts_pt}, então é {tail}")


def explain_value(doc, values, node_id: str, typed: float, true: float) -> dict[str, str]:
    """Why a node's value is `true`, not `typed`: the op written out with its inputs' numbers."""
    node = doc.node(node_id)
    head_en, head_pt = f"{node.label} is not {fmt(typed)}: ", f"{node.label} não é {fmt(typed)}: "
    if node.kind != "op":
        return _both(head_en + f"the circuit computes {fmt(true)}", head_pt + f"o circuito calcula {fmt(true)}")
    op = ops.get(node.op)
    ins = doc.inputs_of(node_id)
    names = [_name(doc.node(ins[p]).label) for p in op.inputs if p in ins]
    nums = [_scalar(values.get(ins[p])) for p in op.inputs if p in ins]
    if op.infix and len(names) == 2 and None not in nums:
        sym = {"*": "×", "-": "−", "/": "÷"}.get(op.infix, op.infix)
        formula = f"{names[0]} {sym} {names[1]} = {fmt(nums[0])} {sym} {_signed(nums[1])}"
    elif None not in nums:
        formula = f"{op.name}({', '.join(names)}) = {op.name}({', '.join(fmt(x) for x in nums)})"
    else:
        formula = f"{op.name}({', '.join(names)})"
    tail = f"{node.label} = {formula} = {fmt(true)}"
    return _both(head_en + tail, head_pt + tail)
