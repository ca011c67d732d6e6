"""Help menu: a short how-to and the About box (non-modal windows, so the app keeps running)."""

from __future__ import annotations

import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


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
            (self.tr("Build a circuit"),
             self.tr("Drag inputs, weights and operations from the palette onto the canvas (or double-click an "
                     "entry, or press Tab over the canvas and type). Drag from an output port (right) to an input "
                     "port (left) to wire them. Or type a formula such as <code>L = (a*b + c) * f</code> in the "
                     "toolbar and press Enter.")),
            (self.tr("Nudge values"),
             self.tr("Select an input or a weight: the Inspector shows its slider. Drag it, or press the arrow "
                     "keys on the canvas (Shift: ten steps). Every value and gradient downstream follows.")),
            (self.tr("Walk backpropagation"),
             self.tr("F5 runs the forward pass, F6 the backward pass. F10 steps backward one node at a time and "
                     "the Chain rule panel writes out each step, e.g. dL/da = dL/de * de/da; Shift+F10 steps back.")),
            (self.tr("Check and compare"),
             self.tr("F7 compares every gradient with a central-difference estimate. The Strategies panel runs the"
                     " hacker's guide's four ways to raise an output and counts their circuit evaluations.")),
            (self.tr("Train"),
             self.tr("F8 takes one gradient step, F9 trains continuously (F9 again pauses); one undo entry per "
                     "step or run. A step follows the circuit: an output that is a loss node (mse, bce, "
                     "cross-entropy, hinge) is lowered by moving weights and blocks; any other output is raised "
                     "by the lecture's nudge, every input and weight moving by learning rate × gradient. The "
                     "first line of the Training panel says what the next step will change; change the goal, what "
                     "moves, the optimizer, learning rate and speed there. For a 2-D classifier such as the moons "
                     "example, the Decision boundary panel redraws as it learns; click it to add a point, "
                     "Shift+click for the other class.")),
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
