"""What the optimizer knows about every parameter, read out of a training run for the optimizer table.

For each parameter a Trainer moves (a weight node's scalar, a neuron's w and b, a dense block's W and b)
the state gives its value, the gradient the last step used, the optimizer's buffers (SGD's momentum
buffer, Adam's m and sqrt(v)) and the effective step: the change the last update made to the value
(the negated lr x gradient for SGD, lr x buffer for momentum, Adam's bias-corrected ratio).

Small arrays are listed entry by entry; an array with more than `max_entries` entries is summarised
(L2 norm, min and max of each quantity), and `full(node_id, key)` gives its whole matrices.
Nothing here changes the run.

optimizer_state(trainer, step=s) gives the state as it was after step s of the run (time travel): the
trainer rebuilds it exactly from its keyframes (engine.circuit.optim_history). A step too far back for
that gives the parameters of the nearest snapshot kept and no optimizer quantities (`kept_back` False).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from . import optim

QUANTITIES = ("value", "grad", "momentum", "m", "sqrt_v", "step")
MAX_ENTRIES = 256  # arrays with more entries than this are summarised per block


@dataclass(frozen=True)
class Entry:
    """One scalar parameter (or one entry of an array); None where the optimizer keeps no such state."""

    node_id: str
    label: str  # the node's label
    key: str | None  # "W", "b", "w" for blocks; None for a weight node
    index: tuple[int, ...]  # () for a scalar
    value: float
    grad: float | None
    momentum: float | None
    m: float | None
    sqrt_v: float | None
    step: float | None

    @property
    def name(self) -> str:
        """'w1', 'L1.b[3]', 'L2.W[0,4]'."""
        base = self.label if self.key is None else f"{self.label}.{self.key}"
        return base + (f"[{','.join(map(str, self.index))}]" if self.index else "")


@dataclass(frozen=True)
class Stats:
    norm: float
    min: float
    max: float


@dataclass(frozen=True)
class Summary:
    """A large array summarised: shape and, per quantity present, its L2 norm, min and max."""

    node_id: str
    label: str
    key: str
    shape: tuple[int, ...]
    stats: dict  # quantity -> Stats (quantities the optimizer does not keep are left out)

    @property
    def name(self) -> str:
        return f"{self.label}.{self.key}"


@dataclass
class OptimizerState:
    optimizer: str  # "sgd", "momentum" or "adam"
    k: int  # steps taken
    lr: float  # the learning rate of the last step (the next one's before any step)
    entries: list[Entry]
    summaries: list[Summary]
    arrays: dict  # (node_id, key) -> {quantity: ndarray} for every array parameter
    rows: list  # entries and summaries together, in the order of the parameters (a table's rows)
    at_step: int | None = None  # the run's step shown, when it is not the last one (a scrubbed timeline)
    last_step: int | None = None  # the run's last step
    kept_back: bool = True  # False: that step is too far back, only its (nearest kept) parameters are shown
    exact: bool = True  # False: the rebuilt run did not match its snapshots (the circuit changed meanwhile)
    first_kept: int | None = None  # the earliest step whose optimizer state can be rebuilt

    @property
    def kept(self) -> tuple[str, ...]:
        """The quantities this optimizer keeps (SGD: no buffers; momentum: its buffer; Adam: m and sqrt(v))."""
        if not self.kept_back:
            return ("value",)
        buffers = {"sgd": (), "momentum": ("momentum",), "adam": ("m", "sqrt_v")}[self.optimizer]
        return ("value", "grad", *buffers, "step")

    def full(self, node_id: str, key: str) -> dict:
        """Every quantity of one array parameter as a matrix (a vector shown as one row)."""
        return {q: np.atleast_2d(a) for q, a in self.arrays[(node_id, key)].items()}


def _kind(opt) -> str:
    if isinstance(opt, optim.Adam):
        return "adam"
    return "momentum" if getattr(opt, "momentum", 0.0) else "sgd"


def _last_lr(opt) -> float:
    return float(opt.lr(max(opt.k - 1, 0))) if callable(opt.lr) else float(opt.lr)


def quantities(opt, i: int, p) -> dict:
    """Value, last gradient, buffers and last step of the optimizer's i-th parameter p (floats or arrays)."""
    value = np.asarray(p.data, dtype=float)
    out = {"value": value, "grad": None, "momentum": None, "m": None, "sqrt_v": None, "step": None}
    if opt.k == 0:  # no step yet: the optimizer holds no gradient or state
        return out
    grad = np.broadcast_to(np.asarray(p.grad, dtype=float), value.shape)
    out["grad"] = grad
    lr = _last_lr(opt)
    kind = _kind(opt)
    if kind == "adam":
        m, v = opt.m[i], opt.v[i]
        if m is None:
            return out
        b1, b2 = opt.betas
        c1, c2 = 1.0 - b1**opt.k, 1.0 - b2**opt.k
        m, v = np.asarray(m, dtype=float), np.asarray(v, dtype=float)
        out["m"], out["sqrt_v"] = m, np.sqrt(v)
        out["step"] = -lr * (m / c1) / (np.sqrt(v / c2) + opt.eps)
    elif kind == "momentum":
        buf = opt.velocity[i]
        if buf is not None:
            out["momentum"] = np.asarray(buf, dtype=float)
            out["step"] = -lr * out["momentum"]
    else:
        out["step"] = -lr * grad
    return out


def _stats(a: np.ndarray) -> Stats:
    return Stats(float(np.linalg.norm(a.ravel())), float(a.min()), float(a.max()))


def optimizer_state(trainer, max_entries: int = MAX_ENTRIES, step: int | None = None) -> OptimizerState | None:
    """The state of a trainer's run (None before its first step built an optimizer); with `step`, as it was
    after that step of the run."""
    opt, params = getattr(trainer, "_opt", None), getattr(trainer, "_params", None)
    if opt is None or not params:
        return None
    last = trainer.snapshots.last_step()
    log = trainer.optim_log
    first = log.first_step(trainer.snapshots) if log is not None else None
    if step is None or last is None or step >= last:
        return dataclasses.replace(state_of(opt, params, trainer.doc, max_entries), last_step=last, first_kept=first)
    rebuilt = trainer.optimizer_at(step)
    if rebuilt is not None:
        state = state_of(rebuilt.opt, rebuilt.params, trainer.doc, max_entries)
        return dataclasses.replace(state, at_step=step, last_step=last, exact=rebuilt.exact, first_kept=first)
    snap = trainer.snapshots.at(step)  # too far back: the parameters of the nearest snapshot, nothing else
    if snap is None or log is None or snap.layout != log.layout:
        return None
    scratch = log.scratch(np.asarray(snap.vector, dtype=np.float64))
    state = state_of(log.make(scratch), scratch, trainer.doc, max_entries)
    return dataclasses.replace(state, at_step=snap.step, last_step=last, kept_back=False, first_kept=first)


def state_of(opt, params, doc, max_entries: int = MAX_ENTRIES) -> OptimizerState:
    """The table of an optimizer over its parameters (objects with node_id, key, data and grad)."""
    entries: list[Entry] = []
    summaries: list[Summary] = []
    rows: list = []
    arrays: dict = {}
    for i, p in enumerate(params):
        q = quantities(opt, i, p)
        label = doc.node(p.node_id).label if p.node_id in doc.graph else p.node_id
        present = {name: np.asarray(a) for name, a in q.items() if a is not None}
        if q["value"].ndim:
            arrays[(p.node_id, p.key)] = present
        if q["value"].size > max_entries:
            summaries.append(Summary(p.node_id, label, p.key, q["value"].shape,
                                     {name: _stats(a) for name, a in present.items()}))
            rows.append(summaries[-1])
            continue
        for index in np.ndindex(q["value"].shape):
            cell = {name: (None if a is None else float(np.asarray(a)[index])) for name, a in q.items()}
            entries.append(Entry(p.node_id, label, p.key, index, **cell))
            rows.append(entries[-1])
    lr = _last_lr(opt) if opt.k else opt.current_lr
    return OptimizerState(_kind(opt), opt.k, lr, entries, summaries, arrays, rows)
