"""Time travel's memory and cost: the snapshot ring of a digits run (engine/circuit/snapshots.py).

- Memory: a real digits run (64-128-64-10, 17,226 parameters, Adam, batches of 128) trained 1,200 steps
  with its Trainer keeping a snapshot after each one (1,000 recent ones exactly, older ones sparser) and
  its optimizer log (engine/circuit/optim_history.py: each step's row indices, a keyframe of Adam's m and
  v every K steps): the ring's bytes, the log's bytes, their total, and what the process grew by
  (tracemalloc); target: < 150 MB for 1,000 snapshots with the optimizer's state.
- Cost: the median ms per Trainer.step on digits, and the share of it the snapshot takes.
- Scrub: ms to write a snapshot back into the document (what the timeline slider does per move).
- Rebuild: ms to rebuild the optimizer's state (the optimizer table's numbers) at a scrubbed step: at a
  keyframe, half-way between two, the worst case (K - 1 steps after one), and one step on from the last
  rebuild (a slider dragged forward).
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


def memory(checkpoints=(1000, 1200)):
    """(steps, ring MB, log MB, snapshots held, keyframes held, K, process growth MB) at each checkpoint of one
    real digits run; and the trainer (for the rebuild timings)."""
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
            log = trainer.optim_log
            rows.append((k, trainer.snapshots.nbytes / 1e6, log.nbytes(trainer.snapshots) / 1e6,
                         len(trainer.snapshots), len(log.keyframes), log.every, grown / 1e6))
    trainer.end_run()
    tracemalloc.stop()
    return rows, trainer


def rebuild_ms(trainer, repeats: int = 5) -> list[tuple[str, int, float]]:
    """(case, scrubbed step, median ms of optimizer_state(trainer, step)) on a trained digits run, on one BLAS
    thread as the app's optimizer table rebuilds (gui/playground/controller.one_blas_thread)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return _rebuild_ms(trainer, repeats)


def _rebuild_ms(trainer, repeats: int) -> list[tuple[str, int, float]]:
    from engine.optim_state import optimizer_state

    log = trainer.optim_log
    keys = [k.step for k in log.keyframes]
    key = keys[-2]  # a keyframe with another after it
    cases = [("at a keyframe", key), ("half-way between keyframes", key + log.every // 2),
             ("worst case (K - 1 steps after a keyframe)", key + log.every - 1)]
    out = []
    for name, step in cases:
        times = []
        for _ in range(repeats):
            log._cache = None  # from the keyframe, not from the last rebuild
            t = time.perf_counter()
            state = optimizer_state(trainer, step=step)
            times.append(time.perf_counter() - t)
        assert state is not None and state.exact and state.at_step == step
        out.append((name, step, float(np.median(times)) * 1e3))
    times = []
    for step in range(key + 1, key + 1 + 2 * repeats):  # the slider dragged one step at a time
        optimizer_state(trainer, step=step - 1)
        t = time.perf_counter()
        optimizer_state(trainer, step=step)
        times.append(time.perf_counter() - t)
    out.append(("one step on from the last rebuild (dragging)", key + 1, float(np.median(times)) * 1e3))
    return out


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
    rows, trainer = memory()
    for steps, ring_mb, log_mb, held, keys, every, grown_mb in rows:
        total = ring_mb + log_mb
        verdict = "ok" if total < TARGET_MB else "OVER"
        print(f"digits run, {steps} steps: {held} snapshots held, ring {ring_mb:.1f} MB + optimizer log "
              f"{log_mb:.1f} MB "
              f"({keys} keyframes of Adam's m and v, K = {every}, and each step's rows) = {total:.1f} MB "
              f"[{verdict}: target < {TARGET_MB:.0f} MB]; the process grew {grown_mb:.1f} MB")
    for name, step, ms in rebuild_ms(trainer):
        print(f"rebuild the optimizer state at step {step} ({name}): {ms:.1f} ms median")
    step, snap = step_cost()
    print(f"digits Trainer.step: {step:.2f} ms median; the snapshot it records: {snap:.3f} ms ({snap / step:.1%})")
    print(f"scrub (write one digits snapshot into the document): {scrub_ms():.2f} ms median")


if __name__ == "__main__":
    main()
