"""Shared helpers of the benchmarks."""

import time


def per_call_ms(fn, repeat: int = 30) -> float:
    fn()
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return 1000.0 * (time.perf_counter() - t0) / repeat
