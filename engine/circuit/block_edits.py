"""Expanding a neuron block into scalar nodes and folding them back, as undoable Macros.

Kept apart from blocks.py (the blocks' maths), which node kinds import: these edits need the
commands and the document, which import the node kinds in turn.
"""

from __future__ import annotations

from .commands import AddNode, Connect, Macro, RemoveNode
from .document import CircuitError


def expand_commands(doc, node_id: str):
    """A Macro replacing a neuron block by its scalar nodes: weights, products, sums, activation."""
    node = doc.node(node_id)
    if node.kind != "neuron":
        raise CircuitError(f"{node.label!r} is a {node.kind} node; only neuron blocks expand into scalar nodes")
    p, (x0, y0) = node.params, node.pos
    sources = doc.inputs_of(node_id)
    consumers = doc.consumers_of(node_id)
    cmds, taken = [RemoveNode(node_id)], {n.label for n in doc.nodes()} - {node.label}

    def add(kind, op=None, label=None, value=0.0, dx=0.0, dy=0.0):
        base = label or op or kind
        name, k = base, 2
        while name in taken:
            name, k = f"{base}{k}", k + 1
        taken.add(name)
        new = doc.make_node(kind, op, label=name, value=value, pos=(x0 + dx, y0 + dy))
        cmds.append(AddNode(new))
        return new.id

    acc = None
    for k, w in enumerate(p["w"]):
        wid = add("weight", label=f"{node.label}.w{k + 1}", value=w, dx=-180, dy=90 * k + 45)
        mul = add("op", "mul", dy=90 * k)
        src = sources.get(f"x{k + 1}")
        if src is not None:
            cmds.append(Connect(src, mul, "a"))
        cmds.append(Connect(wid, mul, "b"))
        if acc is None:
            acc = mul
        else:
            total = add("op", "add", dx=180, dy=90 * k)
            cmds += [Connect(acc, total, "a"), Connect(mul, total, "b")]
            acc = total
    linear = p["activation"] == "linear"
    bias = add("weight", label=f"{node.label}.b", value=p["b"], dx=180, dy=90 * len(p["w"]))
    final = add("op", "add", label=node.label if linear else None, dx=360, dy=45)
    cmds += [Connect(acc, final, "a"), Connect(bias, final, "b")]
    if not linear:
        act = add("op", p["activation"], label=node.label, dx=540, dy=45)
        cmds.append(Connect(final, act, "x"))
        final = act
    cmds += [Connect(final, dst, port) for dst, port in consumers]
    return Macro(f"expand {node.label}", cmds)


def collapse_commands(doc, node_id: str):
    """A Macro folding act(sum of x_i * w_i + b) ending at node_id back into one neuron block."""
    final = doc.node(node_id)
    activation, z = "linear", node_id
    if final.kind == "op" and final.op in ("tanh", "relu", "sigmoid"):
        activation, z = final.op, doc.inputs_of(node_id)["x"]
    internal, xs, ws, bias = {node_id}, [], [], []

    def owned(nid):  # used only inside the pattern
        return all(dst in internal for dst, _ in doc.consumers_of(nid))

    stack = [z]
    while stack:
        nid = stack.pop()
        n = doc.node(nid)
        internal.add(nid)
        ins = doc.inputs_of(nid)
        if n.kind == "op" and n.op == "add" and (nid == z or owned(nid)):
            stack += [ins["b"], ins["a"]]
        elif n.kind == "op" and n.op == "mul" and doc.node(ins["b"]).kind == "weight" and owned(nid):
            internal.add(ins["b"])
            xs.append(ins["a"])
            ws.append(doc.node(ins["b"]).value)
        elif n.kind == "weight" and owned(nid) and not bias:
            bias.append(n.value)
        else:
            raise CircuitError(f"{n.label!r} does not fit the neuron pattern act(sum of x*w + b)")
    if not ws:
        raise CircuitError(f"no x*w terms lead into {final.label!r}")
    consumers = [(d, p) for d, p in doc.consumers_of(node_id)]
    cmds = [RemoveNode(nid) for nid in internal]
    block = doc.make_node("neuron", label=final.label, pos=final.pos, params={
        "n": len(ws), "activation": activation, "w": ws, "b": bias[0] if bias else 0.0})
    cmds.append(AddNode(block))
    cmds += [Connect(src, block.id, f"x{k + 1}") for k, src in enumerate(xs)]
    cmds += [Connect(block.id, dst, port) for dst, port in consumers]
    return Macro(f"collapse {final.label}", cmds)
