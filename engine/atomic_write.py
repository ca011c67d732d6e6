"""Write files so that a crash or a kill at any moment leaves either the old file or the whole new one.

The new content goes to a temporary file in the same folder (named `.NAME.PID.RANDOM.bpp-tmp`),
is flushed and fsync'ed, then os.replace puts it in place and the folder itself is fsync'ed so the
rename survives a power cut. The file keeps its permission bits (a new one gets the usual umask
mode), a symlink is written through to its target (the link stays a link), and temporary files of
the same target left by killed earlier writes (their process is gone) are removed first.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

SUFFIX = ".bpp-tmp"


def atomic_write(path, data: bytes | str, encoding: str = "utf-8") -> Path:
    """Replace the file at path with data (text is encoded); returns the path really written."""
    raw = data.encode(encoding) if isinstance(data, str) else bytes(data)
    with replacing(path) as tmp:
        with open(tmp, "wb") as f:
            f.write(raw)
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def replacing(path):
    """Yield a temporary path in the target's folder; when the block ends, its content replaces the
    target atomically (nothing changes if the block raises). For writers that want a file name (Qt)."""
    target = Path(os.path.realpath(path))
    if target.exists() and not target.is_file():
        raise IsADirectoryError(21, "not a regular file", str(path))
    remove_stale(target)
    mode = _mode_of(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=SUFFIX, dir=target.parent)
    try:
        os.fchmod(fd, mode)
        os.close(fd)
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)


def temp_files(target: Path) -> list[Path]:
    """Temporary files of this target (from writes in progress or killed ones)."""
    prefix = f".{target.name}."
    try:
        names = os.listdir(target.parent)
    except OSError:
        return []
    return [target.parent / n for n in names if n.startswith(prefix) and n.endswith(SUFFIX)
            and n[len(prefix):-len(SUFFIX)].split(".")[0].isdigit()]


def remove_stale(target: Path) -> int:
    """Delete this target's temporary files whose writing process no longer runs; returns how many."""
    removed = 0
    for tmp in temp_files(target):
        pid = int(tmp.name[len(target.name) + 2:].split(".")[0])
        if pid != os.getpid() and _alive(pid):
            continue  # another process is writing it right now
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _mode_of(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it (and put it back at once)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the rename itself is done
        pass
    finally:
        os.close(fd)
