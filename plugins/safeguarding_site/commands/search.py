"""``build.py search``: search the built site from the command line, ranked exactly as the browser ranks it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..search.results import hits, render_text
from ..search.site_search import SiteSearch


def run_search(site_dir: Path, query: str, *, limit: int = 10, as_json: bool = False) -> int:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        print(f"search: no search index at {index}; build the site first (python build.py build)",
              file=sys.stderr)
        return 1
    if limit < 1:
        print("search: --limit must be 1 or more", file=sys.stderr)
        return 2
    try:
        engine = SiteSearch.from_site(site_dir)
    except (ValueError, KeyError, TypeError) as exc:  # cut short, or not Material's index at all
        print(f"search: {index} is damaged ({_why(exc)}); build the site again (python build.py build)",
              file=sys.stderr)
        return 1
    found = hits(engine, site_dir, query, limit)
    if as_json:
        print(json.dumps([hit.as_json() for hit in found], ensure_ascii=False, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(render_text(found, query, colour=colour))
    return 0


def _why(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text at byte {exc.start}"
    return f"no {exc} in it" if isinstance(exc, KeyError) else str(exc)
