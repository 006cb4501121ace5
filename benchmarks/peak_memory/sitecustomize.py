"""Loaded by every Python process of a measured command (run_measured puts this folder on PYTHONPATH).

On exit each process writes the peak memory of its own image: VmHWM from /proc/self/status, in KiB, to a
file named after its process id in BENCH_PEAK_DIR. Linux's ru_maxrss is no use here: a child's figure
includes the memory of the process it was forked from (the benchmark runner, which holds the scaled
data), so a small build reported the runner's size instead of its own.
"""

from __future__ import annotations

import atexit
import os

_OUT = os.environ.get("BENCH_PEAK_DIR")


def _report() -> None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            peak = next((line.split()[1] for line in status if line.startswith("VmHWM:")), None)
        if peak is not None and _OUT:
            with open(os.path.join(_OUT, str(os.getpid())), "w", encoding="ascii") as out:
                out.write(peak)
    except OSError:
        pass  # not Linux: run_measured falls back to ru_maxrss


if _OUT:
    atexit.register(_report)
