"""Search results as the command line shows them: pages ranked exactly as the browser ranks them, with snippets."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from lunr.stop_word_filter import stop_word_filter

from .engine import SearchGroup, split
from .site_search import SiteSearch

# At most 160 characters shown, the two ellipses included: a result fits a phone (issue 14).
SNIPPET_CHARS = 158
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Hit:
    """One page in the results: its best-scoring entry, a snippet, and where the query terms fall in it."""

    rank: int
    title: str
    page_title: str
    location: str
    page: str
    score: float
    snippet: str
    highlights: list[tuple[int, int]]
    missing: list[str]

    def as_json(self) -> dict:
        return {"rank": self.rank, "title": self.title, "page_title": self.page_title,
                "location": self.location, "page": self.page, "score": round(self.score, 4),
                "snippet": self.snippet, "highlights": [list(h) for h in self.highlights],
                "missing": self.missing}


def plain_text(markup: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()


def paragraph_text(site_dir: Path, location: str) -> str:
    """The text of a numbered paragraph: its index entry is title-only, so read it from the page."""
    page, _, anchor = location.partition("#")
    path = site_dir / page
    if not anchor or not path.is_file():
        return ""
    match = re.search(rf'<p\b[^>]*\bid="{re.escape(anchor)}"[^>]*>(.*?)</p>', path.read_text(encoding="utf-8"),
                      re.DOTALL)
    return plain_text(match.group(1)) if match else ""


def query_words(query: str, separator: re.Pattern[str]) -> list[str]:
    """The query's words as the index sees them: split, lower-cased, stop words and modifiers dropped."""
    words = []
    for a, b in split(query.lower(), separator):
        word = query.lower()[a:b].strip('+-*"~^')
        if word and stop_word_filter(word):
            words.append(word)
    return words


def snippet(text: str, words: list[str], separator: re.Pattern[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around the first match, and the spans of every word that a query word begins."""
    spans = [(a, b) for a, b in split(text, separator) if any(text[a:b].lower().startswith(w) for w in words)]
    start = 0
    if spans and spans[0][0] > SNIPPET_CHARS // 3:
        start = text.rfind(" ", 0, spans[0][0] - SNIPPET_CHARS // 3) + 1
    end = len(text)
    if end - start > SNIPPET_CHARS:
        cut = text.rfind(" ", start, start + SNIPPET_CHARS)
        end = cut if cut > start else start + SNIPPET_CHARS
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    shown = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return prefix + text[start:end] + suffix, shown


def hits(engine: SiteSearch, site_dir: Path, query: str, limit: int) -> list[Hit]:
    words = query_words(query, engine.separator)
    found: list[Hit] = []
    groups: list[SearchGroup] = engine.search(query)
    for rank, group in enumerate(groups[:limit], start=1):
        best = group.best
        text = plain_text(best.text) or paragraph_text(site_dir, best.location)
        shown, spans = snippet(text, words, engine.separator)
        found.append(Hit(rank=rank, title=plain_text(best.title), page_title=plain_text(engine.page_title(group.page)),
                         location=best.location, page=group.page, score=best.score, snippet=shown,
                         highlights=spans, missing=sorted(t for t, ok in best.terms.items() if not ok)))
    return found


def emphasise(text: str, spans: list[tuple[int, int]], *, colour: bool) -> str:
    start_mark, end_mark = ("\x1b[1;4m", "\x1b[0m") if colour else ("**", "**")
    out, last = [], 0
    for a, b in spans:
        out += [text[last:a], start_mark, text[a:b], end_mark]
        last = b
    out.append(text[last:])
    return "".join(out)


def render_text(found: list[Hit], query: str, *, colour: bool) -> str:
    if not found:
        return f"No results for {query!r}.\n"
    lines = []
    for hit in found:
        heading = hit.page_title if hit.title == hit.page_title else f"{hit.page_title} › {hit.title}"
        lines.append(f"{hit.rank}. {heading}")
        lines.append(f"   {hit.location}  (score {hit.score:.2f})")
        if hit.snippet:
            lines.append(f"   {emphasise(hit.snippet, hit.highlights, colour=colour)}")
        if hit.missing:
            lines.append(f"   Missing: {', '.join(hit.missing)}")
        lines.append("")
    return "\n".join(lines)
