"""THE op registry: every operation is defined exactly once, here and in tensor_ops.py.

An op says how to compute its output (`forward(m, *xs, **params)`) and how the gradient flows
back (`backward(m, g, out, *xs, **params)` returns one gradient per input, None where an input
is not differentiable). `m` is a math backend (engine.backends): the same definition runs on
Python floats and on numpy arrays. Value, Tensor, circuit nodes, the palette, tooltips and the
gradient-check tests are all derived from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .backends import EXP_LIMIT, S
from .errors import UnknownOpError


@dataclass(frozen=True)
class Param:
    """A numeric parameter of an op (e.g. the exponent k of x**k) with its control spec."""

    name: str
    default: float
    lo: float
    hi: float
    step: float


@dataclass(frozen=True, eq=False)  # an op is itself: identity hash and equality (fast lookups)
class Op:
    """One registered operation."""

    name: str
    inputs: tuple[str, ...]  # port names, also the names used in formulas
    forward: Callable
    backward: Callable
    symbol: str
    category: str  # arithmetic, function, activation, tensor, loss
    formula: str  # the local derivative rule, for teaching
    local: tuple[str, ...]  # d out / d input, one expression per input (text)
    doc: str
    domain: Callable | None = None  # (m, *xs, **params) -> bool / mask of valid inputs
    domain_msg: str = ""  # why inputs are invalid; formatted with the input names
    params: tuple[Param, ...] = ()
    scalar: bool = True  # elementwise: usable on Value and in scalar circuits
    differentiable: tuple[bool, ...] = field(default=())

    @property
    def arity(self) -> int:
        return len(self.inputs)

    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}

    def display(self, **params) -> str:
        """The symbol with parameters filled in (x**k with k=2 shows as **2)."""
        return self.symbol.format(**{**self.defaults(), **params}) if self.params else self.symbol

    def local_grads(self, m, out, *xs, **params) -> tuple:
        """d out / d input for every input: backward with an upstream gradient of one."""
        return self.backward(m, 1.0, out, *xs, **params)


OPS: dict[str, Op] = {}


def register(op: Op) -> Op:
    """Add an op to the registry; names are unique."""
    if op.name in OPS:
        raise ValueError(f"op {op.name!r} is registered twice")
    OPS[op.name] = op
    return op


def get(name: str) -> Op:
    """Look an op up by name, with a clear error that lists the known ones."""
    try:
        return OPS[name]
    except KeyError:
        known = ", ".join(sorted(OPS))
        raise UnknownOpError(f"unknown op {name!r}; known ops: {known}") from None


def scalar_ops() -> list[Op]:
    """The elementwise ops: those a Value or a scalar circuit node can use."""
    return [op for op in OPS.values() if op.scalar]


def by_category() -> dict[str, list[Op]]:
    """Ops grouped by category, in registration order (the palette's sections)."""
    groups: dict[str, list[Op]] = {}
    for op in OPS.values():
        groups.setdefault(op.category, []).append(op)
    return groups


def diagnose(op: Op, xs, params=None) -> str:
    """Why this op gives a non-finite result on these scalar inputs, in words."""
    params = params or {}
    names = dict(zip(op.inputs, xs, strict=False))
    bad = [n for n, v in names.items() if isinstance(v, float) and not S.isfinite(v)]
    if bad:
        return f"{op.name} got a non-finite input: " + ", ".join(f"{n} = {names[n]}" for n in bad)
    if op.domain is not None and not op.domain(S, *xs, **params):
        return op.domain_msg.format(**names, **params)
    return f"{op.name} overflowed: the result is too large for a float64"


def _op(name, inputs, forward, backward, symbol, category, formula, local, doc, **kw):
    return register(Op(name, tuple(inputs), forward, backward, symbol, category, formula,
                       tuple(local), doc, **kw))


def _is_int(m, b):
    return b == m.floor(b)


# ---------------------------------------------------------------- arithmetic
_op("add", "ab", lambda m, a, b: a + b,
    lambda m, g, out, a, b: (g, g),  # d(a+b)/da = 1, d(a+b)/db = 1
    "+", "arithmetic", "d/da (a + b) = 1, d/db (a + b) = 1", ("1", "1"),
    "Sum: routes the gradient unchanged to both inputs.")
_op("sub", "ab", lambda m, a, b: a - b,
    lambda m, g, out, a, b: (g, -g),  # d(a-b)/da = 1, d(a-b)/db = -1
    "-", "arithmetic", "d/da (a - b) = 1, d/db (a - b) = -1", ("1", "-1"),
    "Difference.")
_op("mul", "ab", lambda m, a, b: a * b,
    lambda m, g, out, a, b: (g * b, g * a),  # d(ab)/da = b, d(ab)/db = a
    "*", "arithmetic", "d/da (a * b) = b, d/db (a * b) = a", ("b", "a"),
    "Product: each input's gradient is the other input times the upstream gradient.")
_op("div", "ab", lambda m, a, b: m.div(a, b),
    lambda m, g, out, a, b: (m.div(g, b), -g * m.div(a, b * b)),  # d(a/b)/da = 1/b, d/db = -a/b^2
    "/", "arithmetic", "d/da (a / b) = 1 / b, d/db (a / b) = -a / b^2", ("1/b", "-a/b^2"),
    "Quotient.", domain=lambda m, a, b: b != 0, domain_msg="division by zero: b = {b:.6g}")
_op("neg", "x", lambda m, x: -x,
    lambda m, g, out, x: (-g,),  # d(-x)/dx = -1
    "neg", "arithmetic", "d/dx (-x) = -1", ("-1",), "Negation.")
_op("pow", "ab", lambda m, a, b: m.pow(a, b),
    # d(a^b)/da = b * a^(b-1), d(a^b)/db = a^b * ln(a) (defined for a > 0)
    lambda m, g, out, a, b: (g * b * m.pow(a, b - 1),
                             g * out * m.log(m.where(a > 0, a, m.where(a == 0, 1.0, -1.0)))),
    "^", "arithmetic", "d/da a^b = b * a^(b-1), d/db a^b = a^b * ln(a)", ("b * a^(b-1)", "out * ln(a)"),
    "Power with a variable exponent.",
    domain=lambda m, a, b: (a > 0) | ((a == 0) & (b > 0)) | ((a < 0) & _is_int(m, b)),
    domain_msg="a ** b is undefined for a = {a:.6g}, b = {b:.6g}")
_op("powk", "x", lambda m, x, k: m.pow(x, k),
    lambda m, g, out, x, k: (g * k * m.pow(x, k - 1),),  # d x^k/dx = k * x^(k-1)
    "**{k:g}", "arithmetic", "d/dx x^k = k * x^(k-1)", ("k * x^(k-1)",),
    "Power with a constant exponent k (the lecture's x**2).",
    domain=lambda m, x, k: (x > 0) | ((x == 0) & (k > 0)) | ((x < 0) & _is_int(m, k)),
    domain_msg="x ** k is undefined for x = {x:.6g}, k = {k:g}",
    params=(Param("k", 2.0, -10.0, 10.0, 0.5),))
_op("square", "x", lambda m, x: x * x,
    lambda m, g, out, x: (2.0 * x * g,),  # d x^2/dx = 2x
    "x²", "arithmetic", "d/dx x^2 = 2x", ("2x",), "Square.")
_op("max", "ab", lambda m, a, b: m.maximum(a, b),
    # the larger input takes the whole gradient (a on ties)
    lambda m, g, out, a, b: (g * (a >= b), g * (a < b)),
    "max", "arithmetic", "d/da max(a, b) = 1 if a >= b else 0", ("[a >= b]", "[a < b]"),
    "Maximum gate: routes the gradient to the larger input.")

# ---------------------------------------------------------------- functions
_op("exp", "x", lambda m, x: m.exp(x),
    lambda m, g, out, x: (g * out,),  # d e^x/dx = e^x
    "exp", "function", "d/dx e^x = e^x", ("out",), "Natural exponential.",
    domain=lambda m, x: x < EXP_LIMIT, domain_msg="exp overflows: x = {x:.6g} is above 709.78")
_op("log", "x", lambda m, x: m.log(x),
    lambda m, g, out, x: (m.div(g, x),),  # d ln(x)/dx = 1/x
    "log", "function", "d/dx ln(x) = 1 / x", ("1/x",), "Natural logarithm.",
    domain=lambda m, x: x > 0, domain_msg="log needs x > 0, got x = {x:.6g}")
_op("sin", "x", lambda m, x: m.sin(x),
    lambda m, g, out, x: (g * m.cos(x),),  # d sin(x)/dx = cos(x)
    "sin", "function", "d/dx sin(x) = cos(x)", ("cos(x)",), "Sine.")
_op("cos", "x", lambda m, x: m.cos(x),
    lambda m, g, out, x: (-g * m.sin(x),),  # d cos(x)/dx = -sin(x)
    "cos", "function", "d/dx cos(x) = -sin(x)", ("-sin(x)",), "Cosine.")
_op("abs", "x", lambda m, x: m.abs(x),
    lambda m, g, out, x: (g * m.sign(x),),  # d |x|/dx = sign(x)
    "abs", "function", "d/dx |x| = sign(x)", ("sign(x)",), "Absolute value.")

# ---------------------------------------------------------------- activations
_op("tanh", "x", lambda m, x: m.tanh(x),
    lambda m, g, out, x: (g * (1.0 - out * out),),  # d tanh(x)/dx = 1 - tanh(x)^2
    "tanh", "activation", "d/dx tanh(x) = 1 - tanh(x)^2", ("1 - out^2",),
    "Hyperbolic tangent: squashes to (-1, 1).")
_op("sigmoid", "x", lambda m, x: 0.5 * (1.0 + m.tanh(0.5 * x)),  # stable for any x
    lambda m, g, out, x: (g * out * (1.0 - out),),  # d σ(x)/dx = σ(x) * (1 - σ(x))
    "σ", "activation", "d/dx σ(x) = σ(x) * (1 - σ(x))", ("out * (1 - out)",),
    "Logistic sigmoid: squashes to (0, 1).")
_op("relu", "x", lambda m, x: m.relu(x),
    lambda m, g, out, x: (g * (x > 0),),  # d relu(x)/dx = 1 if x > 0 else 0
    "ReLU", "activation", "d/dx relu(x) = 1 if x > 0 else 0", ("[x > 0]",),
    "Rectified linear unit: max(0, x).")

from . import tensor_ops  # noqa: E402,F401  (registers matrix ops and losses into OPS)
