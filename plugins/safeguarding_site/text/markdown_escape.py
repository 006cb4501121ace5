"""Putting editors' plain text into generated Markdown so that it shows exactly as written."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]>#|{}])")


def escape(text: str) -> str:
    """``text`` with every character Markdown could read as markup backslash-escaped, on one line."""
    # "<" has no backslash escape in Markdown; as an entity it cannot open a tag.
    return _SPECIAL.sub(r"\\\1", " ".join(text.split())).replace("<", "&lt;")


def quoted(text: str) -> str:
    """``text`` in curly quotation marks, escaped."""
    return f"“{escape(text)}”"
