"""What a built site weighs: pages, bytes, search index, recommendation pages, and its readable text."""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

SEARCH_INDEX = Path("search") / "search_index.json"
_SPACE = re.compile(r"\s+")
_REC_PAGE = re.compile(r"^\d+\.html$")


@dataclass(frozen=True)
class SiteStats:
    pages: int
    site_bytes: int
    search_index_bytes: int
    rec_pages: int
    rec_page_max_bytes: int
    rec_page_median_bytes: int
    page_median_bytes: int


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)


def site_stats(site: Path) -> SiteStats:
    pages = html_pages(site)
    recs = [p.stat().st_size for p in (site / "recommendations").glob("*.html") if _REC_PAGE.match(p.name)]
    index = site / SEARCH_INDEX
    return SiteStats(
        pages=len(pages),
        site_bytes=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        search_index_bytes=index.stat().st_size if index.exists() else 0,
        rec_pages=len(recs),
        rec_page_max_bytes=max(recs, default=0),
        rec_page_median_bytes=int(statistics.median(recs)) if recs else 0,
        page_median_bytes=int(statistics.median(p.stat().st_size for p in pages)) if pages else 0,
    )


class _ArticleText(HTMLParser):
    """The visible text inside Material's ``<article class="md-content__inner">``.

    Left out: scripts and styles, and the "¶" permalinks that toc adds to headings (they show only on
    hover and are not text a reader reads).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # element depth inside the article; 0 = outside
        self.skip_depth = 0  # depth at which a skipped element (script, headerlink) started
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in classes:
                self.depth = 1
            return
        self.depth += 1
        if not self.skip_depth and (tag in ("script", "style") or "headerlink" in classes):
            self.skip_depth = self.depth

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 0 or tag in _VOID:
            return
        if self.skip_depth == self.depth:
            self.skip_depth = 0
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip_depth:
            self.parts.append(data)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def article_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    return _SPACE.sub(" ", " ".join(parser.parts)).strip()


def indexed_pages(site: Path) -> set[str]:
    """The pages (``path.html``) that have at least one entry in the search index."""
    data = json.loads((site / SEARCH_INDEX).read_text(encoding="utf-8"))
    return {doc["location"].split("#", 1)[0] for doc in data.get("docs", [])}


@dataclass(frozen=True)
class TextStats:
    all_pages_text_bytes: int
    indexed_pages: int
    indexed_text_bytes: int


def text_stats(site: Path) -> TextStats:
    """UTF-8 bytes of the visible article text of every page, and of the pages the search index covers."""
    indexed = indexed_pages(site)
    total = in_index = 0
    for page in html_pages(site):
        size = len(article_text(page.read_text(encoding="utf-8")).encode("utf-8"))
        total += size
        location = page.relative_to(site).as_posix()
        # The home page's location in the index is "" (use_directory_urls: false gives "index.html" too).
        if location in indexed or (location == "index.html" and "" in indexed):
            in_index += size
    return TextStats(all_pages_text_bytes=total, indexed_pages=len(indexed), indexed_text_bytes=in_index)
