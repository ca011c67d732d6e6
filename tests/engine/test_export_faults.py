"""Exported scripts on numeric faults: one line naming the node the app names, a non-zero exit, no traceback.

The family of faulting circuits is generated from the registry: every scalar op, on every combination of
a pool of inputs (and exponents for powk), whose forward result is not finite although its inputs are.
"""

from __future__ import annotations

import itertools
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from engine import ops
from engine.backends import S
from engine.circuit.document import Circuit
from engine.circuit.evaluate import Evaluator
from engine.export import to_python, to_torch
from engine.expr import circuit_from_expression
from tests.engine.export_harness import run_script, runnable_exports

POOL = [0.0, -1.0, -8.0, 0.5, 1000.0, 1e200, -1e200, 1.5e308, -1.5e308]
EXPONENTS = [0.5, -1.0, 3.0]


def fault_cases():
    """(name, circuit) for each scalar op and input tuple that trips it: leaves -> op -> output."""
    for op in ops.scalar_ops():
        params = [{"k": k} for k in EXPONENTS] if op.params else [{}]
        for xs in itertools.product(POOL, repeat=op.arity):
            for p in params:
                try:
                    out = op.forward(S, *xs, **p)
                except (ArithmeticError, ValueError):
                    out = math.nan
                if math.isfinite(out):
                    continue
                doc = Circuit()
                ids = [doc.add_node(doc.make_node("input", label=f"x{i + 1}", value=x)).id for i, x in enumerate(xs)]
                node = doc.add_node(doc.make_node("op", op.name, label=f"{op.name}_node", params=p or None))
                for src, port in zip(ids, op.inputs, strict=True):
                    doc.connect(src, node.id, port)
                out_node = doc.add_node(doc.make_node("output", label="out"))
                doc.connect(node.id, out_node.id, "x")
                yield f"{op.name}{p or ''}{xs}", doc
                break  # one exponent per input tuple is enough


def formula_cases():
    """Faults deeper in a circuit: the issue's sin(exp(exp(x))) at x = 7, and friends."""
    for text, values in [("y = sin(exp(exp(x)))", {"x": 7}), ("y = cos(x * 1e300 * 1e300)", {"x": 2}),
                         ("h = log(a - b); y = tanh(h) * c", {"a": 1, "b": 2, "c": 3}),
                         ("p = x ** 0.5; q = p / (x - x); y = p + q", {"x": 4}),
                         ("y = (a / b) * log(a)", {"a": -1, "b": 0})]:
        yield text, circuit_from_expression(text, values=values)


CASES = list(fault_cases()) + list(formula_cases())


def first_fault(doc):
    """(node id, registry diagnosis) of the first node in topological order whose value is not finite although
    its inputs are: an independent walk with the registry's forward rules, not the Evaluator."""
    vals = {}
    for node_id in doc.topological_order():
        node = doc.node(node_id)
        xs = [vals[src] for src in (doc.inputs_of(node_id)[p] for p in node.input_ports())]
        if node.is_leaf:
            vals[node_id] = node.value
        elif node.kind == "output":
            vals[node_id] = xs[0]
        elif node.kind == "neuron":
            w, b = node.params["w"], node.params["b"]
            vals[node_id] = sum(wi * x for wi, x in zip(w, xs, strict=True)) + b
            if not math.isfinite(vals[node_id]):
                return node_id, None
        else:
            op = ops.get(node.op)
            try:
                vals[node_id] = op.forward(S, *xs, **node.params)
            except (ArithmeticError, ValueError):
                vals[node_id] = math.nan
            if not math.isfinite(vals[node_id]):
                return node_id, ops.diagnose(op, xs, node.params)
    raise AssertionError("this case must be a numeric fault")


def app_agrees(doc, node_id, reason):
    """The app diagnoses the same node with the same words (when it can evaluate at all: sin(inf) raised
    ValueError before issue 9 item 5, fixed on another branch)."""
    try:
        ev = Evaluator(doc)
        ev.run()
    except ValueError:
        return
    assert node_id in ev.errors and (reason is None or ev.errors[node_id].endswith(reason)), ev.errors


def test_the_family_covers_every_op_that_can_fault():
    faulting = {name.split("{")[0].split("(")[0] for name, _ in fault_cases()}
    assert faulting >= {"add", "sub", "mul", "div", "pow", "powk", "square", "exp", "log"}
    assert len(CASES) > 60


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory() as where:
        yield Path(where)


@pytest.mark.parametrize("name, doc", CASES, ids=[n for n, _ in CASES])
def test_python_script_names_the_node_the_app_diagnoses(workdir, name, doc):
    node_id, reason = first_fault(doc)
    app_agrees(doc, node_id, reason)
    node = doc.node(node_id)
    code, stdout = run_script(to_python(doc), workdir)
    assert code == f"node {node.label!r} ({node.op}): {reason}"  # the app's words: label, op, diagnosis
    assert stdout == ""


@pytest.mark.parametrize("name, doc", CASES, ids=[n for n, _ in CASES])
def test_torch_script_names_the_node_the_app_diagnoses(workdir, name, doc):
    pytest.importorskip("torch")
    node_id, reason = first_fault(doc)
    app_agrees(doc, node_id, reason)
    node = doc.node(node_id)
    code, stdout = run_script(to_torch(doc), workdir)
    assert isinstance(code, str) and code.startswith(f"node {node.label!r} ({node.op}): non-finite result ")
    assert "\n" not in code and stdout == ""


@pytest.mark.parametrize("export", [to_python, to_torch], ids=["python", "torch"])
def test_real_processes_exit_non_zero_with_one_line_and_no_traceback(tmp_path, export):
    if export is to_torch:
        pytest.importorskip("torch")
    for text, values in [("y = sin(exp(exp(x)))", {"x": 7}), ("y = log(x) * 2", {"x": -3})]:
        path = tmp_path / "faulty.py"
        path.write_text(export(circuit_from_expression(text, values=values)), encoding="utf-8")
        done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert done.returncode == 1 and done.stdout == ""
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
        assert done.stderr.startswith("node 'exp2' (exp): " if "sin" in text else "node 'log' (log): ")


def test_neuron_block_overflow_is_named(workdir):
    doc = Circuit()
    x = doc.add_node(doc.make_node("input", label="x", value=1e200)).id
    n = doc.add_node(doc.make_node("neuron", label="n", params={"n": 1, "w": [1e200], "b": 0.0,
                                                                 "activation": "linear"})).id
    doc.connect(x, n, "x1")
    assert first_fault(doc)[0] == n
    app_agrees(doc, n, None)
    for export in runnable_exports():
        code, _ = run_script(export(doc), workdir)
        assert isinstance(code, str) and code.startswith("node 'n' (neuron): ")
