"""Build a circuit from a formula such as "L = (a*b + c) * f", parsed with a strict ast whitelist.

The text is one expression or a small program of lines separated by newlines or ';', in any order:

    L = d*f; d = e + c; e = a*b; a = 2; b = -3; c = 10; f = -2

- `name = expression` defines an op node labelled `name`; a definition may use names defined on
  later lines (a name defined in terms of itself is refused). The result (the root) is the one line
  without '=' if there is one, else the last definition that no other line uses.
- `name = number` (or `name = -number`) gives a free name its value (like the lecture's
  `a = Value(2.0)`); `values` still overrides it. A free name without a value starts at 1.0 (not 0:
  log, division and negative powers stay defined).
- The kind of a free name, one rule: every free name is an input, unless it is declared
  `name = weight(number)` (a trainable weight) or `name = constant(number)`; `name = input(number)`
  says the default out loud. Its spelling never decides (b in a*b + c is an input). `kinds` overrides.
- Number literals become constant nodes; x**3 (literal exponent) is the powk op with k=3, a**b with
  any other exponent is pow, -x is neg; a binary operator (+ - * / ** today) is the registry op
  whose Op.infix it is, so a newly registered infix op parses with no edit here.
- Any scalar op of the registry is callable by name with positional arguments: tanh(x), exp(x),
  log(x), sigmoid(x), relu(x), sin(x), cos(x), abs(x), square(x), max(a, b), ...  The text listing
  what is allowed (`allowed()`, the GUI's tooltip and Help) is generated from the same tables.
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
from .expr_syntax import (
    DECLARATIONS,
    PY_INFIX,
    allowed,
    constant_operand_op,
    describe,
    functions,
    infix_ops,
    names_in,
    operators,
)

__all__ = ["MAX_CIRCUIT_NODES", "MAX_LENGTH", "ExpressionError", "allowed", "circuit_from_expression", "functions",
           "operators", "parse"]

DEFAULT_VALUE = 1.0
LEAF_KINDS = ("input", "weight", "constant")
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
    """Reads the program's lines, then walks the whitelisted ast and adds nodes to a circuit."""

    def __init__(self, values: Mapping[str, float], kinds: Mapping[str, str], reserved: set[str]):
        self.doc = Circuit()
        self.reserved = reserved  # every name the program mentions: default labels avoid them
        self.values, self.kinds = dict(values), dict(kinds)
        self.env: dict[str, str] = {}  # name -> node id
        self.leaf_names: list[str] = []
        self.literal_values: dict[str, float] = {}
        self.declared: dict[str, str] = {}  # name -> kind said by weight(...), constant(...), input(...)
        self.targets: dict[str, ast.Name] = {}  # every assigned name -> where it is assigned
        self.definitions: dict[str, ast.expr] = {}  # name -> the expression of its node, in text order
        self.result: ast.expr | None = None  # the one line without '='
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
        for stmt in tree.body:
            self.statement(stmt)
        for name in self.order():
            node_id = self.expression(self.definitions[name])
            if node_id in self.env.values():  # y = +x: no new node
                _fail(self.definitions[name], f"'{name} = ...' only copies a name; a node needs an operation")
            self.relabel(node_id, name)
            self.env[name] = node_id
        if self.result is not None:
            root = self.expression(self.result)
            if root not in self.env.values():
                self.relabel(root, self.fresh("out"))
        elif self.definitions:
            used = {n for expr in self.definitions.values() for n in names_in(expr)}
            root = self.env[[n for n in self.definitions if n not in used][-1]]
        else:  # only values ('x = 3'): the last one is the result, a leaf shown through an output node
            last = list(self.literal_values)[-1]
            root = self.leaf(last, self.targets[last])
        unused = [name for name in self.literal_values if name not in self.env]
        if unused:
            _fail(self.targets[unused[0]], f"{unused[0]!r} gets a value but the formula does not use it")
        return root

    def statement(self, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Assign):
            self.assign(stmt)
        elif isinstance(stmt, ast.Expr):
            if self.result is not None:
                _fail(stmt, "only one line may go without '=' (it is the result); name the others: 'y = ...'")
            self.result = stmt.value
        elif isinstance(stmt, ast.AugAssign):
            _fail(stmt, "'+=' and friends are not supported: every name is assigned once; write 'y2 = y + ...'")
        else:
            _fail(stmt, f"{type(stmt).__name__} statements are not supported; {allowed()}")

    def assign(self, stmt: ast.Assign) -> None:
        if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
            _fail(stmt, "assign to exactly one plain name, e.g. 'e = a*b'")
        target = stmt.targets[0]
        name = target.id
        if name in self.targets:
            _fail(target, f"{name!r} is assigned twice; each name is assigned once")
        if name in functions():
            _fail(target, f"{name!r} is the name of a function; pick another name")
        self.targets[name] = target
        value = stmt.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in DECLARATIONS:
            kind = value.func.id
            number = _literal(value.args[0]) if len(value.args) == 1 and not value.keywords else None
            if number is None:
                _fail(value, f"{kind}() takes one number: '{name} = {kind}(0.5)'")
            self.declared[name] = kind
            value = value.args[0]
        number = _literal(value)
        if number is not None:  # a free name's value, like the lecture's a = Value(2.0)
            if number - number != 0.0:
                _fail(value, f"the number {number} is not finite")
            self.literal_values[name] = number
            return
        if isinstance(value, ast.Name) and value.id in functions():
            _fail(value, f"{value.id!r} is a function; call it: {value.id}(...)")
        if isinstance(value, ast.Name):
            _fail(value, f"'{name} = {value.id}' only copies a name; a node needs an operation")
        self.definitions[name] = value

    def order(self) -> list[str]:
        """The definitions, each after the ones it uses (text order where that holds); a cycle is refused."""
        deps = {name: [n for n in names_in(expr) if n in self.definitions] for name, expr in self.definitions.items()}
        done: set[str] = set()
        order: list[str] = []
        for start in self.definitions:
            stack, path = [(start, iter(deps[start]))], [start]
            while stack:
                name, todo = stack[-1]
                used = next(todo, None)
                if used is None:
                    stack.pop()
                    path.pop()
                    if name not in done:
                        done.add(name)
                        order.append(name)
                elif used in path:
                    loop = " -> ".join(path[path.index(used):] + [used])
                    _fail(self.targets[used], f"{used!r} is defined in terms of itself ({loop})")
                elif used not in done:
                    stack.append((used, iter(deps[used])))
                    path.append(used)
        return order

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
            _fail(node, f"the operator {type(node.op).__name__} is not supported; {allowed()}")
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Constant):
            _fail(node, f"{type(node.value).__name__} values such as {node.value!r} are not allowed; use numbers")
        _fail(node, f"{describe(node)} is not allowed; {allowed()}")
        raise AssertionError("unreachable")

    def binop(self, node: ast.BinOp) -> str:
        table = infix_ops()
        symbol = PY_INFIX.get(type(node.op))
        if symbol not in table:
            shown = "^ (for powers write **)" if symbol == "^" else symbol or type(node.op).__name__
            _fail(node, f"the operator {shown} is not supported; use {' '.join(table)}")
        constant_form = constant_operand_op(symbol)
        if constant_form is not None:
            k = _literal(node.right)
            if k is not None:
                return self.op(constant_form.name, [self.expression(node.left)], {constant_form.params[0].name: k})
        return self.op(table[symbol].name, [self.expression(node.left), self.expression(node.right)])

    def call(self, node: ast.Call) -> str:
        table = functions()
        if not isinstance(node.func, ast.Name):
            _fail(node.func, f"only plain function names can be called (no {describe(node.func)}); {allowed()}")
        fname = node.func.id
        if fname == "powk":
            _fail(node.func, "write x**3 for a constant power instead of powk(...)")
        if fname in DECLARATIONS:
            _fail(node.func, f"{fname}(...) declares a kind on a line of its own: 'w = {fname}(0.5)'")
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
        if name in DECLARATIONS:
            _fail(where, f"{name}(...) declares a kind on a line of its own: 'w = {name}(0.5)'")
        kind = self.kinds.get(name, self.declared.get(name, "input"))
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


