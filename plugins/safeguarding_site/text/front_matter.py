"""A page's front matter: the YAML between ``---`` lines at its top, found exactly as MkDocs finds it."""

from __future__ import annotations

import re

# mkdocs.utils.meta.YAML_RE, character for character: the build takes front matter off with it, so every
# reader here must agree with it (tests/test_front_matter.py compares the two).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_DOCUMENT_KEY = re.compile(r"^document:[ \t]*['\"]?([\w.-]+)['\"]?[ \t]*$", re.MULTILINE)


def front_matter(text: str) -> tuple[str | None, int]:
    """The front matter's YAML (or None) and the number of lines it takes, closing line included."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, 0
    return match.group(1), match.group(0).count("\n")


def front_matter_end(text: str) -> int:
    """Where the text after the front matter's closing line starts (0 when there is none)."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


def body_offset(text: str) -> int:
    """Where the page's Markdown starts once MkDocs has taken its front matter off (blank lines after it too)."""
    end = front_matter_end(text)
    return len(text) - len(text[end:].lstrip("\n")) if end else 0


def document_key(text: str) -> str | None:
    """The ``document:`` key of the page's front matter, without a YAML parser (the key is one word)."""
    match = FRONT_MATTER.match(text)
    found = _DOCUMENT_KEY.search(match.group(1)) if match else None
    return found.group(1) if found else None
