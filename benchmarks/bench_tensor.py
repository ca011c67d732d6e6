"""micrograd's moons demo (2-16-16-1 ReLU MLP, hinge loss, 100 SGD steps) three ways, side by side.

Our Tensor engine, PyTorch eager (batched, float64) and hand-written numpy start from the same weights;
the script prints ms per 100-step training run, the ratios between them and the final losses.
Run: python -m benchmarks.bench_tensor
"""

from __future__ import annotations

import time

import numpy as np
from sklearn.datasets import make_moons

from engine.losses import hinge
from engine.tensor import Tensor
from engine.tensor_nn import MLP

SIZES = (2, 16, 16, 1)
STEPS = 100
ALPHA = 1e-4


def data():
    """The moons data set of micrograd's demo, labels mapped to ±1 as a column."""
    X, y = make_moons(n_samples=100, noise=0.1, random_state=1)
    return X.astype(np.float64), (2.0 * y - 1.0).reshape(-1, 1)


def init_weights(seed: int = 0) -> list[np.ndarray]:
    """He-initialised [W1, b1, W2, b2, W3, b3]; each contender gets a copy."""
    rng = np.random.default_rng(seed)
    ws = []
    for nin, nout in zip(SIZES[:-1], SIZES[1:], strict=True):
        ws += [rng.normal(0.0, np.sqrt(2.0 / nin), size=(nin, nout)), np.zeros(nout)]
    return ws


def lr_at(k: int) -> float:
    return 1.0 - 0.9 * k / 100


def train_ours(X, y, weights, composed: bool = False) -> float:
    """Our Tensor engine; composed=True writes the hinge as mean(relu(1 - y * score)) op by op."""
    model = MLP(2, list(SIZES[1:]), activation="relu")
    params = model.parameters()
    for p, w in zip(params, weights, strict=True):
        p.data = w.copy()
    Xt, yt = Tensor(X, requires_grad=False), Tensor(y, requires_grad=False)
    for k in range(STEPS):
        scores = model(Xt)
        data_loss = (1.0 - yt * scores).relu().mean() if composed else hinge(scores, yt)
        loss = data_loss + ALPHA * sum((p * p).sum() for p in params)
        model.zero_grad()
        loss.backward()
        lr = lr_at(k)
        for p in params:
            p.data -= lr * p.grad
    return loss.item()


def train_torch(X, y, weights) -> float:
    """PyTorch eager, the same batched computation in float64."""
    import torch

    params = [torch.tensor(w, dtype=torch.float64, requires_grad=True) for w in weights]
    Xt, yt = torch.tensor(X), torch.tensor(y)
    for k in range(STEPS):
        h = Xt
        for i in range(0, len(params), 2):
            h = h @ params[i] + params[i + 1]
            if i < len(params) - 2:
                h = torch.relu(h)
        loss = torch.relu(1.0 - yt * h).mean() + ALPHA * sum((p * p).sum() for p in params)
        for p in params:
            p.grad = None
        loss.backward()
        with torch.no_grad():
            lr = lr_at(k)
            for p in params:
                p -= lr * p.grad
    return float(loss)


def train_numpy(X, y, weights) -> float:
    """Hand-written forward and backward passes in numpy (the speed floor)."""
    W1, b1, W2, b2, W3, b3 = (w.copy() for w in weights)
    n = X.shape[0]
    for k in range(STEPS):
        z1 = X @ W1 + b1
        a1 = np.maximum(z1, 0.0)
        z2 = a1 @ W2 + b2
        a2 = np.maximum(z2, 0.0)
        s = a2 @ W3 + b3
        margin = 1.0 - y * s
        reg = sum(float(np.sum(w * w)) for w in (W1, b1, W2, b2, W3, b3))
        loss = np.maximum(margin, 0.0).mean() + ALPHA * reg
        ds = -y * (margin > 0) / n
        dW3, db3 = a2.T @ ds, ds.sum(0)
        dz2 = (ds @ W3.T) * (z2 > 0)
        dW2, db2 = a1.T @ dz2, dz2.sum(0)
        dz1 = (dz2 @ W2.T) * (z1 > 0)
        dW1, db1 = X.T @ dz1, dz1.sum(0)
        lr = lr_at(k)
        for w, g in ((W1, dW1), (b1, db1), (W2, dW2), (b2, db2), (W3, dW3), (b3, db3)):
            w -= lr * (g + 2.0 * ALPHA * w)
    return float(loss)


def best_ms(fn, *args, repeats: int = 7) -> tuple[float, float]:
    """Fastest of several runs in ms, and the function's last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn(*args)
        best = min(best, (time.perf_counter() - t0) * 1e3)
    return best, result


def main() -> dict:
    """Time the three implementations and print their ratios."""
    X, y = data()
    weights = init_weights()
    rows = {"ours (Tensor, hinge op)": best_ms(train_ours, X, y, weights),
            "ours (Tensor, relu(1-y*s).mean())": best_ms(lambda *a: train_ours(*a, composed=True), X, y, weights),
            "hand-written numpy": best_ms(train_numpy, X, y, weights)}
    try:
        import torch

        torch.set_num_threads(1)
        rows["PyTorch eager (float64)"] = best_ms(train_torch, X, y, weights)
    except ImportError:
        print("torch is not installed: skipping the PyTorch column")
    base = rows["hand-written numpy"][0]
    ours = rows["ours (Tensor, hinge op)"][0]
    print(f"moons: {STEPS} SGD steps, MLP {'-'.join(map(str, SIZES))}, batch 100 (best of 7 runs)")
    for name, (ms, loss) in rows.items():
        print(f"  {name:<36} {ms:8.2f} ms  ({ms / STEPS * 1e3:6.1f} us/step)  final loss {loss:.10f}"
              f"  x{ms / base:.2f} vs numpy")
    if "PyTorch eager (float64)" in rows:
        torch_ms = rows["PyTorch eager (float64)"][0]
        print(f"  ours / numpy = {ours / base:.2f} (target <= 2.0); ours / torch = {ours / torch_ms:.2f} (target < 1)")
    return {name: ms for name, (ms, _) in rows.items()}


if __name__ == "__main__":
    main()
