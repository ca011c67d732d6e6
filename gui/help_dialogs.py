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
        self.resize(720, 620)  # fits a 1366x768 screen


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
                     "example, the Decision boundary panel redraws as it learns; click it to add a point of the "
                     "class chosen with the coloured buttons beside it (Shift+click: the other of two classes); "
                     "training uses the new point at once.")),
            (self.tr("Stop, batch and test rows"),
             self.tr("In the Training panel, Stop when makes continuous training (F9) pause by itself: when the "
                     "loss falls below a value, the accuracy rises above a percentage (on the test rows if any) "
                     "or a number of steps is done. Batch size sets the rows per step (the rows are shuffled "
                     "once per epoch, seeded); full batch uses every training row. Test share holds rows out of "
                     "training (seeded): they are the triangles on the Decision boundary, and the Loss panel "
                     "plots them beside the training rows.")),
            (self.tr("Shape the data"),
             self.tr("Choose a dataset in the Training panel (moons, circles, blobs, xor, spiral, digits...). The "
                     "Features buttons add x1², x2², x1·x2, sin x1 or sin x2 as a data column, with a data node "
                     "that reads it: wire it into a neuron as TensorFlow Playground does (one neuron on x1² and "
                     "x2² separates the circles). The features belong to the circuit: another 2-D dataset gets "
                     "the same columns, computed from its own x1 and x2; a dataset without x1 and x2 (the "
                     "digits) takes them out with their data nodes, the status bar says so and Undo brings them "
                     "back.")),
            (self.tr("Look inside the network"),
             self.tr("The Units tab draws each unit's output over the input plane as a small map, one row per "
                     "layer (blue positive, orange negative); hover a map for the unit's formula with its "
                     "numbers, click it to open it large in the Decision boundary panel (Back to the decision "
                     "boundary returns). Hidden space places the data points by the outputs of two units of a "
                     "layer you choose: watch the classes come apart as the network learns. View > Optimizer "
                     "state opens a window with every parameter's value, gradient, momentum or Adam's m and √v "
                     "and step; a large block is one summary row, and clicking it opens its matrices as heat maps. "
                     "View > Confusion matrix "
                     "counts, for all, training or test rows, how often each true class (rows) is predicted as "
                     "each class (columns).")),
            (self.tr("Digits"),
             self.tr("With the digits example (8×8 handwritten digits, 10 classes), View > Digits views shows "
                     "the first layer's weights as one 8×8 image per unit (red positive, blue negative), "
                     "redrawn as the network trains. Draw a digit on the pad with the mouse: What the network "
                     "reads shows your drawing scaled and centred into 8×8 cells, as the data's digits were made, "
                     "and the bars show the probability of each class; Clear the pad starts again. Below, the "
                     "gallery shows the test digits the network gets wrong, each captioned true → read and its "
                     "probability, page by page; click one to put it on the pad and see all ten bars.")),
            (self.tr("Go back in time"),
             self.tr("Under the loss curve, the Time slider takes the whole app back to an earlier step of the "
                     "training run: node values and gradients, the decision boundary, the unit maps and the "
                     "other panels show the network as it was then (no undo entry). Now returns to the last "
                     "step; training again also starts from there. Replay from the same start puts back the "
                     "run's first weights and seed: change a setting (the learning rate, the optimizer) and "
                     "train again to compare; the earlier loss curve stays dashed.")),
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
