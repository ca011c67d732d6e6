"""When a training run stops by itself: the loss below a value, the accuracy above one, or N steps done."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("none", "loss_below", "accuracy_above", "steps")


@dataclass(frozen=True)
class StopRule:
    kind: str = "none"
    value: float = 0.0  # the loss bound, the accuracy (0..1) or the number of steps

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"stop condition must be one of {', '.join(KINDS)}, got {self.kind!r}")
        if self.kind == "accuracy_above" and not 0.0 <= self.value <= 1.0:
            raise ValueError(f"stop accuracy must be between 0 and 1, got {self.value}")
        if self.kind == "steps" and not self.value >= 1:
            raise ValueError(f"stop after N steps needs N >= 1, got {self.value}")


def reached(rule: StopRule, trainer, steps_done: int) -> str | None:
    """A one-line reason if the run should stop now, else None.

    steps_done counts the steps of this run; the loss and accuracy are the trainer's latest (the held-out
    test accuracy when the run has a test split, else the training accuracy)."""
    if rule.kind == "steps":
        return f"stopped: {steps_done} steps done" if steps_done >= int(rule.value) else None
    if rule.kind == "loss_below":
        if trainer.history and trainer.history[-1] < rule.value:
            return f"stopped: loss {trainer.history[-1]:.4g} is below {rule.value:g}"
        return None
    if rule.kind == "accuracy_above":
        accs, which = (trainer.test_accuracy, "test accuracy") if trainer.test_accuracy else (trainer.accuracy,
                                                                                              "accuracy")
        if accs and accs[-1] > rule.value:
            return f"stopped: {which} {accs[-1]:.1%} is above {rule.value:.1%}"
    return None
