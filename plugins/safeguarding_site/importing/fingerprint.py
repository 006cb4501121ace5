"""The ``generated_sha256`` line an importer writes into each file, so that it never overwrites an editor's work.

The marker records the hash of the file as generated: if the file no longer matches it, an editor has changed
it, and the importer must not throw that work away (unless told to with --force).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_MD_MARKER = re.compile(r"^generated_sha256: ([0-9a-f]{64})\n", re.MULTILINE)
_YAML_MARKER = re.compile(r"^# generated_sha256: ([0-9a-f]{64})\n", re.MULTILINE)
# recommendations.yaml's fields that the editors own, not the importer (the table has no short titles): they
# are left out of the file's hash, so adding one is not an edit that stops the next import.
EDITOR_FIELDS = ("short_title", "addressed_to", "also_concerns")
_EDITOR_LINES = re.compile(rf"^  (?:{'|'.join(EDITOR_FIELDS)}):.*\n(?:  - .*\n|    .*\n)*", re.MULTILINE)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _owned(path: str, content: str) -> str:
    """The part of ``content`` the importer owns: recommendations.yaml without the editors' fields."""
    return without_editor_fields(content) if path.endswith("recommendations.yaml") else content

def without_editor_fields(text: str) -> str:
    """``text`` without the editors' fields: what the importer itself wrote."""
    return _EDITOR_LINES.sub("", text)


def stamp(path: str, content: str) -> str:
    """``content`` with a marker holding its own hash (computed without the marker)."""
    digest = _digest(_owned(path, content))
    if path.endswith(".md"):
        assert content.startswith("---\n"), "generated pages start with front matter"
        return f"---\ngenerated_sha256: {digest}\n{content[4:]}"
    return f"# generated_sha256: {digest}\n{content}"


def edited_since_generated(path: str, existing: str) -> bool:
    marker = _MD_MARKER if path.endswith(".md") else _YAML_MARKER
    match = marker.search(existing)
    if not match:
        return True  # written or rewritten by hand
    return _digest(_owned(path, existing[: match.start()] + existing[match.end():])) != match.group(1)


def existing_text(target: Path) -> str | None:
    """What is in ``target`` now: None if there is nothing; a file that is not UTF-8 text comes back as
    text with replacement characters, which no fingerprint matches, so it counts as edited."""
    try:
        return target.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    except FileNotFoundError:
        return None


def may_overwrite(path: str, target: Path, content: str, *, force: bool) -> bool | None:
    """True to write ``content``; None when the file already holds it; False when an editor's changes would
    be lost (and ``force`` is not given)."""
    existing = existing_text(target)
    if existing is None:
        return True
    if existing == content:
        return None
    return force or not edited_since_generated(path, existing)
