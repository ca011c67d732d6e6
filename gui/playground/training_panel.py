"""Training settings (optimizer, learning rate, objective, speed) and the dataset / shown-sample choice."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QSpinBox

from engine import datasets
from engine.circuit import probe
from engine.commands import SetDocAttr

from ..panel import Panel


class TrainingPanel(Panel):
    """Edits doc.training and doc.dataset through commands; the controller reads them."""

    results = ()  # the accuracy is one label, cheap enough to follow every result at once

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.undo, self.ctl = session.undo, session.controller
        self.optimizer = QComboBox()
        for key, text in (("sgd", self.tr("SGD")), ("momentum", self.tr("SGD with momentum")), ("adam", "Adam")):
            self.optimizer.addItem(text, key)
        self.lr = QDoubleSpinBox()
        self.lr.setDecimals(4)
        self.lr.setRange(0.0001, 10.0)
        self.lr.setSingleStep(0.01)
        self.objective = QComboBox()
        self.objective.addItem(self.tr("Minimise the loss"), "minimize")
        self.objective.addItem(self.tr("Maximise the output"), "maximize")
        self.inputs = QCheckBox(self.tr("Nudge inputs too (the lecture's step)"))
        self.inputs.setToolTip(self.tr("Move inputs along their gradients as well as weights, as the lecture "
                                       "does with a.data += 0.01 * a.grad."))
        self.speed = QSpinBox()
        self.speed.setRange(1, 1000)
        self.speed.setSuffix(self.tr(" steps/s"))
        self.speed.setValue(20)
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
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.lr)
        form.addRow(self.tr("Goal"), self.objective)
        form.addRow(self.inputs)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow(self.tr("Dataset"), self.dataset)
        form.addRow(self.tr("Shown sample"), self.sample)
        form.addRow(self.tr("Accuracy"), self.accuracy)
        for box in (self.optimizer, self.objective):
            box.currentIndexChanged.connect(self._settings_edited)
        self.inputs.toggled.connect(self._settings_edited)
        self.lr.editingFinished.connect(self._settings_edited)
        self.speed.valueChanged.connect(self.ctl.set_speed)
        self.dataset.currentIndexChanged.connect(self._dataset_edited)
        self.sample.valueChanged.connect(self._sample_edited)
        for event in ("training_changed", "dataset_changed", "document_reset"):
            self.listen(self.doc.events[event], self.sync)
        self.sync()
        self.listen(self.ev.events.evaluated, self.refresh)
        self.refresh()

    def settings(self) -> dict:
        from engine.circuit.training import DEFAULTS

        return {**DEFAULTS, **(self.doc.training or {})}

    def sync(self) -> None:
        """Model -> widgets."""
        s = self.settings()
        blockers = [QSignalBlocker(w) for w in (self.optimizer, self.lr, self.objective, self.dataset, self.inputs)]
        self.optimizer.setCurrentIndex(max(self.optimizer.findData(s["optimizer"]), 0))
        self.lr.setValue(float(s["lr"]))
        self.objective.setCurrentIndex(max(self.objective.findData(s["objective"]), 0))
        self.inputs.setChecked(bool(s.get("train_inputs")))
        name = (self.doc.dataset or {}).get("name")
        self.dataset.setCurrentIndex(max(self.dataset.findData(name), 0))
        del blockers

    def _settings_edited(self) -> None:
        new = {**(self.doc.training or {}), "optimizer": self.optimizer.currentData(), "lr": self.lr.value(),
               "objective": self.objective.currentData(), "train_inputs": self.inputs.isChecked()}
        if new != self.doc.training:
            self.undo.push(SetDocAttr("training", new))
            self.undo.seal()
            self.ctl.restart_training()  # new settings: the next step starts a fresh optimizer

    def _dataset_edited(self) -> None:
        name = self.dataset.currentData()
        new = None if name is None else {"name": name, "params": {}}
        if new != self.doc.dataset:
            self.undo.push(SetDocAttr("dataset", new))
            self.undo.seal()

    def _sample_edited(self, value: int) -> None:
        self.display.set_sample(None if value < 0 else value)

    def refresh(self) -> None:
        """The share of samples the circuit classifies right now (classifier circuits only)."""
        self._dirty = False
        acc = probe.current_accuracy(self.ev)
        self.accuracy.setText("—" if acc is None else f"{acc:.1%}")
