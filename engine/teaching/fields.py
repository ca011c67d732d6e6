"""The small field checks of a lesson file: texts in both languages, numbers, circuit specs; each
complaint names the file and the field (engine.teaching.lesson uses them for every field)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..circuit import io
from ..circuit.document import Circuit
from ..circuit.json_values import _short, is_finite, type_name
from ..errors import EngineError
from ..expr import circuit_from_expression
from ..resources import examples_dir

LANGUAGES = ("en", "pt_BR")
LEAF_KINDS = ("input", "weight", "constant")
MAX_TEXT = 4000
_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,80}\.json")


class LessonError(EngineError, ValueError):
    """A lesson file that cannot be used; the message says which file, which field and what."""


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


@lru_cache(maxsize=64)
def _example_labels(path: str, mtime_ns: int) -> frozenset:
    """The node labels of an example file, read once per version of the file (digits.json takes 0.25 s)."""
    return frozenset(n.label for n in io.load(path).nodes())


def _circuit(w: _Where, spec, where: str) -> tuple[dict, frozenset]:
    """The checked spec and the node labels of the circuit it describes."""
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
        if "example" in spec:
            path = examples_dir() / spec["example"]
            return spec, _example_labels(str(path), path.stat().st_mtime_ns)
        return spec, frozenset(n.label for n in circuit_of(spec).nodes())
    except (EngineError, OSError) as exc:
        w.fail(where, str(exc))
        raise AssertionError("unreachable") from None
