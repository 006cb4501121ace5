"""A copy of the project's inputs in a temporary folder, for tests that edit them or build from them."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("cross_refs", "docs", "overrides", "sources", "mkdocs.yml")


def copy_project(target: Path, inputs: tuple[str, ...] = INPUTS) -> Path:
    for name in inputs:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True)
        elif source.exists():
            shutil.copy(source, target / name)
    return target
