"""The Markdown extensions of mkdocs.yml, for tests that render importer output without a full build."""

from __future__ import annotations

EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "footnotes",
    "admonition",
    "abbr",
    "toc",
    "tables",
    "def_list",
    "pymdownx.superfences",
]
