"""A digits classifier (64-128-64-10 ReLU MLP, softmax cross-entropy, Adam 1e-3, batch 64, 20 epochs)
trained three ways from the same weights and batches: our Tensor engine, PyTorch eager, hand-written numpy.
Prints ms per epoch, the ratios and the test accuracies. Run: python -m benchmarks.bench_digits
"""

from __future__ import annotations

import time

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from engine.losses import softmax_ce
from engine.optim import Adam
from engine.tensor import Tensor
from engine.tensor_nn import MLP

SIZES = (64, 128, 64, 10)
EPOCHS, BATCH, LR = 20, 64, 1e-3


def data():
    """Standardised digits, 75/25 stratified split."""
    X, y = load_digits(return_X_y=True)
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    scaler = StandardScaler().fit(Xtr)
    return scaler.transform(Xtr), scaler.transform(Xte), ytr, yte


def init_weights(seed: int = 0) -> list[np.ndarray]:
    """He-initialised [W1, b1, W2, b2, W3, b3]."""
    rng = np.random.default_rng(seed)
    ws = []
    for nin, nout in zip(SIZES[:-1], SIZES[1:], strict=True):
        ws += [rng.normal(0.0, np.sqrt(2.0 / nin), size=(nin, nout)), np.zeros(nout)]
    return ws


def batches(n: int, seed: int = 0) -> list[list[np.ndarray]]:
    """The same shuffled mini-batch indices for every contender, one list per epoch."""
    rng = np.random.default_rng(seed)
    return [np.array_split(p, range(BATCH, n, BATCH)) for p in (rng.permutation(n) for _ in range(EPOCHS))]


def _forward_np(ws, X):
    h = X
    for i in range(0, len(ws), 2):
        h = h @ ws[i] + ws[i + 1]
        if i < len(ws) - 2:
            h = np.maximum(h, 0.0)
    return h


def train_ours(Xtr, ytr, weights, order):
    """Our engine: MLP, softmax_ce and Adam."""
    model = MLP(64, list(SIZES[1:]), activation="relu")
    for p, w in zip(model.parameters(), weights, strict=True):
        p.data = w.copy()
    opt = Adam(model.parameters(), lr=LR)
    times = []
    for epoch in order:
        t0 = time.perf_counter()
        for idx in epoch:
            loss = softmax_ce(model(Tensor(Xtr[idx], requires_grad=False)), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    return times, [p.data for p in model.parameters()]


def train_torch(Xtr, ytr, weights, order):
    """PyTorch eager in float64 with torch.optim.Adam."""
    import torch

    ps = [torch.tensor(w.copy(), requires_grad=True) for w in weights]
    opt = torch.optim.Adam(ps, lr=LR)
    Xt, yt = torch.tensor(Xtr), torch.tensor(ytr)
    times = []
    for epoch in order:
        t0 = time.perf_counter()
        for idx in epoch:
            ti = torch.from_numpy(idx)
            h = Xt[ti]
            for i in range(0, len(ps), 2):
                h = h @ ps[i] + ps[i + 1]
                if i < len(ps) - 2:
                    h = torch.relu(h)
            loss = torch.nn.functional.cross_entropy(h, yt[ti])
            opt.zero_grad()
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    return times, [p.detach().numpy() for p in ps]


def train_numpy(Xtr, ytr, weights, order):
    """Hand-written forward, backward and Adam in numpy."""
    ws = [w.copy() for w in weights]
    m = [np.zeros_like(w) for w in ws]
    v = [np.zeros_like(w) for w in ws]
    b1, b2, eps, t = 0.9, 0.999, 1e-8, 0
    times = []
    for epoch in order:
        t0 = time.perf_counter()
        for idx in epoch:
            X, y = Xtr[idx], ytr[idx]
            hs, pre = [X], []
            for i in range(0, len(ws), 2):
                z = hs[-1] @ ws[i] + ws[i + 1]
                pre.append(z)
                hs.append(np.maximum(z, 0.0) if i < len(ws) - 2 else z)
            z = hs[-1] - hs[-1].max(1, keepdims=True)
            prob = np.exp(z)
            prob /= prob.sum(1, keepdims=True)
            prob[np.arange(len(y)), y] -= 1.0
            dz = prob / len(y)
            grads = [None] * len(ws)
            for i in range(len(ws) - 2, -1, -2):
                grads[i], grads[i + 1] = hs[i // 2].T @ dz, dz.sum(0)
                if i:
                    dz = (dz @ ws[i].T) * (pre[i // 2 - 1] > 0)
            t += 1
            c1, c2 = 1 - b1**t, 1 - b2**t
            for j, g in enumerate(grads):  # in place, like our Adam and torch.optim.Adam
                m[j] *= b1
                m[j] += (1 - b1) * g
                v[j] *= b2
                v[j] += (1 - b2) * (g * g)
                denom = np.sqrt(v[j])
                denom *= 1 / c2**0.5
                denom += eps
                step = m[j] / denom
                step *= LR / c1
                ws[j] -= step
        times.append(time.perf_counter() - t0)
    return times, ws


def _best_of_3(fn, Xtr, Xte, ytr, yte, weights, order) -> tuple[float, float]:
    """Three full trainings: the fastest median epoch in ms, and the test accuracy."""
    best = None
    for _ in range(3):
        times, ws = fn(Xtr, ytr, weights, order)
        ms = float(np.median(times)) * 1e3
        best = ms if best is None else min(best, ms)
    return best, float(np.mean(_forward_np(ws, Xte).argmax(1) == yte))


def main() -> dict:
    """Train all three, print ms/epoch (median), ratios and test accuracy."""
    Xtr, Xte, ytr, yte = data()
    weights, order = init_weights(), batches(len(Xtr))
    runs = {"ours (Tensor)": train_ours, "hand-written numpy": train_numpy}
    try:
        import torch

        torch.set_num_threads(1)
        runs["PyTorch eager (float64)"] = train_torch
    except ImportError:
        print("torch is not installed: skipping the PyTorch column")
    results = {}
    with threadpool_limits(1):  # one BLAS thread for everyone: small matmuls, shared 2-core machines
        for name, fn in runs.items():
            results[name] = _best_of_3(fn, Xtr, Xte, ytr, yte, weights, order)
    base = results["hand-written numpy"][0]
    print(f"digits: {len(Xtr)} train / {len(Xte)} test, MLP {'-'.join(map(str, SIZES))}, "
          f"Adam {LR}, batch {BATCH}, {EPOCHS} epochs (median epoch, best of 3 trainings, 1 BLAS thread)")
    for name, (ms, acc) in results.items():
        print(f"  {name:<26} {ms:7.2f} ms/epoch  x{ms / base:.2f} vs numpy  test accuracy {acc:.4f}")
    ours_ms, ours_acc = results["ours (Tensor)"]
    line = f"  ours / numpy = {ours_ms / base:.2f} (target <= 1.5); accuracy {ours_acc:.4f} (target >= 0.95)"
    if "PyTorch eager (float64)" in results:
        line += f"; ours / torch = {ours_ms / results['PyTorch eager (float64)'][0]:.2f}"
    print(line)
    return {name: ms for name, (ms, _) in results.items()}


if __name__ == "__main__":
    main()
