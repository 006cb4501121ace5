"""Relative Markdown links between pages, so MkDocs rewrites and validates them for any URL style."""

from __future__ import annotations

import posixpath


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """The link from docs/``from_page`` to docs/``to_page`` (both ``.md`` paths), with ``#anchor``."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


def escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
