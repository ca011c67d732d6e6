"""Time travel for the optimizer: its state at any recent step of a run, rebuilt exactly (keyframes +
recompute, as a video codec keeps a full picture every K frames and the differences between).

Keeping Adam's m and v after every step would triple the snapshot ring (digits: 1,000 steps of 17,226
parameters are 138 MB of parameters alone). Instead an OptimLog keeps, per step, the rows that step
trained on (a mini-batch's row indices as small ints; nothing more for a full-batch step), and every
K steps a keyframe: a copy of the optimizer's buffers (momentum buffer, or Adam's m and v) and its step
count k, beside the exact parameters of that step (shared with the snapshot ring, not copied). A full-batch
step also notes whether the evaluator's gradients came from its grouped pass, so a rebuild sums alike.

The state after step s is rebuilt from the newest keyframe at or before s: scratch parameters start at
the keyframe's, and for each step t after it the gradient of the scratch parameters on step t's rows
(a pure pass through the evaluator's compiled tape: nothing in the document changes) feeds a copy of the
optimizer's own update. Each rebuilt step is checked against the snapshot ring: the scratch parameters
after step t must equal snapshot t bit for bit, or the rebuilt state says it is not exact.

K is chosen so that the keyframes of the ring's recent window cost at most KEYFRAME_BUDGET bytes (digits
with Adam: K = 64, 17 keyframes, 4.7 MB); plain SGD keeps no buffers, so every step is a keyframe.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from dataclasses import dataclass

import numpy as np

from .. import optim
from . import result
from .blocks import stored_array
from .compile import FAULTS
from .vectorized import PlanSlots

KEYFRAME_BUDGET = 6e6  # bytes of optimizer buffers kept for a ring's recent window
MIN_EVERY, MAX_EVERY = 16, 1024


def grouped_pass(res) -> bool:
    """True if a result's gradients came from the grouped whole pass (engine.circuit.vectorized), whose sums
    run in another order than the per-node tape's (the last bits differ): a rebuild must take the same path."""
    return isinstance(res.slot_grads, PlanSlots)


def buffers_of(opt) -> list:
    """The optimizer's per-parameter buffers as lists (Adam: m, v; SGD: the momentum buffer, if any)."""
    if isinstance(opt, optim.Adam):
        return [opt.m, opt.v]
    return [opt.velocity] if getattr(opt, "momentum", 0.0) else []


def _copy(x):
    return x.copy() if isinstance(x, np.ndarray) else x


def keyframe_every(params, opt, recent: int) -> int:
    """K: the smallest power of two >= MIN_EVERY whose keyframes over `recent` steps fit KEYFRAME_BUDGET
    (1 when the optimizer keeps no buffers: a keyframe then costs nothing but a reference)."""
    lists = len(buffers_of(opt))
    if not lists:
        return 1
    per_key = lists * sum(8 * int(np.size(p.data)) for p in params)
    every = MIN_EVERY
    while every < MAX_EVERY and (recent // every + 2) * per_key > KEYFRAME_BUDGET:
        every *= 2
    return every


def grad_of(p, g, sign: float):
    """The gradient a step hands the optimizer for parameter p (an array for array data, else summed to a
    float), signed for the objective (-1: the output is maximised)."""
    return sign * (np.asarray(g, dtype=float) if isinstance(p.data, np.ndarray) else float(np.sum(g)))


def assign_grads(params, grads, param_grads, sign: float) -> None:
    """Set every parameter's .grad from a pass's node gradients and block parameter gradients."""
    for p in params:
        g = grads.get(p.node_id, 0.0) if p.key is None else param_grads.get(p.node_id, {}).get(p.key, 0.0)
        p.grad = grad_of(p, g, sign)


def doc_form(p, dense: bool):
    """A parameter's data as the document keeps it: a dense block's read-only array, a neuron's w as a
    list of floats, a float otherwise (training writes these back; a rebuild evaluates with them)."""
    if isinstance(p.data, np.ndarray):
        return stored_array(p.data) if dense else p.data.tolist()
    return float(p.data)


class Scratch:
    """A parameter of a rebuild: .data and .grad, as the Trainer's own parameters."""

    __slots__ = ("node_id", "key", "data", "grad")

    def __init__(self, node_id, key, data, grad=0.0):
        self.node_id, self.key, self.data, self.grad = node_id, key, data, grad


def scratch_params(layout, vector) -> list:
    """Scratch parameters holding a snapshot vector, in the optimizer's form (floats, writable arrays)."""
    out, at = [], 0
    for nid, key, shape in layout.entries:
        n = int(np.prod(shape))
        chunk = vector[at:at + n]
        at += n
        data = np.array(chunk, dtype=np.float64).reshape(shape) if shape else float(chunk[0])
        out.append(Scratch(nid, key, data))
    return out


@dataclass(frozen=True)
class Keyframe:
    step: int  # the run's step (the snapshot ring's numbering)
    k: int  # the optimizer's step count then
    buffers: tuple  # copies of buffers_of(opt) lists
    vector: np.ndarray  # the exact parameters after `step` (read-only; the ring's own array)


@dataclass
class Rebuilt:
    """The optimizer as it was after `step`: a copy with its buffers and scratch parameters (their .grad
    the gradient that step used). exact: every rebuilt step matched the snapshot ring bit for bit."""

    step: int
    opt: object
    params: list
    exact: bool


class OptimLog:
    """The rows of each step and the keyframes of one optimizer's run (see the module's docstring)."""

    def __init__(self, opt, make, layout, sign: float, dense: frozenset, start: int, vector, every: int):
        self.opt, self.make, self.layout, self.sign, self.dense = opt, make, layout, sign, dense
        self.every = max(1, int(every))
        self.steps: deque = deque()  # (step, feed, rows) of every step kept, consecutive
        self.keyframes: deque = deque()
        self.start = int(start)
        self._key(self.start, opt, vector)
        self._cache: Rebuilt | None = None

    def _key(self, step: int, opt, vector) -> None:
        buffers = tuple([_copy(x) for x in lst] for lst in buffers_of(opt))
        self.keyframes.append(Keyframe(int(step), opt.k, buffers, vector))

    def record(self, step: int, opt, feed, rows, dataset, vector) -> None:
        """Step `step` trained on `rows` of `feed` (None: the evaluator's whole dataset `dataset`, by its
        grouped pass when `rows` is True); `vector` holds the parameters after it (read-only, exact)."""
        if feed is None:
            what = (dataset, bool(rows))
        elif feed.batches.size is None:
            what = rows  # the whole training split: the same array every step
        else:
            what = np.asarray(rows, dtype=np.uint16 if len(feed.X) <= 65535 else np.int64)
        self.steps.append((int(step), feed, what))
        if (step - self.start) % self.every == 0:
            self._key(step, opt, vector)

    def trim(self, first_exact: int) -> None:
        """Drop what no rebuild can use: keyframes before the newest one at or before `first_exact` (the
        ring's oldest exact step) and the rows of steps up to it."""
        keys = self.keyframes
        while len(keys) > 1 and keys[1].step <= first_exact:
            keys.popleft()
        while self.steps and self.steps[0][0] <= keys[0].step:
            self.steps.popleft()

    def nbytes(self, ring=None) -> int:
        """Bytes held only by the log: keyframe buffers, row indices and (given the ring) the parameters of the
        keyframes the ring no longer holds exactly (the others are the ring's own arrays)."""
        n = sum(x.nbytes for key in self.keyframes for lst in key.buffers for x in lst if isinstance(x, np.ndarray))
        seen: set = set()
        for _, _, what in self.steps:
            if isinstance(what, np.ndarray) and id(what) not in seen:
                seen.add(id(what))
                n += what.nbytes
        if ring is not None:
            held = {id(snap.vector) for snap in ring.recent}
            n += sum(key.vector.nbytes for key in self.keyframes if id(key.vector) not in held)
        return n

    def first_step(self, ring) -> int | None:
        """The earliest step whose state can be rebuilt (None: nothing kept)."""
        if not self.keyframes:
            return None
        key = self.keyframes[0]
        if key.step == self.start or self._prev_vector(key.step, ring) is not None:
            return key.step
        return key.step + 1

    def last_step(self) -> int:
        return self.steps[-1][0] if self.steps else self.start

    # ------------------------------------------------------------ rebuilding
    def _rows(self, step: int):
        if not self.steps or not self.steps[0][0] <= step <= self.steps[-1][0]:
            return None
        return self.steps[step - self.steps[0][0]]

    def _prev_vector(self, step: int, ring):
        """The exact parameters before `step` (from the ring) if they and the step's rows are kept."""
        snap = ring.at(step - 1) if step > 0 else None
        if snap is None or snap.step != step - 1 or not snap.exact or snap.layout != self.layout:
            return None
        return snap.vector if self._rows(step) is not None else None

    def scratch(self, vector) -> list:
        return scratch_params(self.layout, vector)

    def _optimizer(self, key: Keyframe, params):
        opt = self.make(params)
        opt.k = key.k
        for mine, kept in zip(buffers_of(opt), key.buffers, strict=True):
            mine[:] = [_copy(x) for x in kept]
        return opt

    def gradients(self, ev, params, step: int) -> bool:
        """Set params' .grad to the gradient step `step` took, evaluated at params; False if it cannot."""
        _, feed, what = self._rows(step)
        values, blocks = {}, {}
        for p in params:
            if p.key is None:
                values[p.node_id] = doc_form(p, False)
            else:  # (a dense block's array as it is: frozen, the update could not go on in place)
                dense = p.node_id in self.dense and isinstance(p.data, np.ndarray)
                blocks.setdefault(p.node_id, {})[p.key] = p.data if dense else doc_form(p, False)
        tape = ev.ensure_compiled()
        instrs = [dataclasses.replace(ins, params={**ins.params, **blocks[ins.node_id]})
                  if ins.node_id in blocks else ins for ins in tape.instrs]
        tape = dataclasses.replace(tape, instrs=instrs, faults={}, grad_faults={})
        if feed is None:
            dataset, grouped = what
            vals = result.load_leaves(tape, dataset, values)
            if grouped and tape.plan:  # the evaluator's grouped whole pass, as that step's gradients came from
                return self._grouped(tape, vals, params)
        else:
            vals = result.load_leaves(tape, feed.spec, values, feed.rows(what))
        res = result.backward(result.forward(tape, vals), tape.slots[ev.root()])
        if res.errors:
            return False
        assign_grads(params, res.grads, res.param_grads, self.sign)
        return True

    def _grouped(self, tape, vals, params) -> bool:
        plan = tape.plan
        try:
            R, S = plan.load(vals)
            plan.forward(R, S)
            G, GS = plan.backward(R, S)
        except FAULTS:
            return False
        grads = result.SlotView(tape.slots, result.freeze(plan.slots(len(tape.ids), G, GS)), default=0.0)
        assign_grads(params, grads, {}, self.sign)
        return True

    def rebuild(self, step: int, ev, ring) -> Rebuilt | None:
        """The optimizer after `step` (None: not kept that far back, or a pass failed)."""
        first = self.first_step(ring)
        if first is None or not first <= step <= self.last_step():
            return None
        key = max((k for k in self.keyframes if k.step <= step), key=lambda k: k.step)
        cache = self._cache
        if cache is not None and key.step <= cache.step <= step:  # go on from the last rebuild (a slider drag)
            opt = self.make(params := [Scratch(p.node_id, p.key, _copy(p.data), _copy(p.grad)) for p in cache.params])
            opt.k = cache.opt.k
            for mine, kept in zip(buffers_of(opt), buffers_of(cache.opt), strict=True):
                mine[:] = [_copy(x) for x in kept]
            at, exact = cache.step, cache.exact
        else:
            params = self.scratch(key.vector)
            opt = self._optimizer(key, params)
            at, exact = key.step, True
            if step == key.step and key.k:  # the gradient this keyframe's step took
                before = self._prev_vector(step, ring)
                if before is None:
                    return None
                probe = self.scratch(before)
                if not self.gradients(ev, probe, step):
                    return None
                for p, q in zip(params, probe, strict=True):
                    p.grad = q.grad
        for t in range(at + 1, step + 1):
            if not self.gradients(ev, params, t):
                return None
            opt.step()
            snap = ring.at(t)
            if snap is not None and snap.step == t and snap.exact and snap.layout == self.layout:
                exact = exact and np.array_equal(np.concatenate([np.ravel(p.data) for p in params]), snap.vector)
        self._cache = Rebuilt(step, opt, params, exact)
        return Rebuilt(step, opt, params, exact)
