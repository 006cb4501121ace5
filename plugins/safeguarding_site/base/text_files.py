"""Reading an editor's text file as UTF-8, with a bad byte reported as ``FILE:LINE:COLUMN``, not a byte offset."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError


def undecodable(name: str, data: bytes, exc: UnicodeDecodeError) -> DataError:
    """Where the first byte that is not UTF-8 sits, as an editor's text editor would show it."""
    line = data.count(b"\n", 0, exc.start) + 1
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    # The column counts characters, so decode what precedes the bad byte on its line (it is valid UTF-8).
    column = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
    return DataError(name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} cannot start or continue a "
                     "character): save the file as UTF-8", line=line, column=column)


def read_utf8(path: Path, name: str) -> str:
    """The file's text; DataError naming the file when it is missing, unreadable or not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataError(name, "file not found") from None
    except IsADirectoryError:
        raise DataError(name, "is a folder, not a file") from None
    except OSError as exc:
        raise DataError(name, f"cannot be read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise undecodable(name, data, exc) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as Path.read_text's universal newlines


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all: a full disk or Ctrl+C never leaves half a file."""
    write_files_atomically({path: text})


def write_files_atomically(files: dict[Path, str]) -> None:
    """Write every file whole or none of them: each is written beside its target first, and only when all
    are written are they renamed into place (a rename needs no space, so a full disk stops the first step)."""
    temporaries: dict[Path, Path] = {}
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporaries[path] = temporary
            temporary.write_text(text, encoding="utf-8", newline="\n")
        for path, temporary in temporaries.items():
            os.replace(temporary, path)
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)
