"""Helpers for the hostile-export tests: run a generated script in-process, read DOT back like Graphviz does.

`parse_dot` follows Graphviz's lexer (lib/cgraph/scan.l: in a quoted string \\" is a quote, \\\\ stays two
characters, other backslashes stay) and its record-label parser (lib/common/shapes.c parse_reclbl: \\{ \\} \\|
\\< \\> are literal, unescaped ones are structure), then escString (\\\\ is one backslash). It is an
independent reading of the text, not the exporter's escaping run backwards.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import runpy
import sys
import unicodedata
from pathlib import Path


def runnable_exports() -> tuple:
    """The exporters whose scripts can run here: Python always, PyTorch where it is installed."""
    import importlib.util

    from engine.export import to_python, to_torch

    return (to_python, to_torch) if importlib.util.find_spec("torch") else (to_python,)

SENTINEL = "INJECTED"
PAYLOADS = [
    "__import__('pathlib').Path('INJECTED').touch()",
    "__import__('sys').__setattr__('INJECTED', 1)",
]


def injected(where: Path) -> bool:
    """Did some payload run: the sentinel file in the script's directory, or the sys attribute?"""
    return (where / SENTINEL).exists() or hasattr(sys, SENTINEL)


def run_script(text: str, where: Path) -> tuple[object, str]:
    """Run a script's text as __main__ with `where` as working directory: (exit code or None, stdout)."""
    path = where / "exported.py"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    saved_path, saved_cwd = list(sys.path), os.getcwd()
    code = None
    try:
        os.chdir(where)
        with contextlib.redirect_stdout(out):
            runpy.run_path(str(path), run_name="__main__")
    except SystemExit as exc:
        code = exc.code
    finally:
        os.chdir(saved_cwd)
        sys.path[:] = saved_path
    return code, out.getvalue()


def shown(label: str) -> str:
    """How the scripts print a label: as is when printable, else ascii() (one line, no tabs)."""
    return label if label.isprintable() else ascii(label)


def cleaned(text: str) -> str:
    """What a DOT label shows for a text: line breaks and controls as spaces, lone surrogates as U+FFFD."""
    return "".join("\ufffd" if unicodedata.category(c) == "Cs" else " " if unicodedata.category(c) in
                   ("Cc", "Zl", "Zp") else c for c in text)


# ---------------------------------------------------------------- DOT
_TOKEN = re.compile(r'\s+|->|[{}\[\];,=]|[A-Za-z_\x80-\uffff][A-Za-z_0-9\x80-\uffff]*|-?(?:\.\d+|\d+(?:\.\d*)?)|"')

_PUNCT = {"->", "{", "}", "[", "]", ";", ",", "="}


def _lex(text: str) -> list[tuple[str, str]]:
    """(kind, text) tokens: 'id' (names, numbers, quoted strings after the lexer's escapes) or punctuation."""
    tokens, i = [], 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        assert m, f"DOT lexer stops at {text[i:i + 20]!r}"
        tok = m.group()
        if tok == '"':
            j, buf = i + 1, []
            while True:
                assert j < len(text), "unterminated DOT string"
                c = text[j]
                if c == '"':
                    break
                if c == "\\" and j + 1 < len(text) and text[j + 1] in '"\\\n':
                    nxt = text[j + 1]
                    buf.append({'"': '"', "\\": "\\\\", "\n": ""}[nxt])
                    j += 2
                    continue
                buf.append(c)
                j += 1
            tokens.append(("id", "".join(buf)))
            i = j + 1
            continue
        if not tok.isspace():
            tokens.append((tok, tok) if tok in _PUNCT else ("id", tok))
        i = m.end()
    return tokens


def _attrs(tokens, i):
    attrs = {}
    assert tokens[i][0] == "["
    i += 1
    while tokens[i][0] != "]":
        (k, key), (eq, _), (v, value) = tokens[i:i + 3]
        assert k == "id" and eq == "=" and v == "id", tokens[i:i + 3]
        attrs[key] = value
        i += 3
        if tokens[i][0] in (",", ";"):
            i += 1
    return attrs, i + 1


def parse_dot(text: str):
    """(graph name, {node id: attrs}, [(src, dst, attrs)]) of a digraph, asserting the grammar."""
    tokens = _lex(text)
    assert tokens[0] == ("id", "digraph") and tokens[1][0] == "id" and tokens[2][0] == "{", tokens[:3]
    assert tokens[-1][0] == "}"
    nodes, edges, i = {}, [], 3
    while i < len(tokens) - 1:
        kind, value = tokens[i]
        assert kind == "id", tokens[i]
        if tokens[i + 1][0] == "=":
            assert tokens[i + 2][0] == "id"
            i += 3
        elif value in ("node", "edge", "graph"):
            _, i = _attrs(tokens, i + 1)
        elif tokens[i + 1][0] == "->":
            assert tokens[i + 2][0] == "id"
            attrs, j = ({}, i + 3) if tokens[i + 3][0] != "[" else _attrs(tokens, i + 3)
            edges.append((value, tokens[i + 2][1], attrs))
            i = j
        else:
            attrs, i = _attrs(tokens, i + 1) if tokens[i + 1][0] == "[" else ({}, i + 1)
            assert value not in nodes, f"node {value!r} declared twice"
            nodes[value] = attrs
        assert tokens[i][0] in (";", "}"), tokens[i]
        if tokens[i][0] == ";":
            i += 1
    return tokens[1][1], nodes, edges


def esc_string(text: str) -> str:
    """Graphviz escString for label text we write: \\\\ is a backslash; any other escape would be a bug."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            assert text[i + 1:i + 2] == "\\", f"unintended escape sequence in {text!r}"
            out.append("\\")
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def record_fields(label: str) -> list[str]:
    """The field texts of a record label '{ a | b | c }', with the record parser's escapes resolved."""
    assert label.startswith("{") and label.endswith("}"), label
    fields, buf, i, body = [], [], 0, label[1:-1]
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            buf.append(nxt if nxt in "{}|<>" else "\\" + nxt)  # \\ stays for escString
            i += 2
            continue
        assert c not in "{}<>", f"unescaped record structure {c!r} in {label!r}"
        if c == "|":
            fields.append("".join(buf))
            buf = []
        else:
            buf.append(c)
        i += 1
    fields.append("".join(buf))
    return [esc_string(f).strip(" ") for f in fields]
