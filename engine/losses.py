"""Loss functions on Tensors: thin, shape-checked calls of the registry's loss ops."""

from __future__ import annotations

import numpy as np

from . import ops as _ops
from .errors import ShapeError
from .tensor import Tensor, _apply, _wrap


def _same_shape(name: str, pred: Tensor, target: Tensor) -> None:
    if pred.shape != target.shape:  # (N, 1) against (N,) would silently broadcast to (N, N)
        raise ShapeError(f"{name}: prediction shape {pred.shape} and target shape {target.shape} differ; "
                         "reshape one of them so they match")


def _loss(name: str, pred, target) -> Tensor:
    pred, target = _wrap(pred), _wrap(target)
    _same_shape(name, pred, target)
    return _apply(_ops.get(name), (pred, target), None)


def mse(pred, target) -> Tensor:
    """Mean squared error mean((pred - target)^2)."""
    return _loss("mse", pred, target)


def bce(prob, target) -> Tensor:
    """Binary cross-entropy on probabilities in [0, 1] (log clamped at -100 like PyTorch)."""
    return _loss("bce", prob, target)


def bce_logits(logit, target) -> Tensor:
    """Binary cross-entropy computed stably from logits."""
    return _loss("bce_logits", logit, target)


def hinge(score, target) -> Tensor:
    """Max-margin loss mean(max(0, 1 - target * score)) with targets ±1."""
    return _loss("hinge", score, target)


def softmax_ce(logits, target) -> Tensor:
    """Softmax cross-entropy averaged over the batch; target is class indices (N,) or rows (N, C)."""
    logits = _wrap(logits)
    if isinstance(target, Tensor) and target.ndim == 2:
        _same_shape("softmax_ce", logits, target)
    else:
        labels = np.asarray(target.data if isinstance(target, Tensor) else target)
        if logits.ndim != 2 or labels.shape != logits.shape[:1]:
            if labels.shape == logits.shape:
                return _loss("softmax_ce", logits, target)
            raise ShapeError(f"softmax_ce: logits shape {logits.shape} needs (N, C) with labels of shape (N,) "
                             f"or targets of shape (N, C); got target shape {labels.shape}")
        if labels.dtype.kind not in "iu" and not np.all(labels == np.floor(labels)):
            raise TypeError(f"softmax_ce: class labels must be integers, got dtype {labels.dtype}")
        if labels.size and (labels.min() < 0 or labels.max() >= logits.shape[1]):
            raise ValueError(f"softmax_ce: labels must lie in [0, {logits.shape[1]}), "
                             f"got {labels.min()}..{labels.max()}")
        target = Tensor(labels, requires_grad=False)
    return _apply(_ops.get("softmax_ce"), (logits, _wrap(target)), None)
