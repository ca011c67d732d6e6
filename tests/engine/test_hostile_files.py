"""Hostile files against io.load and `main.py run/check/export` (issue 9, items 6 and 7).

The property, for every attack: a LoadError with a one-line message (the CLI: exit 2 and one line
on stderr), or a circuit that compiles, evaluates and trains a step; never another exception, never
a traceback, never a hang. Seeded (derandomized hypothesis, fixed lists) and fast; the full counts
are in benchmarks/hostile_files.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.circuit import io

from . import hostile_inputs as h

ROOT = Path(__file__).resolve().parents[2]
FAST = settings(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def fast(n: int) -> settings:
    return settings(FAST, max_examples=n)


BUDGET = 30.0  # seconds: a generous bound that only a hang exceeds


def assert_clean(raw, what: str = "") -> str:
    with h.time_budget(BUDGET):
        kind, detail = h.load_outcome(raw)
    assert kind != "traceback", f"{what}\n{detail}"
    return kind


def assert_cli_clean(tmp_path: Path, raw, *commands: tuple[str, ...]) -> list[int]:
    path = tmp_path / "case.json"
    path.write_bytes(raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw)
    codes = []
    for cmd in commands or (("run",),):
        with h.time_budget(BUDGET):
            status, code, err = h.cli_outcome([cmd[0], str(path), *cmd[1:]])
        assert status == "ok", f"{cmd}: exit {code}: {err}"
        codes.append(code)
    return codes


def test_every_truncation_point_of_two_examples_is_a_clean_error():
    kinds = [assert_clean(raw, what) for what, raw in h.truncation_cases()]
    assert kinds.count("loaded") <= 2 and kinds.count("clean") == len(kinds) - kinds.count("loaded")
    assert len(kinds) > 3000


TRUNCATED = list(h.truncation_cases(["moons.json"], step=7))


@fast(25)
@given(st.sampled_from(TRUNCATED))
def test_truncated_files_through_the_cli(tmp_path_factory, case):
    what, raw = case
    codes = assert_cli_clean(tmp_path_factory.mktemp("t"), raw, ("run",), ("check",))
    assert codes == [2, 2], what


WRONG_TYPES = list(h.wrong_type_cases(["L.json", "neuron.json", "moons.json", "mlp_lecture.json", "tensor3x3.json"]))


@fast(250)
@given(st.sampled_from(WRONG_TYPES))
def test_a_wrong_json_type_in_any_field(case):
    assert_clean(case[1], case[0])


@fast(40)
@given(st.sampled_from(WRONG_TYPES))
def test_a_wrong_json_type_in_any_field_through_the_cli(tmp_path_factory, case):
    assert_cli_clean(tmp_path_factory.mktemp("w"), case[1], ("run", "--steps", "1"), ("check",),
                     ("export", "--to", "dot"))


def test_the_field_walk_covers_every_field_of_every_example():
    assert len(WRONG_TYPES) > 3000
    fields = {what.split(" = ")[0].split(" ", 1)[1] for what, _ in WRONG_TYPES}
    for field in ("nodes/0/params", "dataset/params/n", "training/lr", "view/title", "edges/0/port",
                  "params/w/0", "params/W/0/0", "params/column", "slider/2", "format", "version"):
        assert any(f.endswith(field) for f in fields), field


@fast(300)
@given(st.binary(max_size=500))
def test_random_bytes(blob):
    assert assert_clean(blob) == "clean"


def test_flipped_and_random_bytes_and_the_cli(tmp_path):
    cases = list(h.random_byte_cases(200))
    for what, raw in cases:
        assert_clean(raw, what)
    for what, raw in cases[:10]:
        assert assert_cli_clean(tmp_path, raw, ("run",))[0] in (0, 1, 2), what


@pytest.mark.parametrize("case", list(h.nesting_cases()), ids=lambda c: c[0])
def test_deep_nesting_is_refused_before_parsing(case):
    what, text = case
    kind = assert_clean(text, what)
    depth = int(what.rsplit(" ", 1)[1])
    if depth > io.MAX_DEPTH and not what.startswith("string"):
        assert kind == "clean"
        with pytest.raises(io.LoadError, match="nested too deeply"):
            io.loads(text)


NUMBERS = list(h.number_cases())


@fast(80)
@given(st.sampled_from(NUMBERS))
def test_huge_numbers_nan_and_infinity_anywhere(case):
    assert_clean(case[1], case[0])


@pytest.mark.parametrize("tok", h.NUMBER_TOKENS, ids=lambda t: t[:12] + f"_{len(t)}")
def test_every_huge_number_token_in_a_value_through_the_cli(tmp_path, tok):
    text = h.example_text("d.json").replace('"value": 2.0', f'"value": {tok}', 1)
    code = assert_cli_clean(tmp_path, text, ("run",))[0]
    assert (code == 2) == (assert_clean(text) == "clean")  # refused exactly when the loader refuses it
    if tok.lstrip("-").startswith(("NaN", "Infinity", "1e999")) or len(tok) > 4000 and tok.lstrip("-").isdigit():
        assert code == 2


@pytest.mark.parametrize("case", list(h.encoding_cases()), ids=lambda c: c[0])
def test_odd_encodings(tmp_path, case):
    what, raw = case
    kind = assert_clean(raw, what)
    if what in ("utf-16", "utf-32", "utf-8-sig", "utf-16-le with BOM", "utf-16-be with BOM"):
        assert kind == "loaded"  # a byte order mark says how to read it
    if what.startswith(("NUL at", "latin-1", "cp1252", "utf-16-le", "utf-32-le")) and "BOM" not in what:
        assert kind == "clean"
    assert_cli_clean(tmp_path, raw, ("run",), ("check",))


OPS = list(h.op_context_cases())


@fast(150)
@given(st.sampled_from(OPS))
def test_registry_ops_out_of_context(case):
    assert_clean(case[1], case[0])


@fast(25)
@given(st.sampled_from(OPS))
def test_registry_ops_out_of_context_through_the_cli(tmp_path_factory, case):
    assert_cli_clean(tmp_path_factory.mktemp("o"), case[1], ("run",), ("check",))


@pytest.mark.parametrize("case", list(h.size_cases()), ids=lambda c: c[0][:50])
def test_sizes_datasets_and_settings(tmp_path, case):
    what, text = case
    assert_clean(text, what)
    assert_cli_clean(tmp_path, text, ("run", "--steps", "1"))


def test_a_fifo_a_device_and_a_folder_are_refused_before_opening(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    for path, kind in ((fifo, "FIFO"), (link, "FIFO"), (Path("/dev/zero"), "character device"),
                       (tmp_path, "folder")):
        with h.time_budget(BUDGET), pytest.raises(io.LoadError, match=f"it is a.* {kind}.*not a regular file"):
            io.load(path)
        with h.time_budget(BUDGET):
            status, code, err = h.cli_outcome(["run", str(path)])
        assert (status, code) == ("ok", 2) and "not a regular file" in err
    proc = subprocess.run([sys.executable, "main.py", "check", str(fifo)], capture_output=True, text=True,
                          timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "FIFO" in proc.stderr


def test_real_processes_never_print_a_traceback(tmp_path):
    cases = {"deep.json": "[" * 100_000, "nan.json": h.example_text("d.json").replace("2.0", "NaN", 1),
             "utf16.json": h.example_text("d.json").encode("utf-16"), "junk.json": os.urandom(300),
             "digits.json": h.example_text("d.json").replace("2.0", "1" * 50_000, 1)}
    for name, raw in cases.items():
        (tmp_path / name).write_bytes(raw if isinstance(raw, bytes) else raw.encode())
        proc = subprocess.run([sys.executable, "main.py", "run", str(tmp_path / name)], capture_output=True,
                              text=True, timeout=60, cwd=ROOT)
        assert "Traceback" not in proc.stderr and proc.returncode in (0, 2), (name, proc.stderr)
        assert proc.returncode == 0 or proc.stderr.count("\n") == 1, (name, proc.stderr)
