"""``build.py import-working-together PATH``: the official PDF of Working Together to chapter pages."""

from __future__ import annotations

import sys
from pathlib import Path

from ..base.errors import DataError, DataErrors
from ..importing.working_together_import import run_import_working_together
from .report import print_refused


def import_working_together(root: Path, path: Path, out: Path | None, *, force: bool) -> int:
    out = out if out is not None else root / "docs" / "working-together"
    try:
        report = run_import_working_together(root, path, out, force=force)
    except DataErrors as errors:
        for error in errors.errors:
            print(error, file=sys.stderr)
        print("import-working-together: nothing written.", file=sys.stderr)
        return 1
    except DataError as error:
        print(error, file=sys.stderr)  # one line: a malformed or oversized file stops here
        print("import-working-together: nothing written.", file=sys.stderr)
        return 1
    if report.refused:
        print_refused(report.refused, "import-working-together")
        return 1
    for written in report.written:
        print(f"wrote {written}")
    chapters = ", ".join(str(n) for n in report.chapters) or "none"
    parts = f" and {', '.join(report.parts)}" if report.parts else ""
    print(f"import-working-together: chapters {chapters}{parts}; {len(report.written)} written, "
          f"{len(report.unchanged)} unchanged.")
    if report.set_aside_lines:
        print(f"import-working-together: {report.set_aside_lines} lines outside the chapters, the executive "
              "summary, preface, glossary and appendices were not imported (no page opens with their heading).")
    return 0
