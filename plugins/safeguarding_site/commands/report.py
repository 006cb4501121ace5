"""How every command prints the problems it found: one ``FILE:LINE: …`` line each, then the count."""

from __future__ import annotations

import sys

from ..base.errors import DataError, DataErrors


def print_problems(exc: DataError | DataErrors) -> None:
    errors = exc.errors if isinstance(exc, DataErrors) else [exc]
    for error in errors:
        print(str(error), file=sys.stderr)
    print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found.", file=sys.stderr)
