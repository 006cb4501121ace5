"""``build.py check``: validate cross_refs/ and docs/ without building; every problem as ``FILE:LINE: …``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..base.errors import DataErrors
from ..checks.project import check_project
from .report import print_problems


def run_check(root: Path) -> int:
    problems = check_project(root)
    if problems:
        print_problems(DataErrors(problems))
        print("Each message starts FILE:LINE; docs/editors/index.md explains what each one means.", file=sys.stderr)
        return 1
    print("check: all data and pages are valid.")
    return 0
