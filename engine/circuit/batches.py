"""Held-out split and mini-batches of a circuit's dataset, as seed 002's MNIST lesson trains
(model.fit(..., batch_size=128, validation_split=0.2)).

- split(n, test_share, seed): the rows held out for testing and the rows trained on; disjoint,
  seeded (the same file gives the same split after save and load), both sorted.
- Batches: the training rows shuffled once per epoch (seeded by (seed, epoch)), cut into batches of
  `size` rows; the last batch of an epoch may be smaller (as Keras does). size None: every step is
  the whole training split.
"""

from __future__ import annotations

import numpy as np


def split(n: int, test_share: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(train rows, test rows) of n rows: round(n * test_share) rows held out, chosen by a seeded
    permutation; at least one row is kept for training."""
    n_test = min(int(round(n * float(test_share or 0.0))), max(n - 1, 0))
    order = np.random.default_rng([int(seed), n]).permutation(n)
    return np.sort(order[n_test:]), np.sort(order[:n_test])


def epoch_order(rows: np.ndarray, seed: int, epoch: int) -> np.ndarray:
    """The training rows in the order epoch `epoch` visits them."""
    return np.random.default_rng([int(seed), int(epoch)]).permutation(rows)


class Batches:
    """The next mini-batch of training rows, step after step."""

    def __init__(self, rows: np.ndarray, size: int | None, seed: int = 0):
        self.rows = np.asarray(rows)
        self.size = None if size is None or size >= len(self.rows) else int(size)
        self.seed = int(seed)
        self.epoch = 0  # epochs started so far
        self._order: np.ndarray | None = None
        self._pos = 0

    def next(self) -> np.ndarray:
        """The row indices of the next batch."""
        if self.size is None:
            return self.rows
        if self._order is None or self._pos >= len(self._order):
            self._order, self._pos = epoch_order(self.rows, self.seed, self.epoch), 0
            self.epoch += 1
        batch = self._order[self._pos:self._pos + self.size]
        self._pos += self.size
        return batch
