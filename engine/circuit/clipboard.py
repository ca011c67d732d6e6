"""Copy a selection of nodes (with the wires among them) and paste it as one undoable edit."""

from __future__ import annotations

import re

from .commands import AddNode, Connect, Macro
from .document import Circuit
from .io import FORMAT, VERSION, LoadError, to_dict
from .json_values import SchemaError
from .schema import check_document

CLIP_FORMAT = "backprop-playground-clip"


def copy_nodes(doc: Circuit, ids) -> dict:
    """The given nodes and the wires among them as a JSON-able dict (wires from outside are dropped)."""
    wanted = set(ids)
    missing = [i for i in wanted if i not in doc.graph]
    if missing:
        raise LoadError(f"cannot copy: no node with id {sorted(missing)[0]!r}")
    data = to_dict(doc)
    return {"format": CLIP_FORMAT, "version": VERSION,
            "nodes": [n for n in data["nodes"] if n["id"] in wanted],
            "edges": [e for e in data["edges"] if e["src"] in wanted and e["dst"] in wanted]}


def paste_commands(doc: Circuit, data, offset=(0.0, 0.0)) -> Macro:
    """A Macro that adds copies of the clipboard's nodes (new ids, unique labels) and their wires.

    Also takes a whole saved document (its dataset and training are ignored). The macro is not
    done here: push it on the History. Raises LoadError when the data is not a valid selection.
    """
    if isinstance(data, dict) and data.get("format") == CLIP_FORMAT:
        data = {**data, "format": FORMAT}
    try:
        spec = check_document(data, FORMAT, VERSION)
    except SchemaError as exc:
        raise LoadError(f"cannot paste: {exc}") from None
    taken = {n.label for n in doc.nodes()}
    new_ids: dict[str, str] = {}
    reserved: set[str] = set()
    children = []
    for n in spec["nodes"]:
        node_id = doc.new_id()
        while node_id in reserved:
            node_id = doc.new_id()
        reserved.add(node_id)
        label = _fresh_label(n["label"], taken)
        taken.add(label)
        new_ids[n["id"]] = node_id
        pos = (n["pos"][0] + float(offset[0]), n["pos"][1] + float(offset[1]))
        node = doc.make_node(n["kind"], n["op"], label, n["value"], pos, n["params"], n["slider"], node_id=node_id)
        children.append(AddNode(node))
    for src, dst, port in spec["edges"]:
        children.append(Connect(new_ids[src], new_ids[dst], port))
    count = len(spec["nodes"])
    return Macro(f"paste {count} node{'s' if count != 1 else ''}", children)


def _fresh_label(label: str, taken: set[str]) -> str:
    """The label itself if free, else a numbered variant (w1 -> w1_2, e -> e2) nobody uses."""
    if label not in taken:
        return label
    stem = re.sub(r"_\d+$", "", label) if re.search(r"\d_\d+$", label) else label
    sep = "_" if stem[-1:].isdigit() else ""
    i = 2
    while f"{stem}{sep}{i}" in taken:
        i += 1
    return f"{stem}{sep}{i}"
