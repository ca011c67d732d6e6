"""Hypothesis strategies: random valid circuits (every scalar registry op) and random edits."""

from __future__ import annotations

from hypothesis import strategies as st

from engine import commands as cmd
from engine import ops
from engine.circuit.document import Circuit

SCALAR_OPS = [op.name for op in ops.scalar_ops()]
LEAF_KINDS = ["input", "weight", "constant"]
finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
coords = st.tuples(finite, finite)
labels = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=6).filter(
    lambda s: s.strip() == s and s)
sliders = st.tuples(st.floats(-100, 0, allow_nan=False), st.floats(0.5, 100, allow_nan=False),
                    st.floats(0.001, 1, allow_nan=False))
datasets = st.one_of(st.none(), st.builds(lambda n, noise: {"name": "moons", "params": {"n": n, "noise": noise}},
                                          st.integers(10, 500), st.floats(0, 1)))
trainings = st.fixed_dictionaries({"optimizer": st.sampled_from(["sgd", "adam"]), "lr": st.floats(1e-4, 1),
                                   "steps": st.integers(1, 1000)})


def _label(draw, doc: Circuit, base: str) -> str:
    text = draw(st.one_of(st.just(base), labels))
    return doc.unique_label(text)


def op_params(draw, op_name: str) -> dict:
    return {p.name: draw(st.floats(p.lo, p.hi, allow_nan=False)) for p in ops.get(op_name).params}


@st.composite
def circuits(draw, max_leaves: int = 4, max_ops: int = 8) -> Circuit:
    """A random valid circuit: leaves, wired scalar ops, maybe blocks, an output, dataset, training."""
    doc = Circuit()
    for _ in range(draw(st.integers(1, max_leaves))):
        kind = draw(st.sampled_from(LEAF_KINDS))
        doc.add_node(doc.make_node(kind, label=_label(draw, doc, kind[0]), value=draw(finite), pos=draw(coords),
                                   slider=draw(sliders)))
    for _ in range(draw(st.integers(0, max_ops))):
        name = draw(st.sampled_from(SCALAR_OPS))
        earlier = [n.id for n in doc.nodes()]
        node = doc.add_node(doc.make_node("op", name, label=_label(draw, doc, name), params=op_params(draw, name),
                                          pos=draw(coords)))
        for port in node.input_ports():
            if draw(st.integers(0, 9)) > 0:  # leave a port unwired now and then
                doc.connect(draw(st.sampled_from(earlier)), node.id, port)
    if draw(st.booleans()):
        w = draw(st.lists(finite, min_size=2, max_size=2))
        doc.add_node(doc.make_node("neuron", params={"w": w, "b": draw(finite)}, pos=draw(coords)))
    if draw(st.booleans()):
        doc.add_node(doc.make_node("dense", params={"activation": draw(st.sampled_from(["relu", "tanh"]))}))
    if draw(st.booleans()):
        sinks = [n.id for n in doc.nodes() if doc.graph.out_degree(n.id) == 0 and n.kind not in ("dense",)]
        out = doc.add_node(doc.make_node("output", label=doc.unique_label("out")))
        doc.connect(draw(st.sampled_from(sinks)), out.id, "x")
    doc.set_dataset(draw(datasets))
    doc.set_training(draw(trainings))
    return doc


def random_edit(draw, doc: Circuit):
    """One random command that is valid on `doc` (or None when the drawn edit does not apply)."""
    nodes = [n.id for n in doc.nodes()]
    action = draw(st.sampled_from(["add_leaf", "add_op", "remove", "connect", "disconnect", "value", "label", "move",
                                   "params", "slider", "dataset", "training", "macro"]))
    if action == "add_leaf":
        kind = draw(st.sampled_from(LEAF_KINDS))
        return cmd.AddNode(doc.make_node(kind, value=draw(finite), pos=draw(coords)))
    if action == "add_op":
        name = draw(st.sampled_from(SCALAR_OPS))
        return cmd.AddNode(doc.make_node("op", name, params=op_params(draw, name), pos=draw(coords)))
    if not nodes:
        return None
    node_id = draw(st.sampled_from(nodes))
    node = doc.node(node_id)
    if action == "remove":
        return cmd.RemoveNode(node_id)
    if action == "connect":
        if not node.input_ports():
            return None
        src, port = draw(st.sampled_from(nodes)), draw(st.sampled_from(node.input_ports()))
        allowed = doc.why_not_connect(src, node_id, port, replacing=True) is None
        return cmd.Connect(src, node_id, port) if allowed else None
    if action == "disconnect":
        wired = sorted(doc.inputs_of(node_id))
        return cmd.Disconnect(node_id, draw(st.sampled_from(wired))) if wired else None
    if action == "value":
        return cmd.SetValue(node_id, draw(finite))
    if action == "label":
        text = draw(labels)
        return None if doc.has_label(text) else cmd.SetLabel(node_id, text)
    if action == "move":
        return cmd.Move(node_id, draw(coords))
    if action == "params":
        return cmd.SetParams(node_id, op_params(draw, node.op)) if node.op and ops.get(node.op).params else None
    if action == "slider":
        return cmd.SetSlider(node_id, draw(sliders))
    if action == "dataset":
        return cmd.SetDocAttr("dataset", draw(datasets))
    if action == "training":
        return cmd.SetDocAttr("training", draw(trainings))
    return cmd.Macro("move and set", [cmd.Move(node_id, draw(coords)), cmd.SetValue(node_id, draw(finite))])
