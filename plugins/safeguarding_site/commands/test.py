"""``build.py test``: every test, browser tests included (Debian's chromium is installed when missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def ensure_chromium() -> None:
    """The browser tests drive Debian's chromium; install it when missing and we may (root, apt)."""
    if shutil.which("chromium") or not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid():
        return
    print("test: installing Debian's chromium for the browser tests …", file=sys.stderr)
    quiet = {"stdout": subprocess.DEVNULL}
    subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, **quiet,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def run_tests(root: Path, pytest_args: list[str]) -> int:
    ensure_chromium()
    return subprocess.call([sys.executable, "-m", "pytest", *pytest_args], cwd=root)
