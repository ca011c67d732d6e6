"""Hostile circuit files at full count: a table per category of tried, clean errors, loaded fine,
tracebacks and hangs (not part of the test suite; the suite runs a seeded sample of the same cases).

    python -m benchmarks.hostile_files            # every category
    python -m benchmarks.hostile_files nesting    # one category; -v prints each failure

Each case is loaded in-process (engine.circuit.io.loads, the evaluator, one training step), and
written to a file that `main.py run`, `run --steps 2`, `check` and `export --to python` read
in-process (every 5th wrong-type case); special paths (a FIFO,
devices, a directory) also go through real subprocesses. A case that runs past BUDGET seconds is a hang.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.engine import hostile_inputs as h  # noqa: E402

BUDGET = 20.0
CATEGORIES = {
    "truncation": lambda: h.truncation_cases([p.name for p in h.EXAMPLE_FILES if p.stat().st_size < 10_000]),
    "wrong types": lambda: h.wrong_type_cases(),
    "random bytes": lambda: h.random_byte_cases(1500),
    "nesting": h.nesting_cases,
    "huge numbers": h.number_cases,
    "encodings": h.encoding_cases,
    "ops out of context": h.op_context_cases,
    "sizes and settings": h.size_cases,
}
CLI_EVERY = {"wrong types": 5}  # the CLI reads every 5th of these (each is loaded in-process)
COMMANDS = (["run"], ["run", "--steps", "2"], ["check"], ["export", "--to", "python"])


def _one(raw, path: Path, cli_too: bool) -> tuple[str, str]:
    try:
        with h.time_budget(BUDGET):
            kind, detail = h.load_outcome(raw)
        if kind == "traceback" or not cli_too:
            return kind, detail
        path.write_bytes(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
        for argv in COMMANDS:
            with h.time_budget(BUDGET):
                status, code, err = h.cli_outcome(argv[:1] + [str(path)] + argv[1:])
            if status != "ok":
                return "traceback", f"{' '.join(argv)} -> {code}: {err}"
        return kind, detail
    except h.Hang as exc:
        return "hang", str(exc)


def run_category(name: str, cases, tmp: Path, verbose: bool, cli_every: int = 1) -> dict:
    row = {"tried": 0, "clean": 0, "loaded": 0, "traceback": 0, "hang": 0}
    start = time.perf_counter()
    for i, (what, raw) in enumerate(cases):
        kind, detail = _one(raw, tmp / "case.json", cli_too=i % cli_every == 0)
        row["tried"] += 1
        row[kind] += 1
        if verbose and kind in ("traceback", "hang"):
            print(f"--- {name}: {what}: {kind}\n{detail.strip()[-1500:]}")
    row["seconds"] = time.perf_counter() - start
    return row


def special_paths(tmp: Path, verbose: bool) -> dict:
    """A FIFO (nobody writing), devices, a directory, a missing file, a symlink to a FIFO: in-process
    and through a real `main.py run` subprocess."""
    fifo = tmp / "pipe.json"
    os.mkfifo(fifo)
    link = tmp / "link.json"
    link.symlink_to(fifo)
    targets = [fifo, link, Path("/dev/zero"), Path("/dev/urandom"), Path("/dev/null"), tmp, tmp / "missing.json"]
    row = {"tried": 0, "clean": 0, "loaded": 0, "traceback": 0, "hang": 0}
    for target in targets:
        for argv in (["run", str(target)], ["check", str(target)]):
            row["tried"] += 2
            try:
                with h.time_budget(BUDGET):
                    status, code, err = h.cli_outcome(argv)
                row["clean" if status == "ok" and code == 2 else "traceback"] += 1
            except h.Hang:
                row["hang"] += 1
            try:
                proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True,
                                      timeout=BUDGET, cwd=ROOT)
                ok = proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
                row["clean" if ok else "traceback"] += 1
                if verbose and not ok:
                    print(f"--- special {argv}: {proc.returncode} {proc.stderr[-800:]}")
            except subprocess.TimeoutExpired:
                row["hang"] += 1
                if verbose:
                    print(f"--- special {argv}: hang")
    return row


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    wanted = [a for a in argv if not a.startswith("-")]
    rows = {}
    with tempfile.TemporaryDirectory(prefix="bpp-hostile-") as tmp:
        tmp = Path(tmp)
        for name, make in CATEGORIES.items():
            if wanted and not any(w in name for w in wanted):
                continue
            rows[name] = run_category(name, make(), tmp, verbose, cli_every=CLI_EVERY.get(name, 1))
            print(f"{name}: {rows[name]}", file=sys.stderr)
        if not wanted or any(w in "special paths" for w in wanted):
            rows["special paths"] = special_paths(tmp, verbose)
    print(f"{'category':<20} {'tried':>7} {'clean errors':>13} {'loaded fine':>12} {'tracebacks':>11} {'hangs':>6}")
    for name, r in rows.items():
        print(f"{name:<20} {r['tried']:>7} {r['clean']:>13} {r['loaded']:>12} {r['traceback']:>11} {r['hang']:>6}")
    total = {k: sum(r[k] for r in rows.values()) for k in ("tried", "clean", "loaded", "traceback", "hang")}
    print(f"{'total':<20} {total['tried']:>7} {total['clean']:>13} {total['loaded']:>12} {total['traceback']:>11} "
          f"{total['hang']:>6}")
    return 1 if total["traceback"] or total["hang"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
