"""``build.py import``: re-create docs/ pages and cross_refs/ data from sources/, never over an editor's edits."""

from __future__ import annotations

import sys
from pathlib import Path

from ..base.errors import DataError
from ..importing.run import run_import
from .report import print_problems, print_refused


def import_documents(root: Path, *, force: bool) -> int:
    try:
        report = run_import(root, force=force)
    except DataError as exc:
        print_problems(exc)
        print("import: nothing written.", file=sys.stderr)
        return 1
    if report.refused:
        print_refused(report.refused, "import")
        return 1
    for path in report.written:
        print(f"wrote {path}")
    for path in report.kept:
        print(f"kept {path}: its chapters come from the publication (build.py import-working-together)")
    print(f"import: {len(report.written)} written, {len(report.unchanged)} unchanged.")
    return 0
