"""Save/load: exact round trips, atomic writes, and a loader that rejects every bad file with a clear LoadError."""

from __future__ import annotations

import copy
import json
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.circuit import io
from engine.circuit.document import Circuit
from engine.circuit.json_values import jsonable

from .circuit_strategies import circuits


def lecture_doc() -> Circuit:
    """The lecture's L = (a*b + c) * f with a block, a dataset and training settings."""
    doc = Circuit()
    ids = {}
    leaves = [("a", "input", 2.0), ("b", "weight", -3.0), ("c", "constant", 10.0), ("f", "input", -2.0)]
    for label, kind, value in leaves:
        ids[label] = doc.add_node(doc.make_node(kind, label=label, value=value, pos=(0, len(ids) * 90))).id
    ids["e"] = doc.add_node(doc.make_node("op", "mul", label="e", pos=(180, 0))).id
    ids["d"] = doc.add_node(doc.make_node("op", "add", label="d", pos=(360, 0))).id
    ids["L"] = doc.add_node(doc.make_node("op", "mul", label="L", pos=(540, 0))).id
    ids["sq"] = doc.add_node(doc.make_node("op", "powk", label="sq", params={"k": 3.0})).id
    ids["nrn"] = doc.add_node(doc.make_node("neuron", label="nrn", params={"n": 3, "w": [0.1, 0.2, 0.3], "b": 0.5})).id
    ids["dns"] = doc.add_node(doc.make_node("dense", label="dns", params={
        "nin": 3, "nout": 2, "W": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], "b": [0.0, 1.0], "activation": "tanh"})).id
    for src, dst, port in [("a", "e", "a"), ("b", "e", "b"), ("e", "d", "a"), ("c", "d", "b"), ("d", "L", "a"),
                           ("f", "L", "b"), ("L", "sq", "x"), ("a", "nrn", "x1")]:
        doc.connect(ids[src], ids[dst], port)
    doc.set_slider(ids["a"], -3.0, 3.0, 0.5)
    doc.set_dataset({"name": "moons", "params": {"n": 200, "noise": 0.1, "seed": 0}})
    doc.set_training({"optimizer": "adam", "lr": 0.01, "schedule": "constant", "steps": 100})
    doc.view = {"zoom": 1.5, "center": [10.0, 20.0]}
    return doc


def load_error(data) -> str:
    """The LoadError message for a dict or text that must fail."""
    with pytest.raises(io.LoadError) as info:
        io.loads(data if isinstance(data, str | bytes) else json.dumps(data))
    return str(info.value)


# ------------------------------------------------------------ round trips
def test_round_trip_keeps_everything(tmp_path):
    doc = lecture_doc()
    path = tmp_path / "lecture.json"
    io.save(doc, path)
    back = io.load(path)
    assert io.to_dict(back) == io.to_dict(doc)
    assert back.node("n8").params == {"k": 3.0}
    W = back.by_label("dns").params["W"]  # held as a read-only float64 array (copy-on-write), saved as lists
    assert W.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]] and W.dtype == np.float64 and not W.flags.writeable
    assert back.by_label("a").slider == (-3.0, 3.0, 0.5)
    assert back.by_label("e").pos == (180.0, 0.0)
    assert sorted(back.edges()) == sorted(doc.edges())
    assert back.dataset == doc.dataset and back.training == doc.training and back.view == doc.view
    assert [back.node(n).label for n in back.topological_order()][-4:] == ["L", "sq", "nrn", "dns"]
    assert path.read_text(encoding="utf-8") == io.dumps(back)


def test_saved_file_is_the_documented_format():
    data = json.loads(io.dumps(lecture_doc()))
    assert data["format"] == "backprop-playground" and data["version"] == 1
    assert set(data["nodes"][0]) == {"id", "kind", "label", "op", "value", "params", "pos", "slider"}
    assert data["edges"][0] == {"src": "n1", "dst": "n5", "port": "a"}


def test_numpy_params_and_values_are_saved_as_plain_numbers():
    doc = lecture_doc()
    dns = doc.by_label("dns")
    dns.params["W"] = np.array([[1.5, 2.0, 3.0], [4.0, 5.0, 6.0]])
    dns.params["b"] = np.zeros(2)
    doc.by_label("nrn").params["b"] = np.float64(0.25)
    back = io.loads(io.dumps(doc))
    assert back.by_label("dns").params["W"][0].tolist() == [1.5, 2.0, 3.0]
    assert back.by_label("nrn").params["b"] == 0.25


def test_nan_weight_refuses_to_save_and_names_the_node(tmp_path):
    doc = lecture_doc()
    doc.by_label("nrn").params["w"] = [0.1, float("nan"), 0.3]
    path = tmp_path / "x.json"
    path.write_text("keep me")
    with pytest.raises(io.SaveError, match=r"'nrn'.*w\[1\].*finite"):
        io.save(doc, path)
    assert path.read_text() == "keep me"
    assert os.listdir(tmp_path) == ["x.json"]  # no temporary file left behind


def test_save_is_atomic_when_the_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "c.json"
    io.save(lecture_doc(), path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(io.os, "replace", broken_replace)
    with pytest.raises(OSError):
        io.save(Circuit(), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["c.json"]


def test_lone_surrogate_label_still_saves_and_loads(tmp_path):
    doc = Circuit()
    doc.add_node(doc.make_node("input", label="x\ud800"))
    io.save(doc, tmp_path / "s.json")
    assert io.load(tmp_path / "s.json").nodes()[0].label == "x\ud800"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(circuits())
def test_random_circuits_round_trip_exactly(doc):
    text = io.dumps(doc)
    back = io.loads(text)
    assert io.to_dict(back) == io.to_dict(doc)
    assert io.dumps(back) == text
    assert sorted(back.edges()) == sorted(doc.edges())
    assert {n.id: (n.value, n.pos, n.slider, jsonable(n.params, "")) for n in back.nodes()} == \
        {n.id: (n.value, n.pos, n.slider, jsonable(n.params, "")) for n in doc.nodes()}  # dense arrays as lists


def test_load_builds_a_new_document_with_one_reset_event():
    doc = lecture_doc()
    data = io.to_dict(doc)
    back = io.from_dict(data)
    assert back is not doc and back.graph is not doc.graph
    back.by_label("nrn").params["w"][0] = 99.0  # the caller's dict is not shared
    assert data["nodes"][8]["params"]["w"][0] == 0.1
    new = back.add_node(back.make_node("input"))
    assert new.id not in {n["id"] for n in data["nodes"]}


# ------------------------------------------------------------ what is wrong and where
def valid() -> dict:
    return io.to_dict(lecture_doc())


def test_invalid_json_gives_line_and_column():
    assert load_error('{\n  "format": "backprop-playground",\n  "nodes": [,]\n}') == \
        "invalid JSON at line 3 column 13: Expecting value"


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_tokens_are_rejected_with_position(token):
    text = io.dumps(lecture_doc()).replace('"value": -3.0', f'"value": {token}')
    msg = load_error(text)
    assert msg.startswith("line 6 column ") and f"{token} is not allowed" in msg


def test_nan_inside_a_string_is_not_mistaken_for_the_bad_token():
    text = '{"format": "backprop-playground", "version": 1, "nodes": [{"id": "NaN", "kind": "input", ' \
           '"label": "Infinity", "value": 1.0}],\n"edges": [], "training": {"lr": Infinity}}'
    assert load_error(text).startswith("line 2 column 33: Infinity is not allowed")


@pytest.mark.parametrize("number", ["1e400", "-2.5e309", "1" + "0" * 400, "9" * 5000])
def test_numbers_beyond_float64_are_rejected(number):
    msg = load_error(io.dumps(lecture_doc()).replace('"value": 10.0', f'"value": {number}'))
    assert msg.startswith("line 7 column ") and "too large for a float64" in msg


def test_not_an_object_or_not_our_format():
    assert load_error("[1, 2]") == "the file must hold a JSON object, got array"
    assert "format\" field is missing" in load_error({"nodes": []})
    assert "expected 'backprop-playground'" in load_error({"format": "other", "version": 1, "nodes": []})


def test_newer_version_is_named():
    data = valid()
    data["version"] = 2
    assert load_error(data) == "this file was written by a newer version (v2); this app reads up to v1"
    data["version"] = "1"
    assert "whole number" in load_error(data)


@pytest.mark.parametrize("field, value, expected", [
    ("value", "2", "node 1 (id 'n2', label 'b'): field 'value' must be a number, got string"),
    ("value", True, "field 'value' must be a number, got boolean"),
    ("pos", [1.0], "field 'pos' must be an array of 2 numbers, got an array of 1"),
    ("slider", [5.0, 1.0, 0.1], "slider needs lo < hi and step > 0"),
    ("kind", "wheel", "unknown kind 'wheel'; known kinds: input, weight"),
    ("label", "", "node 1 (id 'n2'): field 'label' must be a non-empty string"),
    ("label", "a", "node 1 (id 'n2', label 'a'): label 'a' is already used by node 0 (id 'n1')"),
    ("id", "n1", "node 1 (id 'n1'"),
    ("params", [], "field 'params' must be an object, got array"),
    ("colour", "red", "unknown field 'colour'"),
    ("op", "mul", "a weight node takes no op"),
])
def test_bad_node_fields_name_node_id_and_field(field, value, expected):
    data = valid()
    data["nodes"][1][field] = value
    assert expected in load_error(data)


def test_duplicate_id_names_the_first_user():
    data = valid()
    data["nodes"][1]["id"] = "n1"
    assert load_error(data) == "node 1 (id 'n1', label 'b'): id 'n1' is already used by node 0"


def test_missing_required_node_field():
    data = valid()
    del data["nodes"][2]["kind"]
    assert load_error(data) == "node 2 (id 'n3'): the field 'kind' is missing"


def test_unknown_op_lists_the_known_ones():
    data = valid()
    data["nodes"][4]["op"] = "frobnicate"
    msg = load_error(data)
    assert "unknown op 'frobnicate'; known ops:" in msg and "tanh" in msg and "mul" in msg


def test_bad_op_and_block_params():
    data = valid()
    data["nodes"][7]["params"] = {"q": 1.0}
    assert "op 'powk' has no parameter 'q' (its parameters: k)" in load_error(data)
    data = valid()
    data["nodes"][8]["params"]["w"] = [1.0, "x", 2.0]
    assert "param 'w' must be an array of numbers" in load_error(data)
    data = valid()
    data["nodes"][9]["params"]["activation"] = "swish"
    assert "unknown activation 'swish'" in load_error(data)
    data = valid()
    data["nodes"][8]["params"]["n"] = 10**9
    assert "must be between 1 and 10000" in load_error(data)


@pytest.mark.parametrize("edge, expected", [
    ({"src": "n99", "dst": "n5", "port": "a"}, "edge 8: src 'n99' is not the id of any node"),
    ({"src": "n1", "dst": "n1", "port": "a"}, "edge 8: cannot wire 'a' (n1) to itself"),
    ({"src": "n4", "dst": "n5", "port": "z"}, "edge 8: 'e' (n5) has no input port 'z' (its ports: a, b)"),
    ({"src": "n4", "dst": "n5", "port": "a"}, "edge 8: port 'a' of 'e' (n5) already has a wire (edge 0)"),
    ({"src": "n4", "dst": "n1", "port": "x"}, "edge 8: 'a' (n1) has no input port 'x' (its ports: none)"),
    ({"src": "n4", "dst": "n5"}, "edge 8: the field 'port' is missing"),
    ({"src": "n4", "dst": "n5", "port": 1}, "edge 8: field 'port' must be a string, got number"),
    ("n4->n5", "edge 8: must be an object, got string"),
])
def test_bad_edges_say_which_edge_and_why(edge, expected):
    data = valid()
    data["edges"].append(edge)
    assert load_error(data) == expected


@pytest.mark.parametrize("src, dst, port", [("n1", "n1", "a"), ("n4", "n5", "z"), ("n4", "n5", "a"), ("n4", "n1", "x")])
def test_editing_and_loading_refuse_a_wire_by_the_same_rule(src, dst, port):
    """One rule (engine.circuit.wiring): the editor's reason is the loader's, bar how a node is named."""
    data = valid()
    doc = io.from_dict(copy.deepcopy(data))
    reason = doc.why_not_connect(src, dst, port)
    assert reason is not None
    for node_id in {src, dst}:
        label = repr(doc.node(node_id).label)
        reason = reason.replace(label, f"{label} ({node_id})")
    data["edges"].append({"src": src, "dst": dst, "port": port})
    assert load_error(data) in (f"edge 8: {reason}", f"edge 8: {reason} (edge 0)")


def test_cycle_names_the_labels_on_it():
    data = valid()
    data["edges"] = [e for e in data["edges"] if e["dst"] != "n5"]
    data["edges"].append({"src": "n7", "dst": "n5", "port": "a"})  # L -> e -> d -> L
    msg = load_error(data)
    assert msg.startswith("the wires form a cycle: ")
    names = msg.split(": ")[1].split(" -> ")
    assert names[0] == names[-1] and sorted(names[:-1]) == ["L", "d", "e"]


def test_top_level_problems():
    for key, value, expected in [("nodes", {}, '"nodes" must be an array'), ("edges", 3, '"edges" must be an array'),
                                 ("dataset", "moons", '"dataset" must be null or an object'),
                                 ("dataset", {"noise": 1}, 'needs a "name"'),
                                 ("training", [], '"training" must be an object'),
                                 ("extra", 1, "unknown field 'extra'")]:
        data = valid()
        data[key] = value
        assert expected in load_error(data), key
    data = valid()
    del data["version"]
    assert '"version" field is missing' in load_error(data)


def test_duplicate_json_keys_are_rejected():
    assert "key 'version' twice" in load_error('{"format": "backprop-playground", "version": 1, "version": 2}')


def test_from_dict_rejects_python_nan_and_huge_ints_too():
    data = valid()
    data["training"]["lr"] = float("nan")
    assert "training.lr" in load_error_dict(data)
    data = valid()
    data["nodes"][0]["value"] = 10**400
    assert "field 'value' must be a finite float64" in load_error_dict(data)


def load_error_dict(data) -> str:
    with pytest.raises(io.LoadError) as info:
        io.from_dict(data)
    return str(info.value)


def test_files_that_cannot_be_read(tmp_path):
    with pytest.raises(io.LoadError, match="cannot read .*missing.json"):
        io.load(tmp_path / "missing.json")
    with pytest.raises(io.LoadError, match="cannot read"):
        io.load(tmp_path)
    (tmp_path / "bin.json").write_bytes(b"\x80\x81 garbage")
    with pytest.raises(io.LoadError, match=r"bin.json: the file is not UTF-8 text \(byte 0"):
        io.load(tmp_path / "bin.json")


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.truncate(io.MAX_BYTES + 1)
    with pytest.raises(io.LoadError, match="too large.*limited to 20 MB"):
        io.load(path)
    with pytest.raises(io.LoadError, match="too large"):
        io.loads(" " * (io.MAX_BYTES + 1))


def test_deep_nesting_is_an_error_not_a_crash():
    assert "nested too deeply" in load_error("[" * 200_000)


def test_a_bom_is_accepted():
    assert io.to_dict(io.loads(b"\xef\xbb\xbf" + io.dumps(lecture_doc()).encode())) == valid()


# ------------------------------------------------------------ fuzzing: never anything but LoadError
FUZZ = {"bytes": 0, "json": 0, "mutations": 0}


def loads_or_load_error(data):
    """Load; only a Circuit or a LoadError with a message is acceptable."""
    try:
        return io.loads(data) if isinstance(data, str | bytes) else io.from_dict(data)
    except io.LoadError as exc:
        assert str(exc).strip()
        return None


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_crash(blob):
    FUZZ["bytes"] += 1
    assert loads_or_load_error(blob) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_random_json_never_crashes(value):
    FUZZ["json"] += 1
    assert loads_or_load_error(value) is None
    assert loads_or_load_error(json.dumps(value)) is None


TOP_KEYS = ["format", "version", "nodes", "edges", "dataset", "training"]
NODE_KEYS = ["id", "kind", "label", "op", "value", "params", "pos", "slider"]


@st.composite
def mutated_files(draw):
    """A valid file with one random defect: a field dropped, retyped or replaced, a cycle, a duplicate."""
    data = copy.deepcopy(BASE)
    how = draw(st.sampled_from(["drop_top", "retype_top", "drop_node_field", "retype_node_field", "retype_edge",
                                "cycle", "duplicate_node", "junk_value"]))
    junk = draw(json_values)
    nodes, edges = data["nodes"], data["edges"]
    if how == "drop_top":
        del data[draw(st.sampled_from(TOP_KEYS))]
    elif how == "retype_top":
        data[draw(st.sampled_from(TOP_KEYS))] = junk
    elif how == "drop_node_field":
        del draw(st.sampled_from(nodes))[draw(st.sampled_from(NODE_KEYS))]
    elif how == "retype_node_field":
        draw(st.sampled_from(nodes))[draw(st.sampled_from(NODE_KEYS))] = junk
    elif how == "retype_edge":
        draw(st.sampled_from(edges))[draw(st.sampled_from(["src", "dst", "port"]))] = junk
    elif how == "cycle":
        a, b = draw(st.sampled_from(edges)), draw(st.sampled_from(edges))
        edges.append({"src": a["dst"], "dst": b["src"], "port": draw(st.sampled_from(["a", "b", "x", "x1"]))})
    elif how == "duplicate_node":
        nodes.append(copy.deepcopy(draw(st.sampled_from(nodes))))
    else:
        node = draw(st.sampled_from(nodes))
        node["params"] = {draw(st.sampled_from(["k", "w", "W", "b", "n", "nin", "activation", "column"])): junk}
    return how, data


BASE = io.to_dict(lecture_doc())


@settings(max_examples=600, deadline=None)
@given(mutated_files())
def test_mutated_files_load_or_fail_cleanly(case):
    FUZZ["mutations"] += 1
    how, data = case
    doc = loads_or_load_error(data)
    if how in ("duplicate_node",):
        assert doc is None
    if doc is not None:  # whatever loaded is itself a valid document that round-trips
        assert io.to_dict(io.loads(io.dumps(doc))) == io.to_dict(doc)
    text = json.dumps(data)
    for cut in (len(text) // 3, len(text) - 1):
        assert loads_or_load_error(text[:cut]) is None


def test_every_back_wire_is_refused_as_a_cycle():
    doc = lecture_doc()
    cases = 0
    for u in doc.nodes():
        for port in u.input_ports():
            for v in doc.descendants(u.id):
                data = valid()
                data["edges"] = [e for e in data["edges"] if (e["dst"], e["port"]) != (u.id, port)]
                data["edges"].append({"src": v, "dst": u.id, "port": port})
                assert load_error(data).startswith("the wires form a cycle: "), (u.label, port, v)
                cases += 1
    assert cases >= 10


# ------------------------------------------------------------ a circuit that saves must load (one size limit)
def dense_doc(width: int) -> Circuit:
    doc = Circuit()
    rng = np.random.default_rng(0)
    doc.add_node(doc.make_node("dense", label="big", params={
        "nin": width, "nout": width, "W": rng.normal(size=(width, width)).tolist(), "b": [0.0] * width}))
    return doc


def test_a_layer_too_large_to_load_is_refused_at_save_and_nothing_is_written(tmp_path, monkeypatch):
    """Around the limit (made small so the test is quick; the same constant guards both sides): every
    layer either saves and loads back exactly, or is refused at save time leaving the old file as it was."""
    monkeypatch.setattr(io, "MAX_BYTES", 300_000)
    path = tmp_path / "c.json"
    io.save(lecture_doc(), path)
    old = path.read_bytes()
    outcomes = set()
    for width in range(100, 150, 7):  # 100 x 100 (~190 kB) ... 149 x 149 (~420 kB)
        doc = dense_doc(width)
        size = len(io.dumps(doc).encode())
        try:
            io.save(doc, path)
        except io.SaveError as exc:
            assert size > io.MAX_BYTES and path.read_bytes() == old
            assert f"dense 'big' holds {width * width + width + 2:,} numbers" in str(exc)  # W, b, nin, nout
            assert "limited to 0.286 MB" in str(exc) and "\n" not in str(exc)
            outcomes.add("refused")
        else:
            assert size <= io.MAX_BYTES and io.to_dict(io.load(path)) == io.to_dict(doc)
            old = path.read_bytes()
            outcomes.add("saved")
    assert outcomes == {"saved", "refused"}
    assert not [p for p in tmp_path.iterdir() if p.name != "c.json"]  # no temp file left behind


def test_a_real_23_mb_layer_is_refused_at_save_with_the_limit_named(tmp_path):
    doc = dense_doc(1100)  # the case: 23.8 MB, loading refuses anything over 20 MB
    with pytest.raises(io.SaveError, match=r"would be 2\d\.\d MB and circuit files are limited to 20 MB"):
        io.save(doc, tmp_path / "big.json")
    assert not list(tmp_path.iterdir())


def test_save_refuses_what_load_would_refuse():
    doc = lecture_doc()
    doc.node(doc.by_label("nrn").id).params["w"] = [1.0, 2.0]  # n = 3
    with pytest.raises(io.SaveError, match=r"cannot save: node .*label 'nrn'.*w must hold n = 3 numbers, got 2"):
        io.dumps(doc)
