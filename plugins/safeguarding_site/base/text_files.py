"""Reading an editor's text file as UTF-8, with a bad byte reported as ``FILE:LINE:COLUMN``, not a byte offset."""

from __future__ import annotations

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
