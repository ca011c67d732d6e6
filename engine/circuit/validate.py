"""Problems of a document that the editor allows but evaluation or training cannot use."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from .document import Circuit, CircuitError
from .json_values import SchemaError
from .schema import check_params
from .schema_settings import check_dataset


@dataclass(frozen=True)
class Problem:
    """One finding: severity 'error' (cannot evaluate) or 'warning', the node concerned, what is wrong."""

    severity: str
    node_id: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"


def validate(doc: Circuit) -> list[Problem]:
    """Every problem of the document, errors first, in a stable order."""
    problems: list[Problem] = []
    order = doc.topological_order()
    if not order:
        return [Problem("warning", None, "the circuit is empty")]
    for node_id in order:
        node = doc.node(node_id)
        wired = doc.inputs_of(node_id)
        for port in node.input_ports():
            if port not in wired:
                problems.append(Problem("error", node_id, f"{node.label!r} port {port} has no wire"))
        problems.extend(_block_problems(node))
        if node.kind == "data" and doc.dataset is None:
            problems.append(Problem("error", node_id, f"data node {node.label!r} reads column "
                                    f"{node.params.get('column')!r} but the circuit has no dataset"))
    problems.extend(_root_problems(doc))
    problems.extend(_island_problems(doc, order))
    problems.extend(_dataset_problems(doc))
    return sorted(problems, key=lambda p: p.severity != "error")


def errors(problems: list[Problem]) -> list[Problem]:
    """Only the errors (what stops evaluation)."""
    return [p for p in problems if p.severity == "error"]


def _root_problems(doc: Circuit) -> list[Problem]:
    """Why the document's root rule (Circuit.root) finds no single root, as problems of a severity."""
    try:
        doc.root()
        return []
    except CircuitError:
        outputs = doc.outputs()
    if not outputs:
        return [Problem("error", None, "the circuit has no output: add an output node or an op whose result "
                        "nothing else uses")]
    marked = [n for n in outputs if n.kind == "output"]
    if not marked and len(outputs) > 1:
        names = ", ".join(repr(n.label) for n in outputs[:5])
        return [Problem("warning", outputs[0].id, f"several results nothing uses ({names}); "
                        "add an output node to choose the root")]
    if len(marked) > 1:
        names = ", ".join(repr(n.label) for n in marked[:5])
        return [Problem("warning", marked[1].id, f"{len(marked)} output nodes ({names}); keep one to choose the root")]
    return []


def _island_problems(doc: Circuit, order: list[str]) -> list[Problem]:
    """Groups of nodes not connected to the root's part of the circuit."""
    rank = {n: i for i, n in enumerate(order)}
    parts = [sorted(c, key=rank.__getitem__) for c in nx.weakly_connected_components(doc.graph)]
    if len(parts) < 2:
        return []
    outputs = doc.outputs()
    root = outputs[0].id if outputs else order[-1]
    problems = []
    for part in sorted(parts, key=lambda c: rank[c[0]]):
        if root in part:
            continue
        labels = [doc.node(n).label for n in part]
        shown = ", ".join(repr(x) for x in labels[:4]) + (f" and {len(labels) - 4} more" if len(labels) > 4 else "")
        what = "node" if len(labels) == 1 else "nodes"
        problems.append(Problem("warning", part[0], f"{what} {shown} not connected to the rest of the circuit"))
    return problems


def _block_problems(node) -> list[Problem]:
    """Parameters of a node that the file checks refuse (engine.circuit.schema: the one place)."""
    try:
        check_params(node.kind, node.op, node.params, f"{node.kind} {node.label!r}")
    except SchemaError as exc:
        return [Problem("error", node.id, str(exc))]
    return []


def _dataset_problems(doc: Circuit) -> list[Problem]:
    try:
        check_dataset(doc.dataset)
    except SchemaError as exc:
        return [Problem("error", None, str(exc))]
    return []


def run_problems(doc: Circuit) -> list[Problem]:
    """A trial forward and backward pass with the document's own values and dataset: the first node whose
    op cannot take its inputs (shapes that do not fit, an op used out of context, an array too large to
    make) is named instead of raised. Unwired ports and unknown columns are left to validate() and the
    evaluator, which report them. A numeric fault (math.sin(inf) raising on Python floats) is not a
    problem of the document: the same step on numpy floats gives a NaN/inf that the evaluator diagnoses."""
    from .compile import compile_circuit
    from .evaluate import column, dataset_arrays

    try:
        tape = compile_circuit(doc)
        vals = [None] * len(tape.ids)
        for nid, slot in tape.leaves.items():
            vals[slot] = float(tape.nodes[nid].value)
        if tape.data:
            X, y = dataset_arrays(doc.dataset)
            for nid, slot in tape.data.items():
                vals[slot] = column(X, y, tape.nodes[nid].params.get("column", "x1"))
    except CircuitError:
        return []
    with np.errstate(all="ignore"):
        for ins in tape.instrs:
            xs = [vals[i] for i in ins.ins]
            try:
                _check_size(ins, xs)
                vals[ins.out] = _forward(ins, xs, tape.batch)
            except Exception as exc:  # noqa: BLE001 - any failure of an op is this node's problem
                return [_run_problem(doc, ins, xs, exc, "cannot take")]
        try:
            root = doc.root().id
        except CircuitError:
            return []
        return _backward_problems(doc, tape, vals, tape.slots[root])


def _forward(ins, xs, batch: bool):
    from ..backends import A, S

    try:
        return ins.fn.forward(A if batch else S, *xs, **ins.params)
    except (ArithmeticError, ValueError):  # math.sin(inf), math.exp overflow ... (not a wrong type)
        if batch:
            raise
    out = ins.fn.forward(A, *[np.float64(x) if type(x) is float else x for x in xs], **ins.params)
    return float(out) if np.ndim(out) == 0 else out  # a numeric fault: IEEE numbers go on


def _backward_problems(doc, tape, vals, root) -> list[Problem]:
    from ..backends import A, S
    from .compile import backward_steps

    tries = [(A, vals)] if tape.batch else [(S, vals), (A, [np.float64(v) if type(v) is float else v for v in vals])]
    for k, (m, values) in enumerate(tries):
        grads = [None] * len(tape.ids)
        grads[root] = np.ones_like(values[root]) if isinstance(values[root], np.ndarray) else 1.0
        done = set()
        try:
            for ins, _ in backward_steps(tape, values, grads, root, m, {}, fast=True):
                done.add(ins.node_id)
            return []
        except Exception as exc:  # noqa: BLE001
            if k == 0 and not tape.batch and isinstance(exc, ArithmeticError | ValueError):
                continue  # maybe a numeric fault of Python floats: try IEEE numpy floats
            ins = next(i for i in reversed(tape.instrs) if i.node_id not in done and grads[i.out] is not None)
            return [_run_problem(doc, ins, [values[i] for i in ins.ins], exc,
                                 "cannot pass the gradient back through")]
    return []


MAX_ELEMENTS = 10**7  # the largest array a node may produce (80 MB)


def _check_size(ins, xs) -> None:
    name = getattr(ins.fn, "name", "")
    shapes = [np.shape(x) for x in xs]
    if name == "matmul" and all(len(s) == 2 for s in shapes):
        rows, cols = shapes[0][0], shapes[1][1]
    elif name == "dense":
        rows, cols = (shapes[0][0] if len(shapes[0]) else 1), int(ins.params.get("nout", 1))
    else:
        return
    if rows * cols > MAX_ELEMENTS:
        raise ValueError(f"its result would be a {rows:,} x {cols:,} array, more than {MAX_ELEMENTS:,} numbers")


def _run_problem(doc, ins, xs, exc, what: str) -> Problem:
    node = doc.node(ins.node_id)
    name = node.op or node.kind
    shapes = " and ".join("a number" if np.ndim(x) == 0 else "shape " + "x".join(map(str, np.shape(x))) for x in xs)
    reason = " ".join(str(exc).split())[:300] or type(exc).__name__
    return Problem("error", node.id, f"{node.label!r} ({name}) {what} its inputs ({shapes or 'none'}): {reason}")


def problems_after(doc: Circuit, edits) -> list[Problem]:
    """run_problems() of the document as these edits would leave it, the document itself unchanged (the
    edits are done and undone with its events held back: no view hears of the trial). For refusing a
    wire that would make a runnable circuit one that cannot run, and so cannot be saved."""
    done = []
    with doc.events.blocked():
        try:
            for edit in edits:
                edit.do(doc)
                done.append(edit)
            return run_problems(doc)
        except CircuitError as exc:
            return [Problem("error", None, str(exc))]
        finally:
            for edit in reversed(done):
                edit.undo(doc)


def breaks_run(doc: Circuit, edits) -> Problem | None:
    """The first problem `edits` would bring to a circuit that runs now (None if it keeps running, or if
    it does not run already: an edit may be the learner's way out). The editor's guard for wires and
    parameter choices: a runnable, saveable document is never made one that cannot run."""
    if run_problems(doc):
        return None
    problems = problems_after(doc, edits)
    return problems[0] if problems else None
