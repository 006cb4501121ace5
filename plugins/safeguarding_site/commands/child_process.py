"""MkDocs runs as a child process of build.py; it must never outlive it (a stray `mkdocs serve` holds the port)."""

from __future__ import annotations

import ctypes
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def dies_with_parent(signum: int = signal.SIGKILL) -> Callable[[], None] | None:
    """A ``preexec_fn``: the kernel sends the child ``signum`` when build.py dies, even by kill -9 (Linux only;
    elsewhere None, and a killed build.py may leave MkDocs running)."""
    if not sys.platform.startswith("linux"):
        return None

    def set_death_signal() -> None:
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signum)

    return set_death_signal
