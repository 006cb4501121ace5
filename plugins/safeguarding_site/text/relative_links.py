"""Relative Markdown links between pages, so MkDocs rewrites and validates them for any URL style."""

from __future__ import annotations

import os
import posixpath
from functools import lru_cache


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """The link from docs/``from_page`` to docs/``to_page`` (both ``.md`` paths), with ``#anchor``."""
    target = _relpath(to_page, posixpath.dirname(from_page) or ".", os.getcwd())
    return f"{target}#{anchor}" if anchor else target


# posixpath.relpath normalises both paths on every call; a build asks for the same few thousand pairs.
# The working directory is part of the key because relpath reads it (it matters only for a path with "..").
@lru_cache(maxsize=65536)
def _relpath(to_page: str, from_dir: str, cwd: str) -> str:
    return posixpath.relpath(to_page, from_dir)
