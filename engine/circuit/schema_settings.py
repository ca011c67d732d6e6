"""The settings part of a circuit file: its dataset, training settings and view, each field checked
against a declared rule (engine.circuit.schema checks the rest and calls these)."""

from __future__ import annotations

from .. import datasets, features
from .json_values import SchemaError, _fields, _short, _size, is_finite, is_number, type_name

# training settings (engine.circuit.training.DEFAULTS; a test keeps the two in step)
TRAINING = {
    "optimizer": ("sgd", "momentum", "adam"),
    "lr": ("float", 1e-12, 1e3),
    "momentum": ("float", 0.0, 1.0),
    "schedule": ("constant", "linear"),
    "lr_end": ("float", 0.0, 1e3, None),
    "steps": ("int", 1, 10**7),
    "objective": ("minimize", "maximize", None),  # null or left out: follow the circuit
    "train_inputs": ("bool", None),
    "batch_size": ("int", 1, 10**6, None),  # null or left out: each step reads every training row
    "test_share": ("float", 0.0, 0.9),  # the share of rows held out for testing (seeded)
    "seed": ("int", 0, 10**9),  # the split and the per-epoch shuffle
}
# the saved view: the example's title and description, the canvas zoom and centre
VIEW = {"title": ("text", 1_000), "description": ("text", 100_000), "zoom": ("float", 1e-3, 1e3),
        "center": ("pair",)}


def check_dataset(ds) -> None:
    """null, a generated dataset {"name", "params", "points"} or inline data {"name", "X", "y", "points"}."""
    if ds is None:
        return
    if not isinstance(ds, dict):
        raise SchemaError(f'"dataset" must be null or an object, got {type_name(ds)}')
    if not isinstance(ds.get("name"), str) or not ds["name"]:
        raise SchemaError('"dataset" needs a "name" string (e.g. "moons")')
    if "X" in ds:
        _fields(ds, ("name", "X", "y", "points", "features"), "the dataset")
        X = ds["X"]
        if not isinstance(X, list) or not X or not all(isinstance(r, list) for r in X):
            raise SchemaError(f"dataset.X must be a non-empty array of rows, got {_short(X)}")
        width = len(X[0])
        for r, row in enumerate(X):
            if len(row) != width or not width or not all(is_number(v) for v in row):
                raise SchemaError(f"dataset.X row {r} must hold {width or 'some'} numbers like row 0, "
                                  f"got {_short(row)}")
        if len(X) > datasets.MAX_SAMPLES:
            raise SchemaError(f"dataset.X has {len(X):,} rows; the limit is {datasets.MAX_SAMPLES:,}")
        y = ds.get("y")
        if not isinstance(y, list) or len(y) != len(X) or not all(is_number(v) for v in y):
            raise SchemaError(f"dataset.y must be an array of {len(X)} numbers (one target per row of X), "
                              f"got {_size(y)}")
    else:
        _fields(ds, ("name", "params", "points", "features"), "the dataset")
        name = ds["name"]
        if name not in datasets.PARAMS:
            raise SchemaError(f"unknown dataset {_short(name)}; known: {', '.join(datasets.PARAMS)} "
                              '(or inline data with "X" and "y")')
        params = ds.get("params", {})
        if not isinstance(params, dict):
            raise SchemaError(f"dataset.params must be an object, got {type_name(params)}")
        spec = datasets.PARAMS[name]
        for k, v in params.items():
            if k not in spec:
                raise SchemaError(f"the dataset {name!r} has no parameter {k!r} "
                                  f"(its parameters: {', '.join(spec) or 'none'})")
            check_value(v, spec[k], f"dataset.params.{k}")
        width = datasets.FEATURES[name]
    if "features" in ds:
        try:
            features.check(ds["features"], width)
        except features.FeatureError as exc:
            raise SchemaError(str(exc)) from None
    points = ds.get("points") or []
    if not isinstance(points, list) or len(points) > datasets.MAX_SAMPLES:
        raise SchemaError(f"dataset.points must be an array of up to {datasets.MAX_SAMPLES:,} points, got "
                          f"{_size(points)}")
    for i, pt in enumerate(points):
        if not isinstance(pt, list) or len(pt) != width + 1 or not all(is_number(v) for v in pt):
            raise SchemaError(f"dataset.points[{i}] must be {width + 1} numbers ({width} features, then the "
                              f"label), got {_short(pt)}")


def check_fields(obj: dict, spec: dict, where: str) -> None:
    """An object of settings: only the known keys, each of its declared type and range."""
    if not isinstance(obj, dict):
        raise SchemaError(f'"{where}" must be an object, got {type_name(obj)}')
    _fields(obj, tuple(spec), f'"{where}"')
    for k, v in obj.items():
        check_value(v, spec[k], f"{where}.{k}")


def check_value(v, rule, where: str) -> None:
    """One setting against its rule: ("int"|"float", lo, hi), "bool", ("text", max), ("pair",), or a
    tuple of allowed strings; a rule ending in None also allows null."""
    if rule[-1] is None:
        if v is None:
            return
        rule = rule[:-1]
    kind = rule[0]
    if kind in ("int", "float"):
        lo, hi = rule[1], rule[2]
        if not is_finite(v):
            raise SchemaError(f"{where} must be a number, got {type_name(v)} {_short(v)}")
        if kind == "int" and v != int(v):
            raise SchemaError(f"{where} must be a whole number, got {_short(v)}")
        if not lo <= v <= hi:
            raise SchemaError(f"{where} must be between {lo:g} and {hi:g}, got {_short(v)}")
    elif kind == "bool":
        if not isinstance(v, bool):
            raise SchemaError(f"{where} must be true or false, got {_short(v)}")
    elif kind == "text":
        if not isinstance(v, str) or len(v) > rule[1]:
            got = f"{len(v):,} characters" if isinstance(v, str) else f"{type_name(v)} {_short(v)}"
            raise SchemaError(f"{where} must be a string of up to {rule[1]:,} characters, got {got}")
    elif kind == "pair":
        if not isinstance(v, list) or len(v) != 2 or not all(is_finite(x) for x in v):
            raise SchemaError(f"{where} must be an array of 2 numbers, got {_short(v)}")
    elif v not in rule or not isinstance(v, str):
        raise SchemaError(f"{where} is {_short(v)}; use one of {', '.join(rule)}")


