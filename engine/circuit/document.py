"""The circuit document: nodes and port-keyed wires on a networkx MultiDiGraph, with events.

A wire goes from a node's single output to one named input port of another node; each input
port takes at most one wire. The edge key is the destination port, so `a*a` keeps two wires.
Every method that changes the document emits a past-tense event after the change. Undoable
edits go through engine.commands, which call these methods.
"""

from __future__ import annotations

import itertools

import networkx as nx

from .. import ops
from ..errors import EngineError
from .blocks import stored_params
from .events import DocumentEvents, emit
from .json_values import SchemaError
from .nodes import DEFAULT_SLIDER, KINDS, Node, default_params
from .schema import activation_problem, check_params, slider_problem
from .wiring import why_not_wire


class CircuitError(EngineError, ValueError):
    """An edit that would make the document invalid; the message says why."""


class Circuit:
    """A document: nodes, wires, dataset choice and training settings."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.events = DocumentEvents()
        self.dataset: dict | None = None  # {"name": "moons", "params": {...}} or None
        self.training: dict = {}  # optimizer, lr, schedule, steps, objective, ...
        self.view: dict = {}  # saved view state (zoom, centre); the file's optional "view"
        self._ids = itertools.count(1)

    # ------------------------------------------------------------ reading
    def node(self, node_id: str) -> Node:
        try:
            return self.graph.nodes[node_id]["node"]
        except KeyError:
            raise CircuitError(f"no node with id {node_id!r}") from None

    def nodes(self) -> list[Node]:
        return [data["node"] for _, data in self.graph.nodes(data=True)]

    def edges(self) -> list[tuple[str, str, str]]:
        """Every wire as (source id, destination id, destination port)."""
        return [(u, v, k) for u, v, k in self.graph.edges(keys=True)]

    def inputs_of(self, node_id: str) -> dict[str, str]:
        """The wired input ports of a node: port -> source node id."""
        return {k: u for u, _, k in self.graph.in_edges(node_id, keys=True)}

    def consumers_of(self, node_id: str) -> list[tuple[str, str]]:
        """Where a node's output goes: (destination id, port) pairs."""
        return [(v, k) for _, v, k in self.graph.out_edges(node_id, keys=True)]

    def by_label(self, label: str) -> Node:
        for n in self.nodes():
            if n.label == label:
                return n
        raise CircuitError(f"no node labelled {label!r}")

    def has_label(self, label: str) -> bool:
        return any(n.label == label for n in self.nodes())

    def topological_order(self) -> list[str]:
        return list(nx.lexicographical_topological_sort(self.graph, key=self._order_key))

    def descendants(self, node_id: str) -> set[str]:
        return nx.descendants(self.graph, node_id)

    def outputs(self) -> list[Node]:
        """Output nodes, or else the sinks (nodes nothing consumes) that are not leaves."""
        marked = [n for n in self.nodes() if n.kind == "output"]
        if marked:
            return marked
        return [n for n in self.nodes() if self.graph.out_degree(n.id) == 0 and not n.is_leaf]

    def root(self) -> Node:
        """The node whose gradient is 1: the output node, else the single sink that is not a leaf.

        The one rule for evaluating, exporting, checking and parsing; CircuitError says why there is none."""
        outs = self.outputs()
        if len(outs) == 1:
            return outs[0]
        more = f" and {len(outs) - 5} more" if len(outs) > 5 else ""
        labels = ", ".join(str(n.label)[:60] for n in outs[:5]) + more
        raise CircuitError(f"the circuit needs exactly one result to differentiate (found: {labels or 'none'}); "
                           "add an output node")

    def result_node(self) -> Node | None:
        """The node that computes the circuit's result: the root, or what its output marker reads; None
        when there is no single root (root() says why)."""
        try:
            root = self.root()
        except CircuitError:
            return None
        if root.kind == "output":
            src = self.inputs_of(root.id).get("x")
            root = self.node(src) if src else root
        return root

    def _order_key(self, node_id: str):
        digits = "".join(ch for ch in node_id if ch.isdigit())
        return (int(digits) if digits else 0, node_id)

    # ------------------------------------------------------------ structure edits
    def new_id(self) -> str:
        while True:
            candidate = f"n{next(self._ids)}"
            if candidate not in self.graph:
                return candidate

    def unique_label(self, base: str) -> str:
        """`base` if it is free, else base2, base3, ..."""
        taken = {n.label for n in self.nodes()}  # one scan, not one per candidate
        if base not in taken:
            return base
        for i in itertools.count(2):
            if f"{base}{i}" not in taken:
                return f"{base}{i}"
        raise AssertionError("unreachable")

    def make_node(self, kind: str, op: str | None = None, label: str | None = None, value: float = 0.0,
                  pos=(0.0, 0.0), params: dict | None = None, slider=DEFAULT_SLIDER,
                  node_id: str | None = None) -> Node:
        """Build (but do not add) a valid node with defaults filled in."""
        if kind not in KINDS:
            raise CircuitError(f"unknown node kind {kind!r}; known kinds: {', '.join(KINDS)}")
        if kind == "op":
            ops.get(op)  # raises UnknownOpError with the list of known ops
        elif op is not None:
            raise CircuitError(f"a {kind} node takes no op (got {op!r})")
        # weights left out are sized to the sizes given; weights given with other sizes are built as they
        # are (a file being repaired) and validate() names them. Dense arrays are stored read-only.
        merged = stored_params(kind, {**default_params(kind, op, params), **(params or {})})
        why = activation_problem(kind, merged)
        if why:
            raise CircuitError(why)
        slider = tuple(float(s) for s in slider)
        why = slider_problem(*slider)
        if why:
            raise CircuitError(why)
        base = label or (op if kind == "op" else {"input": "x", "weight": "w", "constant": "c"}.get(kind, kind))
        return Node(node_id or self.new_id(), kind, label or self.unique_label(base), op, float(value),
                    merged, (float(pos[0]), float(pos[1])), slider)

    def add_node(self, node: Node) -> Node:
        """Insert a node built by make_node (or restored by undo)."""
        if node.id in self.graph:
            raise CircuitError(f"a node with id {node.id!r} already exists")
        self._check_label(node.label)
        self.graph.add_node(node.id, node=node)
        emit(self.events.node_added, node)
        return node

    def remove_node(self, node_id: str) -> Node:
        """Remove a node and its wires (commands remove the wires first so undo can restore them)."""
        node = self.node(node_id)
        for _u, v, k in list(self.graph.in_edges(node_id, keys=True)) + list(self.graph.out_edges(node_id, keys=True)):
            self.disconnect(v, k)
        self.graph.remove_node(node_id)
        emit(self.events.node_removed, node)
        return node

    def why_not_connect(self, src: str, dst: str, port: str, replacing: bool = False) -> str | None:
        """The reason a wire src -> dst.port is refused, or None if it is allowed."""
        if src not in self.graph or dst not in self.graph:
            return f"unknown node {src if src not in self.graph else dst!r}"
        taken = "" if not replacing and port in self.inputs_of(dst) else None
        return why_not_wire(src, dst, port, ports=self.node(dst).input_ports(), taken=taken, graph=self.graph,
                            name=lambda node_id: repr(self.node(node_id).label))

    def connect(self, src: str, dst: str, port: str) -> None:
        reason = self.why_not_connect(src, dst, port)
        if reason:
            raise CircuitError(reason)
        self.graph.add_edge(src, dst, key=port)
        emit(self.events.edge_added, src, dst, port)

    def disconnect(self, dst: str, port: str) -> str:
        """Remove the wire into dst.port; returns its source id."""
        src = self.inputs_of(dst).get(port)
        if src is None:
            raise CircuitError(f"port {port!r} of {self.node(dst).label!r} has no wire")
        self.graph.remove_edge(src, dst, key=port)
        emit(self.events.edge_removed, src, dst, port)
        return src

    # ------------------------------------------------------------ attribute edits
    def set_value(self, node_id: str, value: float) -> None:
        node = self.node(node_id)
        value = float(value)
        if value != value or value in (float("inf"), float("-inf")):
            raise CircuitError(f"{node.label!r} needs a finite number, got {value}")
        node.value = value
        emit(self.events.value_changed, node_id, value)

    def set_label(self, node_id: str, label: str) -> None:
        node = self.node(node_id)
        label = label.strip()
        if label != node.label:
            self._check_label(label)
        node.label = label
        emit(self.events.label_changed, node_id, label)

    def move(self, node_id: str, pos) -> None:
        self.node(node_id).pos = (float(pos[0]), float(pos[1]))
        emit(self.events.node_moved, node_id, self.node(node_id).pos)

    def set_params(self, node_id: str, params: dict) -> None:
        """Replace a node's parameters (e.g. the exponent k, a block's activation or weights)."""
        node = self.node(node_id)
        old_ports = node.input_ports()
        trial = self.make_node(node.kind, node.op, "probe", params=params, node_id="probe")
        lost = [p for p in self.inputs_of(node_id) if p not in trial.input_ports()]
        if lost:
            raise CircuitError(f"{node.label!r} would lose wired ports: {', '.join(lost)}")
        try:  # an edit meets the rule files are loaded with (engine.circuit.schema)
            check_params(node.kind, node.op, trial.params, f"{node.kind} {node.label!r}")
        except SchemaError as exc:
            raise CircuitError(str(exc)) from None
        node.params = trial.params
        emit(self.events.params_changed, node_id, node.params, old_ports)

    def _check_label(self, label: str) -> None:
        """Labels are non-empty and unique: the rule for adding and renaming (files: schema._check_unique)."""
        if not label.strip():
            raise CircuitError("a node label cannot be empty")
        if self.has_label(label):
            raise CircuitError(f"the label {label!r} is already used by another node")

    def set_slider(self, node_id: str, lo: float, hi: float, step: float) -> None:
        why = slider_problem(lo, hi, step)
        if why:
            raise CircuitError(f"{self.node(node_id).label!r}: {why}")
        self.node(node_id).slider = (float(lo), float(hi), float(step))
        emit(self.events.slider_changed, node_id, self.node(node_id).slider)

    def set_dataset(self, dataset: dict | None) -> None:
        self.dataset = dataset
        emit(self.events.dataset_changed, dataset)

    def set_training(self, training: dict) -> None:
        self.training = dict(training)
        emit(self.events.training_changed, self.training)

    def replace_with(self, other: Circuit) -> None:
        """Take over another document's content (Open/revert) while views keep this object."""
        self.graph = other.graph
        self.dataset, self.training = other.dataset, dict(other.training)
        self.view = dict(getattr(other, "view", {}))
        self._ids = itertools.count(1)
        emit(self.events.document_reset)

    def clear(self) -> None:
        """Empty the document (New)."""
        self.graph.clear()
        self.dataset, self.training, self.view = None, {}, {}
        self._ids = itertools.count(1)
        emit(self.events.document_reset)
