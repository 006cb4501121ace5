"""``build.py check``: validate cross_refs/ and docs/ without building; every problem as ``FILE:LINE: …``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..base.errors import DataError, DataErrors
from ..checks.project import check_project
from ..checks.symlinks import symlinks_leaving
from ..checks.yaml_aliases import aliased_data
from .report import print_problems


def unsafe_to_read(root: Path) -> list[DataError]:
    """What must stop the check before it reads the project: a link out of it, or an alias bomb in the data."""
    return symlinks_leaving(root) + aliased_data(root)


def run_check(root: Path) -> int:
    problems = unsafe_to_read(root) or check_project(root)
    if problems:
        print_problems(DataErrors(problems))
        print("Each message starts FILE:LINE; docs/editors/index.md explains what each one means.", file=sys.stderr)
        return 1
    print("check: all data and pages are valid.")
    return 0
