"""The one-click feature toggle: add x1², x2², x1·x2, sin x1 or sin x2 to a 2-D dataset together with a
data node that reads its column, or take it out again (one undo entry either way). The features belong to
the circuit: choosing another 2-D dataset computes the same columns from its x1, x2 (choose_dataset)."""

from __future__ import annotations

import numpy as np

from .. import features
from .commands import AddNode, Macro, RemoveNode, SetDocAttr, SetParams
from .data import dataset_arrays
from .document import Circuit, CircuitError

SPACING = 80.0  # canvas units between a new data node and the one above it


def active(doc: Circuit) -> list[str]:
    """The features the document's dataset adds, in column order."""
    return list((doc.dataset or {}).get("features") or [])


def can_add(doc: Circuit) -> str | None:
    """None if features can be added to the document's dataset, else why not (one line)."""
    return _why_not(doc.dataset)


def _why_not(spec: dict | None) -> str | None:
    """None if a dataset choice has the two base columns x1, x2 that features are made from, else why not."""
    if not spec:
        return "choose a 2-D dataset first (moons, circles, blobs, xor, spiral)"
    X, _ = dataset_arrays({k: v for k, v in spec.items() if k != "features"})
    if X.shape[1] != features.BASE_WIDTH:
        return f"features need a 2-D dataset (x1, x2); {spec.get('name')!r} has {X.shape[1]} columns"
    return None


def toggle(doc: Circuit, name: str) -> Macro:
    """The edit that adds feature `name` (and a data node for its column) or removes it (with the data nodes
    reading its column; the later features' nodes move one column left)."""
    if name not in features.FEATURES:
        raise CircuitError(f"unknown feature {name!r}; known: {', '.join(features.FEATURES)}")
    names = active(doc)
    if name in names:
        return _remove(doc, names, name)
    why = can_add(doc)
    if why:
        raise CircuitError(why)
    new = names + [name]
    data_nodes = [n for n in doc.nodes() if n.kind == "data"]
    x = min((n.pos[0] for n in data_nodes), default=0.0)
    y = max((n.pos[1] for n in data_nodes), default=-SPACING) + SPACING
    node = doc.make_node("data", label=doc.unique_label(features.label(name)), pos=(x, y),
                         params={"column": features.column_name(new, name)})
    widen = _resize_x_layers(doc, len(names), keep=list(range(features.BASE_WIDTH + len(names))), add=1)
    return Macro(f"add feature {features.label(name)}",
                 [SetDocAttr("dataset", {**doc.dataset, "features": new}), AddNode(node)] + widen)


def _remove(doc: Circuit, names: list[str], name: str) -> Macro:
    gone = features.column_name(names, name)
    rest = [n for n in names if n != name]
    moved = {features.column_name(names, n): features.column_name(rest, n) for n in rest}
    edits = []
    for node in doc.nodes():
        column = node.params.get("column") if node.kind == "data" else None
        if column == gone:
            edits.append(RemoveNode(node.id))
        elif column in moved and moved[column] != column:
            edits.append(SetParams(node.id, {**node.params, "column": moved[column]}))
    width = features.BASE_WIDTH + len(names)
    edits += _resize_x_layers(doc, len(names), keep=[c for c in range(width) if c != int(gone[1:]) - 1])
    spec = {k: v for k, v in doc.dataset.items() if k != "features"}
    if rest:
        spec["features"] = rest
    edits.append(SetDocAttr("dataset", spec))
    return Macro(f"remove feature {features.label(name)}", edits)


def reads_matrix(doc: Circuit, node) -> bool:
    """Whether `node` is a dense layer reading the whole data matrix (a data node of column X)."""
    return node.kind == "dense" and any(doc.node(src).kind == "data" and doc.node(src).params.get("column") == "X"
                                        for src in doc.inputs_of(node.id).values())


def _resize_x_layers(doc: Circuit, n_features: int, keep: list[int], add: int = 0) -> list:
    """Edits that keep every dense layer reading the whole data matrix (a data node of column X, as in the
    moons example) in step with its width: the weight columns `keep` stay, `add` zero columns follow (a new
    feature starts with no say: the network computes what it did, and training finds its weight). Layers
    whose width does not match the data's are left alone."""
    width = features.BASE_WIDTH + n_features
    edits = []
    for node in doc.nodes():
        if not reads_matrix(doc, node):
            continue
        W = np.asarray(node.params.get("W"), dtype=np.float64)
        if W.ndim != 2 or W.shape[1] != width or int(node.params.get("nin", -1)) != width:
            continue
        W = np.column_stack([W[:, keep], np.zeros((W.shape[0], add))])
        edits.append(SetParams(node.id, {**node.params, "W": W, "nin": W.shape[1]}))
    return edits


def choose_dataset(doc: Circuit, spec: dict | None) -> tuple[list, list[str]]:
    """The edits that make `spec` the document's dataset while keeping the circuit's features, and the
    features that had to go (empty when all are kept). A 2-D dataset gets the same feature columns,
    computed from its own x1, x2, so every data node keeps reading what it read; a dataset without x1, x2
    (digits, lecture4) or none at all cannot have them: the features go with the data nodes that read
    them (in the same undo entry, so Undo brings both back) and the caller says so."""
    names = active(doc)
    spec = None if spec is None else {k: v for k, v in spec.items() if k != "features"}
    if not names:
        return [SetDocAttr("dataset", spec)], []
    try:
        why = _why_not(spec)
    except CircuitError as exc:  # a dataset that cannot be made cannot carry features either
        why = str(exc)
    if why is None:
        return [SetDocAttr("dataset", {**spec, "features": names})], []
    gone = {features.column_name(names, n) for n in names}
    edits = [RemoveNode(n.id) for n in doc.nodes() if n.kind == "data" and n.params.get("column") in gone]
    edits += _resize_x_layers(doc, len(names), keep=list(range(features.BASE_WIDTH)))
    return edits + [SetDocAttr("dataset", spec)], names
