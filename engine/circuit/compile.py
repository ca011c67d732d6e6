"""Compile a circuit document into a flat tape: topological order, integer slots, one
instruction per computing node. Forward and backward replay the tape on Python floats (one
point, the slider case) or on numpy arrays (a data node feeds the whole dataset at once).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from .. import ops
from ..backends import unbroadcast
from .blocks import BLOCKS
from .document import Circuit, CircuitError


class _Identity:
    """The output node: passes its input through and marks the root."""

    name, symbol, inputs, local, params = "output", "out", ("x",), ("1",), ()
    infix, masks_nonfinite, groupable, fast_backward = None, False, True, None  # the fields of an Op
    forward = staticmethod(lambda m, x: x)
    backward = staticmethod(lambda m, g, out, x: (g,))


IDENTITY = _Identity()
_NDARRAY = np.ndarray
# what a numeric fault raises (math domain error, overflow, division by zero, shapes that do not fit):
# the node's result becomes NaN and the fault is recorded for the NaN diagnosis to name
FAULTS = (ArithmeticError, ValueError, TypeError, IndexError)


@dataclass
class Instr:
    """One tape step: out_slot = fn(*in_slots, **params)."""

    node_id: str
    fn: object  # a registry Op, IDENTITY, or a block (engine.circuit.blocks)
    ins: tuple[int, ...]
    out: int
    ports: tuple[str, ...]
    params: dict = field(default_factory=dict)
    block: bool = False


@dataclass
class Tape:
    """The compiled circuit."""

    slots: dict[str, int]  # node id -> slot
    ids: list[str]  # slot -> node id
    leaves: dict[str, int]  # leaf node id (input/weight/constant) -> slot
    data: dict[str, int]  # data node id -> slot
    instrs: list[Instr]
    downstream: dict[int, list[int]]  # leaf slot -> indices of instructions to re-run
    batch: bool  # True when data nodes feed the circuit
    nodes: dict = field(default_factory=dict)  # node id -> Node (stable until the next recompile)
    live: dict = field(default_factory=dict)  # root slot -> slots the root depends on (cache)
    root_id: str | None = None  # the differentiated node, once found
    checkpoints: list = field(default_factory=list)  # slots that show any NaN/inf the tape produced
    plan: object = None  # grouped whole-pass plan (engine.circuit.vectorized): None = not tried yet
    faults: dict = field(default_factory=dict)  # node id -> why its forward raised (its value is NaN)
    grad_faults: dict = field(default_factory=dict)  # node id -> why its backward raised (NaN gradients)
    # partial tapes only: node id -> what it is missing ("needs input b"; "waits for 'e' (needs input b)");
    # these nodes have a slot but no instruction, so their value stays None
    incomplete: dict = field(default_factory=dict)


def _missing(port_names: list[str]) -> str:
    return ("needs input " if len(port_names) == 1 else "needs inputs ") + ", ".join(port_names)


def _data_check(doc: Circuit):
    """A function naming why a data node cannot read `column` from the document's dataset (None: it can)."""
    from .data import column_names, dataset_arrays

    if not any(n.kind == "data" for n in doc.nodes()):
        return None
    if not doc.dataset:
        return lambda column: "no dataset: choose one in the Training panel"
    try:
        X, _ = dataset_arrays(doc.dataset)
    except CircuitError as exc:  # a dataset that cannot be made: every data node says why
        message = str(exc)
        return lambda column: message
    name, width = doc.dataset.get("name", "the dataset"), X.shape[1]
    known = column_names(width)
    has = ", ".join(known[:width]) if width <= 3 else f"x1..x{width}"
    return lambda column: None if column in known else f"{name} has no column {column}: it has {has}, y and X"


def compile_circuit(doc: Circuit, partial: bool = False) -> Tape:
    """Check every port is wired and flatten the graph into a tape.

    partial=True compiles the part that is complete instead of refusing the whole circuit: a node
    with an unwired port, and every node downstream of it, gets no instruction and a reason in
    tape.incomplete (the rest of the circuit keeps its values and gradients)."""
    order = doc.topological_order()
    slots = {nid: i for i, nid in enumerate(order)}
    leaves, data, instrs = {}, {}, []
    incomplete: dict[str, str] = {}
    origin: dict[str, str] = {}  # incomplete node id -> the unwired node it waits for
    no_column = _data_check(doc) if partial else None
    for nid in order:
        node = doc.node(nid)
        if node.kind in ("input", "weight", "constant"):
            leaves[nid] = slots[nid]
            continue
        if node.kind == "data":
            why = no_column(node.params.get("column", "x1")) if no_column else None
            if why:  # a column the dataset does not have: this node and what it feeds say so
                incomplete[nid], origin[nid] = why, nid
            else:
                data[nid] = slots[nid]
            continue
        wired = doc.inputs_of(nid)
        ports = node.input_ports()
        missing = [p for p in ports if p not in wired]
        if missing and not partial:
            raise CircuitError(f"{node.label!r} has no wire on port {', '.join(repr(p) for p in missing)}")
        if missing:
            incomplete[nid], origin[nid] = _missing(missing), nid
            continue
        waits = [wired[p] for p in ports if wired[p] in incomplete]
        if waits:
            first = origin[nid] = origin[waits[0]]
            incomplete[nid] = f"waits for {doc.node(first).label!r} ({incomplete[first]})"
            continue
        ins = tuple(slots[wired[p]] for p in ports)
        if node.kind == "op":
            fn, params, block = ops.get(node.op), dict(node.params), False
        elif node.kind == "output":
            fn, params, block = IDENTITY, {}, False
        else:
            fn, params, block = BLOCKS[node.kind], node.params, True
        instrs.append(Instr(nid, fn, ins, slots[nid], ports, params, block))
    position = {ins.out: k for k, ins in enumerate(instrs)}
    downstream = {}
    for nid, slot in list(leaves.items()) + list(data.items()):
        after = nx.descendants(doc.graph, nid)
        downstream[slot] = sorted(position[slots[d]] for d in after if slots[d] in position)
    nodes = {nid: doc.node(nid) for nid in order}
    tape = Tape(slots, order, leaves, data, instrs, downstream, bool(data), nodes, incomplete=incomplete)
    if incomplete:
        tape.plan = False  # a grouped pass expects every slot filled: the per-node tape runs it
    tape.checkpoints = _checkpoints(instrs)
    return tape


def with_params(tape: Tape, node_id: str, params: dict) -> Tape | None:
    """The tape with one block's parameters replaced (new weights, another activation: the graph and the
    ports are the same), as a new Tape that shares everything else; None when it has no such block."""
    for k, ins in enumerate(tape.instrs):
        if ins.node_id == node_id and ins.block:
            instrs = list(tape.instrs)
            instrs[k] = dataclasses.replace(ins, params=params)
            # (a pass records its numeric faults in the tape: the new one keeps its own, as a recompile's)
            faults, grad_faults = dict(tape.faults), dict(tape.grad_faults)
            return dataclasses.replace(tape, instrs=instrs, faults=faults, grad_faults=grad_faults)
    return None


def _checkpoints(instrs) -> list[int]:
    """Output slots where a non-finite value made anywhere must show: sinks and the inputs of ops
    that can turn NaN/inf into a finite number (Op.masks_nonfinite: relu(-inf) = 0, x / inf = 0, ...)."""
    consumed, points = set(), set()
    for ins in instrs:
        consumed.update(ins.ins)
        if ins.fn.masks_nonfinite:
            points.update(ins.ins)
    points.update(ins.out for ins in instrs if ins.out not in consumed)
    return sorted(points)


def run_forward(tape: Tape, vals: list, m, only: list[int] | None = None) -> None:
    """Replay the tape (or just the instructions listed in `only`) into vals.

    A node whose op raises (a numeric fault) gets NaN and its reason in tape.faults: the pass goes on
    and the NaN diagnosis names it. (A try costs nothing until it catches, so the loop stays fast.)"""
    instrs = tape.instrs
    todo = instrs if only is None else [instrs[k] for k in only]
    faults = tape.faults
    if faults:  # forget the faults of the nodes we recompute
        for ins in todo:
            faults.pop(ins.node_id, None)
    with np.errstate(all="ignore"):
        for ins in todo:
            try:
                if ins.params:
                    vals[ins.out] = ins.fn.forward(m, *[vals[i] for i in ins.ins], **ins.params)
                elif len(ins.ins) == 2:
                    a, b = ins.ins
                    vals[ins.out] = ins.fn.forward(m, vals[a], vals[b])
                else:
                    vals[ins.out] = ins.fn.forward(m, *[vals[i] for i in ins.ins])
            except FAULTS as exc:
                vals[ins.out] = nan_like(*[vals[i] for i in ins.ins])
                faults[ins.node_id] = str(exc) or type(exc).__name__


def nan_like(*xs):
    """NaN in the shape the inputs broadcast to (a float when they are all numbers)."""
    shapes = [np.shape(x) for x in xs if isinstance(x, np.ndarray)]
    if not shapes:
        return math.nan
    try:
        return np.full(np.broadcast_shapes(*shapes), np.nan)
    except ValueError:
        return np.full(shapes[0], np.nan)


def _nan_grads(ins, vals, param_grads):
    """A faulted backward step: NaN gradients for every input (and every block parameter)."""
    if ins.block:
        param_grads[ins.node_id] = {k: (np.full(np.shape(ins.params[k]), np.nan).tolist()
                                        if np.ndim(ins.params[k]) else math.nan)
                                    for k in ("w", "W", "b") if k in ins.params}
    return tuple(nan_like(vals[i]) for i in ins.ins)


def backward_steps(tape: Tape, vals: list, grads: list, root: int, m, param_grads: dict, fast: bool = False):
    """The backward pass, one instruction per iteration (the stepper drives this same loop).

    Yields (instruction, local gradients per input) after adding its contributions. fast=True (a
    whole pass nobody inspects step by step) uses the ops' fast_backward rules, which may hand back
    a scalar weight's gradient already summed over the batch: w * x over N samples gives sum(g * x)
    as one dot product.
    """
    live = tape.live.get(root)
    if live is None:
        live = tape.live[root] = _ancestors(tape, root)
    grad_faults = tape.grad_faults
    grad_faults.clear()
    data_slots = set(tape.data.values()) if fast else ()
    with np.errstate(all="ignore"):
        for ins in reversed(tape.instrs):
            if ins.out not in live:
                continue
            g = grads[ins.out]
            if g is None:
                continue
            try:
                if ins.block:
                    xs = [vals[i] for i in ins.ins]
                    if fast and ins.ins[0] in data_slots and getattr(ins.fn, "input_grad_optional", False):
                        # a data column learns nothing: a whole pass skips its gradient (N x nout x nin work)
                        in_grads, pgrads = ins.fn.backward(m, g, vals[ins.out], *xs, input_grad=False,
                                                           **ins.params)
                    else:
                        in_grads, pgrads = ins.fn.backward(m, g, vals[ins.out], *xs, **ins.params)
                    param_grads[ins.node_id] = pgrads
                elif ins.params:
                    in_grads = ins.fn.backward(m, g, vals[ins.out], *[vals[i] for i in ins.ins], **ins.params)
                elif fast and ins.fn.fast_backward is not None and type(g) is _NDARRAY:  # (rules for arrays)
                    xs = [vals[i] for i in ins.ins]  # a circuit shows every input's gradient: all are needed
                    in_grads = ins.fn.fast_backward(g, vals[ins.out], xs, (True,) * len(xs))
                elif len(ins.ins) == 2:
                    a, b = ins.ins
                    in_grads = ins.fn.backward(m, g, vals[ins.out], vals[a], vals[b])
                else:
                    in_grads = ins.fn.backward(m, g, vals[ins.out], *[vals[i] for i in ins.ins])
            except FAULTS as exc:  # a numeric fault: NaN gradients from here, the reason kept for the view
                in_grads = _nan_grads(ins, vals, param_grads)
                grad_faults[ins.node_id] = str(exc) or type(exc).__name__
            for k, slot in enumerate(ins.ins):
                gi = in_grads[k]
                if gi is None:
                    continue
                target = vals[slot]
                if type(gi) is not type(target) or (type(gi) is _NDARRAY and gi.shape != target.shape):
                    gi = _fit(gi, target)  # sum a broadcast gradient back to the value's shape
                grads[slot] = gi if grads[slot] is None else grads[slot] + gi
            yield ins, in_grads


def _ancestors(tape: Tape, root: int) -> set[int]:
    live, stack = {root}, [root]
    producer = {ins.out: ins for ins in tape.instrs}
    while stack:
        ins = producer.get(stack.pop())
        if ins is None:
            continue
        for s in ins.ins:
            if s not in live:
                live.add(s)
                stack.append(s)
    return live


def _fit(g, target):
    """Sum a gradient back to the shape of the value it belongs to (engine.backends.unbroadcast): a
    float for a float; NaN when a faulted step's gradient does not fit at all."""
    try:
        if isinstance(target, np.ndarray):
            return unbroadcast(np.asarray(g, dtype=np.float64), target.shape)
        return float(unbroadcast(g, ()))
    except FAULTS:
        return nan_like(target)
