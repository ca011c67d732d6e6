"""Time travel: a compact history of a training run's parameters, one snapshot per step.

A snapshot is every moving parameter of the run (scalar weights, a neuron's w and b, a dense block's
W and b) packed into one flat vector, with a Layout (shared by all the snapshots of the same circuit)
saying which slice belongs to which node and key. Snapshot k holds the parameters after k steps
(snapshot 0: the run's initial weights, kept for "Replay from the same start").

SnapshotRing keeps the last `recent` steps exactly (float64: a scrubbed step equals a fresh replay of
that many steps, bit for bit) and older steps sparser: an evicted step is kept only if it is a multiple
of a stride that doubles whenever more than `older` of them are held, stored as float32 (a far look back
needs the picture, not the last bit). The digits MLP (17,226 parameters): 1,000 recent snapshots take
138 MB, the older ones at most 4.4 MB more (benchmarks/bench_snapshots.py measures it).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from .blocks import stored_array

RECENT, OLDER = 1000, 64


@dataclass(frozen=True)
class Layout:
    """Which slice of a snapshot vector is which parameter: (node id, key, shape) in order; key None is
    a scalar node's value (a weight), shape () a float, (n,) a neuron's short w list or a bias vector."""

    entries: tuple[tuple[str, str | None, tuple[int, ...]], ...]
    kinds: tuple[str, ...]  # each entry's node kind ("weight", "neuron", "dense"...)

    @property
    def size(self) -> int:
        return sum(int(np.prod(shape)) for _, _, shape in self.entries)


def layout_of(doc, node_ids) -> Layout:
    """The layout of the parameters of these nodes as the document holds them now."""
    entries, kinds = [], []
    for node in map(doc.node, node_ids):
        if node.kind in ("neuron", "dense"):
            keys = ("w", "b") if node.kind == "neuron" else ("W", "b")
            for key in keys:
                entries.append((node.id, key, np.shape(node.params[key])))
                kinds.append(node.kind)
        else:
            entries.append((node.id, None, ()))
            kinds.append(node.kind)
    return Layout(tuple(entries), tuple(kinds))


def capture(doc, layout: Layout) -> np.ndarray:
    """The document's current parameters as one float64 vector in the layout's order."""
    parts = []
    for nid, key, _ in layout.entries:
        node = doc.node(nid)
        parts.append(np.ravel(np.asarray(node.value if key is None else node.params[key], dtype=np.float64)))
    return np.concatenate(parts) if parts else np.zeros(0)


def vector_of(params) -> np.ndarray:
    """The optimizer's parameters (objects with .data, in the layout's order) as one float64 vector."""
    return np.concatenate([np.ravel(np.asarray(p.data, dtype=np.float64)) for p in params])


def unpack(layout: Layout, vector) -> tuple[dict, dict]:
    """(values, params) to write back: node id -> float for weights; node id -> {key: value} for blocks
    (a dense block's arrays read-only float64, a neuron's w a list and b a float, as training writes them)."""
    values, params = {}, {}
    flat = np.asarray(vector, dtype=np.float64)
    at = 0
    for (nid, key, shape), kind in zip(layout.entries, layout.kinds, strict=True):
        n = int(np.prod(shape))
        chunk = flat[at:at + n]
        at += n
        if key is None:
            values[nid] = float(chunk[0])
        elif kind == "dense":
            params.setdefault(nid, {})[key] = stored_array(chunk.reshape(shape).copy())
        else:
            params.setdefault(nid, {})[key] = chunk.tolist() if shape else float(chunk[0])
    return values, params


def apply(doc, layout: Layout, vector) -> None:
    """Write a snapshot's parameters into the document directly (no undo entry: scrubbing is a view)."""
    values, params = unpack(layout, vector)
    for nid, value in values.items():
        if nid in doc.graph:
            doc.set_value(nid, value)
    for nid, new in params.items():
        if nid in doc.graph:
            doc.set_params(nid, {**doc.node(nid).params, **new})


@dataclass(frozen=True)
class Snapshot:
    step: int
    layout: Layout
    vector: np.ndarray  # read-only

    @property
    def exact(self) -> bool:
        return self.vector.dtype == np.float64


class SnapshotRing:
    """Every step of the last `recent` steps, sparser before (see the module's docstring)."""

    def __init__(self, recent: int = RECENT, older: int = OLDER):
        if recent < 1 or older < 1:
            raise ValueError(f"the ring needs room: recent={recent}, older={older}")
        self.recent: deque[Snapshot] = deque()
        self.older: list[Snapshot] = []
        self.first: Snapshot | None = None  # step 0 of the run, always kept exactly
        self.capacity, self.older_cap, self.stride = recent, older, 1

    def __len__(self) -> int:
        return len(self.recent) + len(self.older) + self._first_apart()

    def _first_apart(self) -> bool:
        """Step 0 is held apart from the recent steps (they have moved past it)."""
        return self.first is not None and (not self.recent or self.first.step < self.recent[0].step)

    def record(self, step: int, layout: Layout, vector) -> None:
        """Keep the parameters after `step` steps (steps are recorded in increasing order)."""
        last = self.last_step()
        if last is not None and step <= last:
            raise ValueError(f"snapshot of step {step} after step {last}: steps must increase")
        vec = np.array(vector, dtype=np.float64)
        vec.flags.writeable = False
        snap = Snapshot(int(step), layout, vec)
        if self.first is None:
            self.first = snap
        self.recent.append(snap)
        while len(self.recent) > self.capacity:
            self._retire(self.recent.popleft())

    def _retire(self, snap: Snapshot) -> None:
        if snap is self.first or snap.step % self.stride:
            return
        small = snap.vector.astype(np.float32)
        small.flags.writeable = False
        self.older.append(Snapshot(snap.step, snap.layout, small))
        while len(self.older) > self.older_cap:
            self.stride *= 2
            self.older = [s for s in self.older if s.step % self.stride == 0]

    def steps(self) -> list[int]:
        """Every step held, in order."""
        head = [self.first.step] if self._first_apart() else []
        return head + [s.step for s in self.older] + [s.step for s in self.recent]

    def last_step(self) -> int | None:
        return self.recent[-1].step if self.recent else None

    def at(self, step: int) -> Snapshot | None:
        """The snapshot of `step`, or the nearest one held before it (None: nothing that early)."""
        if self.recent and step >= self.recent[0].step:
            i = min(int(step) - self.recent[0].step, len(self.recent) - 1)  # recent steps are consecutive
            while self.recent[i].step > step:  # (unless a caller recorded with gaps)
                i -= 1
            return self.recent[i]
        held = ([self.first] if self.first is not None else []) + self.older
        before = [s for s in held if s.step <= step]
        return max(before, key=lambda s: s.step) if before else None

    @property
    def nbytes(self) -> int:
        """The bytes of every snapshot vector held."""
        snaps = [*self.recent, *self.older, *([self.first] if self._first_apart() else [])]
        return sum(s.vector.nbytes for s in snaps)
