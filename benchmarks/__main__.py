"""Run every benchmark: python -m benchmarks (each bench_*.py module's main(), in turn)."""

import importlib
import pkgutil
from pathlib import Path

if __name__ == "__main__":
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            print(f"\n=== {info.name} ===", flush=True)
            try:
                importlib.import_module(f"benchmarks.{info.name}").main()
            except ImportError as exc:  # an anchor (torch, micrograd) is not installed
                print(f"skipped: {exc}")
