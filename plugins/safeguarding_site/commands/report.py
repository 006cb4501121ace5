"""How every command prints the problems it found: one ``FILE:LINE: …`` line each, then the count."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from ..base.errors import DataError, DataErrors


def print_problems(exc: DataError | DataErrors) -> None:
    errors = exc.errors if isinstance(exc, DataErrors) else [exc]
    for error in errors:
        print(str(error), file=sys.stderr)
    print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found.", file=sys.stderr)


def print_refused(paths: Iterable[object], command: str) -> None:
    """The files an import would not overwrite because an editor has changed them, and that nothing was written."""
    for path in paths:
        print(f"{path}: edited since it was imported; not overwritten (use --force to replace it)", file=sys.stderr)
    print(f"{command}: nothing written.", file=sys.stderr)
