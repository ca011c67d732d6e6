"""Edits made of the basic commands, each one undo entry: switch a value node's kind, replace the circuit.

Both are Macros of RemoveNode, AddNode and Connect, so undo restores exactly what was there and every
view follows through the document's usual events.
"""

from __future__ import annotations

from dataclasses import replace

from .commands import AddNode, Connect, Macro, RemoveNode
from .document import Circuit, CircuitError
from .nodes import VALUE_KINDS

_A = {"input": "an input", "weight": "a weight", "constant": "a constant"}


def kind_commands(doc: Circuit, node_id: str, kind: str) -> Macro:
    """Make an input, weight or constant node another of those kinds, keeping its id, label, value,
    slider, place and wires. Raises CircuitError for any other node or kind."""
    node = doc.node(node_id)
    if node.kind not in VALUE_KINDS or kind not in VALUE_KINDS:
        raise CircuitError(f"only inputs, weights and constants switch kind ({node.label!r} is a {node.kind}, "
                           f"asked for {kind!r})")
    if node.kind == kind:
        raise CircuitError(f"{node.label!r} is already {_A[kind]}")
    wires = [Connect(src, dst, port) for src, dst, port in doc.edges() if src == node_id]
    new = replace(node.copy(), kind=kind)
    return Macro(f"make {node.label} {_A[kind]}", [RemoveNode(node_id), AddNode(new), *wires])


def replace_commands(doc: Circuit, new: Circuit, text: str = "replace the circuit") -> Macro:
    """Remove every node of `doc` and add those of `new` (fresh ids, their own labels and places) with
    their wires. The dataset and training settings stay."""
    removes = [RemoveNode(n.id) for n in doc.nodes()]
    ids = {n.id: doc.new_id() for n in new.nodes()}  # the id counter never repeats: no clash inside the macro
    adds = [AddNode(replace(n.copy(), id=ids[n.id])) for n in new.nodes()]
    wires = [Connect(ids[src], ids[dst], port) for src, dst, port in new.edges()]
    return Macro(text, removes + adds + wires)
