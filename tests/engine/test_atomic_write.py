"""Atomic writes (engine.atomic_write): a save or export killed at any moment leaves the old file or
the whole new one; the file keeps its mode; symlinks stay symlinks; stale temp files are cleaned up."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from engine.atomic_write import SUFFIX, atomic_write, remove_stale, temp_files
from engine.circuit import io
from engine.circuit.document import Circuit

ROOT = Path(__file__).resolve().parents[2]


def big_doc(value: float, width: int = 300) -> Circuit:
    """A document of a few MB (a dense layer), tagged by value so two versions differ everywhere."""
    doc = Circuit()
    W = [[value + i * 1e-3 + j * 1e-7 for j in range(width)] for i in range(width)]
    doc.add_node(doc.make_node("dense", label="layer", params={"nin": width, "nout": width, "W": W,
                                                               "b": [value] * width}))
    doc.add_node(doc.make_node("input", label="x", value=value))
    return doc


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_the_file_keeps_its_mode_and_a_new_one_gets_the_umask_mode(tmp_path):
    path = tmp_path / "c.json"
    io.save(big_doc(1.0, 3), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~_umask()  # not mkstemp's 0600
    for mode in (0o644, 0o600, 0o640, 0o664):
        path.chmod(mode)
        io.save(big_doc(2.0, 3), path)
        assert stat.S_IMODE(path.stat().st_mode) == mode
    assert io.load(path).by_label("x").value == 2.0


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "c.json"
    real.parent.mkdir()
    io.save(big_doc(1.0, 3), real)
    real.chmod(0o644)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    io.save(big_doc(5.0, 3), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert io.load(real).by_label("x").value == 5.0 and stat.S_IMODE(real.stat().st_mode) == 0o644
    assert not temp_files(real) and not [p for p in tmp_path.iterdir() if p.name.endswith(SUFFIX)]


def test_stale_temps_of_that_target_are_removed_and_others_kept(tmp_path):
    target = tmp_path / "c.json"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    stale = tmp_path / f".c.json.{dead_pid}.abcd1234{SUFFIX}"
    live = tmp_path / f".c.json.{os.getppid()}.efgh5678{SUFFIX}"  # a running process: maybe writing now
    other = tmp_path / f".d.json.{dead_pid}.ijkl9012{SUFFIX}"  # another file's temp
    for p in (stale, live, other):
        p.write_text("half a fi")
    atomic_write(target, "{}")
    assert not stale.exists() and live.exists() and other.exists() and target.read_text() == "{}"
    assert remove_stale(target) == 0


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "c.txt"
    target.write_text("old")
    from engine.atomic_write import replacing

    with pytest.raises(RuntimeError), replacing(target) as tmp:
        tmp.write_text("new, half")
        raise RuntimeError("the writer failed half way")
    assert target.read_text() == "old" and not temp_files(target)
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path, "x")


WRITER = textwrap.dedent("""
    import os
    import sys
    import time
    sys.path.insert(0, {root!r})
    from engine import atomic_write, cli
    from engine.circuit import io
    from tests.engine.test_atomic_write import big_doc

    def announced(path, data):  # says "writing" the moment the real write starts
        print("writing", flush=True)
        return atomic_write.atomic_write(path, data)

    def slow_fsync(fd, real=os.fsync):  # a slow disk: the write stays open long enough to be killed in
        time.sleep(0.05)
        real(fd)

    io.atomic_write = cli.atomic_write = announced
    os.fsync = slow_fsync
    mode, out, a, b = sys.argv[1:5]
    docs = [big_doc(1.0), big_doc(2.0)]
    k = 0
    while True:
        if mode == "save":
            io.save(docs[k % 2], out)
        else:
            cli.main(["export", (a, b)[k % 2], "--to", "dot", "-o", out])
        k += 1
""")


@pytest.mark.parametrize("mode", ["save", "export"])
def test_writes_killed_mid_way_leave_the_old_or_the_new_file(tmp_path, mode):
    """A writer process saves (or exports) two versions in turn and is SIGKILLed a random moment
    (seeded) after a write began (its fsync is slowed like a slow disk's): the file is always one
    complete version, never a truncated mix, and the next write removes the temps killed ones left."""
    src = [tmp_path / "a.json", tmp_path / "b.json"]
    for p, v in zip(src, (1.0, 2.0), strict=True):
        io.save(big_doc(v), p)
    out = tmp_path / ("out.json" if mode == "save" else "out.dot")
    if mode == "save":
        versions = {p.read_bytes() for p in src}
        io.save(big_doc(1.0), out)
    else:
        from engine.export import FORMATS

        versions = {FORMATS["dot"](io.load(p)).encode() for p in src}
        out.write_bytes(sorted(versions)[0])
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)))
    rng = random.Random(20261202)
    interrupted = 0
    for _ in range(6):
        proc = subprocess.Popen([sys.executable, str(script), mode, str(out), *map(str, src)],
                                stdout=subprocess.PIPE, cwd=ROOT)
        for _ in range(rng.randint(1, 2)):
            assert proc.stdout.readline().strip() == b"writing"
        time.sleep(rng.uniform(0.0, 0.06))  # inside the write, or after it (the new version)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert out.read_bytes() in versions  # complete: byte-for-byte one of the two versions
        interrupted += bool(temp_files(out))  # killed between creating its temp file and the replace
    print(f"{mode}: {interrupted} of 6 kills landed inside a write")
    assert interrupted >= 1  # the kills did land inside writes
    if mode == "save":
        io.save(big_doc(3.0), out)  # the next save of that file removes what killed saves left
    else:
        atomic_write(out, "x = 1\n")
    assert not temp_files(out)
