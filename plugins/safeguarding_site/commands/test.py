"""``build.py test``: every test, browser tests included (Debian's packages they need are installed when missing)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# What the tests need from Debian, by the file that shows it is there: the browser for the browser tests, and
# the DejaVu fonts the Working Together sample PDFs are written in (tests/importing/working_together_samples.py).
DEBIAN_PACKAGES = {
    "chromium": "/usr/bin/chromium",
    "fonts-dejavu-core": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "fonts-dejavu-extra": "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
}


def ensure_debian_packages() -> None:
    """Install what is missing of DEBIAN_PACKAGES, when we may (root, apt)."""
    missing = [name for name, path in DEBIAN_PACKAGES.items() if not Path(path).exists()]
    if not missing or not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid():
        return
    print(f"test: installing {', '.join(missing)} from Debian for the tests …", file=sys.stderr)
    quiet = {"stdout": subprocess.DEVNULL}
    subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False, **quiet,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def run_tests(root: Path, pytest_args: list[str]) -> int:
    ensure_debian_packages()
    return subprocess.call([sys.executable, "-m", "pytest", *pytest_args], cwd=root)
