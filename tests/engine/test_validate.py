"""validate(): what the editor allows but evaluation cannot use, with the node concerned."""

from __future__ import annotations

from engine.circuit.document import Circuit
from engine.circuit.validate import Problem, errors, validate


def messages(doc):
    return [(p.severity, p.message) for p in validate(doc)]


def test_a_complete_circuit_has_no_problems():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    b = doc.add_node(doc.make_node("weight", label="b"))
    m = doc.add_node(doc.make_node("op", "mul", label="m"))
    doc.connect(a.id, m.id, "a")
    doc.connect(b.id, m.id, "b")
    assert validate(doc) == []


def test_unwired_port_is_an_error_on_that_node():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    m = doc.add_node(doc.make_node("op", "mul"))
    doc.connect(a.id, m.id, "a")
    assert validate(doc) == [Problem("error", m.id, "'mul' port b has no wire")]
    assert str(validate(doc)[0]) == "error: 'mul' port b has no wire"


def test_empty_and_rootless_documents():
    assert messages(Circuit()) == [("warning", "the circuit is empty")]
    doc = Circuit()
    doc.add_node(doc.make_node("input", label="x"))
    assert messages(doc)[0][0] == "error" and "no output" in messages(doc)[0][1]


def test_islands_are_warnings_naming_their_labels():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    t = doc.add_node(doc.make_node("op", "tanh", label="t"))
    out = doc.add_node(doc.make_node("output", label="L"))
    doc.connect(a.id, t.id, "x")
    doc.connect(t.id, out.id, "x")
    lone = doc.add_node(doc.make_node("weight", label="w"))
    x = doc.add_node(doc.make_node("input", label="x"))
    n = doc.add_node(doc.make_node("op", "neg", label="n"))
    doc.connect(x.id, n.id, "x")
    found = validate(doc)
    assert [(p.severity, p.node_id, p.message) for p in found] == [
        ("warning", lone.id, "node 'w' not connected to the rest of the circuit"),
        ("warning", x.id, "nodes 'x', 'n' not connected to the rest of the circuit"),
    ]
    assert errors(found) == []


def test_several_sinks_without_output_node_warn():
    doc = Circuit()
    a = doc.add_node(doc.make_node("input", label="a"))
    for op in ("neg", "tanh"):
        doc.connect(a.id, doc.add_node(doc.make_node("op", op)).id, "x")
    assert messages(doc) == [("warning", "several results nothing uses ('neg', 'tanh'); "
                                         "add an output node to choose the root")]


def test_data_node_needs_a_dataset():
    doc = Circuit()
    x = doc.add_node(doc.make_node("data", label="x1"))
    t = doc.add_node(doc.make_node("op", "tanh"))
    doc.connect(x.id, t.id, "x")
    assert messages(doc) == [("error", "data node 'x1' reads column 'x1' but the circuit has no dataset")]
    doc.set_dataset({"name": "moons"})
    assert [m for m in messages(doc) if "dataset" in m[1] and "no dataset" in m[1]] == []


def test_weights_left_out_follow_the_sizes_given():
    doc = Circuit()
    n = doc.make_node("neuron", params={"n": 3})
    d = doc.make_node("dense", params={"nin": 3, "nout": 4})
    assert len(n.params["w"]) == 3 and d.params["W"].shape == (4, 3) and d.params["b"].shape == (4,)
    for node in (n, d):
        doc.add_node(node)
    assert not [p for p in validate(doc) if "must" in p.message]


def test_inconsistent_block_params():
    doc = Circuit()
    n = doc.add_node(doc.make_node("neuron", label="nrn", params={"n": 3, "w": [1.0, 2.0]}))
    d = doc.add_node(doc.make_node("dense", label="dns", params={"nin": 3, "nout": 2, "W": [[0.5, -0.5]] * 2}))
    found = {(p.node_id, p.message) for p in errors(validate(doc))}
    assert (n.id, "neuron 'nrn': w must hold n = 3 numbers, got 2 values") in found
    assert (d.id, "dense 'dns': W must be nout x nin = 2 x 3, got 2 x 2") in found
    doc.node(d.id).params.update({"W": [[0.0] * 3, [0.0] * 3], "b": [0.0, 0.0]})
    doc.node(n.id).params["w"] = [1.0, 2.0, 3.0]
    assert not [p for p in validate(doc) if "must" in p.message]


# ------------------------------------------------------------ files that passed validation and broke on first use
def _file(**changes):
    """The moons classifier (resources/examples/moons.json) with some fields changed."""
    import json

    from tests.conftest import EXAMPLES

    data = json.loads((EXAMPLES / "moons.json").read_text())
    for path, value in changes.items():
        here = data
        keys = path.split("/")
        for k in keys[:-1]:
            here = here[int(k) if k.isdigit() else k]
        here[keys[-1]] = value
    return data


def _refusal(data) -> str:
    import pytest

    from engine.circuit import io

    with pytest.raises(io.LoadError) as info:
        io.from_dict(data)
    return str(info.value)


def test_files_that_broke_the_window_are_refused_with_a_located_message():
    import json

    from tests.conftest import EXAMPLES

    neuron = {"id": "nr", "kind": "neuron", "label": "nr", "op": None, "value": 0.0, "pos": [0, 0],
              "slider": [-5, 5, 0.01], "params": {"n": 3, "w": [1.0, 2.0], "b": 0.0, "activation": "tanh"}}
    data = _file()
    data["nodes"].append(neuron)
    assert _refusal(data) == "node 6 (id 'nr', label 'nr'): w must hold n = 3 numbers, got 2 values"
    dense = next(i for i, n in enumerate(_file()["nodes"]) if n["kind"] == "dense")
    W = json.loads((EXAMPLES / "moons.json").read_text())["nodes"][dense]["params"]["W"]
    msg = _refusal(_file(**{f"nodes/{dense}/params/W": W[:-1]}))
    assert msg.startswith(f"node {dense} (id ") and "W must be nout x nin = 16 x 2, got 15 x 2" in msg
    msg = _refusal(_file(**{f"nodes/{dense}/params/b": [0.0]}))
    assert "b must hold nout = 16 numbers, got 1 values" in msg
    assert _refusal(_file(**{"dataset/params/colour": 1})) == (
        "the dataset 'moons' has no parameter 'colour' (its parameters: n, noise, seed, labels)")
    assert _refusal(_file(**{"dataset/params/n": 10**9})) == (
        "dataset.params.n must be between 1 and 100000, got 1000000000")
    assert _refusal(_file(**{"training/lr": "0.1"})) == "training.lr must be a number, got string '0.1'"
    assert _refusal(_file(**{"training/steps": 2.5})) == "training.steps must be a whole number, got 2.5"
    assert _refusal(_file(**{"training/optimizer": "rmsprop"})) == (
        "training.optimizer is 'rmsprop'; use one of sgd, momentum, adam")
    assert _refusal(_file(**{"training/train_inputs": "yes"})) == (
        "training.train_inputs must be true or false, got 'yes'")
    assert _refusal(_file(**{"view/zoom": "2"})).startswith("view.zoom must be a number")
    assert _refusal(_file(**{"training/speed": 3})).startswith('"training": unknown field \'speed\'; known fields: ')


def test_ops_that_cannot_take_their_inputs_are_named_at_load():
    """matmul of a (100, 2) matrix with a (100,) column: refused naming the node and the shapes."""
    data = _file()
    data["nodes"] += [{"id": "X", "kind": "data", "label": "XX", "op": None, "value": 0.0, "params": {"column": "X"}},
                      {"id": "Y", "kind": "data", "label": "YY", "op": None, "value": 0.0, "params": {"column": "y"}},
                      {"id": "mm", "kind": "op", "label": "mm", "op": "matmul", "value": 0.0, "params": {}}]
    data["edges"] += [{"src": "X", "dst": "mm", "port": "a"}, {"src": "Y", "dst": "mm", "port": "b"}]
    msg = _refusal(data)
    assert msg.startswith("'mm' (matmul) cannot take its inputs (shape 100x2 and shape 100): matmul:")


def test_the_declared_specs_match_the_code_they_describe():
    """datasets.PARAMS names every maker's parameters (and only those); the training spec covers
    training.DEFAULTS and its optimizers, so a new setting cannot go unchecked."""
    import inspect

    from engine import datasets
    from engine.circuit import training
    from engine.circuit.schema_settings import TRAINING

    assert set(datasets.PARAMS) == set(datasets.DATASETS) == set(datasets.FEATURES)
    for name, maker in datasets.DATASETS.items():
        assert list(inspect.signature(maker).parameters) == list(datasets.PARAMS[name]), name
        X, _ = maker()
        assert X.shape[1] == datasets.FEATURES[name], name
        if name in datasets.SAMPLES:
            assert len(X) == datasets.SAMPLES[name]
    assert set(TRAINING) == set(training.DEFAULTS)
    assert TRAINING["optimizer"] == training.OPTIMIZERS


def test_a_numeric_fault_is_not_a_load_problem_but_a_structural_one_is():
    """sin(exp(exp(x))) at x = 7 overflows to sin(inf): Python's math raises, numpy gives NaN. That is
    the evaluator's diagnosis, not a reason to refuse the file; sum of a plain number is structural."""
    from engine.circuit import io
    from engine.circuit.validate import run_problems
    from engine.expr import circuit_from_expression

    doc = circuit_from_expression("y = sin(exp(exp(x)))", values={"x": 7.0})
    assert run_problems(doc) == []
    assert io.loads(io.dumps(doc)).by_label("x").value == 7.0
    bad = Circuit()
    a = bad.add_node(bad.make_node("input", label="a", value=2.0))
    m = bad.add_node(bad.make_node("op", "matmul", label="mm"))
    bad.connect(a.id, m.id, "a")
    bad.connect(a.id, m.id, "b")
    [problem] = run_problems(bad)
    assert problem.node_id == m.id and problem.message.startswith("'mm' (matmul) cannot take its inputs (a number "
                                                                  "and a number): ")
    import pytest

    with pytest.raises(io.SaveError, match="cannot save: 'mm' \\(matmul\\) cannot take its inputs"):
        io.dumps(bad)


def test_problems_after_tries_edits_without_changing_the_document_or_telling_anyone():
    """Wiring the digits' X (1797x64) and layer3's logits (1797x10) into one add cannot run: the trial
    says so, and the document, its file and its listeners are as before."""
    from engine.circuit import io
    from engine.circuit.commands import AddNode, Connect, History
    from engine.circuit.validate import problems_after, run_problems
    from tests.conftest import EXAMPLES

    doc = io.load(EXAMPLES / "digits.json")
    add = doc.make_node("op", "add", label="mix", pos=(0, 400))
    History(doc).push(AddNode(add))
    History(doc).push(Connect(doc.by_label("X").id, add.id, "a"))
    before = io.dumps(doc)
    heard = []
    doc.events.connect(lambda *args: heard.append(args))
    [problem] = problems_after(doc, [Connect(doc.by_label("layer3").id, add.id, "b")])
    assert problem.node_id == add.id and "'mix' (add) cannot take its inputs (shape 1797x64 and shape 1797x10)" \
        in problem.message
    assert io.dumps(doc) == before and heard == [] and run_problems(doc) == []
    assert problems_after(doc, [Connect(doc.by_label("X").id, add.id, "b")]) == []  # X + X runs
