"""Check conditions: small declared expressions on a circuit's state, such as

    grad(c) == -2 and value(L) > 0          count(gradient_step) >= 3          near(L, -7.2865, 1e-4)

The text is parsed by the formula field's bounded parser (engine.expr.parse: length, depth and size
limits, every failure an ExpressionError with line:column), then compiled through this module's own
whitelist into plain Python closures: nothing is ever evaluated with eval. A name outside a call is
the value of the node with that label (`L > 0`); the first argument of value/grad/exists/... is a
node label (a name, or a quoted string for labels such as "x1*w1").

`==` and `!=` compare numbers with a relative tolerance of 1e-4 (and 1e-9 absolute), so that
`grad(x1) == -1.5` holds for -1.4999999999999993; use near(a, b, tol) for another tolerance.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable

from .. import ops
from ..backends import S
from ..expr import ExpressionError, parse

__all__ = ["FUNCTIONS", "Unknown", "compile_condition", "labels_used"]

REL_TOL, ABS_TOL = 1e-4, 1e-9


class Unknown(Exception):  # noqa: N818 - a state, not a failure: the check is simply not met yet
    """A check cannot be decided yet (no gradient yet, no node with that label); the text says why."""

    def __init__(self, en: str, pt: str):
        super().__init__(en)
        self.text = {"en": en, "pt_BR": pt}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


# Python's binary operators as written; which ones a check accepts is the registry's rule, as for the formula
# field: a two-input op whose Op.infix is the symbol (+ - * / ** today; a newly registered one too)
_SYMBOLS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.Mod: "%",
            ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
            ast.LShift: "<<", ast.RShift: ">>"}
_PYTHON = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "**": operator.pow}


def _infix() -> dict:
    """symbol -> a function of two numbers, for the registry's infix ops (engine.expr's infix_ops rule)."""
    table = {op.infix: op for op in ops.OPS.values() if op.infix and op.arity == 2 and not op.params and op.scalar}
    return {s: _PYTHON.get(s) or (lambda a, b, _op=op: _op.forward(S, a, b)) for s, op in table.items()}
_COMPARE = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
            ast.Eq: _close, ast.NotEq: lambda a, b: not _close(a, b)}

# name -> (argument kinds, what it reads, its help text). "label": a node label (a name or a string);
# "event": an event name; "number": any sub-expression. The functions themselves live on the context.
FUNCTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "value": (("label",), "the value of the node with this label (a batch's mean)"),
    "grad": (("label",), "the gradient of the output with respect to this node"),
    "start": (("label",), "the value this node had when the step began"),
    "exists": (("label",), "1 if a node has this label, else 0"),
    "wired": (("label", "label"), "1 if a wire goes from the first node to the second, else 0"),
    "reached": (("label",), "1 if the backward pass (F10) has reached this node during the step"),
    "count": (("event",), "how many times the app reported this event during the step"),
    "metric": (("event",), "the last number the app reported under this name (e.g. test_accuracy)"),
    "nodes": ((), "the number of nodes in the circuit"),
    "output": ((), "the value of the circuit's output (its root)"),
    "near": (("number", "number", "number"), "1 if the first two numbers differ by at most the third"),
    "abs": (("number",), "the absolute value"),
    "min": (("number", "number"), "the smaller number"),
    "max": (("number", "number"), "the larger number"),
}
EVENTS = ("gradient_step", "backward_step", "forward_step", "train_step", "strategy", "gradcheck",
          "add_point", "reset")
ALLOWED = ("allowed: numbers, node labels, + - * / **, comparisons (< <= > >= == !=), and/or/not, "
           f"and the functions {', '.join(FUNCTIONS)}")


def _fail(node: ast.AST, message: str):
    raise ExpressionError(message, getattr(node, "lineno", None), getattr(node, "col_offset", -1) + 1)


def _label(node: ast.AST, kind: str) -> str:
    if isinstance(node, ast.Name):
        text = node.id
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    else:
        _fail(node, f"expected a {'node label' if kind == 'label' else 'event name'} here "
                    "(a name, or a quoted string)")
    return text


class _Compiler:
    def __init__(self):
        self.labels: list[str] = []
        self.events: list[tuple[str, ast.AST]] = []

    def expr(self, node: ast.AST) -> Callable:
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                v = 1.0 if node.value else 0.0
                return lambda ctx: v
            if isinstance(node.value, (int, float)):
                v = float(node.value)
                if not math.isfinite(v):
                    _fail(node, "numbers must be finite")
                return lambda ctx: v
            _fail(node, f"{type(node.value).__name__} values are only allowed as labels inside a call")
        if isinstance(node, ast.Name):
            if node.id in ("True", "False"):
                v = 1.0 if node.id == "True" else 0.0
                return lambda ctx: v
            self.labels.append(node.id)
            name = node.id
            return lambda ctx: ctx.value(name)
        if isinstance(node, ast.BinOp):
            symbol = _SYMBOLS.get(type(node.op), type(node.op).__name__)
            fn = _infix().get(symbol)
            if fn is None:
                shown = "^ (for powers write **)" if symbol == "^" else symbol
                _fail(node, f"the operator {shown} is not supported; {ALLOWED}")
            a, b = self.expr(node.left), self.expr(node.right)
            return lambda ctx: _arith(fn, a(ctx), b(ctx))
        if isinstance(node, ast.UnaryOp):
            inner = self.expr(node.operand)
            if isinstance(node.op, ast.USub):
                return lambda ctx: -inner(ctx)
            if isinstance(node.op, ast.UAdd):
                return inner
            if isinstance(node.op, ast.Not):
                return lambda ctx: 0.0 if inner(ctx) else 1.0
            _fail(node, f"the operator {type(node.op).__name__} is not supported; {ALLOWED}")
        if isinstance(node, ast.BoolOp):
            parts = [self.expr(v) for v in node.values]
            if isinstance(node.op, ast.And):
                return lambda ctx: 1.0 if all(p(ctx) for p in parts) else 0.0
            return lambda ctx: 1.0 if any(p(ctx) for p in parts) else 0.0
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        _fail(node, f"{type(node).__name__} is not allowed in a check; {ALLOWED}")
        raise AssertionError("unreachable")

    def compare(self, node: ast.Compare) -> Callable:
        terms = [self.expr(node.left)] + [self.expr(c) for c in node.comparators]
        ops = []
        for op in node.ops:
            fn = _COMPARE.get(type(op))
            if fn is None:
                _fail(node, f"the comparison {type(op).__name__} is not supported; use < <= > >= == !=")
            ops.append(fn)

        def run(ctx):
            left = terms[0](ctx)
            for fn, term in zip(ops, terms[1:], strict=True):
                right = term(ctx)
                if not fn(left, right):
                    return 0.0
                left = right
            return 1.0

        return run

    def call(self, node: ast.Call) -> Callable:
        if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
            shown = node.func.id if isinstance(node.func, ast.Name) else "this"
            _fail(node.func, f"unknown check function {shown!r}; known: {', '.join(FUNCTIONS)}")
        name = node.func.id
        kinds = FUNCTIONS[name][0]
        if node.keywords or len(node.args) != len(kinds):
            _fail(node, f"{name}() takes {len(kinds)} positional argument(s), got "
                        f"{len(node.args) + len(node.keywords)}")
        args = []
        for arg, kind in zip(node.args, kinds, strict=True):
            if kind == "number":
                args.append(self.expr(arg))
            else:
                text = _label(arg, kind)
                if name in ("value", "grad", "start"):  # labels a circuit must have (exists() asks)
                    self.labels.append(text)
                elif name == "count" and text not in EVENTS:
                    _fail(arg, f"unknown event {text!r}; known events: {', '.join(EVENTS)}")
                args.append(text)
        if name == "near":
            a, b, tol = args
            return lambda ctx: 1.0 if abs(a(ctx) - b(ctx)) <= tol(ctx) else 0.0
        if name in ("abs", "min", "max"):
            fn = {"abs": abs, "min": min, "max": max}[name]
            return lambda ctx: fn(*(a(ctx) for a in args))
        return lambda ctx: float(getattr(ctx, name)(*args))


def _arith(fn, a: float, b: float) -> float:
    try:
        return float(fn(a, b))
    except (ArithmeticError, ValueError, TypeError):
        return math.nan


def compile_condition(text: str) -> tuple[Callable, list[str]]:
    """(a function ctx -> truth value, the node labels it reads), or ExpressionError with line:column.

    ctx is any object with the methods named in FUNCTIONS (engine.teaching.runner's Context)."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError("the check is empty; write a condition such as 'grad(c) == -2'")
    tree = parse(text)
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr):
        _fail(tree.body[-1] if tree.body else tree, "a check is one condition, without '=' or ';'")
    compiler = _Compiler()
    try:
        fn = compiler.expr(tree.body[0].value)
    except RecursionError:
        raise ExpressionError("the check is nested too deeply") from None
    return fn, compiler.labels


def labels_used(text: str) -> list[str]:
    return compile_condition(text)[1]
