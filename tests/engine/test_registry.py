"""The op registry is complete and self-consistent: every op can teach and be derived from."""

import math
import operator

import numpy as np
import pytest

from engine import ops
from engine.backends import A, S, unbroadcast
from engine.errors import UnknownOpError

REQUIRED = {"add", "sub", "mul", "div", "neg", "pow", "powk", "exp", "log", "tanh", "sigmoid", "relu", "sin",
            "cos", "square", "abs", "matmul", "sum", "mean", "reshape", "transpose", "softmax", "mse", "bce",
            "bce_logits", "softmax_ce", "hinge"}


def test_required_ops_are_registered():
    assert REQUIRED <= set(ops.OPS)


@pytest.mark.parametrize("op", list(ops.OPS.values()), ids=lambda op: op.name)
def test_op_has_teaching_text(op):
    assert op.formula and op.doc and op.symbol and op.category
    assert len(op.local) == op.arity == len(op.inputs)


def test_unknown_op_names_the_known_ones():
    with pytest.raises(UnknownOpError, match="unknown op 'tanhh'.*tanh"):
        ops.get("tanhh")


@pytest.mark.parametrize("op", ops.scalar_ops(), ids=lambda op: op.name)
def test_scalar_and_array_backends_agree(op):
    rng = np.random.default_rng(0)
    xs = rng.uniform(0.3, 2.0, size=(op.arity, 5))
    params = op.defaults()
    out_a = op.forward(A, *xs, **params)
    grads_a = op.backward(A, 1.0, out_a, *xs, **params)
    for i in range(5):
        col = [float(x[i]) for x in xs]
        out_s = op.forward(S, *col, **params)
        assert out_s == pytest.approx(float(out_a[i]), rel=1e-12)
        for g_s, g_a in zip(op.backward(S, 1.0, out_s, *col, **params), grads_a, strict=True):
            assert g_s == pytest.approx(float(np.broadcast_to(g_a, (5,))[i]), rel=1e-12)


@pytest.mark.parametrize("x", [-800.0, -30.0, 0.0, 30.0, 800.0])
def test_sigmoid_is_stable_at_extremes(x):
    assert ops.get("sigmoid").forward(S, x) == pytest.approx(1.0 / (1.0 + math.exp(-x)) if abs(x) < 700 else
                                                             (0.0 if x < 0 else 1.0))


def test_diagnose_explains_in_words():
    assert "log needs x > 0, got x = -0.5" == ops.diagnose(ops.get("log"), [-0.5])
    assert "division by zero" in ops.diagnose(ops.get("div"), [1.0, 0.0])
    assert "overflow" in ops.diagnose(ops.get("exp"), [800.0])
    assert "non-finite input" in ops.diagnose(ops.get("tanh"), [math.nan])


@pytest.mark.parametrize("op", [op for op in ops.OPS.values() if not op.masks_nonfinite], ids=lambda op: op.name)
def test_ops_said_not_to_mask_nonfinite_inputs_never_do(op):
    """The tape checks for NaN/inf only in front of ops with masks_nonfinite: the others must pass them on."""
    for bad in (math.inf, -math.inf, math.nan):
        for k in range(op.arity):
            xs = [np.array([1.5, -0.5, 0.0]) for _ in op.inputs]
            xs[k] = np.array([bad, bad, bad])
            with np.errstate(all="ignore"):
                out = op.forward(A, *xs, **op.defaults())
            assert not np.isfinite(out).any(), (op.name, k, bad)


@pytest.mark.parametrize("op", [op for op in ops.OPS.values() if op.groupable], ids=lambda op: op.name)
def test_groupable_ops_run_on_blocks_like_on_numbers(op):
    """A grouped pass runs the rules on (nodes x samples) rows and (nodes x 1) columns: the numbers must be
    those of one float at a time (the rows' gradients elementwise, the columns' summed over samples)."""
    assert op.scalar and not op.params
    rng = np.random.default_rng(1)
    for rows in [(True,) * op.arity, (True, False)[:op.arity], (False, True)[:op.arity]]:
        xs = [rng.normal(size=(3, 5)) if row else rng.normal(size=(3, 1)) for row in rows]
        g = rng.normal(size=(3, 5))
        out = op.forward(A, *xs)
        grads = op.backward(A, g, out, *xs)
        for i in range(3):
            for j in range(5):
                col = [float(x[i, j if row else 0]) for x, row in zip(xs, rows, strict=True)]
                assert float(np.broadcast_to(out, (3, 5))[i, j]) == pytest.approx(op.forward(S, *col), rel=1e-14)
        for k, row in enumerate(rows):
            each = np.array([[op.backward(S, float(g[i, j]), float(np.broadcast_to(out, (3, 5))[i, j]),
                                          *[float(x[i, j if r else 0]) for x, r in zip(xs, rows, strict=True)])[k]
                              for j in range(5)] for i in range(3)])
            got = np.broadcast_to(grads[k], (3, 5))
            np.testing.assert_allclose(got if row else got.sum(axis=1), each if row else each.sum(axis=1), rtol=1e-13)


PYTHON_OPERATORS = {("+", 2): operator.add, ("-", 2): operator.sub, ("*", 2): operator.mul,
                    ("/", 2): operator.truediv, ("**", 2): operator.pow, ("-", 1): operator.neg}


@pytest.mark.parametrize("op", [op for op in ops.OPS.values() if op.infix], ids=lambda op: op.name)
def test_an_infix_symbol_is_the_python_operator_that_computes_the_op(op):
    """Exports write `a <infix> b` (a parameter is the right operand) and the stepper shows it: same numbers."""
    operands = [1.7, 0.6][:op.arity] + list(op.defaults().values())
    python = PYTHON_OPERATORS[op.infix, len(operands)]
    assert op.forward(S, *operands[:op.arity], **op.defaults()) == pytest.approx(python(*operands), rel=1e-15)


def test_activations_are_activation_ops():
    assert ops.ACTIVATIONS[-1] == "linear"
    assert all(ops.get(name).category == "activation" for name in ops.ACTIVATIONS[:-1])


def test_unbroadcast_undoes_numpy_broadcasting():
    rng = np.random.default_rng(0)
    for shape, big in [((3,), (4, 3)), ((4, 1), (4, 3)), ((), (2, 3)), ((1, 3), (3,)), ((2, 1, 3), (4, 2, 5, 3))]:
        g = rng.normal(size=np.broadcast_shapes(shape, big))
        # the oracle: x broadcast against `big` is copied to every index; its gradient sums g over the copies
        expected = np.zeros(shape)
        for index in np.ndindex(g.shape):
            target = tuple(i if n != 1 else 0 for i, n in zip(index[len(index) - len(shape):], shape, strict=True))
            expected[target] += g[index]
        np.testing.assert_allclose(unbroadcast(g, shape), expected, rtol=1e-12)
        assert unbroadcast(g, shape).shape == shape
