#!/usr/bin/env python3
"""The editors' command line: import, check, build, serve, search, bundle and test the site.

Run it with any Python 3.10+: on first use it creates .venv/ and installs the pinned dependencies there
(requirements.txt and this project), then runs itself inside it. `python3 build.py --help` lists commands.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-requirements"


def _venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _requirements_digest() -> str:
    digest = hashlib.sha256()
    for name in ("requirements.txt", "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def _ensure_venv() -> None:
    """Create or refresh .venv when the pinned requirements change, then re-run this script inside it."""
    python = _venv_python()
    if not python.exists():
        print("build.py: creating .venv (first run) …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _requirements_digest()
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("build.py: installing pinned dependencies into .venv …", file=sys.stderr)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, "-r", str(ROOT / "requirements.txt")], check=True)
        subprocess.run([*pip, "--no-deps", "-e", str(ROOT)], check=True)
        STAMP.write_text(wanted)
    if Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:]])


if __name__ == "__main__":
    _ensure_venv()
    from safeguarding_site.commands.main import main

    sys.exit(main(sys.argv[1:]))
