"""Time travel's memory and cost: the snapshot ring of a digits run (engine/circuit/snapshots.py).

- Memory: a real digits run (64-128-64-10, 17,226 parameters, Adam, batches of 128) trained 1,200 steps
  with its Trainer keeping a snapshot after each one (1,000 recent ones exactly, older ones sparser):
  the ring's bytes and what the process grew by (tracemalloc); target: < 150 MB for 1,000 snapshots.
- Cost: the median ms per Trainer.step on digits, and the share of it the snapshot takes.
- Scrub: ms to write a snapshot back into the document (what the timeline slider does per move).
Run: .venv/bin/python -m benchmarks.bench_snapshots
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXAMPLES = ROOT / "resources" / "examples"
TARGET_MB = 150.0


def digits_trainer():
    from engine.circuit import io
    from engine.circuit.commands import History
    from engine.circuit.evaluate import Evaluator
    from engine.circuit.training import Trainer

    doc = io.load(EXAMPLES / "digits.json")
    return doc, Trainer(doc, Evaluator(doc), History(doc))


def memory(checkpoints=(1000, 1200)) -> list[tuple[int, float, float, int]]:
    """(steps, ring MB, process growth MB, snapshots held) at each checkpoint of one real digits run."""
    doc, trainer = digits_trainer()
    trainer.step()  # compile and warm up outside the measurement
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    trainer.begin_run("bench")
    rows = []
    for k in range(2, max(checkpoints) + 1):
        trainer.step()
        if k in checkpoints:
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - base
            rows.append((k, trainer.snapshots.nbytes / 1e6, grown / 1e6, len(trainer.snapshots)))
    trainer.end_run()
    tracemalloc.stop()
    return rows


def step_cost(n: int = 40) -> tuple[float, float]:
    """(median ms per digits Trainer.step, median ms of the snapshot it records)."""
    from engine.circuit.snapshots import SnapshotRing, vector_of

    _, trainer = digits_trainer()
    trainer.step()
    steps, snaps = [], []
    ring = SnapshotRing()
    for k in range(n):
        t = time.perf_counter()
        trainer.step()
        steps.append(time.perf_counter() - t)
        t = time.perf_counter()
        ring.record(k, trainer._layout, vector_of(trainer._params))
        snaps.append(time.perf_counter() - t)
    return float(np.median(steps)) * 1e3, float(np.median(snaps)) * 1e3


def scrub_ms(n: int = 40) -> float:
    """Median ms to write a digits snapshot into the document (the evaluator told once, as the slider does)."""
    from engine.circuit.snapshots import apply

    doc, trainer = digits_trainer()
    for _ in range(5):
        trainer.step()
    times = []
    for k in range(n):
        snap = trainer.snapshots.at(k % 5)
        t = time.perf_counter()
        with trainer.ev.batch_update():
            apply(doc, snap.layout, snap.vector)
        times.append(time.perf_counter() - t)
    return float(np.median(times)) * 1e3


def main() -> None:
    for steps, ring_mb, grown_mb, held in memory():
        print(f"digits run, {steps} steps: {held} snapshots held, ring {ring_mb:.1f} MB, process grew "
              f"{grown_mb:.1f} MB (target: 1,000 snapshots < {TARGET_MB:.0f} MB)")
    step, snap = step_cost()
    print(f"digits Trainer.step: {step:.2f} ms median; the snapshot it records: {snap:.3f} ms ({snap / step:.1%})")
    print(f"scrub (write one digits snapshot into the document): {scrub_ms():.2f} ms median")


if __name__ == "__main__":
    main()
