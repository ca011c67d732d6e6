"""Help menu: a short how-to and the About box (non-modal windows, so the app keeps running)."""

from __future__ import annotations

import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from .formula_field import syntax_html


def app_version() -> str:
    try:
        return metadata.version("backprop-playground")
    except metadata.PackageNotFoundError:
        return "dev"


class HelpDialog(QDialog):
    """A titled page of rich text with a Close button; subclasses give title() and html()."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.title())
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 560)


class HowToDialog(HelpDialog):
    def title(self) -> str:
        return self.tr("How to")

    def html(self) -> str:
        steps = [
            (self.tr("Learn"),
             self.tr("The Lessons menu holds eleven lessons from the micrograd lecture and the hacker's guide; the "
                     "Lesson panel shows each step, what to do, a Hint, Back and Next. Next opens when the step's "
                     "check passes; a wrong answer is answered with the reason. The node in question is ringed "
                     "on the canvas and the button to press is outlined. Progress is kept; Lessons > Restart "
                     "lesson starts one again.")),
            (self.tr("Build a circuit"),
             self.tr("Drag inputs, weights and operations from the palette onto the canvas (or double-click an "
                     "entry, or press Tab over the canvas and type). Drag from an output port (right) to an input "
                     "port (left) to wire them. Or type a formula such as <code>L = (a*b + c) * f</code> in the "
                     "toolbar and press Enter.")),
            (self.tr("Type a formula"),
             self.tr("Type it in the toolbar's field and press Enter. If the canvas already holds a circuit you "
                     "choose: replace it (one Undo brings it back) or add the formula beside it. A formula that "
                     "cannot be built is explained in a red box under the field.") + "<br>" + syntax_html()),
            (self.tr("Nudge values"),
             self.tr("Select an input or a weight: the Inspector shows its value and slider. On the canvas, Up or "
                     "Right raises the selected value by one slider step, Down or Left lowers it (Shift: ten "
                     "steps); with nothing selected the arrow keys scroll the canvas. Type any number into the "
                     "value box, or double-click a value's card and type it: the number is kept exactly and the "
                     "slider widens to hold it. Every value and gradient downstream follows. A node with an "
                     "unwired input says what it needs; the rest of the circuit keeps its numbers. An example "
                     "shows its title and description above the canvas (× hides them).")),
            (self.tr("Walk backpropagation"),
             self.tr("F5 runs the forward pass, F6 the backward pass. F10 steps backward one node at a time and "
                     "the Chain rule panel writes out each step with its numbers, e.g. ∂L/∂a = ∂L/∂e × ∂e/∂a = "
                     "−2 × −3 = 6: blue ∂L/∂… is the gradient of the output (+= where a node feeds several, with "
                     "every contribution), orange ∂e/∂a the node's own local derivative. Shift+F10 steps back.")),
            (self.tr("Check and compare"),
             self.tr("F7 compares every gradient that backward computes with a numeric estimate (central "
                     "differences refined by Richardson extrapolation) and marks each ✓ or ✗. The f(x) panel plots "
                     "a one-input circuit and its slope beside the lecture's (f(x+h) - f(x))/h. The Strategies "
                     "panel runs the hacker's guide's four ways to raise an output and says what each tried, what "
                     "it cost and where it got.")),
            (self.tr("Train"),
             self.tr("F8 takes one gradient step, F9 trains continuously (F9 again pauses); one undo entry per "
                     "step or run. A step follows the circuit: an output that is a loss node (mse, bce, "
                     "cross-entropy, hinge) is lowered by moving weights and blocks; any other output is raised "
                     "by the lecture's nudge, every input and weight moving by learning rate × gradient. The "
                     "first line of the Training panel says what the next step will change; change the goal, what "
                     "moves, the optimizer, learning rate and speed there. For a 2-D classifier such as the moons "
                     "example, the Decision boundary panel redraws as it learns; click it to add a point, "
                     "Shift+click for the other class.")),
            (self.tr("Arrange the panels"),
             self.tr("The plots share the tabs under the canvas; F6, F7, F8 and F10 bring the panel they fill to "
                     "the front. Drag the handles between panels to resize them. Panels are locked in place "
                     "(View > Lock panels); unlock them to drag a panel elsewhere or float it in a window of "
                     "its own.")),
            (self.tr("Keep your work"),
             self.tr("Ctrl+S saves the circuit as JSON; File > Export writes a PNG or SVG picture, Graphviz DOT, "
                     "or a Python or PyTorch script that reproduces every number. Your work is autosaved and "
                     "offered back after a crash.")),
        ]
        items = "".join(f"<li style=\"margin-bottom: 8px\"><b>{title}.</b> {text}</li>" for title, text in steps)
        heading = self.tr("How to use Backprop Playground")
        return f"<h2>{heading}</h2><ol>{items}</ol>"


class AboutDialog(HelpDialog):
    def title(self) -> str:
        return self.tr("About Backprop Playground")

    def html(self) -> str:
        versions = self.tr("Version {v} · Python {py} · Qt {qt} · PySide6 {ps}").format(
            v=app_version(), py=platform.python_version(), qt=qVersion(), ps=PySide6.__version__)
        pitch = self.tr("Build circuits by hand and watch gradients flow.")
        made = self.tr("Made with PySide6, pyqtgraph, numpy, networkx and scikit-learn.")
        return f"<h2>Backprop Playground</h2><p>{pitch}</p><p>{versions}</p><p>{made}</p>"
