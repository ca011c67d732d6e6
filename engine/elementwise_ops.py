"""The elementwise (scalar) ops: arithmetic, functions, activations, each defined exactly once.

They run on Python floats and numpy arrays alike (scalar=True): Value, Tensor, scalar circuit nodes
and the grouped circuit pass all use these entries. Matrix ops and losses are in engine.tensor_ops.
"""

from __future__ import annotations

import numpy as np

from .backends import EXP_LIMIT
from .registry import Param, define

_NDARRAY = np.ndarray


def _is_int(m, b):
    return b == m.floor(b)


def _number(x) -> bool:
    return type(x) is float or (type(x) is _NDARRAY and x.ndim == 0)


def _times(g, other, mine):
    """g * other: the gradient of `mine` in a product. A single number times a row of samples gets its
    gradient summed over the samples at once: sum(g * other) is one dot product (per row of a block)."""
    if type(g) is _NDARRAY and type(other) is _NDARRAY and other.shape == g.shape:
        if g.ndim == 1 and _number(mine):
            return float(g @ other)
        if g.ndim == 2 and g.shape[1] > 1 and type(mine) is _NDARRAY and mine.shape == (g.shape[0], 1):  # a column
            return np.einsum("ij,ij->i", g, other)[:, None]
    return g * other


def _mul_fast(g, out, xs, needs):
    a, b = xs  # d(ab)/da = b, d(ab)/db = a; only the gradients someone needs
    return (_times(g, b, a) if needs[0] else None, _times(g, a, b) if needs[1] else None)


# ---------------------------------------------------------------- arithmetic
define("add", "ab", lambda m, a, b: a + b,
       lambda m, g, out, a, b: (g, g),  # d(a+b)/da = 1, d(a+b)/db = 1
       "+", "arithmetic", "d/da (a + b) = 1, d/db (a + b) = 1", ("1", "1"),
       "Sum: routes the gradient unchanged to both inputs.",
       infix="+", masks_nonfinite=False, groupable=True)
define("sub", "ab", lambda m, a, b: a - b,
       lambda m, g, out, a, b: (g, -g),  # d(a-b)/da = 1, d(a-b)/db = -1
       "-", "arithmetic", "d/da (a - b) = 1, d/db (a - b) = -1", ("1", "-1"),
       "Difference.", infix="-", masks_nonfinite=False, groupable=True,
       fast_backward=lambda g, out, xs, needs: (g if needs[0] else None, -g if needs[1] else None))
define("mul", "ab", lambda m, a, b: a * b,
       lambda m, g, out, a, b: (g * b, g * a),  # d(ab)/da = b, d(ab)/db = a
       "*", "arithmetic", "d/da (a * b) = b, d/db (a * b) = a", ("b", "a"),
       "Product: each input's gradient is the other input times the upstream gradient.",
       infix="*", masks_nonfinite=False, groupable=True, fast_backward=_mul_fast)
define("div", "ab", lambda m, a, b: m.div(a, b),
       lambda m, g, out, a, b: (m.div(g, b), -g * m.div(a, b * b)),  # d(a/b)/da = 1/b, d/db = -a/b^2
       "/", "arithmetic", "d/da (a / b) = 1 / b, d/db (a / b) = -a / b^2", ("1/b", "-a/b^2"),
       "Quotient.", domain=lambda m, a, b: b != 0, domain_msg="division by zero: b = {b:.6g}", infix="/")
define("neg", "x", lambda m, x: -x,
       lambda m, g, out, x: (-g,),  # d(-x)/dx = -1
       "neg", "arithmetic", "d/dx (-x) = -1", ("-1",), "Negation.",
       infix="-", masks_nonfinite=False, groupable=True)
define("pow", "ab", lambda m, a, b: m.pow(a, b),
       # d(a^b)/da = b * a^(b-1), d(a^b)/db = a^b * ln(a) (defined for a > 0)
       lambda m, g, out, a, b: (g * b * m.pow(a, b - 1),
                                g * out * m.log(m.where(a > 0, a, m.where(a == 0, 1.0, -1.0)))),
       "^", "arithmetic", "d/da a^b = b * a^(b-1), d/db a^b = a^b * ln(a)", ("b * a^(b-1)", "out * ln(a)"),
       "Power with a variable exponent.",
       domain=lambda m, a, b: (a > 0) | ((a == 0) & (b > 0)) | ((a < 0) & _is_int(m, b)),
       domain_msg="a ** b is undefined for a = {a:.6g}, b = {b:.6g}", infix="**")
define("powk", "x", lambda m, x, k: m.pow(x, k),
       lambda m, g, out, x, k: (g * k * m.pow(x, k - 1),),  # d x^k/dx = k * x^(k-1)
       "**{k:g}", "arithmetic", "d/dx x^k = k * x^(k-1)", ("k * x^(k-1)",),
       "Power with a constant exponent k (the lecture's x**2).",
       domain=lambda m, x, k: (x > 0) | ((x == 0) & (k > 0)) | ((x < 0) & _is_int(m, k)),
       domain_msg="x ** k is undefined for x = {x:.6g}, k = {k:g}",
       params=(Param("k", 2.0, -10.0, 10.0, 0.5),), infix="**")  # x ** k: the parameter is the right operand
define("square", "x", lambda m, x: x * x,
       lambda m, g, out, x: ((g + g) * x,),  # d x^2/dx = 2x (2g first: often one number)
       "x²", "arithmetic", "d/dx x^2 = 2x", ("2x",), "Square.", torch="{x} * {x}", masks_nonfinite=False)
define("max", "ab", lambda m, a, b: m.maximum(a, b),
       # the larger input takes the whole gradient (a on ties)
       lambda m, g, out, a, b: (g * (a >= b), g * (a < b)),
       "max", "arithmetic", "d/da max(a, b) = 1 if a >= b else 0", ("[a >= b]", "[a < b]"),
       "Maximum gate: routes the gradient to the larger input.",
       torch="torch.where({a} >= {b}, {a}, {b})")  # torch.maximum would split the gradient on ties

# ---------------------------------------------------------------- functions
define("exp", "x", lambda m, x: m.exp(x),
       lambda m, g, out, x: (g * out,),  # d e^x/dx = e^x
       "exp", "function", "d/dx e^x = e^x", ("out",), "Natural exponential.",
       domain=lambda m, x: x < EXP_LIMIT, domain_msg="exp overflows: x = {x:.6g} is above 709.78",
       torch="torch.exp({x})")
define("log", "x", lambda m, x: m.log(x),
       lambda m, g, out, x: (m.div(g, x),),  # d ln(x)/dx = 1/x
       "log", "function", "d/dx ln(x) = 1 / x", ("1/x",), "Natural logarithm.",
       domain=lambda m, x: x > 0, domain_msg="log needs x > 0, got x = {x:.6g}", torch="torch.log({x})")
define("sin", "x", lambda m, x: m.sin(x),
       lambda m, g, out, x: (g * m.cos(x),),  # d sin(x)/dx = cos(x)
       "sin", "function", "d/dx sin(x) = cos(x)", ("cos(x)",), "Sine.", torch="torch.sin({x})")
define("cos", "x", lambda m, x: m.cos(x),
       lambda m, g, out, x: (-g * m.sin(x),),  # d cos(x)/dx = -sin(x)
       "cos", "function", "d/dx cos(x) = -sin(x)", ("-sin(x)",), "Cosine.", torch="torch.cos({x})")
define("abs", "x", lambda m, x: m.abs(x),
       lambda m, g, out, x: (g * m.sign(x),),  # d |x|/dx = sign(x)
       "abs", "function", "d/dx |x| = sign(x)", ("sign(x)",), "Absolute value.", torch="torch.abs({x})")

# ---------------------------------------------------------------- activations
define("tanh", "x", lambda m, x: m.tanh(x),
       lambda m, g, out, x: (g * (1.0 - out * out),),  # d tanh(x)/dx = 1 - tanh(x)^2
       "tanh", "activation", "d/dx tanh(x) = 1 - tanh(x)^2", ("1 - out^2",),
       "Hyperbolic tangent: squashes to (-1, 1).", torch="torch.tanh({x})")
define("sigmoid", "x", lambda m, x: 0.5 * (1.0 + m.tanh(0.5 * x)),  # stable for any x
       lambda m, g, out, x: (g * out * (1.0 - out),),  # d σ(x)/dx = σ(x) * (1 - σ(x))
       "σ", "activation", "d/dx σ(x) = σ(x) * (1 - σ(x))", ("out * (1 - out)",),
       "Logistic sigmoid: squashes to (0, 1).", torch="torch.sigmoid({x})")
define("relu", "x", lambda m, x: m.relu(x),
       lambda m, g, out, x: (g * (x > 0),),  # d relu(x)/dx = 1 if x > 0 else 0
       "ReLU", "activation", "d/dx relu(x) = 1 if x > 0 else 0", ("[x > 0]",),
       "Rectified linear unit: max(0, x).", torch="torch.relu({x})", groupable=True)

# the activations a neuron, a layer or a network may use: the activation ops, and no activation at all
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
