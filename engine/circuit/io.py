"""Save and load circuits as versioned JSON; loading checks everything before building anything.

The format: {"format": "backprop-playground", "version": 1, "nodes": [{"id", "kind", "label",
"op", "value", "params", "pos": [x, y], "slider": [lo, hi, step]}], "edges": [{"src", "dst",
"port"}], "dataset": null | {"name", ...}, "training": {...}, "view": {...} (optional)}.
Nothing in a file is ever executed: plain json parsing, no pickle, no eval. Every problem is a
LoadError saying what is wrong and where (JSON line and column, node index, id and field).
Files are UTF-8 (UTF-16/32 with a byte order mark are read too), regular files of at most
MAX_BYTES, nested at most MAX_DEPTH deep; saving refuses (SaveError) what loading would refuse.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import sys
from pathlib import Path

import numpy as np

from ..atomic_write import atomic_write
from ..errors import EngineError
from .document import Circuit
from .events import emit
from .json_values import SchemaError, finite_json, jsonable
from .schema import check_document
from .validate import run_problems

FORMAT = "backprop-playground"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024  # the one size limit: save refuses what load would refuse
MAX_DEPTH = 32  # a circuit file nests 5 levels (file, nodes, node, params, W rows); more is hostile
_FLOAT_MAX_DIGITS = len(str(int(sys.float_info.max)))


class LoadError(EngineError, ValueError):
    """A file that is not a valid circuit; the message says what is wrong and where."""


class SaveError(EngineError, ValueError):
    """A document that cannot be written (e.g. a weight became NaN); says which node and field."""


def save(doc: Circuit, path) -> None:
    """Write the document atomically (engine.atomic_write); a document that could not be loaded back
    (too large, or invalid) raises SaveError and nothing is written."""
    data = to_dict(doc)
    raw = _text(data).encode("utf-8")
    if len(raw) > MAX_BYTES:  # checked first: a huge document is refused without the full check
        raise SaveError(f"cannot save: the circuit would be {len(raw) / 2**20:.1f} MB and circuit files are "
                        f"limited to {MAX_BYTES / 2**20:.3g} MB (largest: {_largest(doc)})")
    _check_saveable(data, doc)
    atomic_write(path, raw)


def load(path) -> Circuit:
    """Read a circuit file into a new Circuit (raises LoadError; nothing else is touched). Only regular
    files are read: a FIFO, a device or a folder is refused before it is opened."""
    path = Path(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(f"cannot read {str(path)!r}: it is {_file_kind(info.st_mode)}, not a regular file")
        if info.st_size > MAX_BYTES:
            raise LoadError(_too_large(path.name, info.st_size))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):  # swapped after the check
                raise LoadError(f"cannot read {str(path)!r}: not a regular file")
            raw = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise LoadError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None
    try:
        return loads(raw)
    except LoadError as exc:
        raise LoadError(f"{path.name}: {exc}") from None


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def _largest(doc: Circuit) -> str:
    def size(n):
        return sum(int(np.size(v)) for v in n.params.values() if not isinstance(v, str))

    node = max(doc.nodes(), key=size, default=None)
    return "no nodes" if node is None else f"{node.kind} {node.label!r} holds {size(node):,} numbers"


def dumps(doc: Circuit) -> str:
    """The document as JSON text: one node or wire per line, stable order (diff-friendly). A document
    that would not load back (the same checks as loading) raises SaveError saying what and where."""
    data = to_dict(doc)
    _check_saveable(data, doc)
    return _text(data)


def _check_saveable(data: dict, doc: Circuit) -> None:
    try:
        check_document(data, FORMAT, VERSION)
    except SchemaError as exc:
        raise SaveError(f"cannot save: {exc}") from None
    problems = run_problems(doc)
    if problems:
        raise SaveError(f"cannot save: {problems[0].message}")


def _text(data: dict) -> str:
    text = _pretty(data, ascii_only=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in some string: escape everything
        text = _pretty(data, ascii_only=True)
    return text


def _pretty(data: dict, ascii_only: bool) -> str:
    def one(value):
        return json.dumps(value, allow_nan=False, ensure_ascii=ascii_only)

    lines = []
    for key, value in data.items():
        if key in ("nodes", "edges") and value:
            items = ",\n".join(f"    {one(item)}" for item in value)
            lines.append(f"  {one(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def loads(text: str | bytes) -> Circuit:
    """Parse JSON text (or bytes: UTF-8, or UTF-16/32 with a byte order mark) into a new Circuit."""
    if isinstance(text, bytes | bytearray):
        text = decode(bytes(text))
    elif not isinstance(text, str):
        raise LoadError(f"expected JSON text, got {type(text).__name__}")
    return from_dict(parse_json(text))


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"))


def decode(raw: bytes) -> str:
    """The text of a file: UTF-8 (an optional BOM is dropped), or UTF-16/32 when a BOM says so."""
    if len(raw) > MAX_BYTES:
        raise LoadError(_too_large("the file", len(raw)))
    codec = next((c for bom, c in _BOMS if raw.startswith(bom)), "utf-8")
    if codec == "utf-8" and b"\x00" in raw:
        raise LoadError(f"the file holds a NUL byte (byte {raw.index(0)}); circuit files are UTF-8 text "
                        "(UTF-16 and UTF-32 need a byte order mark)")
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec == "utf-8" else codec.upper().replace("-SIG", "")
        raise LoadError(f"the file is not {name} text (byte {exc.start}: {exc.reason})") from None


def to_dict(doc: Circuit) -> dict:
    """A JSON-able dict of the whole document: nodes by id order, wires by destination and port."""
    nodes = []
    for n in sorted(doc.nodes(), key=lambda n: doc._order_key(n.id)):
        where = f"node {n.label!r} ({n.id})"
        nodes.append({"id": n.id, "kind": n.kind, "label": n.label, "op": n.op,
                      "value": _save_json(n.value, f"{where} value"),
                      "params": _save_json(n.params, f"{where} params"),
                      "pos": _save_json(list(n.pos), f"{where} pos"),
                      "slider": _save_json(list(n.slider), f"{where} slider")})
    edges = [{"src": s, "dst": d, "port": p}
             for s, d, p in sorted(doc.edges(), key=lambda e: (doc._order_key(e[1]), e[2], doc._order_key(e[0])))]
    data = {"format": FORMAT, "version": VERSION, "nodes": nodes, "edges": edges,
            "dataset": _save_json(doc.dataset, "the dataset"), "training": _save_json(doc.training, "training")}
    view = getattr(doc, "view", None)
    if view:
        data["view"] = _save_json(view, "view")
    return data


def from_dict(data) -> Circuit:
    """Check a parsed file completely, then build a new Circuit from it (one document_reset event)."""
    try:
        spec = check_document(data, FORMAT, VERSION)
    except SchemaError as exc:
        raise LoadError(str(exc)) from None
    doc = Circuit()
    with doc.events.blocked():
        for n in spec["nodes"]:
            node = doc.make_node(n["kind"], n["op"], n["label"], n["value"], n["pos"], n["params"], n["slider"],
                                 node_id=n["id"])
            doc.graph.add_node(node.id, node=node)
        for src, dst, port in spec["edges"]:
            doc.graph.add_edge(src, dst, key=port)
        doc.dataset, doc.training, doc.view = spec["dataset"], spec["training"], spec["view"]
    problems = run_problems(doc)
    if problems:
        raise LoadError(problems[0].message)
    emit(doc.events.document_reset)
    return doc


def parse_json(text: str):
    """json.loads that rejects NaN/Infinity, numbers beyond float64, duplicate keys, with line:column."""
    if len(text) > MAX_BYTES:
        raise LoadError(_too_large("the file", len(text.encode("utf-8", "surrogatepass"))))
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        raise LoadError(f"invalid JSON: the values are nested too deeply ({depth} levels; a circuit file needs "
                        f"at most {MAX_DEPTH})")
    bad: list[str] = []
    dupes: list[str] = []

    def constant(tok):
        bad.append(tok)
        return 0.0

    def number(tok):
        value = float(tok)
        if not math.isfinite(value):
            bad.append(tok)
            return 0.0
        return value

    def integer(tok):
        if len(tok.lstrip("-")) > _FLOAT_MAX_DIGITS or abs(int(tok)) > sys.float_info.max:
            bad.append(tok)
            return 0
        return int(tok)

    def pairs(items):
        out = {}
        for k, v in items:
            if k in out and not dupes:
                dupes.append(k)
            out[k] = v
        return out

    try:
        data = json.loads(text, parse_constant=constant, parse_float=number, parse_int=integer,
                          object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise LoadError(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise LoadError("invalid JSON: the values are nested too deeply") from None
    if bad:
        tok = bad[0]
        where = _locate(text, tok)
        if tok.lstrip("-") in ("NaN", "Infinity"):
            raise LoadError(f"{where}: {tok} is not allowed; every number must be finite")
        shown = tok if len(tok) <= 24 else tok[:20] + "..."
        raise LoadError(f"{where}: the number {shown} is too large for a float64 (limit about 1.8e308)")
    if dupes:
        raise LoadError(f"a JSON object has the key {dupes[0]!r} twice")
    return data


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?', re.S)  # an unterminated string runs to the end: linear time


def nesting_depth(text: str) -> int:
    """How deeply [ and { nest outside strings, counted before parsing (numpy over the bytes: fast)."""
    if "[" not in text and "{" not in text:
        return 0
    bare = _STRING.sub("", text) if '"' in text else text
    codes = np.frombuffer(bare.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    step = (np.isin(codes, (0x5B, 0x7B)).astype(np.int32) - np.isin(codes, (0x5D, 0x7D)).astype(np.int32))
    return int(np.cumsum(step).max(initial=0))


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(-?(?:Infinity|NaN)|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)')


def _locate(text: str, tok: str) -> str:
    """'line L column C' of the first occurrence of a number token outside strings."""
    for m in _TOKEN.finditer(text):
        if m.group(1) == tok:
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            return f"line {line} column {col}"
    return "somewhere in the file"


def _too_large(name: str, size: int) -> str:
    return f"{name} is too large ({size / 2**20:.1f} MB); circuit files are limited to {MAX_BYTES / 2**20:.3g} MB"


def _save_json(value, where: str):
    try:
        return finite_json(jsonable(value, where), where)
    except SchemaError as exc:
        raise SaveError(f"cannot save: {exc}") from None
