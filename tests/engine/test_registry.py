"""The op registry is complete and self-consistent: every op can teach and be derived from."""

import math

import numpy as np
import pytest

from engine import ops
from engine.backends import A, S
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
