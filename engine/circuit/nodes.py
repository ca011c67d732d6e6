"""Node kinds of a circuit and the ports each one has (op ports come from the registry)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .. import ops
from .blocks import BLOCKS

# kind -> one-line description (the palette and the docs read this)
KINDS: dict[str, str] = {
    "input": "A named number you nudge with a slider; not trained.",
    "weight": "A trainable parameter: gradient steps change it.",
    "constant": "A fixed number.",
    "data": "One column of the circuit's dataset: the circuit runs on all samples at once.",
    "op": "An operation from the registry (+, *, tanh, a loss, ...).",
    "output": "Marks the root of the circuit: its gradient is 1.",
    "neuron": "Block: n inputs -> sum of w*x + b -> activation.",
    "dense": "Block: matrix-valued layer, (batch, nin) -> (batch, nout).",
}
LEAF_KINDS = ("input", "weight", "constant", "data")
VALUE_KINDS = ("input", "weight", "constant")  # leaves that hold one number (a slider)
BLOCK_KINDS = tuple(BLOCKS)  # neuron, dense
ACTIVATIONS = ops.ACTIVATIONS  # (defined with the activation ops)
DEFAULT_SLIDER = (-5.0, 5.0, 0.01)


@dataclass
class Node:
    """One node of the document: everything about it that is saved lives here."""

    id: str
    kind: str
    label: str
    op: str | None = None
    value: float = 0.0
    params: dict = field(default_factory=dict)
    pos: tuple[float, float] = (0.0, 0.0)
    slider: tuple[float, float, float] = DEFAULT_SLIDER

    @property
    def trainable(self) -> bool:
        return self.kind == "weight" or self.kind in BLOCK_KINDS

    @property
    def is_leaf(self) -> bool:
        return self.kind in LEAF_KINDS

    def input_ports(self) -> tuple[str, ...]:
        """The names of this node's input ports, in order."""
        return input_ports(self.kind, self.op, self.params)

    def symbol(self) -> str:
        """What the canvas draws inside the node: the op symbol, a block's glyph and activation, or the kind."""
        if self.kind == "op":
            return ops.get(self.op).display(**self.params)
        if self.kind in BLOCK_KINDS:
            return BLOCKS[self.kind].display(str(self.params.get("activation", "")))
        return self.kind

    def copy(self) -> Node:
        return Node(self.id, self.kind, self.label, self.op, self.value, copy_value(self.params), self.pos, self.slider)


def input_ports(kind: str, op: str | None = None, params: dict | None = None) -> tuple[str, ...]:
    """Ports of a node kind: ops take theirs from the registry, blocks from their size."""
    params = params or {}
    if kind == "op":
        return ops.get(op).inputs
    if kind == "output":
        return ("x",)
    if kind == "neuron":
        return tuple(f"x{i + 1}" for i in range(int(params.get("n", 2))))
    if kind == "dense":
        return ("x",)
    return ()


def _alternating(i: int) -> float:
    return 0.5 if i % 2 == 0 else -0.5


def default_params(kind: str, op: str | None = None, given: dict | None = None) -> dict:
    """Parameters a new node of this kind starts with. `given`: the parameters the caller sets; the
    weights it leaves out are sized to the sizes it gives (a neuron with n = 3 gets three weights)."""
    given = given or {}
    if kind == "op":
        return ops.get(op).defaults()
    if kind == "neuron":
        n = given.get("n", 2)
        n = n if isinstance(n, int) and 0 < n <= 4096 else 2
        w = None if "w" in given else [_alternating(i) for i in range(n)]  # (a training step gives its own)
        return {"n": 2, "activation": "tanh", "w": w, "b": 0.0}
    if kind == "dense":
        nin, nout = given.get("nin", 2), given.get("nout", 2)
        ok = all(isinstance(k, int) and 0 < k <= 4096 for k in (nin, nout))
        nin, nout = (nin, nout) if ok else (2, 2)
        W = None if "W" in given else [[_alternating(i + j) for j in range(nin)] for i in range(nout)]
        return {"nin": 2, "nout": 2, "activation": "relu", "W": W, "b": [0.0] * nout}
    if kind == "data":
        return {"column": "x1"}
    return {}


_ATOMS = frozenset({float, int, bool, str, type(None)})


def copy_value(value):
    """A copy of a parameter value: dicts and lists copied at every level, numbers and read-only arrays (a
    dense layer's W and b, engine.circuit.blocks.stored_params) shared: they are never changed in place.
    A list of numbers (a weight row) is copied in one C call."""
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return value.copy() if _ATOMS.issuperset(map(type, value)) else [copy_value(v) for v in value]
    if isinstance(value, np.ndarray) and value.flags.writeable:  # read-only block arrays are shared as they are
        return value.copy()
    return value
