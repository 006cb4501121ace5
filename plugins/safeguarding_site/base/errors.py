"""The one error type the core raises for bad input: it always names the file and the entry."""

from __future__ import annotations


class DataError(Exception):
    """A problem in an editor's data, reported as ``FILE:LINE: entry: message``."""

    def __init__(self, file: str, message: str, *, line: int | None = None, entry: str | None = None,
                 column: int | None = None):
        self.file = file
        self.line = line
        self.column = column  # only where the line alone is not enough (a stray byte in a long line)
        self.entry = entry
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.entry}: {self.message}" if self.entry else f"{where}: {self.message}"


class DataErrors(Exception):
    """Several problems found in one pass, so an editor can fix them all at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class Problems:
    """Collects every problem in a pass over the data, so one run reports them all."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, file: str, message: str, *, line: int | None = None, entry: str | None = None) -> None:
        self.errors.append(DataError(file, message, line=line, entry=entry))

    def extend(self, errors: list[DataError]) -> None:
        self.errors.extend(errors)

    def guarded(self, loader, *args):
        """``loader(*args)``, or None with its error recorded: a YAML syntax error stops that file, but the
        other files are still checked in the same run."""
        try:
            return loader(*args)
        except DataError as exc:
            self.errors.append(exc)
            return None

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(sorted(self.errors, key=lambda e: (e.file, e.line or 0)))
