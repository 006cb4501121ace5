"""Running `build.py build` as the editors do, in a copy of the project, and comparing what it published."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from editing import file_hashes
from project_copy import ROOT

COMMIT_TIME = "1268784000"  # a fixed date, so every build of the copy is byte-identical


def start_build(project: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": COMMIT_TIME}
    # As from a terminal, Ctrl+C interrupts the build: a shell's background job (CI may run us as one) starts
    # with SIGINT ignored, and the build would inherit that and never see the tests' Ctrl+C.
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(project), "build", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=_interruptible if os.name == "posix" else None)


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``, with each file's SHA-256: equal trees are byte-for-byte equal."""
    return file_hashes(folder, folders=True)


def leftovers(project: Path) -> list[str]:
    """What a build may leave beside site/: only its lock file."""
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site") and p.name != ".site.lock")
