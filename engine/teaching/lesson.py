"""A lesson file (resources/lessons/*.json, described in resources/lessons/README.md), checked field by
field into a Lesson. Every complaint is one line saying which file, which field and what is wrong,
like the circuit file checks (engine.circuit.schema):

    02_backprop_by_hand.json: steps[3].expect: line 1, column 6: no node labelled 'q' in L.json
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..circuit import io
from ..circuit.document import Circuit
from ..circuit.json_values import _short, is_finite, type_name
from ..errors import EngineError
from ..expr import ExpressionError, circuit_from_expression, parse
from ..resources import examples_dir, resources_dir
from .build import Target
from .conditions import compile_condition

FORMAT, VERSION = "backprop-playground-lesson", 1
LANGUAGES = ("en", "pt_BR")
KINDS = ("read", "do", "predict", "build", "choose")
TOP = ("format", "version", "id", "title", "summary", "seed", "circuit", "steps")
COMMON = ("kind", "text", "do", "hints", "wrong", "highlight", "hide", "circuit", "demo")
FIELDS = {"read": ("check",), "do": ("check",), "predict": ("expect", "tolerance"),
          "build": ("target", "ranges"), "choose": ("choices", "answer")}
REQUIRED = {"read": (), "do": ("check",), "predict": ("expect",), "build": ("target",), "choose": ("choices", "answer")}
LEAF_KINDS = ("input", "weight", "constant")
MAX_STEPS, MAX_TEXT, MAX_HINTS = 100, 4000, 10


_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}\.json")


class LessonError(EngineError, ValueError):
    """A lesson file that cannot be used; the message says which file, which field and what."""


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


class _Where:
    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, message: str):
        raise LessonError(f"{self.source}: {where}: {message}" if where else f"{self.source}: {message}")


def _text(w: _Where, value, where: str) -> dict:
    if not isinstance(value, dict):
        w.fail(where, f'must be an object {{"en": ..., "pt_BR": ...}}, got {type_name(value)}')
    for lang in LANGUAGES:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            got = "missing" if lang not in value else _short(value[lang])
            w.fail(where, f"needs a non-empty {lang!r} text (got {got})")
        if len(value[lang]) > MAX_TEXT:
            w.fail(where, f"the {lang!r} text is longer than {MAX_TEXT} characters")
    extra = sorted(set(value) - set(LANGUAGES))
    if extra:
        w.fail(where, f"unknown language {extra[0]!r}; use {' and '.join(LANGUAGES)}")
    return {lang: value[lang] for lang in LANGUAGES}


def _fields(w: _Where, data: dict, allowed, where: str) -> None:
    extra = [k for k in data if k not in allowed]
    if extra:
        w.fail(where, f"unknown field {_short(extra[0])}; allowed: {', '.join(allowed)}")


def _number(w: _Where, value, where: str, positive: bool = False) -> float:
    if not is_finite(value):
        w.fail(where, f"must be a finite number, got {_short(value)}")
    if positive and value <= 0:
        w.fail(where, f"must be positive, got {_short(value)}")
    return float(value)


def circuit_of(spec: dict) -> Circuit:
    """A new Circuit for a (checked) circuit spec."""
    if "example" in spec:
        return io.load(examples_dir() / spec["example"])
    if "formula" in spec:
        return circuit_from_expression(spec["formula"], spec.get("values"), spec.get("kinds"))
    return Circuit()


def _circuit(w: _Where, spec, where: str) -> tuple[dict, Circuit]:
    if not isinstance(spec, dict):
        w.fail(where, f'must be an object such as {{"example": "L.json"}}, got {type_name(spec)}')
    ways = [k for k in ("example", "formula", "empty") if k in spec]
    if len(ways) != 1:
        w.fail(where, 'needs exactly one of "example" (a file of resources/examples), "formula" or "empty"')
    _fields(w, spec, ("formula", "values", "kinds") if "formula" in spec else ways, where)
    if "example" in spec:
        name = spec["example"]
        if not isinstance(name, str) or not _FILE_NAME.fullmatch(name):
            w.fail(f"{where}.example", f"must be a file name of resources/examples such as 'L.json', "
                                       f"got {_short(name)}")
        if not (examples_dir() / name).is_file():
            w.fail(f"{where}.example", f"no example file {name!r} in resources/examples")
    elif "formula" in spec:
        if not isinstance(spec["formula"], str):
            w.fail(f"{where}.formula", f"must be text, got {type_name(spec['formula'])}")
        for key in ("values", "kinds"):
            if key in spec and not isinstance(spec[key], dict):
                w.fail(f"{where}.{key}", f"must be an object of names, got {type_name(spec[key])}")
        for name, value in spec.get("values", {}).items():
            _number(w, value, f"{where}.values.{name}")
        for name, kind in spec.get("kinds", {}).items():
            if kind not in LEAF_KINDS:
                w.fail(f"{where}.kinds.{name}", f"must be one of {', '.join(LEAF_KINDS)}, got {_short(kind)}")
    elif spec["empty"] is not True:
        w.fail(f"{where}.empty", "must be true")
    try:
        return spec, circuit_of(spec)
    except EngineError as exc:
        w.fail(where, str(exc))
        raise AssertionError("unreachable") from None


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
        step.circuit, doc = _circuit(w, raw["circuit"], f"{where}.circuit")
        labels = {n.label for n in doc.nodes()}
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
    spec, doc = _circuit(w, data["circuit"], "circuit")
    steps = data.get("steps")
    if not isinstance(steps, list) or not 1 <= len(steps) <= MAX_STEPS:
        w.fail("steps", f"must be an array of 1 to {MAX_STEPS} steps, got {_short(steps)}")
    labels, name = {n.label for n in doc.nodes()}, spec.get("example", "the lesson's circuit")
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
