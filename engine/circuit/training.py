"""Gradient-descent training of a circuit's weights (and optionally its inputs).

Each step: forward + backward through the evaluator, one optimizer update (engine.optim), and
the new values written back to the document, as one undoable entry when a History is given.
"""

from __future__ import annotations

import numpy as np

from .. import optim
from ..errors import EngineError
from .commands import SetParams, SetValue
from .evaluate import Evaluator
from .probe import current_accuracy

DEFAULTS = {"optimizer": "sgd", "lr": 0.01, "momentum": 0.9, "schedule": "constant", "lr_end": None,
            "steps": 100, "objective": "minimize", "train_inputs": False}
OPTIMIZERS = ("sgd", "momentum", "adam")


class TrainingError(EngineError, ValueError):
    """Training cannot go on (a NaN, nothing to train, bad settings); the message says where."""


class _Param:
    """What the optimizer sees: .data and .grad for one scalar or one block array."""

    __slots__ = ("node_id", "key", "data", "grad")

    def __init__(self, node_id, key, data):
        self.node_id, self.key, self.data, self.grad = node_id, key, data, 0.0


class Trainer:
    """Steps gradient descent on a document through its evaluator."""

    def __init__(self, doc, evaluator: Evaluator | None = None, history=None):
        self.doc = doc
        self.ev = evaluator or Evaluator(doc)
        self.undo = history
        self.settings = {**DEFAULTS, **(doc.training or {})}
        self.history: list[float] = []
        self.accuracy: list[float] = []
        self._opt = None
        self._signature = None

    # ------------------------------------------------------------ parameters and optimizer
    def _targets(self):
        kinds = ("weight", "input") if self.settings["train_inputs"] else ("weight",)
        out = []
        for n in self.doc.nodes():
            if n.kind in kinds:
                out.append((n.id, None, float(n.value)))
            elif n.kind == "neuron":
                out += [(n.id, "w", np.array(n.params["w"], dtype=float)), (n.id, "b", float(n.params["b"]))]
            elif n.kind == "dense":
                out += [(n.id, "W", np.array(n.params["W"], dtype=float)), (n.id, "b", np.array(n.params["b"], float))]
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
        targets = self._targets()
        if not targets:
            raise TrainingError("nothing to train: the circuit has no weight nodes (or blocks)")
        signature = [(nid, key) for nid, key, _ in targets]
        if signature != self._signature:
            self._params = [_Param(nid, key, data) for nid, key, data in targets]
            self._opt = self._optimizer(self._params)
            self._signature = signature
        for p, (_, _, data) in zip(self._params, targets, strict=True):
            p.data = data

    # ------------------------------------------------------------ stepping
    def step(self) -> float:
        """One gradient step; returns the loss (root value) before the update."""
        ev = self.ev
        if ev.grads_stale or not ev.grads:
            ev.backward()
        if ev.errors:
            nid, reason = next(iter(ev.errors.items()))
            raise TrainingError(f"training stopped: {reason}")
        loss = ev.root_value()
        if not np.isfinite(loss):
            raise TrainingError(f"training stopped: the result {self.doc.node(ev.root()).label!r} is {loss}")
        self.history.append(loss)
        acc = self._accuracy()
        if acc is not None:
            self.accuracy.append(acc)
        self._sync()
        sign = -1.0 if self.settings["objective"] == "maximize" else 1.0
        for p in self._params:
            g = ev.grads.get(p.node_id, 0.0) if p.key is None else ev.param_grads(p.node_id).get(p.key, 0.0)
            p.grad = sign * (np.asarray(g, dtype=float) if isinstance(p.data, np.ndarray) else float(np.sum(g)))
        self._opt.step()
        self._write_back()
        return loss

    def run(self, n: int | None = None) -> list[float]:
        for _ in range(int(n if n is not None else self.settings["steps"])):
            self.step()
        return self.history

    def _commands(self):
        cmds, blocks = [], {}
        for p in self._params:
            if p.key is None:
                cmds.append(SetValue(p.node_id, float(p.data)))
            else:
                blocks.setdefault(p.node_id, {})[p.key] = (p.data.tolist() if isinstance(p.data, np.ndarray)
                                                            else float(p.data))
        for nid, new in blocks.items():
            cmds.append(SetParams(nid, {**self.doc.node(nid).params, **new}))
        return cmds

    def _write_back(self):
        with self.ev.batch_update():
            if self.undo is not None:
                with self.undo.macro("gradient step"):
                    for cmd in self._commands():
                        self.undo.push(cmd)
            else:
                for cmd in self._commands():
                    cmd.do(self.doc)
        if self.undo is not None:
            self.undo.seal()

    def _accuracy(self):
        """Share of samples classified right, for a dataset circuit with a classifier loss at the root."""
        return current_accuracy(self.ev)
