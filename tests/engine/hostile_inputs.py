"""Hostile circuit files, by category, and the oracle every one of them must satisfy.

Shared by the fast property tests (tests/engine/test_hostile_files.py draws from these lists) and
the larger count in benchmarks/hostile_files.py. Every generator is deterministic (seeded).

The oracle (`load_outcome`, `cli_outcome`): io.load gives a circuit that compiles and evaluates
(a CircuitError saying why it cannot, e.g. an unwired port, counts as a clean diagnosis), or a
LoadError with a one-line message; the CLI exits 0, 1 or 2 with no traceback and, on 2, one line.
"""

from __future__ import annotations

import contextlib
import copy
import io as _io
import json
import random
import signal
import traceback
from pathlib import Path

from engine import cli, ops
from engine.circuit import io
from engine.circuit.document import CircuitError
from engine.circuit.evaluate import Evaluator
from engine.circuit.training import Trainer, TrainingError

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.json") if p.name != "index.json")
SMALL = ["d.json", "neuron.json"]  # every truncation point of these runs in the test suite

# ------------------------------------------------------------------ wrong types in every field
WRONG = [None, True, "x", "", 0, -1, 2.5, 1e308, -1e308, [], [0], {}, {"x": 0}]


def example_text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def paths(value, path=(), sample_lists: bool = True):
    """Every location in a JSON value (containers and leaves). Long arrays of numbers give their first,
    middle and last entry when sample_lists is set (the others are the same field)."""
    yield path
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, path + (k,), sample_lists)
    elif isinstance(value, list):
        idx = range(len(value))
        if sample_lists and len(value) > 6:
            idx = sorted({0, len(value) // 2, len(value) - 1})
        for i in idx:
            yield from paths(value[i], path + (i,), sample_lists)


def substituted(data, path, new):
    """A deep copy of data with the value at path replaced (or the key deleted when new is DELETE)."""
    out = copy.deepcopy(data)
    if not path:
        return new
    parent = out
    for key in path[:-1]:
        parent = parent[key]
    if new is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return out


DELETE = object()


def wrong_type_cases(names=None):
    """(description, file text) for every field of every example replaced by every wrong value
    (and deleted, when it is an object key)."""
    for name in names or [p.name for p in EXAMPLE_FILES]:
        data = json.loads(example_text(name))
        for path in paths(data):
            here = data
            for key in path:
                here = here[key]
            news = [w for w in WRONG if not (type(w) is type(here) and w == here)]
            if path and isinstance(path[-1], str):
                news.append(DELETE)
            for new in news:
                what = "delete" if new is DELETE else json.dumps(new)
                yield f"{name} {'/'.join(map(str, path))} = {what}", json.dumps(substituted(data, path, new))


def truncation_cases(names=SMALL, step: int = 1):
    for name in names:
        raw = example_text(name).encode("utf-8")
        for cut in range(0, len(raw), step):
            yield f"{name}[:{cut}]", raw[:cut]


# ------------------------------------------------------------------ random bytes
def random_byte_cases(n: int, seed: int = 9):
    rng = random.Random(seed)
    base = example_text("d.json").encode()
    for i in range(n):
        if i % 2:
            yield f"random {i}", bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 400)))
        else:  # a valid file with a few bytes flipped
            raw = bytearray(base)
            for _ in range(rng.randrange(1, 6)):
                raw[rng.randrange(len(raw))] = rng.getrandbits(8)
            yield f"flipped {i}", bytes(raw)


# ------------------------------------------------------------------ nesting
def nesting_cases(depths=(10, 50, 100, 1_000, 10_000, 100_000, 1_000_000)):
    base = example_text("d.json")
    for d in depths:
        yield f"[ x {d}", "[" * d
        yield f"[] x {d}", "[" * d + "]" * d
        yield f"object x {d}", '{"a":' * d + "1" + "}" * d
        deep = "[" * d + "1" + "]" * d
        yield f"params x {d}", base.replace('"params": {}', '"params": {"k": ' + deep + "}", 1)
        yield f"view x {d}", base.replace('"view": {', '"view": {"zoom": ' + deep + ", ", 1)
        yield f"training x {d}", base.replace('"training": {}', '"training": {"lr": ' + deep + "}", 1)
        yield f"string brackets x {d}", base.replace('"title": "', '"title": "' + "[" * d, 1)


# ------------------------------------------------------------------ huge numbers, NaN, Infinity
NUMBER_TOKENS = ["NaN", "-NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "1E400", "0.1e310",
                 "1" * 20, "1" * 308, "1" * 309, "1" * 400, "1" * 4300, "1" * 4301, "1" * 10_000, "1" * 50_000,
                 "1" * 1_000_000, "-" + "9" * 100_000, "1." + "0" * 100_000, "0." + "0" * 100_000 + "1",
                 "1" * 100_000 + ".5", "1e" + "9" * 10_000, "1e-" + "9" * 10_000, "123456789012345678901234567890"]
NUMBER_SLOTS = ['"value": 2.0', '"pos": [0.0, 0.0]', '"slider": [-5.0, 5.0, 0.01]', '"version": 1', '"lr": 0.01',
                '"n": 100', '"seed": 1337', '"noise": 0.1', '"w": [', '"b": ', '"k": ', '"steps": ']


def number_cases(tokens=NUMBER_TOKENS):
    sources = {"L.json": example_text("L.json"), "moons.json": example_text("moons.json"),
               "neuron_exp.json": example_text("neuron_exp.json")}
    for tok in tokens:
        shown = tok if len(tok) < 16 else f"{tok[:6]}...({len(tok)} chars)"
        for name, text in sources.items():
            for slot in NUMBER_SLOTS:
                if slot not in text:
                    continue
                key, _, rest = slot.partition(": ")
                if rest.startswith("["):
                    new = text.replace(slot, f"{key}: [{tok}, " + rest[1:], 1) if rest == "[" else \
                        text.replace(slot, f"{key}: [{tok}" + rest[rest.index(","):], 1)
                elif rest == "":
                    i = text.index(slot) + len(slot)
                    j = min(k for k in (text.find(",", i), text.find("}", i)) if k >= 0)
                    new = text[:i] + tok + text[j:]
                else:
                    new = text.replace(slot, f"{key}: {tok}", 1)
                yield f"{name} {key}: {shown}", new


# ------------------------------------------------------------------ encodings
def encoding_cases():
    text = example_text("d.json").replace('"label": "a"', '"label": "\u00e9t\u00e9 \u4e2d \U0001f600"', 1)
    latin = example_text("d.json").replace('"label": "a"', '"label": "\u00e9t\u00e9"', 1)
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        yield codec, text.encode(codec)
    bom16 = "\ufeff" + text
    yield "utf-16-le with BOM", bom16.encode("utf-16-le")
    yield "utf-16-be with BOM", bom16.encode("utf-16-be")
    yield "utf-32-be with BOM", bom16.encode("utf-32-be")
    for codec in ("latin-1", "cp1252", "mac-roman", "cp437"):
        yield codec, latin.encode(codec)
    yield "shift_jis", text.replace("\U0001f600", "").replace("\u00e9", "e").encode("shift_jis")
    yield "gb18030", text.encode("gb18030")
    yield "two BOMs", b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode()
    yield "BOM in the middle", text.replace('"edges"', '\ufeff"edges"').encode()
    yield "utf-16 BOM then utf-8", b"\xff\xfe" + text.encode()
    yield "utf-32 BOM only", b"\xff\xfe\x00\x00"
    raw = text.encode()
    for at in (0, 1, 10, raw.index(b'"a'), raw.index(b'"a') + 1, len(raw) // 2, len(raw) - 2, len(raw)):
        yield f"NUL at {at}", raw[:at] + b"\x00" + raw[at:]
    yield "NUL escape in a label", text.replace('"label": "b"', '"label": "b\\u0000"', 1).encode()
    yield "control characters in a label", text.replace('"label": "b"', '"label": "b\\u001b[2J\\n"', 1).encode()
    yield "lone surrogate escape", text.replace('"label": "b"', '"label": "b\\ud800"', 1).encode()
    yield "raw surrogate bytes", text.encode().replace(b'"label": "b"', b'"label": "b\xed\xa0\x80"', 1)
    yield "overlong utf-8", text.encode().replace(b'"label": "b"', b'"label": "b\xc0\xaf"', 1)
    yield "CR line ends", text.replace("\n", "\r").encode()
    yield "empty", b""
    yield "whitespace", b" \n\t\r "


# ------------------------------------------------------------------ registry ops out of context
def _doc(nodes, edges, dataset=None, training=None, view=None):
    return json.dumps({"format": io.FORMAT, "version": io.VERSION, "nodes": nodes, "edges": edges,
                       "dataset": dataset, "training": training or {}, **({"view": view} if view else {})})


def _node(nid, kind, label=None, op=None, value=0.0, params=None):
    return {"id": nid, "kind": kind, "label": label or nid, "op": op, "value": value, "params": params or {},
            "pos": [0.0, 0.0], "slider": [-5.0, 5.0, 0.01]}


def _feeds():
    """Ways to feed an op: scalars, dataset columns, a dense layer's matrix output."""
    moons = {"name": "moons", "params": {"n": 20}}
    return {
        "scalars": ([_node("a", "input", value=2.0), _node("b", "weight", value=-3.0)], [], None, ("a", "b")),
        "negative scalars": ([_node("a", "input", value=-2.0), _node("b", "constant", value=0.0)], [], None,
                             ("a", "b")),
        "columns": ([_node("a", "data", params={"column": "x1"}), _node("b", "data", params={"column": "y"})], [],
                    moons, ("a", "b")),
        "matrix": ([_node("a", "data", params={"column": "X"}), _node("b", "data", params={"column": "y"})], [],
                   moons, ("a", "b")),
        "dense": ([_node("X", "data", params={"column": "X"}), _node("a", "dense", params={"nin": 2, "nout": 3}),
                   _node("b", "data", params={"column": "y"})],
                  [{"src": "X", "dst": "a", "port": "x"}], moons, ("a", "b")),
        "column and scalar": ([_node("a", "data", params={"column": "x2"}), _node("b", "input", value=0.5)], [],
                              moons, ("a", "b")),
    }


def op_context_cases():
    """Every registry op fed every way, with and without an output node, and with odd params."""
    for op in ops.OPS.values():
        for feed, (leaves, edges, dataset, (a, b)) in _feeds().items():
            srcs = [a, b, a][: op.arity]
            nodes = leaves + [_node("o", "op", label="o", op=op.name)]
            wires = edges + [{"src": s, "dst": "o", "port": p} for s, p in zip(srcs, op.inputs, strict=False)]
            yield f"{op.name} on {feed}", _doc(nodes, wires, dataset)
            yield f"{op.name} on {feed} -> output", _doc(nodes + [_node("out", "output")],
                                                        wires + [{"src": "o", "dst": "out", "port": "x"}], dataset)
            yield f"{op.name} on {feed} -> neuron", _doc(
                nodes + [_node("nr", "neuron", params={"n": 1, "w": [1.0]})],
                wires + [{"src": "o", "dst": "nr", "port": "x1"}], dataset)
            yield f"{op.name} on {feed} -> dense", _doc(
                nodes + [_node("dn", "dense", params={"nin": 2, "nout": 1, "W": [[1.0, 1.0]], "b": [0.0]})],
                wires + [{"src": "o", "dst": "dn", "port": "x"}], dataset)
        for p in op.params:
            for v in (p.lo, p.hi, p.lo - 1, p.hi + 1, 0.0, 0.5, -0.5, 1e300):
                nodes = [_node("a", "input", value=-2.0), _node("o", "op", op=op.name, params={p.name: v})]
                yield f"{op.name} {p.name}={v}", _doc(nodes, [{"src": "a", "dst": "o", "port": op.inputs[0]}])
    for col in ("x1", "x2", "x3", "x0", "x99", "y", "X", "x", "", "x-1", "x1.5", 0, 1, -1, True, None, []):
        for ds in ({"name": "moons"}, {"name": "lecture4", "params": {}}, None):
            nodes = [_node("d", "data", params={"column": col}), _node("o", "op", op="tanh")]
            yield f"column {col!r} of {ds and ds['name']}", _doc(nodes, [{"src": "d", "dst": "o", "port": "x"}], ds)


# ------------------------------------------------------------------ sizes that would allocate giant arrays
def size_cases():
    one = [_node("a", "input", value=1.0)]
    big = 10**9
    for n, w in ((big, [1.0]), (10_000, [1.0]), (10_000, None), (3, [1.0, 2.0]), (2, [1.0, 2.0, 3.0]), (0, [])):
        params = {"n": n} if w is None else {"n": n, "w": w}
        yield f"neuron n={n} w={'default' if w is None else len(w)}", _doc(one + [_node("nr", "neuron",
                                                                                      params=params)], [])
    for nin, nout, W, b in ((10_000, 10_000, None, None), (big, 1, None, None), (2, 2, [[1.0]], [0.0, 0.0]),
                            (2, 2, [[1.0, 2.0], [3.0]], [0.0, 0.0]), (2, 2, [[1.0, 2.0], [3.0, 4.0]], [0.0]),
                            (1, 1, [1.0], [0.0]), (1, 1, [[1.0]], 0.0), (2, 3, [[1.0, 2.0]] * 3, [0.0] * 3)):
        params = {"nin": nin, "nout": nout, **({"W": W} if W is not None else {}), **({"b": b} if b is not None
                                                                                     else {})}
        nodes = [_node("X", "data", params={"column": "X"}), _node("dn", "dense", params=params)]
        yield f"dense {nin}x{nout} W={json.dumps(W)[:20]}", _doc(nodes, [{"src": "X", "dst": "dn", "port": "x"}],
                                                               {"name": "moons", "params": {"n": 10}})
    for name, params in (("moons", {"n": big}), ("moons", {"n": 10**7}), ("moons", {"n": -5}), ("moons", {"n": 0}),
                         ("moons", {"n": 2.5}), ("moons", {"noise": -1}), ("moons", {"noise": 1e300}),
                         ("moons", {"seed": -1}), ("moons", {"seed": 2**64}), ("moons", {"seed": 1.5}),
                         ("moons", {"labels": "abc"}), ("moons", {"labels": 1}), ("moons", {"colour": 1}),
                         ("moons", {"n": "100"}), ("moons", {"n": True}), ("moons", []), ("circles", {"factor": 2}),
                         ("circles", {"factor": 0}), ("blobs", {"spread": -1}), ("blobs", {"spread": 0}),
                         ("spiral", {"turns": 1e308}), ("spiral", {"turns": -1}), ("spiral", {"n": 1}),
                         ("xor", {"n": 1}), ("digits", {"n": 5}), ("lecture4", {"seed": 1}), ("nope", {}),
                         ("csv", {}), ("", {}), (None, {})):
        nodes = [_node("d", "data", params={"column": "x1"}), _node("o", "op", op="tanh")]
        yield f"dataset {name} {json.dumps(params)}", _doc(nodes, [{"src": "d", "dst": "o", "port": "x"}],
                                                          {"name": name, "params": params})
    inline = [({"X": [[1.0, 2.0]], "y": [1.0]}), ({"X": [[1.0, 2.0], [3.0]], "y": [1.0, 2.0]}),
              ({"X": [[1.0, 2.0]], "y": [1.0, 2.0]}), ({"X": [], "y": []}), ({"X": [1.0, 2.0], "y": [1.0, 0.0]}),
              ({"X": [["a"]], "y": [1]}), ({"X": [[1.0, 2.0]]}), ({"y": [1.0]}), ({"points": [[1.0, 2.0, 1.0]]}),
              ({"points": [[1.0, 2.0, 3.0, 4.0]]}), ({"points": [[1.0]]}), ({"points": [1.0]}), ({"points": "x"})]
    for extra in inline:
        spec = {"name": "moons" if "X" not in extra else "inline", **extra}
        nodes = [_node("d", "data", params={"column": "x1"}), _node("o", "op", op="tanh")]
        yield f"dataset {json.dumps(spec)[:60]}", _doc(nodes, [{"src": "d", "dst": "o", "port": "x"}], spec)
    lr_cases = [{"lr": "0.1"}, {"lr": -1}, {"lr": 0}, {"lr": 1e300}, {"lr": None}, {"optimizer": "rmsprop"},
                {"optimizer": 1}, {"steps": -1}, {"steps": 1e12}, {"steps": 2.5}, {"steps": "10"},
                {"momentum": 2}, {"momentum": "x"}, {"schedule": "cosine"}, {"schedule": "linear", "lr_end": "x"},
                {"schedule": "linear", "lr_end": -1}, {"objective": "up"}, {"train_inputs": "yes"},
                {"train_inputs": 1}, {"speed": 3}]
    for training in lr_cases:
        yield f"training {json.dumps(training)}", _doc(one + [_node("o", "op", op="tanh")],
                                                       [{"src": "a", "dst": "o", "port": "x"}], training=training)
    for view in ({"zoom": "2"}, {"zoom": -1}, {"zoom": 0}, {"zoom": 1e300}, {"center": [1]}, {"center": "x"},
                 {"center": [1, "y"]}, {"title": 3}, {"description": ["x"]}, {"title": "x" * 100_000},
                 {"whatever": 1}):
        yield f"view {json.dumps(view)[:40]}", _doc(one, [], view=view)


# ------------------------------------------------------------------ the oracle
class Hang(Exception):
    """An attempt that ran past its time budget."""


@contextlib.contextmanager
def time_budget(seconds: float):
    """Raise Hang in this (main) thread if the block runs longer than `seconds`."""
    def alarm(*_):
        raise Hang(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def load_outcome(raw) -> tuple[str, str]:
    """('clean', message) for a LoadError, ('loaded', '') for a circuit that compiled and evaluated
    (or was refused by the evaluator with a CircuitError), ('traceback', the traceback) otherwise."""
    try:
        doc = io.loads(raw)
    except io.LoadError as exc:
        msg = str(exc)
        if not msg.strip() or "\n" in msg:
            return "traceback", f"LoadError message not one line: {msg!r}"
        return "clean", msg
    except Hang:
        raise
    except BaseException:  # noqa: BLE001 - anything else is the defect we look for
        return "traceback", traceback.format_exc()
    try:
        ev = Evaluator(doc)
        ev.run()
        if not ev.errors and ev.compile_error is None:
            Trainer(doc, ev).run(1)  # the training settings are usable too
    except (CircuitError, TrainingError):
        pass
    except Hang:
        raise
    except BaseException:  # noqa: BLE001
        return "traceback", traceback.format_exc()
    return "loaded", ""


def cli_outcome(argv: list[str]) -> tuple[str, int, str]:
    """Run engine.cli.main in-process: ('ok', code, stderr) when it exits 0/1/2 without a traceback
    (and 2 comes with one line), else ('traceback', code, details)."""
    out, err = _io.StringIO(), _io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(argv)
    except Hang:
        raise
    except BaseException:  # noqa: BLE001
        return "traceback", -1, traceback.format_exc()
    text = err.getvalue()
    if code not in (0, 1, 2) or "Traceback" in text or "internal error" in text:
        return "traceback", code, text
    if code == 2 and len(text.strip().splitlines()) != 1:
        return "traceback", code, f"exit 2 needs one line on stderr, got {text!r}"
    return "ok", code, text
