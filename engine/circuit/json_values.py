"""The JSON values a circuit file is made of: type names, number checks, plain-JSON conversion,
and SchemaError, the complaint every file check raises (engine.circuit.schema and schema_settings)."""

from __future__ import annotations

import math
import numbers

from ..errors import EngineError


class SchemaError(EngineError, ValueError):
    """A parsed file that does not describe a valid circuit."""


def type_name(value) -> str:
    """The JSON name of a Python value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, numbers.Number):
        return "number"
    return {str: "string", list: "array", tuple: "array", dict: "object"}.get(type(value), type(value).__name__)


def is_number(value) -> bool:
    t = type(value)
    if t is float or t is int:  # the common case, without the slower abstract-class check
        return True
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def is_finite(value) -> bool:
    """A real number that float64 can hold (huge Python ints are not)."""
    try:
        return is_number(value) and math.isfinite(float(value))
    except OverflowError:
        return False


def jsonable(value, where: str):
    """Plain JSON types (numpy arrays and scalars become lists and numbers, tuples lists)."""
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()
    if isinstance(value, dict):
        return {str(k): jsonable(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, numbers.Real):
        return float(value)
    raise SchemaError(f"{where} holds a {type(value).__name__}, which JSON cannot store")


def finite_json(value, where: str):
    """The value itself, after checking that every number in it is finite."""
    stack = [(value, where)]
    while stack:
        v, w = stack.pop()
        if is_number(v) and not is_finite(v):
            raise SchemaError(f"{w} is {v:.3g}; every number must be a finite float64")
        if isinstance(v, dict):
            for k, item in v.items():
                if not isinstance(k, str):
                    raise SchemaError(f"{w} has a non-string key {k!r}")
                stack.append((item, f"{w}.{k}"))
        elif isinstance(v, list):
            stack.extend((item, f"{w}[{i}]") for i, item in enumerate(v))
        elif not (v is None or isinstance(v, str | bool | int | float)):
            raise SchemaError(f"{w} holds a {type(v).__name__}, which is not JSON")
    return value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:36] + "..."


def _fields(obj: dict, known: tuple[str, ...], where: str) -> None:
    unknown = [k for k in obj if k not in known]
    if unknown:
        raise SchemaError(f"{where}: unknown field {unknown[0]!r}; known fields: {', '.join(known)}")


def _size(v) -> str:
    v = v.tolist() if hasattr(v, "tolist") else v
    if isinstance(v, list | tuple):
        if v and all(isinstance(r, list | tuple) for r in v):
            widths = sorted({len(r) for r in v})
            return f"{len(v)} x {widths[0] if len(widths) == 1 else widths}"
        return f"{len(v)} values"
    return _short(v)
