"""Exports never run code from a file and stay valid Python / DOT, whatever the labels, ops and params.

Random hostile labels go on every node of the example circuits. The generated scripts must parse, have
the same structure as the script of the same circuit with plain labels (a label can only ever change a
string literal or a variable name), run without executing a payload (sentinel file, sys attribute) and
print the engine's numbers. The DOT text is read back with a Graphviz-style lexer and record parser and
every label must come back as written.
"""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.circuit import io
from engine.circuit.evaluate import Evaluator
from engine.export import ExportError, to_dot, to_python, to_torch
from engine.export.common import identifiers, is_identifier
from tests.conftest import EXAMPLES
from tests.engine.export_harness import (
    PAYLOADS,
    cleaned,
    injected,
    parse_dot,
    record_fields,
    run_script,
    runnable_exports,
    shown,
)
from tests.engine.test_export import circuits

EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.json") if p.name != "index.json")
ALL = [(p.stem, io.load(p)) for p in EXAMPLE_FILES] + list(circuits())
SCALAR = [(name, doc) for name, doc in ALL if not doc.dataset and all(n.kind not in ("data", "dense")
                                                                          for n in doc.nodes())]

FRAGMENTS = ["'", '"', '"""', "'''", "#", "\\", "\\n", "\n", "\r", "\r\n", "\t", "\x00", "\x0c", "\x1b", "\u2028",
             "\u2029", "\x85", "\ud800", "\udfff", "{", "}", "|", "<", ">", "->", ";", "]", "[", "\\N", "\\G",
             "\\l", "é", "\u202e", "\ufeff", "__import__", "exec(", "\\x41", "{label}", "%s", "x1", "L", "torch",
             "Value", "nodes", "leaf", "node", "print", "lambda", "None", "True", "def", "class"]
ESCAPES = [pre + p + post for p in PAYLOADS for pre, post in [
    ("", ""), ("')\n", "\n('"), ('")\n', '\n("'), ("'''\n", "\n'''"), ('"""\n', '\n"""'), ("\n", ""),
    ("\r", ""), ("\u2028", ""), ("x # \n", ""), ("'+", "+'"), ("\\')\n", "#"), ("{", "}"), ("x}} {", "")]]
label_parts = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(ESCAPES),
                        st.text(st.characters(codec=None, categories=None), max_size=8))
hostile_labels = st.lists(label_parts, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip())


def relabelled(doc, labels):
    """A copy of the circuit with these labels (as a file could hold them: no stripping, no checks)."""
    copy = io.from_dict(io.to_dict(doc))
    for node, label in zip(copy.nodes(), labels, strict=False):
        node.label = label
    return copy


def app_rows(doc):
    """(shown label, data, grad) per node in topological order, as the scripts print them."""
    ev = Evaluator(doc)
    ev.run()
    assert not ev.errors
    return [(shown(doc.node(i).label), ev.value(i), ev.grad(i)) for i in doc.topological_order()]


def script_rows(stdout: str):
    rows = []
    for line in stdout.split("\n")[:-1]:
        label, data, grad = line.rsplit("\t", 2)
        rows.append((label, float(data), float(grad)))
    return rows


def skeleton(text: str) -> str:
    """The script's ast with string constants blanked and names numbered by first use. The functions the
    script defines are fixed text; their bodies are compared whole and left out of the numbering."""
    tree = ast.parse(text)
    functions = [ast.dump(f) for f in tree.body if isinstance(f, ast.FunctionDef)]
    tree.body = [f for f in tree.body if not isinstance(f, ast.FunctionDef)]
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node.value = "S"
        elif isinstance(node, ast.Name):
            node.id = names.setdefault(node.id, f"name{len(names)}")
    return ast.dump(tree) + "".join(functions)


def check_script(export, doc, plain, where: Path):
    text = export(doc)
    assert skeleton(text) == skeleton(export(plain))  # labels changed only literals and names
    code, stdout = run_script(text, where)
    assert not injected(where)
    assert code is None, code
    got, want = script_rows(stdout), app_rows(doc)
    assert [g[0] for g in got] == [w[0] for w in want]
    for (label, data, grad), (_, d, g) in zip(got, want, strict=True):
        assert data == pytest.approx(d, rel=1e-12, abs=1e-12), label
        assert grad == pytest.approx(g, rel=1e-9, abs=1e-12), label


def check_dot(doc):
    text = to_dot(doc)
    text.encode("utf-8")  # writable as a file
    _, nodes, edges = parse_dot(text)
    records = [attrs for attrs in nodes.values() if attrs.get("shape") == "record"]
    assert [record_fields(r["label"])[0] for r in records] == [cleaned(doc.node(i).label).strip(" ")
                                                              for i in doc.topological_order()]
    assert all(len(record_fields(r["label"])) == 3 for r in records)
    assert all(src in nodes and dst in nodes for src, dst, _ in edges)
    assert len(edges) == len(doc.edges()) + sum(n.kind in ("op", "neuron", "dense") for n in doc.nodes())


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory() as where:
        yield Path(where)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(SCALAR), st.lists(hostile_labels, min_size=20, max_size=20, unique=True))
def test_hostile_labels_never_run_and_scripts_print_the_engine_numbers(workdir, case, labels):
    pytest.importorskip("torch")
    _, plain = case
    doc = relabelled(plain, labels)
    check_script(to_python, doc, plain, workdir)
    check_script(to_torch, doc, plain, workdir)
    check_dot(doc)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ALL), st.lists(hostile_labels, min_size=20, max_size=20, unique=True))
def test_dot_reads_back_every_label_on_every_example(case, labels):
    check_dot(relabelled(case[1], labels))


@given(st.lists(st.text(st.characters(codec=None, categories=None), max_size=12), max_size=30))
def test_identifiers_come_from_the_whitelist_and_are_distinct(texts):
    names = identifiers(enumerate(texts), reserved={"v_n"})
    assert len(set(names.values())) == len(texts) and "v_n" not in names.values()
    assert all(is_identifier(n) for n in names.values())
    for i, text in enumerate(texts):
        if is_identifier(text) and not text.startswith("_") and text not in texts[:i]:
            assert names[i] == text or text in list(names.values())[:i]


def test_plain_labels_stay_readable_and_script_names_are_never_shadowed():
    names = identifiers(enumerate(["x1", "x1*w1", "torch", "print", "class", "node", "_x", "L", "x1"]))
    assert list(names.values()) == ["x1", "v_x1_w1", "v_torch", "v_print", "v_class", "v_node", "v_x", "L",
                                    "x1_2"]


# ---------------------------------------------------------------- other file text: ops, params, ids, values
def _doc(formula="y = tanh(a) * b", **values):
    from engine.expr import circuit_from_expression

    return circuit_from_expression(formula, values=values or None)


@pytest.mark.parametrize("field, value", [
    ("op", "tanh() or __import__('os').system('touch INJECTED')"),
    ("op", "matmul"),  # a registry op, but not a scalar one
    ("op", None),
    ("k", "3); __import__('os').system('touch INJECTED'); (1"),
    ("k", [1, 2]),
    ("activation", "tanh().__class__"),
    ("w", "1, 2"),
    ("b", "__import__('os')"),
])
def test_file_text_in_ops_and_params_is_refused(field, value):
    if field in ("op", "k"):
        doc = _doc("y = x ** 3")
        node = next(n for n in doc.nodes() if n.op == "powk")
        if field == "op":
            node.op = value
        else:
            node.params["k"] = value
    else:
        doc = _neuron_doc()
        node = next(n for n in doc.nodes() if n.kind == "neuron")
        node.params[field] = value
    for export in runnable_exports():
        with pytest.raises(ExportError) as info:
            export(doc)
        assert "\n" not in str(info.value)


def _neuron_doc():
    from engine.circuit.document import Circuit

    doc = Circuit()
    x1 = doc.add_node(doc.make_node("input", label="x1", value=2.0)).id
    x2 = doc.add_node(doc.make_node("input", label="x2", value=-1.0)).id
    n = doc.add_node(doc.make_node("neuron", label="n", params={"n": 2, "w": [0.5, -1.5], "b": 0.25,
                                                                 "activation": "tanh"})).id
    doc.connect(x1, n, "x1")
    doc.connect(x2, n, "x2")
    return doc


def test_neuron_block_scripts_print_the_engine_numbers(workdir):
    pytest.importorskip("torch")
    doc = _neuron_doc()
    plain = io.from_dict(io.to_dict(doc))
    doc.node(next(n.id for n in doc.nodes() if n.kind == "neuron")).label = "n')\n" + PAYLOADS[0]
    check_script(to_python, doc, plain, workdir)
    check_script(to_torch, doc, plain, workdir)


def test_hostile_ids_and_title_keep_the_dot_valid():
    from engine.circuit.document import Circuit

    doc = Circuit()
    ids = ['a" -> "b', "n1_op", "x\\", "}\n digraph {", "\ud800"]
    for node_id, label in zip(ids[:2], "ab", strict=True):
        doc.add_node(doc.make_node("input", label=label, value=2.0, node_id=node_id))
    doc.add_node(doc.make_node("op", "div", label="q", node_id=ids[2]))
    doc.add_node(doc.make_node("op", "tanh", label="t", node_id=ids[3]))
    doc.add_node(doc.make_node("output", label="o", node_id=ids[4]))
    for src, dst, port in [(ids[0], ids[2], "a"), (ids[1], ids[2], "b"), (ids[2], ids[3], "x"), (ids[3], ids[4], "x")]:
        doc.connect(src, dst, port)
    dot = to_dot(doc, title='t"}\n\\')
    name, nodes, edges = parse_dot(dot)
    assert name == 't"} \\\\'  # the lexer keeps \\ as two characters; escString would show one
    assert len(nodes) == 5 + 2 and len(edges) == 4 + 2 and all(a in nodes and b in nodes for a, b, _ in edges)
    check_dot(doc)
    assert {attrs.get("headlabel") for *_, attrs in edges} == {None, "a", "b"}


def test_non_finite_literals_are_written_as_python_floats(workdir):
    doc = _doc("y = a * b", a=2.0, b=3.0)
    doc.node(doc.by_label("b").id).params["ignored"] = "x"
    text = to_python(doc)
    assert "float(" not in text
    doc.node(doc.by_label("a").id).value = float("inf")
    for export in runnable_exports():
        code, _ = run_script(export(doc), workdir)
        assert code == "node 'a' (input): its value inf is not a finite number"
