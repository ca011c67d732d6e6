"""Build a circuit from a formula such as "L = (a*b + c) * f", parsed with a strict ast whitelist.

The text is one expression or a small program of assignments separated by newlines or ';':

    e = a*b; d = e + c; L = d*f

- Every assigned name labels the op node that computes it (e, d, L above); the last one is the root.
  A bare expression (no assignment) is allowed as the last statement; its root is labelled "out".
- `name = number` (or `name = -number`) before any use defines a free name's value (like the
  lecture's `a = Value(2.0)`); `values` still overrides it.
- Free names become leaves. Their kind is `kinds[name]` when given ('input', 'weight' or
  'constant'), else 'weight' for names starting with w or b (w1, w2, b), else 'input'.
  Their value is `values[name]`, else the literal assigned to them, else 1.0 (not 0: log, division
  and negative powers stay defined).
- Number literals become constant nodes; x**3 (literal exponent) is the powk op with k=3, a**b with
  any other exponent is pow, -x is neg; a binary operator (+ - * / ** today) is the registry op
  whose Op.infix it is, so a newly registered infix op parses with no edit here.
- Any scalar op of the registry is callable by name with positional arguments: tanh(x), exp(x),
  log(x), sigmoid(x), relu(x), sin(x), cos(x), abs(x), square(x), max(a, b), ...
- The root gets an 'output' node only when needed (it is a leaf, or other sinks exist), so the
  Evaluator's rule "the output node, else the single sink" always finds it.

Nothing is ever evaluated: anything outside this whitelist raises ExpressionError with its
line:column and what is allowed.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from . import ops
from .circuit.document import Circuit, CircuitError
from .circuit.from_value import lay_out, slider_for
from .expr_bounds import MAX_CIRCUIT_NODES, MAX_LENGTH, ExpressionError, parse, parse_checked, too_large

__all__ = ["MAX_CIRCUIT_NODES", "MAX_LENGTH", "ExpressionError", "circuit_from_expression", "functions", "parse"]

DEFAULT_VALUE = 1.0
LEAF_KINDS = ("input", "weight", "constant")
# Python's binary operators as written (syntax, not ops): which op each one means is the registry's Op.infix
_PY_INFIX = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**", ast.Mod: "%",
             ast.FloorDiv: "//", ast.MatMult: "@", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
             ast.LShift: "<<", ast.RShift: ">>"}
ALLOWED = ("allowed: names, numbers, + - * / **, unary -, calls of registry functions "
           "(tanh, exp, log, sigmoid, relu, sin, cos, abs, square, max, ...) and 'name = expression' lines")


def functions() -> dict[str, ops.Op]:
    """The registry ops callable by name in a formula: scalar ops and the two-port losses (batch means)."""
    return {op.name: op for op in ops.OPS.values()
            if not op.params and (op.scalar or (op.category == "loss" and op.name != "softmax_ce"))}


def infix_ops() -> dict[str, ops.Op]:
    """The registry's two-input ops written between their operands (a + b), by their infix symbol."""
    return {op.infix: op for op in ops.OPS.values() if op.infix and op.arity == 2 and not op.params and op.scalar}


def _constant_operand_op(symbol: str) -> ops.Op | None:
    """The one-input op with one parameter written `x <symbol> number` (x ** 3 is powk with k = 3), if any."""
    return next((op for op in ops.OPS.values()
                 if op.infix == symbol and op.arity == 1 and len(op.params) == 1 and op.scalar), None)


def default_kind(name: str) -> str:
    """The kind a free name gets: weight for w*/b* names, else input."""
    return "weight" if name[:1] in ("w", "b") else "input"


def _fail(node: ast.AST, message: str):
    raise ExpressionError(message, getattr(node, "lineno", None), getattr(node, "col_offset", -1) + 1)


def _literal(node: ast.AST) -> float | None:
    """The number a node spells (3, 2.5, -1), or None if it is not a plain number."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        inner = _literal(node.operand)
        return None if inner is None else (-inner if isinstance(node.op, ast.USub) else inner)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        try:
            return float(node.value)
        except OverflowError:  # an int beyond float64 that the text scan did not see (it always should)
            _fail(node, too_large(str(node.value) if node.value.bit_length() < 10_000 else "(huge)"))
    return None


def _number_text(x: float) -> str:
    return f"{x:g}"


class _Builder:
    """Walks the whitelisted ast and adds nodes to a circuit."""

    def __init__(self, values: Mapping[str, float], kinds: Mapping[str, str], reserved: set[str]):
        self.doc = Circuit()
        self.reserved = reserved  # every name the program mentions: default labels avoid them
        self.values, self.kinds = dict(values), dict(kinds)
        self.env: dict[str, str] = {}  # name -> node id
        self.leaf_names: list[str] = []
        self.literal_values: dict[str, float] = {}
        self.assigned: set[str] = set()
        self.labels: set[str] = set()  # the labels of the circuit's nodes (Circuit.has_label scans them all)

    def add(self, kind: str, op: str | None = None, label: str = "", **fields) -> str:
        self.labels.add(label)
        return self.doc.add_node(self.doc.make_node(kind, op, label=label, **fields)).id

    def relabel(self, node_id: str, label: str) -> None:
        self.labels.discard(self.doc.node(node_id).label)
        self.labels.add(label)
        self.doc.set_label(node_id, label)

    # ------------------------------------------------------------ statements
    def program(self, tree: ast.Module) -> str:
        if not tree.body:
            raise ExpressionError("the formula is empty; write e.g. 'L = (a*b + c) * f'")
        root = None
        for i, stmt in enumerate(tree.body):
            last = i == len(tree.body) - 1
            if isinstance(stmt, ast.Assign):
                root = self.assign(stmt)
            elif isinstance(stmt, ast.Expr) and last:
                root = self.expression(stmt.value)
                node = self.doc.node(root)
                if not node.is_leaf and node.label not in self.assigned:  # a leaf gets an output node below
                    self.relabel(root, self.fresh("out"))
            elif isinstance(stmt, ast.Expr):
                _fail(stmt, "a line without '=' is only allowed last (it is the result); name it: 'y = ...'")
            elif isinstance(stmt, ast.AugAssign):
                _fail(stmt, "'+=' and friends are not supported: every name is assigned once; write 'y2 = y + ...'")
            else:
                _fail(stmt, f"{type(stmt).__name__} statements are not supported; {ALLOWED}")
        return root

    def assign(self, stmt: ast.Assign) -> str | None:
        if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
            _fail(stmt, "assign to exactly one plain name, e.g. 'e = a*b'")
        name = stmt.targets[0].id
        if name in self.env or name in self.assigned:
            _fail(stmt.targets[0], f"{name!r} is already defined or used above; each name is assigned once")
        if name in functions():
            _fail(stmt.targets[0], f"{name!r} is the name of a function; pick another name")
        number = _literal(stmt.value)
        if number is not None:  # a free name's value, like the lecture's a = Value(2.0)
            self.assigned.add(name)
            self.literal_values[name] = number
            return self.leaf(name, stmt.targets[0])
        if isinstance(stmt.value, ast.Name) and stmt.value.id in functions():
            _fail(stmt.value, f"{stmt.value.id!r} is a function; call it: {stmt.value.id}(...)")
        if isinstance(stmt.value, ast.Name):
            _fail(stmt.value, f"'{name} = {stmt.value.id}' only copies a name; a node needs an operation")
        node_id = self.expression(stmt.value)
        self.relabel(node_id, name)
        self.env[name] = node_id
        self.assigned.add(name)
        return node_id

    # ------------------------------------------------------------ expressions
    def expression(self, node: ast.AST) -> str:
        number = _literal(node)
        if number is not None:
            return self.constant(number, node)
        if isinstance(node, ast.Name):
            return self.env.get(node.id) or self.leaf(node.id, node)
        if isinstance(node, ast.BinOp):
            return self.binop(node)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return self.op("neg", [self.expression(node.operand)])
            if isinstance(node.op, ast.UAdd):
                return self.expression(node.operand)
            _fail(node, f"the operator {type(node.op).__name__} is not supported; {ALLOWED}")
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Constant):
            _fail(node, f"{type(node.value).__name__} values such as {node.value!r} are not allowed; use numbers")
        _fail(node, f"{_describe(node)} is not allowed; {ALLOWED}")
        raise AssertionError("unreachable")

    def binop(self, node: ast.BinOp) -> str:
        table = infix_ops()
        symbol = _PY_INFIX.get(type(node.op))
        if symbol not in table:
            shown = "^ (for powers write **)" if symbol == "^" else symbol or type(node.op).__name__
            _fail(node, f"the operator {shown} is not supported; use {' '.join(table)}")
        constant_form = _constant_operand_op(symbol)
        if constant_form is not None:
            k = _literal(node.right)
            if k is not None:
                return self.op(constant_form.name, [self.expression(node.left)], {constant_form.params[0].name: k})
        return self.op(table[symbol].name, [self.expression(node.left), self.expression(node.right)])

    def call(self, node: ast.Call) -> str:
        table = functions()
        if not isinstance(node.func, ast.Name):
            _fail(node.func, f"only plain function names can be called (no {_describe(node.func)}); {ALLOWED}")
        fname = node.func.id
        if fname == "powk":
            _fail(node.func, "write x**3 for a constant power instead of powk(...)")
        if fname not in table:
            _fail(node.func, f"unknown function {fname!r}; known: {', '.join(sorted(table))}")
        if node.keywords:
            _fail(node.keywords[0].value, f"{fname}() takes positional arguments only")
        for arg in node.args:
            if isinstance(arg, ast.Starred):
                _fail(arg, "*arguments are not allowed")
        op = table[fname]
        if len(node.args) != op.arity:
            _fail(node, f"{fname}() takes {op.arity} argument(s) ({', '.join(op.inputs)}), got {len(node.args)}")
        return self.op(fname, [self.expression(a) for a in node.args])

    # ------------------------------------------------------------ nodes
    def fresh(self, base: str, sep: str = "") -> str:
        """base, base2, base3, ... : the first label used by no node and no name of the program."""
        label, i = base, 2
        while label in self.labels or label in self.reserved:
            label, i = f"{base}{sep}{i}", i + 1
        return label

    def op(self, name: str, args: list[str], params: dict | None = None) -> str:
        node_id = self.add("op", name, label=self.fresh(name), params=params)
        for port, src in zip(ops.get(name).inputs, args, strict=True):
            self.doc.connect(src, node_id, port)
        return node_id

    def constant(self, number: float, where: ast.AST) -> str:
        if number - number != 0.0:
            _fail(where, f"the number {number} is not finite")
        label = self.fresh(_number_text(number), sep="_")
        return self.add("constant", label=label, value=number)

    def leaf(self, name: str, where: ast.AST) -> str:
        if name in functions():
            _fail(where, f"{name!r} is a function; call it: {name}(...)")
        kind = self.kinds.get(name, default_kind(name))
        if kind not in LEAF_KINDS:
            _fail(where, f"kind {kind!r} for {name!r} is not one of {', '.join(LEAF_KINDS)}")
        node_id = self.add(kind, label=name, value=DEFAULT_VALUE)
        self.env[name] = node_id
        self.leaf_names.append(name)
        return node_id

    def finish_values(self) -> None:
        unknown = sorted(set(self.values) - set(self.leaf_names))
        if unknown:
            names = ", ".join(self.leaf_names) or "none"
            raise ExpressionError(f"no free name {unknown[0]!r} in the formula to set (its free names: {names})")
        for name in self.leaf_names:
            value = self.values.get(name, self.literal_values.get(name, DEFAULT_VALUE))
            try:
                self.doc.set_value(self.env[name], float(value))
                self.doc.set_slider(self.env[name], *slider_for(float(value)))
            except (TypeError, ValueError) as exc:
                raise ExpressionError(f"value of {name!r}: {exc}") from None


def _describe(node: ast.AST) -> str:
    names = {ast.Attribute: "attribute access", ast.Subscript: "subscripting", ast.Lambda: "lambda",
             ast.Compare: "a comparison", ast.BoolOp: "and/or", ast.IfExp: "if/else", ast.List: "a list",
             ast.Tuple: "a tuple", ast.Dict: "a dict", ast.Set: "a set", ast.JoinedStr: "an f-string"}
    return names.get(type(node), type(node).__name__)


def circuit_from_expression(text: str, values: Mapping[str, float] | None = None,
                            kinds: Mapping[str, str] | None = None) -> Circuit:
    """A laid-out circuit computing the formula; see the module docstring for the rules."""
    tree, reserved = parse_checked(text)
    builder = _Builder(values or {}, kinds or {}, reserved)
    try:
        root = builder.program(tree)
    except RecursionError:
        raise ExpressionError("the formula is nested too deeply") from None
    builder.finish_values()
    doc = builder.doc
    _mark_root(doc, root)
    lay_out(doc)
    return doc


def _mark_root(doc: Circuit, root: str) -> None:
    """Add an output node on the root when the document's root rule would not pick it by itself."""
    try:
        found = doc.root().id
    except CircuitError:
        found = None
    if found != root:
        label = doc.unique_label(f"{doc.node(root).label}_out")
        out = doc.add_node(doc.make_node("output", label=label))
        doc.connect(root, out.id, "x")


