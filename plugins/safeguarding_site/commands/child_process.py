"""MkDocs runs as a child process of build.py; it must never outlive it (a stray `mkdocs serve` holds the port)."""

from __future__ import annotations

import ctypes
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def dies_with_parent(signum: int = signal.SIGKILL, acts_on: tuple[int, ...] = ()) -> Callable[[], None] | None:
    """A ``preexec_fn``: the kernel sends the child ``signum`` when build.py dies, even by kill -9 (Linux only;
    elsewhere a killed build.py may leave MkDocs running).

    ``acts_on``: signals build.py passes on to the child, which must not ignore them. A process started with
    a signal ignored (``nohup``, or a job a CI runner starts in the background) hands that on through exec,
    so `mkdocs serve` would ignore the SIGHUP build.py forwards and keep the port.
    """
    linux = sys.platform.startswith("linux")
    if not linux and not acts_on:
        return None

    def set_up_child() -> None:
        for forwarded in acts_on:
            signal.signal(forwarded, signal.SIG_DFL)
        if linux:
            ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signum)

    return set_up_child
