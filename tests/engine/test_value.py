"""The scalar Value against the seeds' published numbers, analytic formulas and micrograd's API."""

import gc
import math
import weakref

import pytest

from engine import MathDomainError, Value


def test_lecture_L():
    a, b, c, f = Value(2.0, label="a"), Value(-3.0, label="b"), Value(10.0, label="c"), Value(-2.0, label="f")
    e = a * b
    d = e + c
    L = d * f
    L.backward()
    assert L.data == -8.0
    assert (a.grad, b.grad, c.grad, f.grad, e.grad, d.grad) == (6.0, -4.0, -2.0, 4.0, -2.0, -2.0)


def neuron(tanh):
    x1, x2 = Value(2.0, label="x1"), Value(0.0, label="x2")
    w1, w2 = Value(-3.0, label="w1"), Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    n = x1 * w1 + x2 * w2 + b
    o = tanh(n)
    o.backward()
    return o, x1, w1, x2, w2, b


@pytest.mark.parametrize("tanh", [lambda n: n.tanh(), lambda n: ((2 * n).exp() - 1) / ((2 * n).exp() + 1)],
                         ids=["tanh", "exp-form"])
def test_lecture_neuron(tanh):
    o, x1, w1, x2, w2, b = neuron(tanh)
    assert round(o.data, 4) == 0.7071
    for v, want in [(x1, -1.5), (w1, 1.0), (x2, 0.5), (w2, 0.0), (b, 0.5)]:
        assert v.grad == pytest.approx(want, abs=1e-12)


def test_sin_exp_cube_matches_the_seed_and_the_formula():
    x = Value(2.0)
    y = (x**3).exp().sin()
    y.backward()
    assert y.data == pytest.approx(0.40176297151886475, rel=1e-14)
    assert x.grad == pytest.approx(-32757.521776103014, rel=1e-12)
    assert x.grad == pytest.approx(math.cos(math.exp(8)) * math.exp(8) * 3 * 4, rel=1e-12)


def test_multiply_gate():
    x, y = Value(-2.0), Value(3.0)
    out = x * y
    out.backward()
    assert (out.data, x.grad, y.grad) == (-6.0, 3.0, -2.0)


def test_derivative_intro():
    def f(x):
        return 3 * x**2 - 4 * x + 5

    for at, value, slope in [(3.0, 20.0, 14.0), (2 / 3, f(2 / 3), 0.0)]:
        x = Value(at)
        y = f(x)
        y.backward()
        assert y.data == pytest.approx(value) and x.grad == pytest.approx(slope, abs=1e-12)


def test_fan_out_accumulates():
    a = Value(3.0)
    b = a + a
    b.backward()
    assert a.grad == 2.0
    a = Value(1.0)
    c = (a + a) + (a + a)
    c.backward()
    assert a.grad == 4.0


def test_deep_chain_needs_no_recursion():
    v = x = Value(0.5)
    for _ in range(100_000):
        v = v + 1.0
    v.backward()
    assert x.grad == 1.0 and v.data == 100_000.5


def test_reflected_ops_and_micrograd_introspection():
    a = Value(4.0, label="a")
    assert (2 * a).data == 8.0 and (1 - a).data == -3.0 and (1 / a).data == 0.25 and (2**a).data == 16.0
    sq = a**2
    assert sq._op == "**2" and sq._prev == {a} and (a * a)._op == "*"
    assert repr(Value(1.5)) == "Value(data=1.5, grad=0.0)"
    r = Value(-1.0).relu()
    assert r.data == 0.0 and r._op == "ReLU"


def test_stepping_by_hand_matches_backward():
    o, *_ = neuron(lambda n: n.tanh())
    full = {id(v): v.grad for v in _all(o)}
    for v in _all(o):
        v.grad = 0.0
    o.grad = 1.0
    from engine.value import topological_order

    for node in reversed(topological_order(o)):
        node._backward()
    assert {id(v): v.grad for v in _all(o)} == full


def _all(root):
    from engine.value import topological_order

    return topological_order(root)


def test_graphs_hold_no_reference_cycles():
    gc.disable()
    try:
        a = Value(1.0)
        out = ((a * 2 + 1).tanh() ** 2).exp()
        out.backward()
        ref = weakref.ref(out)
        del out
        assert ref() is None, "freed by reference counting alone"
    finally:
        gc.enable()


@pytest.mark.parametrize("make, message", [
    (lambda: Value(-0.5).log(), "log needs x > 0, got x = -0.5"),
    (lambda: Value(1.0) / 0, "division by zero"),
    (lambda: Value(1000.0).exp(), "exp overflows"),
    (lambda: Value(-8.0) ** (1 / 3), "undefined for x = -8"),
])
def test_bad_math_is_a_clear_error(make, message):
    with pytest.raises(MathDomainError, match=message):
        make()


def test_non_numeric_data_is_refused():
    with pytest.raises(TypeError, match="Value needs a real number, got 'x'"):
        Value("x")


def test_against_torch():
    torch = pytest.importorskip("torch")
    x = Value(-4.0)
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    y = h + q + q * x
    y.backward()
    xt = torch.tensor([-4.0], dtype=torch.float64, requires_grad=True)
    zt = 2 * xt + 2 + xt
    qt = zt.relu() + zt * xt
    ht = (zt * zt).relu()
    yt = ht + qt + qt * xt
    yt.backward()
    assert y.data == pytest.approx(yt.item()) and x.grad == pytest.approx(xt.grad.item())
