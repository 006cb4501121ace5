"""Plain-text views of Markdown, used to check that a quoted phrase really occurs in a text."""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_SPACE = re.compile(r"\s+")


def plain_text(markdown: str) -> str:
    """Markdown with link targets, emphasis markers, list bullets and escapes removed, spaces collapsed.

    Quotes recorded as evidence are compared in this form, so an editor may copy a phrase from the
    rendered page (no asterisks) or from the YAML (with them) and both match.
    """
    text = _LINK.sub(r"\1", markdown)
    for _ in range(2):  # nested emphasis such as ***bold italic***
        text = _EMPHASIS.sub(r"\2", text)
    text = re.sub(r"(?m)^\s*(?:[-*+]|\d+\.)\s+", "", text)
    text = text.replace("\\", "")
    return _SPACE.sub(" ", text).strip()


def contains_quote(markdown: str, quote: str) -> bool:
    """True when ``quote`` occurs word for word in ``markdown``, ignoring markup and line breaks."""
    return plain_text(quote) in plain_text(markdown)
