"""Whole passes over a scalar circuit on a dataset, many nodes per numpy call.

A circuit built from scalar nodes (w*x + b, relu, ...) and run on a dataset executes one small
numpy call per node per pass. But the nodes of one layer sit at the same depth and do the same
thing: grouped by (depth, op, which inputs are per-sample rows and which are single numbers), each
group runs as one call on a (nodes x samples) block. Only whole forward+backward passes use this
(the Evaluator's refresh, training); the stepper and single-input updates keep the per-node tape.

Each group runs its op's own forward and backward rules, or its fast_backward (engine.registry: they
broadcast, so a (nodes x samples) block is just another array); single-number inputs are (nodes x 1)
columns whose gradients are summed back by engine.backends.unbroadcast. A plan exists only for circuits made
entirely of groupable ops (Op.groupable: add, sub, mul, neg, relu, ...) and an output node over
weights, constants and data columns whose every intermediate value is one number per sample;
anything else (blocks, losses, matrices, ops with parameters) runs on the per-node tape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..backends import A, unbroadcast


class _Scatter:
    """Adds a block of contributions into rows `idx` of a target, repeated indices summed."""

    def __init__(self, idx: np.ndarray):
        self.idx = idx
        self.unique = len(np.unique(idx)) == len(idx)
        if not self.unique:
            self.perm = np.argsort(idx, kind="stable")
            ordered = idx[self.perm]
            self.starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
            self.targets = ordered[self.starts]

    def add(self, into: np.ndarray, contrib: np.ndarray) -> None:
        if self.unique:
            into[self.idx] += contrib
        else:
            into[self.targets] += np.add.reduceat(contrib[self.perm], self.starts, axis=0)


@dataclass
class _Group:
    fn: object  # the registry op (or the output node's identity)
    rows: tuple[bool, ...]  # per input: a per-sample row (True) or a single number (False)
    ins: tuple[np.ndarray, ...]  # per input: row index or scalar index
    out: np.ndarray  # output row indices
    scatters: tuple[_Scatter, ...]

    def __post_init__(self):
        self.sources = tuple(zip(self.rows, self.ins, strict=True))  # (row?, index) per input
        self.targets = tuple(zip(self.rows, self.scatters, strict=True))  # (row?, scatter) per input
        self.needs = (True,) * len(self.rows)  # a circuit shows every input's gradient


@dataclass
class Plan:
    """Where each slot lives (a row of R or an entry of S) and the groups in depth order."""

    n: int
    row_of: dict  # slot -> row of R
    scalar_of: dict  # slot -> index into S
    groups: list
    root_row: int
    data_slots: list = field(default_factory=list)  # rows read from the dataset (not computed)

    def __post_init__(self):
        self._row_slots = sorted(self.row_of, key=self.row_of.get)
        self._scalar_slots = sorted(self.scalar_of, key=self.scalar_of.get)
        self._saved = None  # (R, per group (inputs, output)) of the last forward, for the backward after it

    def slots(self, n_slots: int, R: np.ndarray, S: np.ndarray) -> PlanSlots:
        """The per-slot sequence the Evaluator keeps, read lazily from R and S."""
        return PlanSlots(self, n_slots, R, S)

    def load(self, vals: list) -> tuple[np.ndarray, np.ndarray]:
        """R (rows x samples) with the data columns filled in, and S (the single numbers)."""
        R = np.empty((len(self._row_slots), self.n))
        S = np.fromiter(map(vals.__getitem__, self._scalar_slots), dtype=np.float64, count=len(self._scalar_slots))
        for slot in self.data_slots:
            R[self.row_of[slot]] = vals[slot]
        return R, S

    def forward(self, R: np.ndarray, S: np.ndarray) -> None:
        """Fill the computed rows of R, group by group (each group one call of its op's forward)."""
        saved = []
        with np.errstate(all="ignore"):
            for grp in self.groups:
                xs = [R[i] if row else S[i][:, None] for row, i in grp.sources]
                out = grp.fn.forward(A, *xs)
                R[grp.out] = out
                saved.append((xs, out))
        self._saved = (R, saved)  # the backward that follows on this R reuses the blocks

    def backward(self, R: np.ndarray, S: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Gradients of the root's sum over samples: G (rows x samples) and GS (single numbers)."""
        G, GS = np.zeros_like(R), np.zeros_like(S)
        G[self.root_row] = 1.0
        saved = self._saved[1] if self._saved is not None and self._saved[0] is R else None
        self._saved = None
        if saved is None:
            saved = [([R[i] if row else S[i][:, None] for row, i in grp.sources], R[grp.out]) for grp in self.groups]
        ndarray = np.ndarray
        with np.errstate(all="ignore"):
            for grp, (xs, out) in zip(reversed(self.groups), reversed(saved), strict=True):
                g = G[grp.out]
                fast = grp.fn.fast_backward
                local = grp.fn.backward(A, g, out, *xs) if fast is None else fast(g, out, xs, grp.needs)
                for (row, scatter), x, d in zip(grp.targets, xs, local, strict=True):
                    if d is None:
                        continue
                    if type(d) is not ndarray or d.ndim != 2:  # a uniform gradient: the same everywhere
                        d = np.broadcast_to(d, g.shape)
                    if row:  # (a (nodes x 1) gradient broadcasts over the samples as it is added)
                        scatter.add(G, d)
                    else:  # a single number's gradient: summed over the samples it was broadcast to
                        scatter.add(GS, unbroadcast(d, x.shape)[:, 0])
        return G, GS


class PlanSlots:
    """A list-like view of a grouped pass: slot -> a row of R or a number of S, built on access
    (a pass over 1,000 nodes makes no per-node objects). Writes (an incremental update that
    re-runs a few nodes on the per-node tape) are kept aside and win over the arrays."""

    __slots__ = ("_row_of", "_scalar_of", "_n", "_R", "_S", "_written")

    def __init__(self, plan: Plan, n_slots: int, R: np.ndarray, S: np.ndarray):
        self._row_of, self._scalar_of, self._n, self._R, self._S = plan.row_of, plan.scalar_of, n_slots, R, S
        self._written: dict = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, slot: int):
        if self._written and slot in self._written:
            return self._written[slot]
        r = self._row_of.get(slot)
        if r is not None:
            return self._R[r]
        i = self._scalar_of.get(slot)
        return None if i is None else float(self._S[i])

    def __setitem__(self, slot: int, value) -> None:
        self._written[slot] = value

    def __iter__(self):
        return (self[i] for i in range(self._n))


def build(tape, vals: list, root: int) -> Plan | None:
    """A grouped plan for the tape, given one pass's values (which say what is a row), or None."""
    if not tape.batch or not tape.instrs:
        return None
    n = None
    for ins in tape.instrs:
        if ins.block or ins.params or not ins.fn.groupable:
            return None
    row_of, scalar_of = {}, {}
    for slot, v in enumerate(vals):
        if type(v) is float:
            scalar_of[slot] = len(scalar_of)
        elif isinstance(v, np.ndarray) and v.ndim == 1 and (n is None or len(v) == n):
            n = len(v)
            row_of[slot] = len(row_of)
        else:
            return None
    produced = {ins.out for ins in tape.instrs}
    if n is None or root not in row_of or not produced <= set(row_of):
        return None
    depth = {}
    keyed: dict[tuple, list] = {}
    for ins in tape.instrs:
        d = 1 + max((depth.get(i, 0) for i in ins.ins), default=0)
        depth[ins.out] = d
        rows = tuple(i in row_of for i in ins.ins)
        keyed.setdefault((d, ins.fn, rows), []).append(ins)
    groups = []
    for (_, fn, rows), members in sorted(keyed.items(), key=lambda kv: kv[0][0]):
        ins_idx = tuple(np.array([row_of[m.ins[k]] if rows[k] else scalar_of[m.ins[k]] for m in members])
                        for k in range(len(rows)))
        groups.append(_Group(fn, rows, ins_idx, np.array([row_of[m.out] for m in members]),
                             tuple(_Scatter(i) for i in ins_idx)))
    return Plan(n, row_of, scalar_of, groups, row_of[root], [slot for slot in row_of if slot not in produced])
