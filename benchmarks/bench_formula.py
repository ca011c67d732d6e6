"""How fast the formula field refuses hostile text (issue 9 asks for under 0.1 s) and builds formulas at its bounds.

Times every formula of the test suite's hostile catalogue (best of 3) and 3,000 random hostile texts
(nesting, sums, soups, huge literals, random unicode), and prints the worst refusal.
Run: python -m benchmarks.bench_formula
"""

from __future__ import annotations

import random
import time

from engine.expr import ExpressionError, circuit_from_expression
from tests.engine.test_expr_hostile import HOSTILE


def timed(text: str) -> tuple[float, bool]:
    """(best of 3 seconds, refused?)."""
    best, refused = float("inf"), False
    for _ in range(3):
        t0 = time.perf_counter()
        try:
            circuit_from_expression(text)
        except ExpressionError:
            refused = True
        best = min(best, time.perf_counter() - t0)
    return best, refused


def random_texts(rng: random.Random, n: int):
    soup = list("()+-*/ .,=;\n~%@<>[]{}'\"\\#") + ["**", "x", "1", "tanh", "max", "9" * 30]
    for _ in range(n):
        kind = rng.randrange(5)
        if kind == 0:
            k = rng.randrange(10_000)
            yield rng.choice(["(", "tanh(", "-", "[", "x**"]) * k + "x" + ")" * k
        elif kind == 1:
            yield rng.choice(["+", "*", "-", "**", "; y="]).join([rng.choice(["x", "a*b", "tanh(x)"])] *
                                                              rng.randrange(1, 5000))
        elif kind == 2:
            yield "".join(rng.choice(soup) for _ in range(rng.randrange(3000)))
        elif kind == 3:
            yield rng.choice(["", "y = ", "0x", "-"]) + "9" * rng.randrange(1, 9000) + rng.choice(["", "e400", " * x"])
        else:
            yield "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(2000)))


def main() -> None:
    worst = (0.0, "")
    for name, text in HOSTILE.items():
        seconds, refused = timed(text)
        assert refused, name
        worst = max(worst, (seconds, name))
        print(f"{name:40s} {seconds * 1000:7.2f} ms")
    rng = random.Random(9)
    count, fuzz_worst = 0, (0.0, "")
    for text in random_texts(rng, 3000):
        t0 = time.perf_counter()
        try:
            circuit_from_expression(text)
        except ExpressionError:
            fuzz_worst = max(fuzz_worst, (time.perf_counter() - t0, text[:40]))
        count += 1
    print(f"worst catalogue refusal: {worst[0] * 1000:.2f} ms ({worst[1]})")
    print(f"worst of {count} random hostile texts: {fuzz_worst[0] * 1000:.2f} ms ({fuzz_worst[1]!r})")
    for name, text in [("240-line program", "; ".join(f"y{i} = y{i - 1} * x" if i else "y0 = x*x" for i in range(240))),
                       ("120-term weighted sum", "y = " + " + ".join(f"x{i}*w{i}" for i in range(120)))]:
        print(f"builds {name}: {timed(text)[0] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
