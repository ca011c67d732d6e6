"""The chain-rule panel: the current backprop step in words and numbers, and the steps so far."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QVBoxLayout

from engine.circuit.stepper import fmt, name

from ..panel import Panel

GRAD, LOCAL = "#2f6fde", "#d9661a"  # ∂L/∂x (the gradient of the output) and ∂n/∂x (a node's own derivative)


def rich(label: str) -> str:
    """A label (or formula) as rich text: x1 -> x<sub>1</sub>, * -> ·, ** -> ^, - -> the minus sign."""
    text = html.escape(label).replace("**", "^").replace("*", "·")
    text = re.sub(r"(?<![\w.])([A-Za-z]+)(\d+)\b", r"\1<sub>\2</sub>", text)
    return re.sub(r"(?<![\w)])-(?=[\d.])", "−", text)


def number(x) -> str:
    return fmt(x).replace("-", "−")


def d(top: str, bottom: str, colour: str) -> str:
    """∂top/∂bottom in rich text, labels made unambiguous (parenthesised when they are expressions)."""
    return f'<span style="color:{colour}">∂{rich(name(top))}/∂{rich(name(bottom))}</span>'


class ChainRulePanel(Panel):
    """The controller's stepper as rich text: the step it is at (what arrived at the node, and what the
    node sends to each input: gradient × local derivative, with numbers) and the steps so far.
    It reads controller.stepper when the controller's `steps` event or a stepped result says so."""

    results = ("stepped", "evaluated")

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.controller = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.heading.setFixedHeight(2 * self.heading.fontMetrics().lineSpacing() + 2)
        self.heading.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.current = self._browser()
        self.history_title = QLabel(self.tr("Steps so far"))
        self.history = self._browser()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.current, 3)
        layout.addWidget(self.history_title)
        layout.addWidget(self.history, 2)
        self._shown = None

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override): the same whatever the text, so the docks stay put
        return QSize(460, 240)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(320, 160)

    @staticmethod
    def _browser() -> QTextBrowser:
        """Rich text that wraps and scrolls inside a fixed area: its content never resizes the panel."""
        box = QTextBrowser()
        box.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        box.setMinimumSize(120, 40)
        box.setLineWrapMode(QTextBrowser.WidgetWidth)
        box.setOpenLinks(False)
        return box

    def follow(self, controller) -> None:
        """Read the steps from this controller (it calls this once it exists)."""
        self.controller = controller
        self.listen(controller.events.steps, self.schedule)
        self.schedule()

    # ------------------------------------------------------------ text
    def num(self, node_id: str, x) -> str:
        """A gradient as shown: '?' while a lesson asks the learner to work it out (a predict step)."""
        return "?" if node_id in self.display.hidden else number(x)

    def step_html(self, step) -> str:
        """One step: what arrived at the node, then one line per input with += where it feeds several."""
        root, node = step.root_label, step.label
        here = d(root, node, GRAD)
        lines = []
        if node == root:
            lines.append(f"{here} = {self.num(step.node_id, step.upstream)} &nbsp;<i>" + self.tr(
                "(the output's gradient with respect to itself: where backprop starts)") + "</i>")
        elif step.batch:
            lines.append(f"{here} = {self.num(step.node_id, step.upstream)} &nbsp;<i>" + self.tr(
                "(one value per sample; the mean is shown)") + "</i>")
        else:
            lines.append(f"{here} = {self.num(step.node_id, step.upstream)}")
        for c in step.contributions:
            grad, local = d(root, c.target_label, GRAD), d(node, c.target_label, LOCAL)
            eq = "+=" if c.accumulated else "="
            line = f"<b>{grad}</b> {eq} {here} × {local}"
            if step.batch:
                line += " " + self.tr("(per sample), mean {v}").format(v=self.num(c.target, c.amount))
            else:
                line += (f" = {self.num(step.node_id, step.upstream)} × {number(c.local)}"
                         f" = <b>{self.num(c.target, c.amount)}</b>")
            if c.accumulated:
                if len(c.parts) < c.uses:
                    line += "<br>&nbsp;&nbsp;<i>" + self.tr(
                        "{t} feeds {n} inputs: contribution {k} of {n}, so far {v}").format(
                        t=rich(name(c.target_label)), n=c.uses, k=len(c.parts), v=self.num(c.target, c.total)) + "</i>"
                else:
                    parts = " + ".join(self.num(c.target, p) for p in c.parts)
                    line += "<br>&nbsp;&nbsp;<i>" + self.tr(
                        "{t} feeds {n} inputs: all contributions are in, {parts} = {v}").format(
                        t=rich(name(c.target_label)), n=c.uses, parts=parts, v=self.num(c.target, c.total)) + "</i>"
            lines.append(line)
        return "<br>".join(lines)

    def key_html(self, step) -> str:
        c = step.contributions[0] if step.contributions else None
        if c is None:
            return ""
        local_rule = "; ".join(f"{d(step.label, x.target_label, LOCAL)} = {rich(x.local_text)}"
                               for x in step.contributions)
        return ("<p style='color:gray'>" + self.tr(
            "Blue ∂{root}/∂…: the gradient of {root}, how much {root} changes per unit change of a node, "
            "through every path (it accumulates; it is known for {node} once every node that {node} feeds "
            "has been stepped). Orange {local}: the local derivative of {node} = {expr} alone, from its "
            "rule: {rule}.")
            .format(root=rich(name(step.root_label)), local=d(step.label, c.target_label, LOCAL),
                    node=rich(name(step.label)), expr=rich(step.expression), rule=local_rule) + "</p>")

    # ------------------------------------------------------------ drawing
    def refresh(self) -> None:
        self._dirty = False
        st = self.controller.stepper if self.controller is not None else None
        steps = list(st.history) if st is not None else []
        key = (id(st), len(steps), self.display.hidden)
        if key == self._shown:
            return
        self._shown = key
        if not steps:
            self.heading.setText(self.tr("Press Step backward (F10) to walk the chain rule node by node."))
            self.current.setHtml("<p style='color:gray'>" + self.tr(
                "Each step takes one node, starting at the output: the gradient that has arrived at the node "
                "times the node's local derivative gives each of its inputs its share of the gradient.") + "</p>")
            self.history.clear()
            return
        step = steps[-1]
        self.heading.setText(self.tr("Step {i} of {n}: node {label} = {expr}").format(
            i=len(steps), n=st.total, label=rich(name(step.label)), expr=rich(step.expression)))
        self.current.setHtml(f"<p>{self.step_html(step)}</p>{self.key_html(step)}")
        self.history.setHtml("".join(
            f"<p style='margin:0'>{i}. {rich(name(s.label))} = {rich(s.expression)}:&nbsp; "
            + "; &nbsp;".join(f"{d(s.root_label, c.target_label, GRAD)} {'+=' if c.accumulated else '='} "
                              f"{self.num(c.target, c.amount)}" for c in s.contributions) + "</p>"
            for i, s in enumerate(steps, start=1)))
        bar = self.history.verticalScrollBar()
        bar.setValue(bar.maximum())
