"""Backprop one node at a time: the evaluator's own backward loop, paused after each node,
with the chain rule written out in words and numbers. A forward stepper does the same for values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np

from ..backends import A, S
from . import result
from .compile import run_forward
from .display import shown
from .result import Result


def fmt(x) -> str:
    """Numbers as the lecture writes them: -2.0, 6.0, 0.7071."""
    if x is None:
        return "—"
    x = float(x)
    if x == int(x) and abs(x) < 1e6:
        return f"{x:.1f}"
    if 1000 <= abs(x) < 1e9:  # -32757.52, not -3.276e+04
        return f"{x:.2f}"
    return f"{x:.4g}"


def _many(v) -> bool:
    """True for a per-sample (or per-unit) array, whose shown number is a mean."""
    return isinstance(v, np.ndarray) and v.size > 1


def name(label: str) -> str:
    """A node's label as it reads inside a formula: itself if it is one name or number, else in
    parentheses (∂o/∂(x1*w1 + x2*w2), never ∂o/∂x1*w1 + x2*w2)."""
    plain = label.isidentifier() or re.fullmatch(r"[0-9.]+", label) is not None
    return label if plain else f"({label})"


def partial(top: str, bottom: str) -> str:
    """∂top/∂bottom with both labels made unambiguous."""
    return f"∂{name(top)}/∂{name(bottom)}"


def in_terms_of(rule: str, names: dict[str, str]) -> str:
    """An op's local-derivative rule ("b", "1 - out^2") with its port names replaced by the nodes' names."""
    return re.sub(r"\b[A-Za-z_]\w*\b", lambda m: names.get(m.group(0), m.group(0)), rule)


@dataclass
class Contribution:
    """What one step adds to one input's gradient: upstream gradient × local derivative."""

    target: str
    target_label: str
    port: str
    local: float  # ∂node/∂target: the node's own derivative (its rule, at these values)
    local_text: str  # that rule in the nodes' names ("w1", "1 - o^2")
    amount: float  # this contribution to ∂root/∂target
    total: float  # ∂root/∂target so far
    accumulated: bool  # the target feeds several nodes (or one twice): shown as +=
    parts: tuple = ()  # every contribution to the target so far, this one last
    uses: int = 1  # how many inputs the target feeds: that many contributions make its gradient


@dataclass
class Step:
    """One node's chain-rule step."""

    node_id: str
    label: str
    upstream: float
    contributions: list[Contribution] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    root_label: str = ""
    expression: str = ""  # what the node computes, in its inputs' names ("x1*w1 + x2*w2", "tanh(n)")
    batch: bool = False  # one value per sample: the numbers are means


def _expression(fn, names: list[str], params: dict) -> str:
    infix = getattr(fn, "infix", None)
    if infix and len(names) == 2:
        return f"{names[0]} {infix} {names[1]}"
    sym = fn.display(**params) if hasattr(fn, "display") else getattr(fn, "symbol", "")
    if infix and len(names) == 1:
        return f"{names[0]}{sym}" if sym.startswith(infix) else f"{sym}{names[0]}"
    return f"{sym}({', '.join(names)})"


class BackwardStepper:
    """Step the backward pass node by node; back() undoes a step; run_to_end() finishes it.

    Each step is published through the evaluator as a Result holding the gradients reached so far."""

    def __init__(self, evaluator):
        self.ev = evaluator
        self.reset()

    def reset(self) -> None:
        ev = self.ev
        self.base = ev.current()  # the values the pass runs on
        self._root_id = ev.root()
        self._root = self.base.tape.slots[self._root_id]
        self.total = sum(1 for _ in result.backward_start(self.base, self._root)[2])
        self.history: list[Step] = []
        self._start()
        ev.publish(self._result(), stepped=True)

    def _start(self):
        self._grads, self._param_grads, self._gen = result.backward_start(self.base, self._root)
        self.reached = {self._root_id}
        self._parts: dict[int, list] = {}  # slot -> the contributions to its gradient so far
        self._uses: dict[int, int] = {}  # slot -> how many instruction inputs read it
        for ins in self.base.tape.instrs:
            for slot in ins.ins:
                self._uses[slot] = self._uses.get(slot, 0) + 1

    def _result(self):
        if self.done:  # the whole pass: every node has its gradient (0 where the root does not depend)
            return result.with_grads(self.base, list(self._grads), dict(self._param_grads))
        return result.with_grads(self.base, self._grads, self._param_grads, self.reached)

    @property
    def done(self) -> bool:
        return len(self.history) >= self.total

    @property
    def current(self) -> Step | None:
        return self.history[-1] if self.history else None

    def step(self) -> Step | None:
        """Process the next node: push its gradient into its inputs."""
        if self.done:
            return None
        grads = self._grads
        before = {s: (g.copy() if isinstance(g, np.ndarray) else g) for s, g in enumerate(grads)}
        ins, in_grads = next(self._gen)
        step = self._describe(ins, in_grads, before, grads)
        self.history.append(step)
        for c in step.contributions:
            self.reached.add(c.target)
        if self.done:
            for _ in self._gen:
                pass
        self.ev.publish(self._result(), stepped=True)
        return step

    def back(self) -> None:
        """Undo the last step by replaying all the ones before it."""
        n = max(len(self.history) - 1, 0)
        self.history = []
        self._start()
        for _ in range(n):
            self.step()
        self.ev.publish(self._result(), stepped=True)

    def run_to_end(self) -> None:
        while not self.done:
            self.step()

    def _describe(self, ins, in_grads, before, grads) -> Step:
        tape, vals = self.base.tape, self.base.slot_values
        doc = self.ev.doc
        root = doc.node(self._root_id).label
        node = doc.node(ins.node_id)
        up = shown(grads[ins.out])
        m = A if tape.batch else S
        xs = [vals[i] for i in ins.ins]
        names = [name(doc.node(tape.ids[i]).label) for i in ins.ins]
        by_port = {**{k: f"{v:g}" for k, v in ins.params.items() if isinstance(v, int | float)},
                   **dict(zip(ins.ports, names, strict=True)), "out": name(node.label)}
        if ins.block:  # a layer's local derivative needs a unit gradient of the layer's own shape
            one = np.ones_like(vals[ins.out]) if isinstance(vals[ins.out], np.ndarray) else 1.0
            local_grads = ins.fn.backward(m, one, vals[ins.out], *xs, **ins.params)[0]
            local_texts = [partial(node.label, doc.node(tape.ids[i]).label) for i in ins.ins]
            expression = f"{getattr(ins.fn, 'symbol', '')}({', '.join(names)})"
        else:
            local_grads = ins.fn.backward(m, 1.0, vals[ins.out], *xs, **ins.params)
            local_texts = [in_terms_of(rule, by_port) for rule in ins.fn.local]
            expression = _expression(ins.fn, names, ins.params)
        batch = _many(grads[ins.out])
        step = Step(ins.node_id, node.label, up, root_label=root, expression=expression, batch=batch)
        running = {s: (shown(g) if g is not None else None) for s, g in before.items()}
        here = partial(root, node.label)
        step.text.append(f"{here} = {fmt(up)}" if not batch else f"{here}: one value per sample, mean {fmt(up)}")
        for slot, port, gi, loc, ltxt in zip(ins.ins, ins.ports, in_grads, local_grads, local_texts, strict=True):
            if gi is None:
                continue
            target = doc.node(tape.ids[slot])
            amount, local = shown(gi), shown(loc)
            total = amount if running.get(slot) is None else running[slot] + amount
            running[slot] = total
            parts = self._parts.setdefault(slot, [])
            parts.append(amount)
            uses = self._uses.get(slot, 1)
            c = Contribution(target.id, target.label, port, local, ltxt, amount, total, uses > 1, tuple(parts), uses)
            step.contributions.append(c)
            eq = "+=" if c.accumulated else "="
            line = f"{partial(root, target.label)} {eq} {here} × {partial(node.label, target.label)}"
            if batch or _many(loc) or _many(gi):  # a product of means is not the mean of the products
                line += f" (per sample), mean {fmt(amount)}"
            else:
                line += f" = {fmt(up)} × {fmt(local)} = {fmt(amount)}"
            if c.accumulated:
                line += f"  (contribution {len(parts)} of {uses}"
                line += f"; total {' + '.join(fmt(p) for p in parts)} = {fmt(total)})" if len(parts) > 1 else ")"
            step.text.append(line)
        return step


class ForwardStepper:
    """Compute one node's value per step, writing the arithmetic out."""

    def __init__(self, evaluator):
        self.ev = evaluator
        self.reset()

    def reset(self) -> None:
        ev = self.ev
        tape = ev.ensure_compiled()
        self.k = 0
        self.history: list[str] = []
        self._vals = ev.leaves()
        self._publish({nid: self._vals[s] for nid, s in {**tape.leaves, **tape.data}.items()})

    def _publish(self, values: dict) -> None:
        """The values computed so far as a Result (no gradients: they belong to the finished forward)."""
        self._values = values
        self.ev.publish(Result(self.ev.tape, (), MappingProxyType(dict(values))), stepped=True)

    @property
    def done(self) -> bool:
        return self.k >= len(self.ev.tape.instrs)

    def step(self) -> str | None:
        if self.done:
            return None
        ev, tape = self.ev, self.ev.tape
        ins = tape.instrs[self.k]
        run_forward(tape, self._vals, A if tape.batch else S, [self.k])
        self.k += 1
        doc = ev.doc
        names = [doc.node(tape.ids[s]).label for s in ins.ins]
        nums = [fmt(shown(self._vals[s])) for s in ins.ins]
        out = fmt(shown(self._vals[ins.out]))
        label = doc.node(ins.node_id).label
        name, infix = getattr(ins.fn, "name", ""), getattr(ins.fn, "infix", None)  # the registry's a + b
        if infix and len(names) == 2:
            text = f"{label} = {names[0]} {infix} {names[1]} = {nums[0]} {infix} {nums[1]} = {out}"
        else:
            sym = getattr(ins.fn, "symbol", name)
            text = f"{label} = {sym}({', '.join(names)}) = {sym}({', '.join(nums)}) = {out}"
        self.history.append(text)
        if self.done:  # every value: the Result the evaluator's own forward would give, with its diagnosis
            ev.publish(result.values_result(tape, list(self._vals)), stepped=True)
        else:
            self._publish({**self._values, ins.node_id: self._vals[ins.out]})
        return text

    def back(self) -> None:
        n = max(self.k - 1, 0)
        self.reset()
        for _ in range(n):
            self.step()

    def run_to_end(self) -> None:
        while not self.done:
            self.step()
