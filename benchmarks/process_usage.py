"""Run one command and record its wall time, CPU time and peak memory (its own and its children's)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# Holds sitecustomize.py, which makes each Python process of the command report its own peak memory.
_PEAK_REPORTER = Path(__file__).resolve().parent / "peak_memory"


@dataclass(frozen=True)
class Usage:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    peak_rss_mb: float | None  # the largest resident set of the process or any of its (Python) children
    returncode: int


def run_measured(command: list[str], *, cwd: Path, env: dict[str, str], log: Path, timeout: float) -> Usage:
    """Run ``command`` to completion, its output going to ``log``; raise if it fails or overruns."""
    with log.open("wb") as out, tempfile.TemporaryDirectory(prefix="bench-peak-") as peaks:
        path = os.pathsep.join(filter(None, [str(_PEAK_REPORTER), env.get("PYTHONPATH", "")]))
        env = {**env, "BENCH_PEAK_DIR": peaks, "PYTHONPATH": path}
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        # A timer rather than Popen.wait(timeout): wait4 is what gives this child's own rusage.
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(process.pid, 0)
                wall = time.perf_counter() - start
                process.returncode = os.waitstatus_to_exitcode(status)
                reported = [int(p.read_text()) for p in Path(peaks).iterdir() if p.read_text().strip().isdigit()]
                if reported:  # KiB, each Python process's own peak
                    peak = max(reported) / 1024
                else:  # Linux reports ru_maxrss in KiB, macOS in bytes (and there it counts no parent)
                    peak = usage.ru_maxrss / (1024 * 1024 if os.uname().sysname == "Darwin" else 1024)
                result = Usage(wall, usage.ru_utime + usage.ru_stime, peak, process.returncode)
            else:  # Windows: no rusage, so no CPU time or memory figure
                code = process.wait()
                wall = time.perf_counter() - start
                result = Usage(wall, wall, None, code)
        finally:
            timer.cancel()
    if result.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command[:6])} … failed with status {result.returncode}; "
                           f"the end of {log}:\n{tail}")
    if wall >= timeout:
        raise RuntimeError(f"{' '.join(command[:6])} … was stopped after {timeout:.0f} s")
    return result
