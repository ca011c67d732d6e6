"""Inside a 2-D classifier: what each neuron computes over the input plane, and where a layer puts the data.

A *unit* is one neuron block, or one output of a dense block. Units are grouped into *layers*: a dense
block is one layer; neuron blocks fed by the same sources form one layer (TensorFlow Playground's
columns of neurons). All maps come from one forward pass of the compiled circuit on an n x n grid of the
input plane given as data (nothing the evaluator holds changes), so the decision boundary and every
unit map agree with the circuit as it is now.

The hidden space is the dataset mapped through one layer: each point's outputs of two chosen units
(a 1-unit layer gives one coordinate: a 1-D strip).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .data import dataset_arrays
from .document import CircuitError
from .probe import _run, classifier_data

BLOCK_KINDS = ("neuron", "dense")
# the level where an activation's output turns (drawn as the unit's own boundary)
TURNING = {"sigmoid": 0.5, "relu": 1e-9, "leaky_relu": 0.0}


@dataclass(frozen=True)
class Unit:
    node_id: str
    index: int  # which output of a dense block (0 for a neuron block)
    name: str = field(compare=False)  # 'layer1[3]' (1-based, as the learner counts) or the neuron's label


@dataclass(frozen=True)
class Layer:
    name: str
    units: tuple[Unit, ...]


@dataclass
class UnitMaps:
    """Every unit's output over the plane: maps[unit][i, j] at (xs[i], ys[j]); NaN where not finite."""

    xs: np.ndarray
    ys: np.ndarray
    layers: list[Layer]
    maps: dict[Unit, np.ndarray]
    X: np.ndarray  # the dataset, for the scatter
    y: np.ndarray

    def units(self) -> list[Unit]:
        return [u for layer in self.layers for u in layer.units]


@dataclass
class UnitInfo:
    """What goes into one unit: its inputs' names, weights, bias, activation and the formula."""

    unit: Unit
    inputs: list[str]
    weights: np.ndarray
    bias: float
    activation: str

    def formula(self, digits: int = 3, most: int | None = None) -> str:
        """'relu(0.756·x1 − 0.629·x2 + 0.12)': the unit's formula with its numbers filled in; with `most`,
        only the `most` largest weights are written out ('… 12 more terms' stands for the rest)."""
        terms = []
        shown = range(len(self.weights))
        if most is not None and len(self.weights) > most:
            shown = sorted(np.argsort(-np.abs(self.weights), kind="stable")[:most])
        for i in shown:
            w, name = self.weights[i], self.inputs[i]
            sign = "−" if w < 0 else "+"
            terms.append(f"{sign} {abs(w):.{digits}g}·{name}")
        if len(terms) < len(self.weights):
            terms.append(f"+ … {len(self.weights) - len(terms)} more terms")
        sign = "−" if self.bias < 0 else "+"
        terms.append(f"{sign} {abs(self.bias):.{digits}g}")
        body = " ".join(terms)
        body = body[2:] if body.startswith("+ ") else "−" + body[2:]
        return body if self.activation == "linear" else f"{self.activation}({body})"


def _order(doc, tape) -> list:
    """The document's neuron and dense blocks in the tape's (topological) order."""
    blocks = [n for n in doc.nodes() if n.kind in BLOCK_KINDS and n.id in tape.slots]
    return sorted(blocks, key=lambda n: tape.slots[n.id])


def layers(doc, tape) -> list[Layer]:
    """The circuit's layers of units, inputs first."""
    out: list[Layer] = []
    groups: dict[tuple, list] = {}
    for node in _order(doc, tape):
        if node.kind == "dense":
            nout = int(node.params.get("nout", 1))
            units = tuple(Unit(node.id, j, f"{node.label}[{j + 1}]" if nout > 1 else node.label) for j in range(nout))
            out.append(Layer(node.label, units))
            continue
        sources = tuple(sorted(doc.inputs_of(node.id).values()))
        if sources not in groups:
            groups[sources] = []
            out.append(Layer("", ()))  # a placeholder where this group of neurons first appears
            groups[sources].append(len(out) - 1)
        groups[sources].append(node)
    for index, *nodes in groups.values():
        names = [n.label for n in nodes]
        out[index] = Layer(", ".join(names) if len(names) < 4 else f"{names[0]} … {names[-1]}",
                           tuple(Unit(n.id, 0, n.label) for n in nodes))
    return out


def plane(ev, n: int = 40, margin: float = 0.5):
    """(xs, ys, X, y) of an n x n grid around a 2-D dataset, or None (no classifier on 2-D data)."""
    found = None if ev.compile_error else classifier_data(ev)
    if found is None:
        return None
    _clf, X, y = found
    if X.ndim != 2 or X.shape[1] != 2 or not len(X):
        return None
    (x0, y0), (x1, y1) = X.min(axis=0) - margin, X.max(axis=0) + margin
    return np.linspace(x0, x1, n), np.linspace(y0, y1, n), X, np.ravel(y)


def _outputs(vals, tape, unit: Unit, count: int) -> np.ndarray | None:
    """One unit's output per sample (count samples) from a forward pass's slot values, or None."""
    v = vals[tape.slots[unit.node_id]]
    if not isinstance(v, np.ndarray) or v.shape[:1] != (count,):
        return None  # the block does not depend on the data: no map
    v = v.reshape(count, -1)
    if unit.index >= v.shape[1]:
        return None
    col = np.asarray(v[:, unit.index], dtype=np.float64)
    return np.where(np.isfinite(col), col, np.nan)


def unit_maps(ev, n: int = 40) -> UnitMaps | None:
    """Every unit's output over an n x n grid of the input plane (one forward pass), or None."""
    where = plane(ev, n)
    if where is None:
        return None
    xs, ys, X, y = where
    try:
        tape = ev.ensure_compiled()
        gx, gy = np.meshgrid(xs, ys, indexing="ij")
        grid = np.column_stack([gx.ravel(), gy.ravel()])
        with np.errstate(all="ignore"):
            vals = _run(ev, {}, (grid, np.zeros(len(grid))))
    except (CircuitError, ValueError, TypeError):
        return None
    maps, shown = {}, []
    for layer in layers(ev.doc, tape):
        units = []
        for unit in layer.units:
            out = _outputs(vals, tape, unit, len(grid))
            if out is not None:
                maps[unit] = out.reshape(n, n)
                units.append(unit)
        if units:
            shown.append(Layer(layer.name, tuple(units)))
    return UnitMaps(xs, ys, shown, maps, X, y)


@dataclass
class HiddenSpace:
    """The dataset's points as a layer sees them: coords (N, 2), or (N, 1) for a 1-unit layer."""

    layer: Layer
    axes: tuple[Unit, ...]
    coords: np.ndarray
    y: np.ndarray


def _on_dataset(ev, layer: Layer) -> tuple[list, np.ndarray] | None:
    """Each unit's output on every point of the dataset (one forward pass), and the labels; or None."""
    if ev.compile_error or not ev.doc.dataset:
        return None
    try:
        X, y = dataset_arrays(ev.doc.dataset)
        tape = ev.ensure_compiled()
        with np.errstate(all="ignore"):
            vals = _run(ev, {}, (X, y))
    except (CircuitError, ValueError, TypeError):
        return None
    return [_outputs(vals, tape, u, len(X)) for u in layer.units], np.ravel(y)


def hidden_space(ev, layer: Layer, a: int = 0, b: int = 1) -> HiddenSpace | None:
    """The dataset mapped through `layer`, units a and b (indices into layer.units) as the axes."""
    got = _on_dataset(ev, layer)
    if got is None:
        return None
    outs, y = got
    picked = (a,) if len(layer.units) == 1 else (a, b)
    cols = [outs[i] for i in picked]
    if any(c is None for c in cols):
        return None
    return HiddenSpace(layer, tuple(layer.units[i] for i in picked), np.column_stack(cols), y)


def liveliest(ev, layer: Layer) -> tuple[int, int]:
    """The two units of a layer whose outputs vary most over the dataset (the default hidden-space axes)."""
    got = _on_dataset(ev, layer)
    outs = got[0] if got is not None else [None] * len(layer.units)
    spread = np.nan_to_num([np.nanstd(c) if c is not None else 0.0 for c in outs])
    order = np.argsort(-spread, kind="stable")
    return int(order[0]), int(order[min(1, len(order) - 1)])


def _source_names(doc, node_id: str, port: str, width: int) -> list[str]:
    """Names of the values arriving on a block's port: x1, x2 (data), layer1[3] (a dense block), a label."""
    src = doc.inputs_of(node_id).get(port)
    if src is None:
        return [f"{port}[{j + 1}]" for j in range(width)] if width > 1 else [port]
    node = doc.node(src)
    if node.kind == "data" and node.params.get("column") == "X":
        return [f"x{j + 1}" for j in range(width)]
    if width == 1:
        return [node.label]
    return [f"{node.label}[{j + 1}]" for j in range(width)]


def unit_info(doc, unit: Unit) -> UnitInfo:
    """The unit's incoming weights (with the names of their inputs), bias and activation."""
    node = doc.node(unit.node_id)
    p = node.params
    if node.kind == "dense":
        W = np.asarray(p["W"], dtype=np.float64)
        weights, bias = W[unit.index].copy(), float(np.ravel(p["b"])[unit.index])
        inputs = _source_names(doc, node.id, "x", W.shape[1])
    else:
        weights, bias = np.asarray(p.get("w", ()), dtype=np.float64), float(p.get("b", 0.0))
        inputs = [_source_names(doc, node.id, port, 1)[0] for port in node.input_ports()]
    return UnitInfo(unit, inputs, weights, bias, str(p.get("activation", "linear")))
