"""``build.py check``: every validation that needs no rendering, reported all at once."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError, DataErrors
from .site_data import load_site_data


def check_project(root: Path) -> list[DataError]:
    try:
        load_site_data(root / "cross_refs", display_root=root)
    except DataErrors as exc:
        return exc.errors
    except DataError as exc:
        return [exc]
    return []
