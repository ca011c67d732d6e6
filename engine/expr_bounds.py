"""Bounds on formula text, checked before any expensive work, and a parse that only fails with ExpressionError.

Order of the checks, cheapest first, so that a hostile formula is refused in well under 0.1 s:
1. type and length (MAX_LENGTH characters);
2. linear scans of the characters: control characters, NUL and lone surrogates; bracket depth; the
   number of tokens and the length of names; runs of signs (- - - x); numbers too large for a float64;
3. ast.parse, with every exception it can raise (SyntaxError, ValueError, UnicodeError, RecursionError,
   MemoryError, OverflowError) and its warnings turned into ExpressionError with line:column;
4. an iterative walk of the tree: number of ast nodes, nesting depth, and the number of circuit nodes
   the formula would build (ops, calls, constants, distinct names).
"""

from __future__ import annotations

import ast
import math
import re
import textwrap
import unicodedata
import warnings

from .errors import EngineError

MAX_LENGTH = 10_000  # characters
MAX_DEPTH = 60  # nested brackets, signs in a row
MAX_TREE_DEPTH = 200  # ast levels (a sum of n terms is n levels); the builder recurses <= 3 frames per level
MAX_TOKENS = 3_000  # names, numbers and operators, counted before parsing
MAX_NAME = 64  # characters of one name (it becomes a node label)
MAX_AST_NODES = 5_000
MAX_CIRCUIT_NODES = 500  # a circuit to read and step through by hand; the canvas stays usable
_NUMBER = re.compile(r"(?<![\w.])(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d[\d_]*)?)")
_TOKEN = re.compile(r"[^\W\d]\w*|\d[\w.]*|\*\*|\S")
_SIGNS = re.compile(r"(?:[-+~]\s*){" + str(MAX_DEPTH + 1) + ",}")
_BRACKETS = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}
_ALLOWED_CONTROL = "\t\n\r\f"


class ExpressionError(EngineError, ValueError):
    """Text that is not a supported formula; says what and at which line:column."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        self.line, self.column, self.what = line, column, message
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(where + message)


def _where(text: str, index: int) -> tuple[int, int]:
    """(line, column) of a character index, both from 1."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _refuse(text: str, index: int, message: str):
    raise ExpressionError(message, *_where(text, index))


def too_large(literal: str) -> str:
    shown = literal if len(literal) <= 12 else literal[:8] + "..."
    return f"the number {shown} is not finite: too large for a float64 (at most about 1.8e308)"


def scan(text: str) -> None:
    """The cheap checks on the raw text (steps 1 and 2 above)."""
    if not isinstance(text, str):
        raise ExpressionError(f"the formula must be text, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the formula is too long ({len(text)} characters, at most {MAX_LENGTH})")
    depth = 0
    for i, ch in enumerate(text):
        if ch in _BRACKETS:
            depth += _BRACKETS[ch]
            if depth > MAX_DEPTH:
                _refuse(text, i, f"the formula nests brackets more than {MAX_DEPTH} deep")
        elif ch not in _ALLOWED_CONTROL and unicodedata.category(ch) in ("Cs", "Cc", "Zl", "Zp"):
            _refuse(text, i, f"the character U+{ord(ch):04X} is not allowed in a formula")
    tokens = 0
    for match in _TOKEN.finditer(text):
        tokens += 1
        if tokens > MAX_TOKENS:
            _refuse(text, match.start(), f"the formula has more than {MAX_TOKENS} names, numbers and operators")
        if len(match.group()) > MAX_NAME and not match.group()[0].isdigit():
            _refuse(text, match.start(), f"the name {match.group()[:12]}... is longer than {MAX_NAME} characters")
    signs = _SIGNS.search(text)
    if signs:
        _refuse(text, signs.start(), f"more than {MAX_DEPTH} signs in a row")
    for match in _NUMBER.finditer(text):
        literal = match.group()
        try:
            value = float(int(literal.replace("_", ""), 0)) if literal[:2].lower() in ("0x", "0o", "0b") \
                else float(literal.replace("_", ""))
        except OverflowError:
            value = math.inf
        except ValueError:
            continue  # not a well-formed number: the parser says why
        if not math.isfinite(value):
            _refuse(text, match.start(), too_large(literal))


def parse(text: str) -> ast.Module:
    """Parse bounded formula text into a Python ast; every failure is an ExpressionError with line:column."""
    return parse_checked(text)[0]


def parse_checked(text: str) -> tuple[ast.Module, set[str]]:
    """(the ast, the names it uses other than called functions), or ExpressionError with line:column."""
    scan(text)
    dedented = textwrap.dedent(text)  # "  L = a*b" is fine; columns still count in the original text
    indent = next((len(a) - len(b) for a, b in zip(text.splitlines(), dedented.splitlines(), strict=False) if b), 0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning ('1 is 1', '5(x)') must not become an exception
            tree = ast.parse(dedented, mode="exec")
    except SyntaxError as exc:  # IndentationError, TabError too
        raise ExpressionError(f"syntax error: {exc.msg}", exc.lineno, (exc.offset or 0) + indent) from None
    except (RecursionError, MemoryError):
        raise ExpressionError("the formula is nested too deeply") from None
    except (ValueError, OverflowError, TypeError) as exc:  # UnicodeError is a ValueError
        raise ExpressionError(f"the formula is not valid text: {str(exc)[:80]}") from None
    if indent:
        for node in ast.walk(tree):
            if hasattr(node, "col_offset"):
                node.col_offset += indent
    return tree, check_tree(tree)


def check_tree(tree: ast.AST) -> set[str]:
    """Node count, depth and the size of the circuit the tree would build, without recursion; returns the
    names the tree uses other than called functions."""
    count, builds, names, called = 0, 0, set(), set()
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_AST_NODES:
            raise ExpressionError(f"the formula has more than {MAX_AST_NODES} parts")
        if depth > MAX_TREE_DEPTH:
            raise ExpressionError(f"the formula is nested more than {MAX_TREE_DEPTH} levels deep (a sum counts "
                                  "one level per term)",
                                  getattr(node, "lineno", None), getattr(node, "col_offset", -1) + 1)
        if isinstance(node, (ast.BinOp, ast.UnaryOp, ast.Call, ast.Constant)):
            builds += 1
            if isinstance(node, ast.Call):
                called.add(id(node.func))  # the parent is seen before its children
        elif isinstance(node, ast.Name) and id(node) not in called:
            names.add(node.id)
        for field in node._fields:  # ast.iter_child_nodes, without the shared Load/Store markers
            value = getattr(node, field, None)
            if isinstance(value, list):
                stack.extend((v, depth + 1) for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST) and not isinstance(value, ast.expr_context):
                stack.append((value, depth + 1))
    if builds + len(names) > MAX_CIRCUIT_NODES:
        raise ExpressionError(f"the formula would build about {builds + len(names)} nodes; at most "
                              f"{MAX_CIRCUIT_NODES} fit a circuit you can follow (split it or simplify)")
    return names
