"""The Markdown of the pages under docs/, as the plugin hands them to the cross-linking code."""

from __future__ import annotations

from pathlib import Path


def source_pages(root: Path) -> dict[str, str]:
    """Every page under docs/ (path relative to docs/ -> Markdown), in path order."""
    docs = root / "docs"
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(docs.rglob("*.md"))}
