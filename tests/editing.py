"""An editor's change, made by a test in a copy of the project: replace text, find the line it is on."""

from __future__ import annotations

import hashlib
from pathlib import Path


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace the first ``count`` occurrences of ``old`` with ``new``; return the line the first was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}: the test's fixture text has changed"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The line number of the ``occurrence``-th line holding ``needle``."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} is on {len(hits)} lines of {path.name}"
    return hits[occurrence - 1]


def add_to_progress_update(recommendations: Path, number: int, markdown: str) -> int:
    """Put ``markdown`` as the first line of recommendation ``number``'s progress_2010; return that line's number."""
    text = recommendations.read_text(encoding="utf-8")
    block = "  progress_2010: |-\n"
    start = text.index(block, text.index(f"- id: {number}\n")) + len(block)
    recommendations.write_text(f"{text[:start]}    {markdown}\n{text[start:]}", encoding="utf-8")
    return text[:start].count("\n") + 1


def file_hashes(folder: Path, *, folders: bool = False) -> dict[str, str]:
    """Every file under ``folder`` (and every folder, if asked) with its SHA-256: equal means byte-for-byte equal."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
            for p in sorted(folder.rglob("*")) if folders or p.is_file()}
