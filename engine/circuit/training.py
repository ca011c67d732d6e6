"""Gradient steps on a circuit: what moves, which way, and the undoable write-back.

What a step does follows the circuit unless the settings say otherwise (step_plan):
- a circuit whose output is a loss node (mse, bce, softmax_ce, hinge...) is trained: the loss is
  minimised and only weights and blocks move;
- any other circuit takes the lecture's nudge: every input, weight and block moves along its
  gradient to raise the output (a.data += 0.01 * a.grad).

Each step: forward + backward through the evaluator, one optimizer update (engine.optim), and the
new values written back to the document. With a History, the steps of one run merge into one undo
entry (StepEdit) that holds the values before the run and after its last step; block arrays are
kept by reference (they are read-only: copy-on-write), never copied into the history.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import ops, optim
from ..errors import EngineError
from .commands import Command
from .document import CircuitError
from .evaluate import Evaluator
from .minibatch import DataFeed, wants_feed
from .nodes import BLOCK_KINDS, copy_value
from .optim_history import OptimLog, assign_grads, doc_form, grouped_pass, keyframe_every
from .probe import current_accuracy
from .snapshots import SnapshotRing, layout_of, vector_of

# objective / train_inputs None: follow the circuit (step_plan); a file that leaves them out does too
DEFAULTS = {"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "schedule": "constant", "lr_end": None,
            "steps": 100, "objective": None, "train_inputs": None, "batch_size": None, "test_share": 0.0, "seed": 0}
# batch_size None: each step reads the whole training split; test_share: the rows held out (a file that
# leaves it out trains on every row; the Training panel offers 20 % for a dataset it sets)
OPTIMIZERS = ("sgd", "momentum", "adam")


class TrainingError(EngineError, ValueError):
    """Training cannot go on (a NaN, nothing to train, bad settings); the message says where."""


@dataclass(frozen=True)
class Plan:
    """What the next gradient step will do, resolved from the settings and the circuit."""

    objective: str  # "minimize" or "maximize"
    train_inputs: bool  # inputs move too (the lecture's nudge), not only weights and blocks
    goal_follows: bool  # the objective was not set: it follows the circuit
    moves_follow: bool  # train_inputs was not set: it follows the circuit
    loss_root: bool  # the circuit's output is a loss node
    root: str | None  # the output's label (None: the circuit has no single output)
    targets: tuple[str, ...]  # labels of the nodes that move, in document order
    ids: tuple[str, ...]  # their node ids
    optimizer: str
    lr: float
    momentum: float


def loss_root(doc) -> bool | None:
    """True if the circuit's output is a loss node (through an output marker), None if it has no output."""
    root = doc.result_node()
    if root is None:
        return None
    return root.kind == "op" and ops.get(root.op).category == "loss"


def step_plan(doc, settings: dict | None = None) -> Plan:
    """The resolved plan of the next step for `settings` (by default the document's own)."""
    s = {**DEFAULTS, **(doc.training if settings is None else settings)}
    is_loss = loss_root(doc)
    objective = s["objective"] or ("minimize" if is_loss else "maximize")
    train_inputs = s["train_inputs"] if s["train_inputs"] is not None else not is_loss
    try:
        root = doc.root().label
    except CircuitError:
        root = None
    kinds = ("input", "weight", *BLOCK_KINDS) if train_inputs else ("weight", *BLOCK_KINDS)
    moving = [n for n in doc.nodes() if n.kind in kinds]
    return Plan(objective, bool(train_inputs), s["objective"] is None, s["train_inputs"] is None, bool(is_loss),
                root, tuple(n.label for n in moving), tuple(n.id for n in moving), s["optimizer"], float(s["lr"]),
                float(s["momentum"]))


class _Param:
    """What the optimizer sees: .data and .grad for one scalar or one block array."""

    __slots__ = ("node_id", "key", "data", "grad")

    def __init__(self, node_id, key, data):
        self.node_id, self.key, self.data, self.grad = node_id, key, data, 0.0


class StepEdit(Command):
    """Values and block parameters written by gradient steps, as one undo entry per run: a later step
    of the same run merges in (the old state stays the run's start, the new one is the last step's).
    Old and new block arrays are held by reference; they are read-only, so nothing changes them."""

    def __init__(self, run, values: dict, params: dict, text: str = "gradient step"):
        self.run, self.steps, self.text = run, 1, text
        self.new_values, self.new_params = values, params  # node id -> value; node id -> {key: array}
        self.old_values: dict = {}
        self.old_params: dict = {}

    @property
    def merge_key(self):
        return ("training", self.run)

    def do(self, doc):
        for nid, value in self.new_values.items():
            self.old_values.setdefault(nid, doc.node(nid).value)
            doc.set_value(nid, value)
        for nid, new in self.new_params.items():
            params = doc.node(nid).params
            if nid not in self.old_params:
                self.old_params[nid] = copy_value(params)  # arrays shared; a neuron's short w list copied
            doc.set_params(nid, {**params, **new})

    def undo(self, doc):
        for nid, value in self.old_values.items():
            doc.set_value(nid, value)
        for nid, params in self.old_params.items():
            doc.set_params(nid, params)

    def merge(self, other):
        if not isinstance(other, StepEdit):
            return False
        for mine, theirs in ((self.old_values, other.old_values), (self.old_params, other.old_params)):
            for nid, old in theirs.items():
                mine.setdefault(nid, old)
        self.new_values.update(other.new_values)
        for nid, new in other.new_params.items():
            self.new_params[nid] = {**self.new_params.get(nid, {}), **new}
        self.steps += other.steps
        return True


class Trainer:
    """Steps gradient descent (or ascent) on a document through its evaluator."""

    def __init__(self, doc, evaluator: Evaluator | None = None, history=None):
        self.doc = doc
        self.ev = evaluator or Evaluator(doc)
        self.undo = history
        self.settings = {**DEFAULTS, **(doc.training or {})}
        self.history: list[float] = []
        self.accuracy: list[float] = []
        self.test_loss: list[float] = []  # with a held-out split: the test rows' loss and accuracy per step
        self.test_accuracy: list[float] = []
        self.feed: DataFeed | None = None  # mini-batches / held-out split (engine.circuit.minibatch)
        self.plan: Plan | None = None
        self._opt = None
        self._signature = None
        self._run = object()  # the undo entry the next step merges into
        self._run_text = "gradient step"
        self.snapshots = SnapshotRing()  # the parameters after each step (time travel; engine.circuit.snapshots)
        self._layout = None
        self.optim_log: OptimLog | None = None  # each step's rows and keyframes of the optimizer (optim_history)
        self.keyframe_every: int | None = None  # K (None: optim_history.keyframe_every chooses)

    # ------------------------------------------------------------ parameters and optimizer
    def _targets(self):
        """(node id, key, current value) of everything the plan moves: a float, or a writable array copy
        that the optimizer updates in place and the document then takes over (read-only)."""
        out = []
        for n in map(self.doc.node, self.plan.ids):
            if n.kind == "neuron":
                out += [(n.id, "w", np.array(n.params["w"], dtype=float)), (n.id, "b", float(n.params["b"]))]
            elif n.kind == "dense":
                out += [(n.id, "W", np.array(n.params["W"], dtype=float)), (n.id, "b", np.array(n.params["b"], float))]
            else:
                out.append((n.id, None, float(n.value)))
        return out

    def _optimizer(self, params):
        s = self.settings
        if s["optimizer"] not in OPTIMIZERS:
            raise TrainingError(f"unknown optimizer {s['optimizer']!r}; use one of {', '.join(OPTIMIZERS)}")
        lr = float(s["lr"])
        if s["schedule"] == "linear":
            lr = optim.linear_decay(lr, float(s["lr_end"] if s["lr_end"] is not None else lr * 0.1), int(s["steps"]))
        if s["optimizer"] == "adam":
            return optim.Adam(params, lr=lr)
        return optim.SGD(params, lr=lr, momentum=float(s["momentum"]) if s["optimizer"] == "momentum" else 0.0)

    def _sync(self):
        self.plan = step_plan(self.doc, self.settings)
        targets = self._targets()
        if not targets:
            what = "inputs, weights or blocks" if self.plan.train_inputs else "weights or blocks"
            raise TrainingError(f"nothing to train: the circuit has no {what} to move")
        signature = [(nid, key) for nid, key, _ in targets]
        if signature != self._signature:
            self._params = [_Param(nid, key, data) for nid, key, data in targets]
            self._opt = self._optimizer(self._params)
            self._signature = signature
            self._layout = layout_of(self.doc, self.plan.ids)
        for p, (_, _, data) in zip(self._params, targets, strict=True):
            p.data = data

    # ------------------------------------------------------------ stepping
    def step(self) -> float:
        """One gradient step; returns the root's value (the loss) before the update."""
        ev = self.ev
        feed = self._feed()
        rows = None
        if feed is not None:  # a mini-batch of the training rows, in a pass of the trainer's own
            rows = feed.batches.next()
            res = feed.run(ev, rows, grads=True)
            errors, grads, param_grads = res.errors, res.grads, res.param_grads
        else:  # the evaluator's pass over every row
            if ev.grads_stale or not ev.grads:
                ev.backward()
            res, errors, grads, param_grads = None, ev.errors, ev.grads, ev.result.param_grads
            rows = grouped_pass(ev.result)  # (a rebuild of this step takes the same path: optim_history)
        if errors:
            nid, reason = next(iter(errors.items()))
            raise TrainingError(f"training stopped: {reason}")
        metrics = feed.metrics(ev, res) if feed is not None else None
        loss = metrics.loss if metrics is not None else ev.root_value()
        if not np.isfinite(loss):
            raise TrainingError(f"training stopped: the result {self.doc.node(ev.root()).label!r} is {loss}")
        self._sync()
        if not self.snapshots.recent:  # the run's initial weights: step 0
            self.snapshots.record(len(self.history), self._layout, vector_of(self._params))
        sign = -1.0 if self.plan.objective == "maximize" else 1.0
        log = self._log(sign)
        self.history.append(loss)
        acc = metrics.accuracy if metrics is not None else self._accuracy()
        if acc is not None:
            self.accuracy.append(acc)
        test = feed.test_metrics(ev) if feed is not None else None
        if test is not None:
            self.test_loss.append(test.loss)
            if test.accuracy is not None:
                self.test_accuracy.append(test.accuracy)
        assign_grads(self._params, grads, param_grads, sign)
        self._opt.step()
        self._write_back()
        self.snapshots.record(len(self.history), self._layout, vector_of(self._params))
        log.record(len(self.history), self._opt, feed, rows, self.doc.dataset, self.snapshots.recent[-1].vector)
        log.trim(self.snapshots.recent[0].step)
        return loss

    def _log(self, sign: float) -> OptimLog:
        """The optimizer's log (a new one when the optimizer or the objective changed)."""
        log = self.optim_log
        if log is None or log.opt is not self._opt or log.sign != sign:
            start = len(self.history)
            last = self.snapshots.recent[-1]
            vector = last.vector if last.step == start and last.layout == self._layout else vector_of(self._params)
            every = self.keyframe_every or keyframe_every(self._params, self._opt, self.snapshots.capacity)
            dense = frozenset(p.node_id for p in self._params if self.doc.node(p.node_id).kind == "dense")
            log = self.optim_log = OptimLog(self._opt, self._optimizer, self._layout, sign, dense, start, vector,
                                            every)
        return log

    def optimizer_at(self, step: int):
        """The optimizer as it was after `step` (engine.circuit.optim_history.Rebuilt), rebuilt from the
        run's keyframes; None if that step is not kept."""
        if self.optim_log is None:
            return None
        try:
            return self.optim_log.rebuild(step, self.ev, self.snapshots)
        except (EngineError, ValueError):  # the circuit no longer evaluates (a wire cut since): nothing to show
            return None

    def run(self, n: int | None = None) -> list[float]:
        """n steps (the settings' count by default), one undo entry for all of them."""
        n = int(n if n is not None else self.settings["steps"])
        self.begin_run(f"{n} gradient steps")
        try:
            for _ in range(n):
                self.step()
        finally:
            self.end_run()
        return self.history

    def begin_run(self, text: str = "gradient step") -> None:
        """The next steps form one undo entry named `text` (until end_run)."""
        self.end_run()
        self._run_text = text

    def end_run(self) -> None:
        """The run is over: the next step starts a new undo entry."""
        self._run, self._run_text = object(), "gradient step"
        if self.undo is not None:
            self.undo.seal()

    def _edit(self) -> StepEdit:
        values, params = {}, {}
        for p in self._params:  # a dense layer keeps arrays, a neuron its short list of floats
            if p.key is None:
                values[p.node_id] = doc_form(p, False)
            else:
                params.setdefault(p.node_id, {})[p.key] = doc_form(p, self.doc.node(p.node_id).kind == "dense")
        return StepEdit(self._run, values, params, self._run_text)

    def _write_back(self):
        edit = self._edit()
        with self.ev.batch_update():
            if self.undo is not None:
                self.undo.push(edit)  # merges into this run's entry; end_run() seals it
            else:
                edit.do(self.doc)

    def _feed(self) -> DataFeed | None:
        """The rows this run trains on, when the settings ask for mini-batches or a held-out split (made
        once per run; another dataset or batch setting makes a new one)."""
        s = self.settings
        if not wants_feed(self.doc, self.ev.ensure_compiled(), s):
            self.feed = None
        elif self.feed is None or self.feed.key != (id(self.doc.dataset), s["batch_size"], s["test_share"], s["seed"]):
            self.feed = DataFeed(self.doc, s)
        return self.feed

    def _accuracy(self):
        """Share of samples classified right, for a dataset circuit with a classifier loss at the root."""
        return current_accuracy(self.ev)
