"""What a lesson's checks may read (engine.teaching.conditions.FUNCTIONS): the runner's document,
its evaluator's latest result, and what the app reported during the step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..circuit.display import shown
from .conditions import Unknown

if TYPE_CHECKING:
    from .runner import LessonRunner


class Context:
    """What a check may read: the document, the evaluator's latest result, and the step's record."""

    def __init__(self, runner: LessonRunner):
        self.r = runner
        self._ids: dict | None = None

    def _id(self, label: str) -> str:
        if self._ids is None:
            self._ids = {n.label: n.id for n in self.r.doc.nodes()}
        nid = self._ids.get(label)
        if nid is None:
            raise Unknown(f"there is no node labelled {label!r}", f"não há nó chamado {label!r}")
        return nid

    def value(self, label: str) -> float:
        v = shown(self.r.evaluator.values.get(self._id(label)))
        if v is None:
            raise Unknown(f"{label} has no value yet", f"{label} ainda não tem valor")
        return float(v)

    def grad(self, label: str) -> float:
        g = self.r.evaluator.grads.get(self._id(label))
        if g is None:
            raise Unknown(f"{label} has no gradient yet", f"{label} ainda não tem gradiente")
        return float(shown(g))

    def start(self, label: str) -> float:
        v = shown(self.r.start_result.values.get(self._id(label))) if self.r.start_result else None
        if v is None:
            raise Unknown(f"{label} had no value when the step began", f"{label} não tinha valor no início do passo")
        return float(v)

    def exists(self, label: str) -> bool:
        return any(n.label == label for n in self.r.doc.nodes())

    def wired(self, a: str, b: str) -> bool:
        return self.r.doc.graph.has_edge(self._id(a), self._id(b))

    def reached(self, label: str) -> bool:
        return self._id(label) in self.r.reached

    def count(self, event: str) -> float:
        return self.r.counts.get(event, 0)

    def metric(self, name: str) -> float:
        if name not in self.r.metrics:
            raise Unknown(f"no {name} reported yet", f"nenhum {name} informado ainda")
        return self.r.metrics[name]

    def nodes(self) -> int:
        return self.r.doc.graph.number_of_nodes()

    def output(self) -> float:
        try:
            return self.value(self.r.doc.node(self.r.evaluator.root()).label)
        except Exception as exc:  # noqa: BLE001 - no single root: the check is not met yet
            raise Unknown(f"the circuit has no output yet ({exc})", f"o circuito ainda não tem saída ({exc})") from None
