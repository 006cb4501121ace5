"""MkDocs hook for the plain baseline: writes each page's final Markdown, as the plugin left it, to a folder.

Loaded through ``hooks:`` in a temporary copy of mkdocs.yml, never in the real one. With
BENCH_CAPTURE_DIR set, every page's Markdown after all other plugins' ``on_page_markdown`` (this hook runs
last) is written to ``BENCH_CAPTURE_DIR/<src_uri>`` behind the page's own front matter, and every file
that a plugin generated that is not a page is copied as it is. Built with the plugin off, those files make
a site with the same pages and words: the baseline the plugin's cost is measured against.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.plugins import event_priority

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


def _out() -> Path | None:
    value = os.environ.get("BENCH_CAPTURE_DIR")
    return Path(value) if value else None


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@event_priority(-1000)
def on_files(files, config):
    out = _out()
    if out is not None:
        for file in files:
            if file.generated_by is not None and not file.is_documentation_page():
                _write(out / file.src_uri, file.content_bytes)
    return files


@event_priority(-1000)
def on_page_markdown(markdown, page, config, files):
    out = _out()
    if out is not None:
        match = _FRONT_MATTER.match(page.file.content_string)
        front = match.group(0) if match else ""
        _write(out / page.file.src_uri, (front + "\n" + markdown).encode("utf-8"))
    return markdown
