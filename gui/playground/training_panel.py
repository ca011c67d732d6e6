"""Training settings (optimizer, learning rate, goal, what moves, speed), the one line that says what
the next gradient step will do, and the dataset / shown-sample choice."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QSpinBox

from engine import datasets, features
from engine.circuit import data_fit, probe
from engine.circuit.stop import StopRule
from engine.circuit.training import DEFAULTS, Plan, step_plan
from engine.commands import Macro, SetDocAttr

from ..panel import Panel
from .feature_buttons import FeatureButtons

MAX_NAMES = 6  # the line names this many nodes, then "and N more"
DEFAULT_TEST_SHARE = 0.2  # a dataset chosen here holds out this share for testing (seed 002's validation_split)
MOVES = {"auto": None, "weights": False, "all": True}  # the "What moves" choice -> the train_inputs setting


class TrainingPanel(Panel):
    """Edits doc.training and doc.dataset through commands; the controller reads them. The goal and what
    moves follow the circuit unless chosen here (engine.circuit.training.step_plan)."""

    results = ()  # the accuracy follows every result at once (one label); the plan line follows edits
    QUIET = ("value_changed", "node_moved", "slider_changed")  # edits that cannot change the plan

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.undo, self.ctl = session.undo, session.controller
        self.plan_line = QLabel()
        self.plan_line.setWordWrap(True)
        self.plan_line.setObjectName("training_plan")
        self.optimizer = QComboBox()
        for key, text in (("sgd", self.tr("SGD")), ("momentum", self.tr("SGD with momentum")), ("adam", "Adam")):
            self.optimizer.addItem(text, key)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 10.0)
        self.lr.setSingleStep(0.01)
        self.objective = QComboBox()
        self.objective.addItem(self.tr("Follow the circuit"), "auto")
        self.objective.addItem(self.tr("Lower the output (minimise)"), "minimize")
        self.objective.addItem(self.tr("Raise the output (maximise)"), "maximize")
        self.objective.setToolTip(self.tr("Follow the circuit: a loss node (mse, bce, cross-entropy, hinge) is "
                                          "lowered; any other output is raised, as in the lecture."))
        self.moves = QComboBox()
        self.moves.addItem(self.tr("Follow the circuit"), "auto")
        self.moves.addItem(self.tr("Weights and blocks"), "weights")
        self.moves.addItem(self.tr("Inputs, weights and blocks"), "all")
        self.moves.setToolTip(self.tr("Follow the circuit: a loss is lowered by moving weights and blocks only; "
                                      "any other circuit nudges every input and weight too, as the lecture "
                                      "does with a.data += 0.01 * a.grad."))
        self.speed = QSpinBox()
        self.speed.setRange(1, 1000)
        self.speed.setSuffix(self.tr(" steps/s"))
        self.speed.setValue(20)
        self.stop_kind, self.stop_value = QComboBox(), QDoubleSpinBox()
        self.stop_kind.setObjectName("stop_kind")
        for key, text in (("none", self.tr("never")), ("loss_below", self.tr("loss below")),
                          ("accuracy_above", self.tr("accuracy above")), ("steps", self.tr("steps done"))):
            self.stop_kind.addItem(text, key)
        self.stop_kind.setToolTip(self.tr("Training on the timer (F9) pauses by itself when this is reached: the "
                                          "loss below a value, the accuracy (on the test rows if any) above a "
                                          "percentage, or a number of steps of this run."))
        self.stop_kind.currentIndexChanged.connect(self._stop_kind_edited)
        self.stop_value.valueChanged.connect(self._stop_edited)
        self._stop_kind_edited()
        self.batch = QSpinBox()
        self.batch.setObjectName("batch_size")
        self.batch.setRange(0, 100000)
        self.batch.setSpecialValueText(self.tr("full batch"))  # 0: every training row in each step
        self.batch.setToolTip(self.tr("Rows per gradient step; the training rows are shuffled once per epoch "
                                      "(seeded). Full batch: every training row in each step."))
        self.test_share = QSpinBox()
        self.test_share.setObjectName("test_share")
        self.test_share.setRange(0, 90)
        self.test_share.setSuffix(" %")
        self.test_share.setToolTip(self.tr("Rows held out of training (seeded); the loss and accuracy plots "
                                           "show their loss and accuracy dashed."))
        self.dataset = QComboBox()
        self.dataset.addItem(self.tr("(none)"), None)
        for name, text in datasets.DESCRIPTIONS.items():
            self.dataset.addItem(name, name)
            self.dataset.setItemData(self.dataset.count() - 1, text, 3)  # tooltip role
        self.sample = QSpinBox()
        self.sample.setRange(-1, 100000)
        self.sample.setSpecialValueText(self.tr("batch mean"))
        self.sample.setValue(-1)  # the nodes show the batch mean until a sample is chosen
        self.accuracy = QLabel("—")
        form = QFormLayout(self)
        form.addRow(self.plan_line)
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.lr)
        form.addRow(self.tr("Goal"), self.objective)
        form.addRow(self.tr("What moves"), self.moves)
        form.addRow(self.tr("Speed"), self.speed)
        stop = QHBoxLayout()
        stop.addWidget(self.stop_kind)
        stop.addWidget(self.stop_value, 1)
        form.addRow(self.tr("Stop when"), stop)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Test share"), self.test_share)
        form.addRow(self.tr("Dataset"), self.dataset)
        self.features = FeatureButtons(self.doc, self.undo, session.status)
        form.addRow(self.tr("Features"), self.features)
        form.addRow(self.tr("Shown sample"), self.sample)
        form.addRow(self.tr("Accuracy"), self.accuracy)
        for box in (self.optimizer, self.objective, self.moves):
            box.currentIndexChanged.connect(self._settings_edited)
        self.lr.editingFinished.connect(self._settings_edited)
        for spin in (self.batch, self.test_share):
            spin.editingFinished.connect(self._settings_edited)
        self.speed.valueChanged.connect(self.ctl.set_speed)
        self.dataset.currentIndexChanged.connect(self._dataset_edited)
        self.sample.valueChanged.connect(self._sample_edited)
        for event in ("training_changed", "dataset_changed", "document_reset"):
            self.listen(self.doc.events[event], self.sync)
        self.listen(self.doc.events.all, self._edited)  # the line names nodes and follows the circuit's output
        self.listen(self.ev.events.evaluated, self._show_accuracy)
        self.sync()
        self._show_accuracy()

    def _edited(self, info) -> None:
        if info.signal.name not in self.QUIET:
            self.schedule()  # drawn once after a burst of edits (a training step), and only while shown

    def settings(self) -> dict:
        return {**DEFAULTS, **(self.doc.training or {})}

    def sync(self) -> None:
        """Model -> widgets."""
        s = self.settings()
        blockers = [QSignalBlocker(w) for w in (self.optimizer, self.lr, self.objective, self.moves, self.dataset,
                                                self.batch, self.test_share)]
        self.optimizer.setCurrentIndex(max(self.optimizer.findData(s["optimizer"]), 0))
        self.lr.setValue(float(s["lr"]))
        self.objective.setCurrentIndex(max(self.objective.findData(s["objective"] or "auto"), 0))
        moves = {None: "auto", False: "weights", True: "all"}.get(s["train_inputs"], "auto")
        self.moves.setCurrentIndex(max(self.moves.findData(moves), 0))
        self.batch.setValue(int(s["batch_size"] or 0))
        self.test_share.setValue(round(100 * float(s["test_share"] or 0.0)))
        name = (self.doc.dataset or {}).get("name")
        self.dataset.setCurrentIndex(max(self.dataset.findData(name), 0))
        del blockers
        self.features.sync()
        self.schedule()

    def _settings_edited(self) -> None:
        new = {**(self.doc.training or {}), "optimizer": self.optimizer.currentData(), "lr": self.lr.value(),
               "objective": self.objective.currentData(), "train_inputs": MOVES[self.moves.currentData()],
               "batch_size": self.batch.value() or None, "test_share": self.test_share.value() / 100.0}
        for key in ("objective", "train_inputs", "batch_size"):  # following the circuit / full batch: left out
            if new[key] in (None, "auto"):
                del new[key]
        if not new["test_share"]:
            del new["test_share"]
        if new != self.doc.training:
            self.undo.push(SetDocAttr("training", new))
            self.undo.seal()
            self.ctl.restart_training()  # new settings: the next step starts a fresh optimizer

    STOP_RANGES = {"none": (0, 0, 0, 1.0, ""), "loss_below": (4, 0.0, 1e6, 0.05, ""),
                   "accuracy_above": (1, 0.0, 100.0, 95.0, " %"), "steps": (0, 1, 10**7, 500, "")}

    def _stop_kind_edited(self) -> None:
        """A new kind of stop condition: its range, unit and a sensible value (this window's, not the file's)."""
        decimals, low, high, value, suffix = self.STOP_RANGES[self.stop_kind.currentData()]
        with QSignalBlocker(self.stop_value):
            self.stop_value.setDecimals(decimals)
            self.stop_value.setRange(low, high)
            self.stop_value.setSuffix(suffix)
            self.stop_value.setValue(value)
        self.stop_value.setEnabled(self.stop_kind.currentData() != "none")
        self._stop_edited()

    def _stop_edited(self) -> None:
        kind, value = self.stop_kind.currentData(), self.stop_value.value()
        self.ctl.stop_rule = StopRule(kind, value / 100.0 if kind == "accuracy_above" else value)

    def _dataset_edited(self) -> None:
        name = self.dataset.currentData()
        new = None if name is None else {"name": name, "params": {}}
        old = {k: v for k, v in (self.doc.dataset or {}).items() if k != "features"} or None
        if new != old:
            edits, dropped, notes = data_fit.choose(self.doc, new)  # its features come along; the network fits
            if new is not None and "test_share" not in (self.doc.training or {}):  # hold out 20 %, as seed 002
                edits.append(SetDocAttr("training", {**(self.doc.training or {}), "test_share": DEFAULT_TEST_SHARE}))
            self.undo.seal()
            self.undo.push(Macro(self.tr("choose dataset"), edits) if len(edits) > 1 else edits[0])
            self.undo.seal()
            gone = ", ".join(features.label(f) for f in dropped)
            said = [self.tr("{name} has no x1, x2 to compute {features} from: they were taken out with their "
                            "data nodes").format(name=name or self.tr("(none)"), features=gone)] if dropped else []
            said += [self.say(note, name) for note in notes]
            if said:
                self.session.status("; ".join(said) + ". " + self.tr("Undo (Ctrl+Z) puts the old ones back."))

    def say(self, note: tuple, name: str) -> str:
        """One of data_fit's notes in words."""
        kind, label, n = note
        if kind == "reads":
            return self.tr("{layer} now reads the {n} columns of {name} (new weights)").format(layer=label, n=n,
                                                                                             name=name)
        if kind == "logits":
            return self.tr("{layer} now gives {n} logits, one per class (new weights)").format(layer=label, n=n)
        loss = {"softmax_ce": self.tr("softmax cross-entropy")}.get(label, label)
        if kind == "labels":
            return self.tr("{name} labels its points {values}, which a {loss} loss does not read as classes "
                           "(hinge: -1/+1, BCE: 0/1, cross-entropy: 0, 1, 2...)").format(name=name, values=n, loss=loss)
        return self.tr("{name} has {n} classes but a {loss} loss separates two: use a softmax cross-entropy with "
                       "one logit per class").format(name=name, n=n, loss=loss)

    def _sample_edited(self, value: int) -> None:
        self.display.set_sample(None if value < 0 else value)

    def refresh(self) -> None:
        """The line saying what the next gradient step does (also the Gradient step action's tooltip)."""
        self._dirty = False
        plan = step_plan(self.doc)
        text = self.describe(plan)
        if text != self.plan_line.text():
            self.plan_line.setText(text)
            self.plan_line.setToolTip(self.why(plan))
            self.ctl.actions["grad_step"].setToolTip(text)
            self.ctl.actions["grad_step"].setStatusTip(text)

    def _show_accuracy(self) -> None:
        """The share of samples the circuit classifies right now (classifier circuits only)."""
        acc = probe.current_accuracy(self.ev)
        self.accuracy.setText("—" if acc is None else f"{acc:.1%}")

    def describe(self, plan: Plan) -> str:
        """One line: what the next gradient step changes, by how much, and to what end."""
        if plan.root is None:
            return self.tr("Next step: none (the circuit needs exactly one output).")
        if not plan.targets:
            what = (self.tr("inputs, weights or blocks") if plan.train_inputs else self.tr("weights or blocks"))
            return self.tr("Next step: nothing to move (the circuit has no {what}).").format(what=what)
        names = ", ".join(plan.targets[:MAX_NAMES])
        if len(plan.targets) > MAX_NAMES:
            names = self.tr("{names} and {n} more").format(names=names, n=len(plan.targets) - MAX_NAMES)
        raise_ = plan.objective == "maximize"
        if plan.optimizer == "sgd" and raise_:
            text = self.tr("Next step: nudges {names} by {lr} × gradient to raise {root}.")
        elif plan.optimizer == "sgd":
            text = self.tr("Next step: moves {names} by −{lr} × gradient to lower {root}.")
        elif plan.optimizer == "momentum":
            text = (self.tr("Next step: moves {names} with momentum {mu} (learning rate {lr}) to raise {root}.")
                    if raise_ else
                    self.tr("Next step: moves {names} with momentum {mu} (learning rate {lr}) to lower {root}."))
        else:
            text = (self.tr("Next step: moves {names} with Adam (learning rate {lr}) to raise {root}.") if raise_ else
                    self.tr("Next step: moves {names} with Adam (learning rate {lr}) to lower {root}."))
        return text.format(names=names, lr=f"{plan.lr:g}", mu=f"{plan.momentum:g}", root=plan.root)

    def why(self, plan: Plan) -> str:
        """Why the goal and what moves are what they are (the line's tooltip)."""
        if not (plan.goal_follows or plan.moves_follow):
            return self.tr("Goal and what moves are set in this panel.")
        if plan.loss_root:
            return self.tr("{root} is a loss node, so by default a step lowers it by moving weights and "
                           "blocks.").format(root=plan.root)
        return self.tr("{root} is not a loss node, so by default a step is the lecture's nudge: every input "
                       "and weight moves along its gradient to raise {root}.").format(root=plan.root)
