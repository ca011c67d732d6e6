"""A lesson file (resources/lessons/*.json, described in resources/lessons/README.md), checked field by
field into a Lesson. Every complaint is one line saying which file, which field and what is wrong,
like the circuit file checks (engine.circuit.schema):

    02_backprop_by_hand.json: steps[3].expect: line 1, column 6: no node labelled 'q' in L.json
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from ..circuit import io
from ..circuit.json_values import _short, is_finite, type_name
from ..errors import EngineError
from ..expr import ExpressionError, parse
from ..resources import resources_dir
from .build import Target
from .conditions import compile_condition
from .fields import LessonError, _circuit, _fields, _number, _text, _Where, circuit_of

FORMAT, VERSION = "backprop-playground-lesson", 1
KINDS = ("read", "do", "predict", "build", "choose")
TOP = ("format", "version", "id", "title", "summary", "seed", "circuit", "steps")
COMMON = ("kind", "text", "do", "hints", "wrong", "highlight", "hide", "circuit", "demo")
FIELDS = {"read": ("check",), "do": ("check",), "predict": ("expect", "tolerance"),
          "build": ("target", "ranges"), "choose": ("choices", "answer")}
REQUIRED = {"read": (), "do": ("check",), "predict": ("expect",), "build": ("target",), "choose": ("choices", "answer")}
MAX_STEPS, MAX_HINTS = 100, 10
__all__ = ["Lesson", "LessonError", "Step", "all_lessons", "circuit_of", "from_data", "lessons_dir", "load", "loads"]


def lessons_dir() -> Path:
    return resources_dir() / "lessons"


@dataclass
class Step:
    kind: str
    text: dict
    do: dict | None = None
    hints: list = field(default_factory=list)
    wrong: dict | None = None
    highlight: list = field(default_factory=list)
    circuit: dict | None = None  # a new circuit loads when the step begins
    demo: str | None = None  # a bug switch shown next to its fix (engine.teaching.bugs)
    check: object = None  # compiled condition (read, do)
    check_text: str = "True"
    expect: object = None  # compiled value (predict)
    expect_text: str = ""
    asks: tuple | None = None  # ("grad" | "value", label) when expect is that simple
    tolerance: float | None = None
    hide: list = field(default_factory=list)
    target: Target | None = None  # build
    choices: list = field(default_factory=list)
    answer: int | None = None


@dataclass
class Lesson:
    id: str
    title: dict
    summary: dict
    circuit: dict
    steps: list[Step]
    seed: str = ""
    source: str = ""


def _condition(w: _Where, text, where: str, labels: set | None, circuit_name: str):
    if not isinstance(text, str):
        w.fail(where, f"must be a condition as text, got {type_name(text)}")
    try:
        fn, used = compile_condition(text)
    except ExpressionError as exc:
        w.fail(where, str(exc))
    for label in used if labels is not None else ():
        if label not in labels:
            w.fail(where, f"no node labelled {label!r} in {circuit_name}")
    return fn


def _asks(text: str) -> tuple | None:
    """('grad', 'c') for 'grad(c)', ('value', 'o') for 'value(o)' or 'o': the explanation knows these."""
    node = parse(text).body[0].value
    if isinstance(node, ast.Name):
        return ("value", node.id)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("grad", "value")
            and len(node.args) == 1):
        arg = node.args[0]
        label = arg.id if isinstance(arg, ast.Name) else getattr(arg, "value", None)
        return (node.func.id, label) if isinstance(label, str) else None
    return None


def _step(w: _Where, raw, i: int, labels: set | None, circuit_name: str) -> tuple[Step, set | None, str]:
    where = f"steps[{i}]"
    if not isinstance(raw, dict):
        w.fail(where, f"must be an object, got {type_name(raw)}")
    kind = raw.get("kind")
    if kind not in KINDS:
        got = _short(kind) if "kind" in raw else "nothing"
        w.fail(f"{where}.kind", f"must be one of {', '.join(KINDS)}, got {got}")
    _fields(w, raw, COMMON + FIELDS[kind], where)
    for name in REQUIRED[kind]:
        if name not in raw:
            w.fail(where, f"a {kind} step needs the field {name!r}")
    step = Step(kind, _text(w, raw.get("text"), f"{where}.text"))
    if "circuit" in raw:
        step.circuit, labels = _circuit(w, raw["circuit"], f"{where}.circuit")
        circuit_name = raw["circuit"].get("example", "the step's circuit")
    for name in ("do", "wrong"):
        if name in raw:
            setattr(step, name, _text(w, raw[name], f"{where}.{name}"))
    for name, limit in (("hints", MAX_HINTS), ("highlight", 50), ("hide", 50)):
        value = raw.get(name, [])
        if not isinstance(value, list) or len(value) > limit:
            w.fail(f"{where}.{name}", f"must be an array of at most {limit} items, got {_short(value)}")
    step.hints = [_text(w, h, f"{where}.hints[{j}]") for j, h in enumerate(raw.get("hints", []))]
    known = labels if kind != "build" else None
    for name in ("highlight", "hide"):
        for j, label in enumerate(raw.get(name, [])):
            if name == "highlight" and isinstance(label, str) and label not in (known or ()) and "." in label:
                label = label.rsplit(".", 1)[0]  # "L.a": the input port a of node L ("L.out": its output)
            if not isinstance(label, str) or (known is not None and label not in known):
                w.fail(f"{where}.{name}[{j}]", f"no node labelled {_short(label)} in {circuit_name}")
        setattr(step, name, list(raw.get(name, [])))
    if "demo" in raw:
        from .bugs import DEMOS

        if raw["demo"] not in DEMOS:
            w.fail(f"{where}.demo", f"unknown bug switch {_short(raw['demo'])}; known: {', '.join(DEMOS)}")
        step.demo = raw["demo"]
    if kind in ("read", "do"):
        step.check_text = raw.get("check", "True")
        step.check = _condition(w, step.check_text, f"{where}.check", known, circuit_name)
    elif kind == "predict":
        step.expect_text = raw["expect"]
        step.expect = _condition(w, raw["expect"], f"{where}.expect", known, circuit_name)
        step.asks = _asks(raw["expect"])
        if "tolerance" in raw:
            step.tolerance = _number(w, raw["tolerance"], f"{where}.tolerance", positive=True)
        if not step.hide and step.asks and step.asks[0] == "grad":
            step.hide = [step.asks[1]]
    elif kind == "build":
        step.target = _target(w, raw, where)
    else:
        choices = raw["choices"]
        if not isinstance(choices, list) or not 2 <= len(choices) <= 8:
            w.fail(f"{where}.choices", f"must be an array of 2 to 8 texts, got {_short(choices)}")
        step.choices = [_text(w, c, f"{where}.choices[{j}]") for j, c in enumerate(choices)]
        answer = raw["answer"]
        if not is_finite(answer) or answer != int(answer) or not 0 <= answer < len(choices):
            w.fail(f"{where}.answer", f"must be the index of the right choice, 0 to {len(choices) - 1}, "
                                      f"got {_short(answer)}")
        step.answer = int(answer)
    return step, labels, circuit_name


def _target(w: _Where, raw: dict, where: str) -> Target:
    if not isinstance(raw["target"], str):
        w.fail(f"{where}.target", f"must be a formula as text, got {type_name(raw['target'])}")
    ranges = raw.get("ranges", {})
    if not isinstance(ranges, dict):
        w.fail(f"{where}.ranges", f"must be an object of name: [low, high], got {type_name(ranges)}")
    for name, pair in ranges.items():
        if not isinstance(pair, list) or len(pair) != 2:
            w.fail(f"{where}.ranges.{name}", f"must be [low, high], got {_short(pair)}")
        lo, hi = (_number(w, v, f"{where}.ranges.{name}") for v in pair)
        if not lo < hi:
            w.fail(f"{where}.ranges.{name}", f"low must be below high, got {_short(pair)}")
    try:
        target = Target(raw["target"], {k: tuple(v) for k, v in ranges.items()})
    except EngineError as exc:
        w.fail(f"{where}.target", str(exc))
    if not target.names:
        w.fail(f"{where}.target", "the formula has no input or weight to compare on")
    unknown = sorted(set(ranges) - set(target.names))
    if unknown:
        w.fail(f"{where}.ranges", f"{unknown[0]!r} is not a name of the target formula")
    return target


def from_data(data, source: str = "the lesson") -> Lesson:
    """A Lesson from parsed JSON, or LessonError saying what and where."""
    w = _Where(source)
    if not isinstance(data, dict):
        w.fail("", f"the file must hold a JSON object, got {type_name(data)}")
    if data.get("format") != FORMAT:
        w.fail("format", f"must be {FORMAT!r}, got {_short(data.get('format')) if 'format' in data else 'nothing'}")
    if data.get("version") != VERSION:
        w.fail("version", f"this app reads lesson files of version {VERSION}, got {_short(data.get('version'))}")
    _fields(w, data, TOP, "")
    lesson_id = data.get("id")
    if not isinstance(lesson_id, str) or not lesson_id.replace("_", "").isalnum() or len(lesson_id) > 80:
        w.fail("id", f"must be a short name of letters, digits and _, got {_short(lesson_id)}")
    seed = data.get("seed", "")
    if not isinstance(seed, str):
        w.fail("seed", f"must be text, got {type_name(seed)}")
    if "circuit" not in data:
        w.fail("", 'the field "circuit" is missing')
    spec, labels = _circuit(w, data["circuit"], "circuit")
    steps = data.get("steps")
    if not isinstance(steps, list) or not 1 <= len(steps) <= MAX_STEPS:
        w.fail("steps", f"must be an array of 1 to {MAX_STEPS} steps, got {_short(steps)}")
    name = spec.get("example", "the lesson's circuit")
    out = []
    for i, raw in enumerate(steps):
        step, labels, name = _step(w, raw, i, labels, name)
        out.append(step)
    return Lesson(lesson_id, _text(w, data.get("title"), "title"), _text(w, data.get("summary"), "summary"),
                  spec, out, seed, source)


def loads(text: str | bytes, source: str = "the lesson") -> Lesson:
    try:
        raw = io.decode(bytes(text)) if isinstance(text, bytes | bytearray) else text
        if not isinstance(raw, str):
            raise LessonError(f"{source}: expected JSON text, got {type(raw).__name__}")
        data = io.parse_json(raw)
    except io.LoadError as exc:
        raise LessonError(f"{source}: {exc}") from None
    return from_data(data, source)


def load(path) -> Lesson:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LessonError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    return loads(raw, path.name)


def all_lessons() -> list[Lesson]:
    """Every lesson of resources/lessons, in file-name order."""
    return [load(p) for p in sorted(lessons_dir().glob("*.json"))]
