"""What a formula may contain, read from the op registry: the functions callable by name, the infix
operators, the words that declare a kind, and the one-line summary that error messages, the GUI's
tooltip and Help show (generated here, never written by hand)."""

from __future__ import annotations

import ast

from . import ops

# Python's binary operators as written (syntax, not ops): which op each one means is the registry's Op.infix
PY_INFIX = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.Mod: "%",
            ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
            ast.LShift: "<<", ast.RShift: ">>"}
# `name = weight(0.5)`: the words that declare the kind of a free name (only as a whole right-hand side)
DECLARATIONS = ("input", "weight", "constant")


def functions() -> dict[str, ops.Op]:
    """The registry ops callable by name in a formula: scalar ops and the two-port losses (batch means)."""
    return {op.name: op for op in ops.OPS.values()
            if not op.params and (op.scalar or (op.category == "loss" and op.name != "softmax_ce"))}


def infix_ops() -> dict[str, ops.Op]:
    """The registry's two-input ops written between their operands (a + b), by their infix symbol."""
    return {op.infix: op for op in ops.OPS.values() if op.infix and op.arity == 2 and not op.params and op.scalar}


def constant_operand_op(symbol: str) -> ops.Op | None:
    """The one-input op with one parameter written `x <symbol> number` (x ** 3 is powk with k = 3), if any."""
    return next((op for op in ops.OPS.values()
                 if op.infix == symbol and op.arity == 1 and len(op.params) == 1 and op.scalar), None)


def operators() -> list[str]:
    """The operators a formula may use, from the registry: binary infix ops and unary minus."""
    return list(infix_ops()) + ["-x"]


def allowed() -> str:
    """What a formula may contain, generated from the registry (error messages end with it)."""
    return (f"allowed: names, numbers, {' '.join(operators())}, calls of {', '.join(sorted(functions()))}; "
            f"lines 'name = expression', 'name = number' and 'name = weight(number)'")


def names_in(expr: ast.expr) -> list[str]:
    """The names an expression uses (not the functions it calls), in order of first appearance."""
    called = {id(n.func) for n in ast.walk(expr) if isinstance(n, ast.Call)}
    return list(dict.fromkeys(n.id for n in ast.walk(expr) if isinstance(n, ast.Name) and id(n) not in called))


def describe(node: ast.AST) -> str:
    names = {ast.Attribute: "attribute access", ast.Subscript: "subscripting", ast.Lambda: "lambda",
             ast.Compare: "a comparison", ast.BoolOp: "and/or", ast.IfExp: "if/else", ast.List: "a list",
             ast.Tuple: "a tuple", ast.Dict: "a dict", ast.Set: "a set", ast.JoinedStr: "an f-string"}
    return names.get(type(node), type(node).__name__)


