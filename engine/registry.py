"""The op table and what an op is: everything the engine knows about an operation is a field of `Op`.

An op says how to compute its output (`forward(m, *xs, **params)`) and how the gradient flows
back (`backward(m, g, out, *xs, **params)` returns one gradient per input, None where an input
is not differentiable). `m` is a math backend (engine.backends): the same definition runs on
Python floats, on numpy arrays and on (nodes x samples) blocks of a grouped circuit pass.
The definitions live in engine.scalar_ops and engine.tensor_ops; engine.ops is the public face.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .backends import S
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
    # Python's binary operator for it (a + b): the stepper's text and the exported scripts use it
    infix: str | None = None
    # the op in a PyTorch script, inputs and params as {names} ("torch.tanh({x})"); infix ops need none
    torch: str = ""
    # can turn a non-finite input finite (relu(-inf) = 0, x / inf = 0): the tape checks its inputs.
    # False when a NaN/inf in always gives one out (add, mul, ...): no check is needed in front of it
    masks_nonfinite: bool = True
    # its forward and backward are plain broadcasting arithmetic without params, so a grouped circuit
    # pass (engine.circuit.vectorized) may run it on (nodes x samples) blocks
    groupable: bool = False
    # an optional faster backward for whole passes (Tensor.backward, a circuit's whole pass, grouped
    # passes): (g, out, xs, needs) -> one gradient or None per input, computing only those in `needs`;
    # a gradient may come back already summed to its input's shape (a number times a row of samples),
    # or as a uniform 0-d number. Called only without params; the stepper shows `backward`'s numbers
    fast_backward: Callable | None = None

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
_WATCHERS: list[Callable[[], None]] = []


def watch(callback: Callable[[], None]) -> None:
    """Call `callback()` now and after every change of the table: how Value and Tensor keep one method
    per unary op (everything else reads the table when it needs it)."""
    _WATCHERS.append(callback)
    callback()


def _changed() -> None:
    for callback in _WATCHERS:
        callback()


def derive_methods(cls: type, wants: Callable[[Op], bool], make: Callable[[Op], Callable]) -> None:
    """Keep one method `cls.<op name>`, made by `make(op)`, for every registered op that `wants(op)`: also
    for ops registered later, and gone again when its op leaves the table (names `cls` has are left alone)."""
    derived: dict[str, Op] = {}

    def sync() -> None:
        for name, op in list(derived.items()):
            if OPS.get(name) is not op:
                delattr(cls, name)
                del derived[name]
        for op in list(OPS.values()):
            if wants(op) and not hasattr(cls, op.name):
                setattr(cls, op.name, make(op))
                derived[op.name] = op

    watch(sync)


def register(op: Op) -> Op:
    """Add an op to the registry; names are unique. Everything else (Value and Tensor methods, circuit
    nodes, the palette, exports, the stepper) derives from the table, so this is all a new op needs."""
    if op.name in OPS:
        raise ValueError(f"op {op.name!r} is registered twice")
    OPS[op.name] = op
    _changed()
    return op


def unregister(name: str) -> Op:
    """Take an op out of the registry again (a test's throwaway op); returns it."""
    try:
        op = OPS.pop(name)
    except KeyError:
        raise UnknownOpError(f"unknown op {name!r}: nothing to unregister") from None
    _changed()
    return op


def define(name, inputs, forward, backward, symbol, category, formula, local, doc, **kw) -> Op:
    """Build an Op from positional essentials (inputs and local as strings or tuples) and register it."""
    return register(Op(name, tuple(inputs), forward, backward, symbol, category, formula, tuple(local), doc, **kw))


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
