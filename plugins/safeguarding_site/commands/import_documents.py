"""``build.py import``: re-create docs/ pages and cross_refs/ data from sources/, never over an editor's edits."""

from __future__ import annotations

import sys
from pathlib import Path

from ..importing.run import run_import


def import_documents(root: Path, *, force: bool) -> int:
    report = run_import(root, force=force)
    if report.refused:
        for path in report.refused:
            print(f"{path}: edited since it was imported; not overwritten (use --force to replace it)",
                  file=sys.stderr)
        print("import: nothing written.", file=sys.stderr)
        return 1
    for path in report.written:
        print(f"wrote {path}")
    for path in report.kept:
        print(f"kept {path}: its chapters come from the publication (build.py import-working-together)")
    print(f"import: {len(report.written)} written, {len(report.unchanged)} unchanged.")
    return 0
