"""``build.py suggest-paragraphs N``: imported paragraphs of Working Together that best match recommendation N.

The paragraphs are ranked by the site's own search (search/site_search.py, with the built site's separator,
pipeline and field boosts), with the recommendation's words as the query. Nothing is written: an editor reads
the suggestions and records the right ones in ``implemented_by[].paragraphs``, which ``check`` verifies.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..data.site_data import load_site_data
from ..importing.working_together_markdown import paragraph_texts
from ..search.site_search import SiteSearch
from ..text.plain_text import plain_text

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


def paragraph_index(config: dict, paragraphs: dict[str, tuple[str, str]]) -> SiteSearch:
    """A search index with one entry per paragraph, built as the site's is."""
    # Each paragraph is an entry of its own, located by its number alone: Material groups the entries of one
    # page under it, which would show one paragraph a chapter; and its bonus for a page's own entry then
    # applies to every paragraph alike.
    docs = [{"location": number, "title": f"Paragraph {number}", "text": text} for number in paragraphs
            for _, text in [paragraphs[number]]]
    return SiteSearch({"config": config, "docs": docs})


def suggest(root: Path, site_dir: Path, number: int, limit: int) -> list[tuple[str, float, str]]:
    index_file = site_dir / "search" / "search_index.json"
    config = json.loads(index_file.read_text(encoding="utf-8"))["config"]
    data = load_site_data(root / "cross_refs", display_root=root)
    rec = next(r for r in data.recommendations if r.id == number)
    paragraphs: dict[str, tuple[str, str]] = {}
    for chapter in data.working_together.chapters.values():
        path = root / "docs" / chapter.page
        if path.is_file():
            for n, text in paragraph_texts(path.read_text(encoding="utf-8")).items():
                paragraphs[n] = (chapter.page.replace(".md", ".html"), text)
    if not paragraphs:
        return []
    query = " ".join(dict.fromkeys(w.lower() for w in _WORD.findall(plain_text(rec.recommendation))))
    engine = paragraph_index(config, paragraphs)
    ranked = [(group.page, group.best.score) for group in engine.search(query)]
    return [(n, score, paragraphs[n][1]) for n, score in ranked[:limit]]


def run_suggest_paragraphs(root: Path, site_dir: Path, number: int, limit: int = 5) -> int:
    if not (site_dir / "search" / "search_index.json").is_file():
        print(f"suggest-paragraphs: no search index in {site_dir}; build the site first (python build.py build), "
              "so that the ranking is the site's own", file=sys.stderr)
        return 1
    try:
        found = suggest(root, site_dir, number, limit)
    except StopIteration:
        print(f"suggest-paragraphs: there is no recommendation {number}", file=sys.stderr)
        return 1
    if not found:
        print("suggest-paragraphs: no chapter of Working Together has been imported yet "
              "(python build.py import-working-together PDF)", file=sys.stderr)
        return 1
    print(f"Paragraphs that best match recommendation {number}, best first. Suggestions only: record the right "
          "ones in its implemented_by[].paragraphs, which check verifies.")
    for rank, (paragraph, score, text) in enumerate(found, start=1):
        shown = text if len(text) <= 110 else text[:109] + "…"
        print(f"{rank:2}. {paragraph:>7}  (score {score:.2f})  {shown}")
    return 0
