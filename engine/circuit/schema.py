"""Checks a parsed circuit file field by field; every complaint names the node, id and field."""

from __future__ import annotations

import copy
import re

import networkx as nx
import numpy as np

from .. import ops
from .json_values import SchemaError, _fields, _short, _size, finite_json, is_finite, is_number, type_name
from .nodes import ACTIVATIONS, DEFAULT_SLIDER, KINDS, default_params, input_ports
from .schema_settings import TRAINING, VIEW, check_dataset, check_fields
from .wiring import cycle_reason, why_not_wire

TOP_FIELDS = ("format", "version", "nodes", "edges", "dataset", "training", "view")
NODE_FIELDS = ("id", "kind", "label", "op", "value", "params", "pos", "slider")
EDGE_FIELDS = ("src", "dst", "port")
MAX_BLOCK = 10_000  # largest neuron fan-in / dense width a file may ask for
MAX_NAME = 10_000  # longest id or label


def _number(value, where: str, field: str) -> float:
    if not is_number(value):
        raise SchemaError(f"{where}: field {field!r} must be a number, got {type_name(value)}")
    if not is_finite(value):
        raise SchemaError(f"{where}: field {field!r} must be a finite float64, got {value}")
    return float(value)


def _numbers(value, n: int, where: str, field: str) -> tuple[float, ...]:
    if not isinstance(value, list) or len(value) != n:
        got = f"an array of {len(value)}" if isinstance(value, list) else type_name(value)
        raise SchemaError(f"{where}: field {field!r} must be an array of {n} numbers, got {got}")
    return tuple(_number(v, where, f"{field}[{i}]") for i, v in enumerate(value))


def _int(value, where: str, field: str, lo: int = 1, hi: int = MAX_BLOCK) -> int:
    if not is_finite(value) or value != int(value):
        raise SchemaError(f"{where}: {field} must be a whole number, got {value!r}")
    if not lo <= value <= hi:
        raise SchemaError(f"{where}: {field} must be between {lo} and {hi}, got {value!r}")
    return int(value)


def check_document(data, fmt: str, version: int) -> dict:
    """A normalized spec {nodes, edges, dataset, training, view} or SchemaError saying what and where."""
    if not isinstance(data, dict):
        raise SchemaError(f"the file must hold a JSON object, got {type_name(data)}")
    if "format" not in data:
        raise SchemaError(f'not a Backprop Playground file: the "format" field is missing (expected {fmt!r})')
    if data["format"] != fmt:
        raise SchemaError(f'not a Backprop Playground file: "format" is {_short(data["format"])}, expected {fmt!r}')
    v = data.get("version")
    if "version" not in data:
        raise SchemaError('the "version" field is missing')
    if not is_finite(v) or v != int(v):
        raise SchemaError(f'"version" must be a whole number, got {_short(v)}')
    if v > version:
        raise SchemaError(f"this file was written by a newer version (v{int(v)}); this app reads up to v{version}")
    if v < 1:
        raise SchemaError(f'"version" {int(v)} is not a valid version (versions start at 1)')
    _fields(data, TOP_FIELDS, "the file")
    if not isinstance(data.get("nodes"), list):
        got = "missing" if "nodes" not in data else f"a {type_name(data['nodes'])}"
        raise SchemaError(f'"nodes" must be an array of node objects, got {got}')
    edges = data.get("edges", [])
    if not isinstance(edges, list):
        raise SchemaError(f'"edges" must be an array of wire objects, got {type_name(edges)}')
    nodes = [_check_node(i, raw) for i, raw in enumerate(data["nodes"])]
    _check_unique(nodes)
    wires = _check_edges(edges, nodes)
    dataset = data.get("dataset")
    training = data.get("training", {})
    view = data.get("view", {})
    for name, value in (("dataset", dataset), ("training", training), ("view", view)):
        finite_json(value, name)
    check_dataset(dataset)
    check_fields(training, TRAINING, "training")
    check_fields(view, VIEW, "view")
    return {"nodes": nodes, "edges": wires, "dataset": copy.deepcopy(dataset),
            "training": copy.deepcopy(training), "view": copy.deepcopy(view)}


def _check_node(i: int, raw) -> dict:
    where = f"node {i}"
    if not isinstance(raw, dict):
        raise SchemaError(f"{where}: must be an object, got {type_name(raw)}")
    for field in ("id", "kind", "label"):
        value = raw.get(field)
        if field not in raw:
            raise SchemaError(f"{where}: the field {field!r} is missing")
        if not isinstance(value, str) or not value.strip():
            raise SchemaError(f"{where}: field {field!r} must be a non-empty string, got {_short(value)}")
        if len(value) > MAX_NAME:
            raise SchemaError(f"{where}: field {field!r} is {len(value):,} characters long; the limit is {MAX_NAME}")
        if field == "id":
            where = f"node {i} (id {value!r})"
    where = f"node {i} (id {raw['id']!r}, label {raw['label']!r})"
    _fields(raw, NODE_FIELDS, where)
    kind, op = raw["kind"], raw.get("op")
    if kind not in KINDS:
        raise SchemaError(f"{where}: unknown kind {kind!r}; known kinds: {', '.join(KINDS)}")
    if kind == "op":
        if not isinstance(op, str) or op not in ops.OPS:
            raise SchemaError(f"{where}: unknown op {_short(op)}; known ops: {', '.join(sorted(ops.OPS))}")
    elif op is not None:
        raise SchemaError(f"{where}: a {kind} node takes no op (field 'op' is {_short(op)})")
    value = _number(raw.get("value", 0.0), where, "value")
    pos = _numbers(raw.get("pos", [0.0, 0.0]), 2, where, "pos")
    slider = _numbers(raw.get("slider", list(DEFAULT_SLIDER)), 3, where, "slider")
    why = slider_problem(*slider)
    if why:
        raise SchemaError(f"{where}: {why}")
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise SchemaError(f"{where}: field 'params' must be an object, got {type_name(params)}")
    finite_json(params, f"{where}: params")
    check_params(kind, op, params, where)
    return {"id": raw["id"], "kind": kind, "label": raw["label"], "op": op, "value": value, "pos": pos,
            "slider": slider, "params": copy.deepcopy(params), "index": i, "where": where}


def slider_problem(lo: float, hi: float, step: float) -> str | None:
    """Why a slider range is refused, or None: the one rule for editing, loading and checking."""
    if not lo < hi or not step > 0:
        return f"slider needs lo < hi and step > 0, got {[lo, hi, step]}"
    return None


def activation_problem(kind: str, params: dict) -> str | None:
    """Why a block's activation is refused, or None (the rule for building nodes, editing and loading)."""
    if kind in ("neuron", "dense") and params.get("activation") not in ACTIVATIONS:
        return f"unknown activation {_short(params.get('activation'))}; use one of {', '.join(ACTIVATIONS)}"
    return None


def check_params(kind: str, op: str | None, params: dict, where: str) -> None:
    """Every parameter of a node: known names, types, ranges and (for blocks) sizes that agree.
    Missing ones take the kind's defaults, as when the node is built (nodes.default_params)."""
    known = {"op": [p.name for p in ops.get(op).params] if kind == "op" else [],
             "neuron": ["n", "activation", "w", "b"], "dense": ["nin", "nout", "activation", "W", "b"],
             "data": ["column"]}.get(kind, [])
    for k in params:
        if k not in known:
            owner = f"op {op!r}" if kind == "op" else f"a {kind} node"
            raise SchemaError(f"{where}: {owner} has no parameter {k!r} (its parameters: {', '.join(known) or 'none'})")
    p = {**default_params(kind, op), **params}
    w = f"{where}: param"
    if kind == "op":
        for k, v in params.items():
            _number(v, where, f"params.{k}")
    why = activation_problem(kind, p)
    if why:
        raise SchemaError(f"{where}: {why}")
    if kind == "neuron":
        n = _int(p["n"], where, "param 'n'")
        _vector(p["w"], f"{w} 'w'")
        _number(p["b"], where, "params.b")
        if len(p["w"]) != n:
            raise SchemaError(f"{where}: w must hold n = {n} numbers, got {_size(p['w'])}")
    if kind == "dense":
        nin, nout = _int(p["nin"], where, "param 'nin'"), _int(p["nout"], where, "param 'nout'")
        W = p["W"]
        if isinstance(W, np.ndarray) and W.ndim == 2 and W.dtype == np.float64:  # stored (blocks.stored_params)
            if W.shape != (nout, nin):
                raise SchemaError(f"{where}: W must be nout x nin = {nout} x {nin}, got {W.shape[0]} x {W.shape[1]}")
        else:
            W = W.tolist() if hasattr(W, "tolist") else W
            if not isinstance(W, list | tuple):
                raise SchemaError(f"{w} 'W' must be an array of rows, got {type_name(W)}")
            for r, row in enumerate(W):
                _vector(row, f"{w} 'W' row {r}")
            if len(W) != nout or any(len(row) != nin for row in W):
                raise SchemaError(f"{where}: W must be nout x nin = {nout} x {nin}, got {_size(W)}")
        _vector(p["b"], f"{w} 'b'")
        if len(p["b"]) != nout:
            raise SchemaError(f"{where}: b must hold nout = {nout} numbers, got {_size(p['b'])}")
    if kind == "data":
        col = p["column"]
        if not isinstance(col, str) or not COLUMN.fullmatch(col):
            raise SchemaError(f"{w} 'column' must be 'x1', 'x2', ... (a feature), 'y' (the target) or 'X' "
                              f"(all features), got {_short(col)}")


COLUMN = re.compile(r"x[1-9][0-9]{0,4}|y|X")


_PLAIN_NUMBERS = frozenset({float, int})


def _vector(value, where: str) -> None:
    value = value.tolist() if hasattr(value, "tolist") else value
    if isinstance(value, list | tuple) and _PLAIN_NUMBERS.issuperset(map(type, value)):
        return  # the common case (a weight row), checked in C: training re-checks every edit
    if not isinstance(value, list | tuple) or not all(is_number(v) for v in value):
        raise SchemaError(f"{where} must be an array of numbers, got {_short(value)}")


def _check_unique(nodes: list[dict]) -> None:
    ids, labels = {}, {}
    for n in nodes:
        if n["id"] in ids:
            raise SchemaError(f"{n['where']}: id {n['id']!r} is already used by node {ids[n['id']]['index']}")
        if n["label"] in labels:
            first = labels[n["label"]]
            raise SchemaError(f"{n['where']}: label {n['label']!r} is already used by node {first['index']} "
                              f"(id {first['id']!r})")
        ids[n["id"]], labels[n["label"]] = n, n


def _check_edges(edges: list, nodes: list[dict]) -> list[tuple[str, str, str]]:
    by_id = {n["id"]: n for n in nodes}
    taken_by: dict[tuple[str, str], int] = {}

    def named(node_id: str) -> str:
        return f"{by_id[node_id]['label']!r} ({node_id})"

    ports_of: dict[str, dict] = {}
    wires = []
    for i, raw in enumerate(edges):
        where = f"edge {i}"
        if not isinstance(raw, dict):
            raise SchemaError(f"{where}: must be an object, got {type_name(raw)}")
        _fields(raw, EDGE_FIELDS, where)
        for field in EDGE_FIELDS:
            if field not in raw:
                raise SchemaError(f"{where}: the field {field!r} is missing")
            if not isinstance(raw[field], str):
                raise SchemaError(f"{where}: field {field!r} must be a string, got {type_name(raw[field])}")
        src, dst, port = raw["src"], raw["dst"], raw["port"]
        for field, nid in (("src", src), ("dst", dst)):
            if nid not in by_id:
                raise SchemaError(f"{where}: {field} {nid!r} is not the id of any node")
        d = by_id[dst]
        ports = ports_of.get(dst)
        if ports is None:  # once per node: a 10,000-input neuron with 10,000 wires stays linear
            params = {**_block_defaults(d), **d["params"]}
            ports = ports_of[dst] = dict.fromkeys(input_ports(d["kind"], d["op"], params))
        taken = f" (edge {taken_by[dst, port]})" if (dst, port) in taken_by else None
        reason = why_not_wire(src, dst, port, ports=ports, taken=taken, name=named)
        if reason:
            raise SchemaError(f"{where}: {reason}")
        taken_by[dst, port] = i
        wires.append((src, dst, port))
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(by_id)
    graph.add_edges_from(wires)
    reason = cycle_reason(graph, lambda nid: by_id[nid]["label"])
    if reason:
        raise SchemaError(reason)
    return wires


def _block_defaults(node: dict) -> dict:
    return default_params(node["kind"], node["op"]) if node["kind"] in ("neuron", "dense") else {}
