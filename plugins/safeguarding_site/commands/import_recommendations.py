"""``build.py import-recommendations``: parse a table in the Annex A layout into recommendations YAML."""

from __future__ import annotations

from pathlib import Path

from ..base.errors import DataError
from ..importing.recommendations_yaml import import_recommendations
from .report import print_problems


def run_import_recommendations(path: Path, out: Path, *, force: bool = False) -> int:
    try:
        count = import_recommendations(path, out, force=force)
    except DataError as exc:
        print_problems(exc)
        return 1
    print(f"import-recommendations: {count} recommendations written to {out}")
    return 0
