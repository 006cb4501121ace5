"""Plain-text views of Markdown, used to check that a quoted phrase really occurs in a text."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE)


def plain_text(markdown: str) -> str:
    """Markdown with link targets, emphasis markers, list bullets and escapes removed, spaces collapsed.

    Quotes recorded as evidence are compared in this form, so an editor may copy a phrase from the
    rendered page (no asterisks) or from the YAML (with them) and both match.
    """
    text = _LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    for _ in range(2):  # nested emphasis such as ***bold italic***
        if "*" not in text and "_" not in text:
            break
        text, count = _EMPHASIS.subn(r"\2", text)
        if not count:  # a second pass over the same text would find nothing either
            break
    text = _BULLET.sub("", text)
    text = text.replace("\\", "")
    # The same as replacing each run of \s with one space and stripping: str.split's whitespace is re's \s.
    return " ".join(text.split())


def contains_quote(markdown: str, quote: str) -> bool:
    """True when ``quote`` occurs word for word in ``markdown``, ignoring markup and line breaks."""
    return plain_text(quote) in plain_text(markdown)
