"""Fitting a network to a newly chosen dataset, so that choosing one never leaves a broken circuit.

A network that reads the whole data matrix (a data node of column X into a dense layer, as the moons,
spiral and digits examples do) is sized for its dataset: 2 inputs for the moons, 64 for the digits, and
as many logits as classes under a softmax cross-entropy. When the learner picks another dataset:

- `spec_for(doc, spec)` labels it the way the circuit's loss reads labels: -1/+1 for a hinge loss, 0/1
  for a BCE or a softmax cross-entropy; the spiral gets as many arms as the cross-entropy has logits.
- `fit(doc, spec)` returns the edits that give each dense layer reading X the dataset's width and the
  layer feeding the cross-entropy one logit per class (new seeded weights: the old ones answered another
  question), and a note per change or per mismatch it cannot fix, for the status line: ("reads", layer,
  width), ("logits", layer, classes), ("two_classes", loss op, classes) (a hinge loss cannot read ten),
  ("labels", loss op, "the label values") (a hinge loss reads -1/+1, not 0/1). The caller pushes them with
  the dataset choice as one undo entry (`choose` makes them all).
"""

from __future__ import annotations

import inspect
import zlib

import numpy as np

from .. import datasets
from .commands import Connect, SetDocAttr, SetParams
from .data import dataset_arrays
from .document import Circuit, CircuitError
from .feature_edits import choose_dataset, reads_matrix

LABELS = {"hinge": "pm1", "bce": "01", "bce_logits": "01", "softmax_ce": "01"}  # how each loss reads labels
TWO_CLASS = {"hinge", "bce", "bce_logits"}


def _loss(doc: Circuit):
    """The loss node at the circuit's root (through an output node), or None."""
    root = doc.result_node()
    return root if root is not None and root.kind == "op" and root.op in LABELS else None


def _logits_layer(doc: Circuit, loss):
    """The dense layer whose output is the cross-entropy's logits, or None."""
    if loss is None or loss.op != "softmax_ce":
        return None
    src = doc.inputs_of(loss.id).get(loss.input_ports()[0])
    node = doc.node(src) if src else None
    return node if node is not None and node.kind == "dense" else None


def spec_for(doc: Circuit, spec: dict | None) -> dict | None:
    """`spec` with the labels (and the spiral's arms) the circuit's loss reads; unchanged for any other."""
    if not spec or "name" not in spec:
        return spec
    loss = _loss(doc)
    accepts = datasets.PARAMS.get(spec["name"], {})
    params = dict(spec.get("params") or {})
    if loss is not None and "labels" in accepts:
        params.setdefault("labels", LABELS[loss.op])
    layer = _logits_layer(doc, loss)
    if layer is not None and "classes" in accepts:
        low, high = accepts["classes"][1:3]
        nout = int(layer.params.get("nout", 2))
        if low <= nout <= high:
            params.setdefault("classes", nout)
    defaults = inspect.signature(datasets.DATASETS[spec["name"]]).parameters
    params = {k: v for k, v in params.items()  # a default said again is left out: the file stays as it was
              if k in (spec.get("params") or {}) or k not in defaults or defaults[k].default != v}
    return {**spec, "params": params}


def _labels_suit(op: str, classes: np.ndarray) -> bool:
    """Whether a loss reads these label values as classes: -1/+1 for a hinge, 0/1 for a BCE, 0, 1, 2...
    for a softmax cross-entropy."""
    if op == "hinge":
        return set(classes.tolist()) <= {-1.0, 1.0}
    if op in ("bce", "bce_logits"):
        return set(classes.tolist()) <= {0.0, 1.0}
    return bool(np.all(classes == np.round(classes)) and classes.min(initial=0.0) >= 0)


def _init(label: str, nout: int, nin: int, activation: str) -> np.ndarray:
    """Seeded uniform weights for a layer's new shape (seeded by its label: the same choice, the same
    weights), scaled to its fan-in as He (ReLU) or LeCun (others) uniform initialisation does."""
    rng = np.random.default_rng(zlib.crc32(f"{label}:{nout}x{nin}".encode()))
    limit = np.sqrt((6.0 if activation == "relu" else 3.0) / nin)
    return rng.uniform(-limit, limit, (nout, nin))


def _reshaped(node, params: dict, nout: int, nin: int) -> SetParams:
    """The edit giving a dense layer the shape nout x nin with new seeded weights (and zero biases)."""
    W = _init(node.label, nout, nin, str(params.get("activation", "relu")))
    return SetParams(node.id, {**params, "nin": nin, "nout": nout, "W": W, "b": np.zeros(nout)})


def fit(doc: Circuit, spec: dict | None, pending: dict | None = None) -> tuple[list, list[tuple]]:
    """(edits, notes) that size the network for dataset `spec` (already labelled by spec_for): nothing
    when it fits, or when the dataset cannot be made (the evaluator says why). `pending`: node id ->
    the parameters earlier edits of the same choice give it (a feature's weight column taken out)."""
    if not spec:
        return [], []
    pending = pending or {}

    def params(node) -> dict:
        return pending.get(node.id, node.params)

    try:
        X, y = dataset_arrays(spec)
    except CircuitError:
        return [], []
    width, notes, shapes = X.shape[1], [], {}
    for node in doc.nodes():
        if reads_matrix(doc, node) and int(params(node).get("nin", -1)) != width:
            shapes[node.id] = (int(params(node).get("nout", 1)), width)
            notes.append(("reads", node.label, width))
    loss = _loss(doc)
    classes = np.unique(np.ravel(y))
    layer = _logits_layer(doc, loss)
    if layer is not None and classes.size and _labels_suit("softmax_ce", classes):  # class indices 0, 1, 2...
        k = int(classes.max()) + 1
        if int(params(layer).get("nout", 0)) != k:
            shapes[layer.id] = (k, shapes.get(layer.id, (0, int(params(layer).get("nin", 1))))[1])
            notes.append(("logits", layer.label, k))
    if loss is not None and loss.op in TWO_CLASS and classes.size > 2:
        notes.append(("two_classes", loss.op, int(classes.size)))
    elif loss is not None and not _labels_suit(loss.op, classes):
        notes.append(("labels", loss.op, ", ".join(f"{c:g}" for c in classes[:4])))
    edits = [_reshaped(doc.node(i), params(doc.node(i)), nout, nin) for i, (nout, nin) in shapes.items()]
    return edits, notes


def choose(doc: Circuit, spec: dict | None) -> tuple[list, list[str], list[tuple]]:
    """(edits, features dropped, notes) for choosing dataset `spec`: labelled for the circuit's loss, its
    features carried over where they can be (feature_edits.choose_dataset), the network sized to it."""
    spec = spec_for(doc, spec)
    edits, dropped = choose_dataset(doc, spec)
    final = next(e.new for e in reversed(edits) if isinstance(e, SetDocAttr) and e.attr == "dataset")
    pending = {e.node_id: e.new for e in edits if isinstance(e, SetParams)}
    sized, notes = fit(doc, final, pending)
    return edits + sized, dropped, notes


def wire_edits(doc: Circuit, src: str, dst: str, port: str, source_value=None) -> list:
    """The edits for wiring src into dst.port: the Connect, and for a dense block's input a new seeded weight
    matrix when the source's rows (`source_value`, as last computed) are wider or narrower than the block
    reads, so a learner who wires the digits' X into a fresh dense block gets a block that runs (and a
    document that saves) instead of a shape error."""
    edits = [Connect(src, dst, port)]
    node = doc.node(dst)
    width = np.shape(source_value)[1] if np.ndim(source_value) == 2 else None
    if node.kind == "dense" and port == "x" and width and int(node.params.get("nin", -1)) != width:
        edits.append(_reshaped(node, node.params, int(node.params.get("nout", 1)), width))
    return edits
