"""Training speed: the bare Trainer.step on the digits circuit against the engine's Tensor MLP step, the
memory an undoable training run holds, and the steps per second the app reaches on its timer with the
loss/accuracy and gradient panels on screen.

- Trainer.step on resources/examples/digits.json (64-128-64-10 ReLU, softmax cross-entropy, Adam 1e-3,
  all 1,797 samples a step) next to engine.tensor_nn.MLP taking the same step from the same weights on
  the same data (the first losses must agree); target: the ratio <= 3.
- 200 more steps with an undo History: how much memory the process grows by (tracemalloc).
- Trainer.step on digits as the file trains it: mini-batches of 128 of the 80 % training rows, the test
  rows' loss and accuracy each step, the evaluator refreshed once per timer tick (not per step).
- The app: digits (batches of 128, and full batch) and moons trained by the Train action at set speeds up
  to 200 steps/s; target: the set speed.
Run: .venv/bin/python -m benchmarks.bench_training [--engine] (--engine: skip the window)
"""

from __future__ import annotations

import gc
import os
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXAMPLES = ROOT / "resources" / "examples"
STEPS, ROUNDS = 30, 3


def _median_ms(step, n: int = STEPS) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        step()
        times.append(time.perf_counter() - t)
    return float(np.median(times)) * 1e3


def trainer_ms() -> tuple[float, float]:
    """(median ms per Trainer.step on digits with an undo History, the first loss)."""
    from engine.circuit import io
    from engine.circuit.commands import History
    from engine.circuit.evaluate import Evaluator
    from engine.circuit.training import Trainer

    doc = full_batch(io.load(EXAMPLES / "digits.json"))
    trainer = Trainer(doc, Evaluator(doc), History(doc))
    first = trainer.step()
    trainer.step()
    return _median_ms(trainer.step), first


def full_batch(doc):
    """The digits circuit trained on all 1,797 rows each step (the file trains in batches of 128)."""
    doc.training = {**doc.training, "batch_size": None, "test_share": 0.0}
    return doc


def minibatch_ms() -> float:
    """Median ms per Trainer.step on digits as the file sets it (batch 128, 20 % held out and evaluated
    each step), the evaluator refreshed once per 7 steps as a timer tick at 200 steps/s does."""
    from engine.circuit import io
    from engine.circuit.commands import History
    from engine.circuit.evaluate import Evaluator
    from engine.circuit.training import Trainer

    doc = io.load(EXAMPLES / "digits.json")
    ev = Evaluator(doc)
    trainer = Trainer(doc, ev, History(doc))
    trainer.step()
    times = []
    for _ in range(STEPS // 3):
        t = time.perf_counter()
        with ev.batch_update():
            for _ in range(7):
                trainer.step()
        times.append((time.perf_counter() - t) / 7)
    return float(np.median(times)) * 1e3


def tensor_ms() -> tuple[float, float]:
    """(median ms per step of the Tensor MLP from the circuit's weights on the same data, the first loss)."""
    from engine import datasets
    from engine.circuit import io
    from engine.losses import softmax_ce
    from engine.optim import Adam
    from engine.tensor import Tensor
    from engine.tensor_nn import MLP

    doc = io.load(EXAMPLES / "digits.json")
    dense = [n for n in doc.nodes() if n.kind == "dense"]
    model = MLP(64, [n.params["nout"] for n in dense], activation="relu")
    for layer, node in zip(model.layers, dense, strict=True):
        layer.W.data = np.array(node.params["W"], dtype=np.float64).T.copy()  # the circuit keeps (nout, nin)
        layer.b.data = np.array(node.params["b"], dtype=np.float64)
    X, y = datasets.digits()
    X, y = Tensor(X, requires_grad=False), y.astype(int)
    opt = Adam(model.parameters(), lr=1e-3)
    losses = []

    def step():
        loss = softmax_ce(model(X), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss.data))

    step()
    step()
    return _median_ms(step), losses[0]


def history_mb(steps: int = 200) -> float:
    """MB the process grows by over `steps` more training steps on digits with an undo History (the
    history keeps what it needs to undo the run; the latest result's arrays are replaced each step)."""
    from engine.circuit import io
    from engine.circuit.commands import History
    from engine.circuit.evaluate import Evaluator
    from engine.circuit.training import Trainer

    doc = io.load(EXAMPLES / "digits.json")
    history = History(doc)
    trainer = Trainer(doc, Evaluator(doc), history)
    tracemalloc.start()
    for _ in range(20):  # the history's entry and the latest result exist, at their full size
        trainer.step()
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(steps):
        trainer.step()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert history.can_undo()
    return (after - before) / 2**20


def engine_main() -> dict:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # one BLAS thread for both, as the app trains (gui.playground.controller)
        ours = [trainer_ms() for _ in range(ROUNDS)]
        theirs = [tensor_ms() for _ in range(ROUNDS)]
        mb = history_mb()
        batch_ms = min(minibatch_ms() for _ in range(ROUNDS))
    ours_ms, theirs_ms = min(o[0] for o in ours), min(t[0] for t in theirs)
    assert abs(ours[0][1] - theirs[0][1]) < 1e-9 * max(1.0, abs(theirs[0][1])), (ours[0][1], theirs[0][1])
    print(f"digits, full batch of 1,797, Adam 1e-3, 1 BLAS thread (median of {STEPS} steps, best of {ROUNDS}); "
          f"first loss {ours[0][1]:.6f} both ways")
    print(f"  Trainer.step on the circuit (with undo)  {ours_ms:6.2f} ms")
    print(f"  Tensor MLP step (engine.tensor_nn)       {theirs_ms:6.2f} ms")
    print(f"  ratio {ours_ms / theirs_ms:.2f} (target <= 3)")
    print(f"  memory growth over 200 more steps with an undo history: {mb:.2f} MB")
    print(f"  Trainer.step in batches of 128 + test rows, evaluator once per 7 steps  {batch_ms:6.2f} ms")
    return {"trainer_ms": ours_ms, "tensor_ms": theirs_ms, "history_mb": mb, "batch_ms": batch_ms}


def _window(tmp):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDockWidget

    from gui.main_window import MainWindow

    w = MainWindow(settings=QSettings(str(Path(tmp) / "bench.ini"), QSettings.IniFormat))
    w.resize(1600, 1000)
    w.show()
    loss, grads = (w.findChild(QDockWidget, name) for name in ("dock_loss", "dock_gradients"))
    loss.raise_()  # the loss in front of its tab group, the gradients floating beside: both on screen
    grads.setFloating(True)
    grads.resize(700, 300)
    grads.show()
    return w


def live_rate(app, w, speed: int, seconds: float = 3.0) -> float:
    """Steps per second the Train action reaches at a set speed, with the panels drawing."""
    ctl = w.playground["controller"]
    w.playground["training"].speed.setValue(speed)
    ctl.toggle_training()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < 0.5:  # warm up
        app.processEvents()
    start, t0 = len(ctl.trainer.history), time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        app.processEvents()
    rate = (len(ctl.trainer.history) - start) / (time.perf_counter() - t0)
    ctl.toggle_training()
    return rate


def gui_main() -> dict:
    import tempfile

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        w = _window(tmp)
        for name in ("digits", "digits full batch", "moons"):
            assert w.open(EXAMPLES / f"{name.split()[0]}.json")
            if name == "digits full batch":
                full_batch(w.doc)
            for _ in range(5):
                app.processEvents()
            shown = all(w.playground[p].on_screen() for p in ("loss", "grads"))
            rates = {speed: live_rate(app, w, speed) for speed in (20, 50, 100, 200)}
            out[name] = rates
            print(f"{name} in the app, Train action, loss/accuracy and gradient panels on screen: {shown}; "
                  + ", ".join(f"set {s}/s -> {r:.0f}/s" for s, r in rates.items()), flush=True)
            w.undo_stack.clear()
        w.close()
    return out


def main() -> None:
    engine_main()
    if "--engine" not in sys.argv:
        gui_main()


if __name__ == "__main__":
    main()
