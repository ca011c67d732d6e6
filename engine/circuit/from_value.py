"""Rebuild a Value graph (engine.Value, or micrograd's Value) as a laid-out circuit."""

from __future__ import annotations

from collections.abc import Iterable

from .. import ops
from ..errors import EngineError
from ..value import Value, topological_order
from .document import Circuit

# micrograd's _op strings -> registry ops (its sub, div and neg are built from these)
_MICROGRAD_OPS = {"+": "add", "*": "mul", "ReLU": "relu", "relu": "relu", "tanh": "tanh", "exp": "exp"}


class FromValueError(EngineError, ValueError):
    """A Value graph that cannot become a circuit; says which value and why."""


def circuit_from_value(root: Value, weights: Iterable[Value | str] = (),
                       constants: Iterable[Value | str] = ()) -> Circuit:
    """A circuit with one node per Value the root depends on; labels, data and ops are kept.

    Leaves become input nodes, or weight / constant nodes when they (or their labels) are listed
    in `weights` / `constants` (a Value cannot tell whether it is a parameter). Unlabelled leaves
    are named v1, v2, ...; unlabelled op results are named after their op (mul, mul2, ...); a label
    used twice gets a suffix (x, x_2). If the root is a leaf, an output node marks it.
    """
    if not isinstance(root, Value) and not all(hasattr(root, a) for a in ("data", "_prev", "_op")):
        what = type(root).__name__
        raise FromValueError(f"circuit_from_value needs an engine.Value (or a micrograd Value), got {what}")
    weight_ids, weight_labels = _split(weights)
    constant_ids, constant_labels = _split(constants)
    parts: dict[int, tuple] = {}
    topo = _topological(root, parts)
    doc = Circuit()
    taken = {_text(v) for v in topo if _text(v)}
    leaf_numbers = iter(range(1, 10 ** 9))
    used: set[str] = set()
    ids: dict[int, str] = {}
    for v in topo:
        fn, params, parents = parts[id(v)]
        label = _label(_text(v), fn, taken, used, leaf_numbers)
        if fn is None:
            if id(v) in weight_ids or _text(v) in weight_labels:
                kind = "weight"
            elif id(v) in constant_ids or _text(v) in constant_labels:
                kind = "constant"
            else:
                kind = "input"
            node = doc.make_node(kind, label=label, value=float(v.data), slider=slider_for(float(v.data)))
        else:
            node = doc.make_node("op", fn.name, label=label, params=params)
        doc.add_node(node)
        ids[id(v)] = node.id
        for port, parent in zip(node.input_ports(), parents, strict=True):
            doc.connect(ids[id(parent)], node.id, port)
    if parts[id(root)][0] is None:
        out = doc.add_node(doc.make_node("output", label=doc.unique_label(f"{doc.node(ids[id(root)]).label}_out")))
        doc.connect(ids[id(root)], out.id, "x")
    lay_out(doc)
    return doc


def slider_for(value: float) -> tuple[float, float, float]:
    """The default slider (-5, 5), doubled until it holds the value (b = 6.88 gets -10..10)."""
    span = 5.0
    while abs(value) > span and span < 1e12:
        span *= 2.0
    return (-span, span, 0.01)


def lay_out(doc: Circuit) -> None:
    """Place every node with the layered layout (positions rounded to tenths for tidy files)."""
    from .layout import layered_layout

    for node_id, (x, y) in layered_layout(doc).items():
        doc.move(node_id, (round(x, 1), round(y, 1)))


def _split(items: Iterable[Value | str]) -> tuple[set[int], set[str]]:
    ids, labels = set(), set()
    for item in items:
        if isinstance(item, str):
            labels.add(item)
        elif isinstance(item, Value) or hasattr(item, "_prev"):
            ids.add(id(item))
        else:
            raise FromValueError(f"weights/constants take Values or labels, got {type(item).__name__}")
    return ids, labels


def _text(v) -> str:
    label = getattr(v, "label", "")
    return label if isinstance(label, str) else ""


def _parts(v) -> tuple:
    """(registry op or None, params, ordered parents) of an engine or micrograd Value."""
    if isinstance(v, Value):
        if v._fn is None and v._parents:
            raise FromValueError(f"value {_text(v) or v!r} has inputs but no registered op (_op={v._op!r}); "
                                 "build it with the engine's Value operations")
        return v._fn, dict(v._params or {}), v._parents
    parents = tuple(getattr(v, "_prev", ()))
    op_text = str(getattr(v, "_op", "") or "")
    if not parents:
        return None, {}, ()
    if op_text.startswith("**"):
        try:
            return ops.get("powk"), {"k": float(op_text[2:])}, parents
        except ValueError:
            pass
    name = _MICROGRAD_OPS.get(op_text)
    if name is None:
        raise FromValueError(f"value {v!r}: op {op_text!r} is not one this converter knows "
                             f"({', '.join(sorted(_MICROGRAD_OPS))}, **k)")
    fn = ops.get(name)
    if fn.arity == 2 and len(parents) == 1:  # micrograd keeps parents in a set: a + a has one
        parents = parents * 2
    if len(parents) != fn.arity:
        raise FromValueError(f"value {v!r}: {op_text!r} with {len(parents)} inputs")
    return fn, {}, parents


def _topological(root, parts: dict[int, tuple]) -> list:
    """Every value the root depends on, parents first (engine.value's sort); fills `parts`."""

    def parents_of(v):
        if id(v) not in parts:
            parts[id(v)] = _parts(v)
        return parts[id(v)][2]

    return topological_order(root, parents_of)


def _label(text: str, fn, taken: set[str], used: set[str], leaf_numbers) -> str:
    """The node label for a value: its own if still free, else a fresh one no value uses."""
    if text and text not in used:
        candidates = iter([text])
    elif text:
        candidates = (f"{text}_{i}" for i in range(2, 10 ** 9))
    elif fn is None:
        candidates = (f"v{i}" for i in leaf_numbers)
    else:
        candidates = (fn.name if i == 1 else f"{fn.name}{i}" for i in range(1, 10 ** 9))
    for label in candidates:
        if label not in used and (label not in taken or label == text):
            used.add(label)
            return label
    raise AssertionError("unreachable")
