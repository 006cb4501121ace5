"""``build.py serve``: MkDocs's live-reload preview, rendering again only the pages an edit changes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def serve_command(root: Path, dev_addr: str, *, full: bool = False) -> list[str]:
    """`mkdocs serve`, rendering again only the pages an edit changes unless ``full`` (see serve/rebuilds.py)."""
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "--dev-addr", dev_addr,
            *([] if full else ["--dirty"])]


def run_serve(root: Path, dev_addr: str, *, full: bool = False) -> int:
    return subprocess.call(serve_command(root, dev_addr, full=full), cwd=root)
