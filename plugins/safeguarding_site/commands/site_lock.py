"""One writer of site/ at a time: an OS lock on ``.site.lock`` beside it, held across build and swap.

``fcntl.flock`` belongs to the open file, so the kernel releases it when the holder exits or is killed
(kill -9 included): a stale lock cannot outlive its build. The holder writes its pid and command into the
file, so a second build can say whom it is waiting for. The lock is re-entrant within one process, because
``bundle`` holds it across both of its builds and each build takes it again.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; builds there are not guarded against each other
    fcntl = None  # type: ignore[assignment]

_held: dict[Path, int] = {}  # lock file -> how many times this process holds it


def lock_path(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.lock")


@contextmanager
def site_lock(site_dir: Path, command: str) -> Iterator[None]:
    """Hold the lock on ``site_dir`` for the block; wait (saying who holds it) while another process has it.

    OSError when the lock file cannot be created (a read-only folder): then site/ cannot be written either.
    """
    path = lock_path(site_dir.resolve())
    if path in _held:
        _held[path] += 1
        try:
            yield
        finally:
            _held[path] -= 1
        return
    fd = _open_lock_file(path)
    try:
        _acquire(fd, path, command)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}: {command}, since {time.strftime('%H:%M:%S')}\n".encode(), 0)
        _held[path] = 1
        try:
            yield
        finally:
            del _held[path]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing releases the flock


def _open_lock_file(path: Path) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _acquire(fd: int, path: Path, command: str) -> None:
    if fcntl is None:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
    site = path.with_name(path.name[1:].removesuffix(".lock"))
    print(f"{command}: waiting for {holder} to finish writing {site}…", file=sys.stderr, flush=True)
    fcntl.flock(fd, fcntl.LOCK_EX)
