"""Where the documents and the recommendations cite each entry of the guidance register, found by its words."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..base.regex_trie import alternation
from ..data.documents import Document
from ..data.guidance import Register
from ..data.recommendation_anchors import column_anchor
from ..data.recommendations import COLUMNS, Recommendation
from ..text.blocks import comparable, page_blocks
from ..text.front_matter import document_key

_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_UNDERSCORE = "\x01"  # stands in for "_" while emphasis is stripped
_ADDRESS = re.compile(r"^(?:www\.|[\w-]+(?:\.[\w-]+)+/)", re.IGNORECASE)
# The parts of a multi-page document in reading order; anything else sorts by name after them.
_PAGE_ORDER = re.compile(r"(index|foreword|executive-summary|chapter-(\d+)|annex-([a-z]))\.md$")
# Characters no two of which match one character ignoring case (tests/linking/test_citations.py checks
# every code point): distinct ones after the same beginning never match at the same place, as the trie needs.
# Phrases are case-folded, so capitals do not occur; a phrase with any other character keeps the flat form.
_TRIE_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F) if not chr(c).isupper()) | frozenset(
    chr(c) for c in range(0xDF, 0x100) if c != 0xF7)


@dataclass(frozen=True)
class Citation:
    entry: str  # the register entry's id
    page: str  # the page that cites it, relative to docs/
    anchor: str  # where on that page
    label: str  # "One Year On, paragraph 10" or "Recommendation 5, the progress update (March 2010)"
    words: tuple[str, ...]  # the words that cite it, as the text prints them
    recommendation: int | None = None
    column: str | None = None


def _words(markdown: str) -> str:
    """Comparable text without web addresses' schemes; underscores survive (web addresses have them)."""
    return _SCHEME.sub("", comparable(markdown.replace("_", _UNDERSCORE))).replace(_UNDERSCORE, "_")


def _normal(phrase: str) -> str:
    """A phrase as matched: comparable text, and a web address without its final slash."""
    text = _words(phrase)
    return text.rstrip("/") if _ADDRESS.match(text) else text


def phrase_table(register: Register) -> dict[str, str]:
    """Each phrase (case-folded) that cites an entry, and the entry's id.

    Titles and aliases always cite; an entry's web address cites it only if no other entry has the same
    address (many documents share a department's index page).
    """
    table = {_normal(p).casefold(): entry.id for entry in register.entries.values() for p in entry.phrases}
    owners: dict[str, set[str]] = {}
    for entry in register.entries.values():
        for link in entry.links:
            owners.setdefault(_normal(link.url).casefold(), set()).add(entry.id)
    for address, ids in owners.items():
        if len(ids) == 1:
            table.setdefault(address, next(iter(ids)))
    return table


def phrase_pattern(table: Mapping[str, str]) -> re.Pattern[str]:
    """Every phrase, the longest first; as a trie (``alternation``) when its characters allow it."""
    phrases = [([re.escape(char) for char in phrase], "/?" if _ADDRESS.match(phrase) else "")
               for phrase in sorted(table, key=len, reverse=True)]
    if all(set(phrase) <= _TRIE_SAFE for phrase in table):
        body = alternation(phrases)
    else:
        body = "|".join("".join(symbols) + suffix for symbols, suffix in phrases)
    # Whole words only, and a web address never matches the start of a longer one.
    return re.compile(rf"(?<![\w/.-])(?:{body})(?![\w/-]|\.\w)", re.IGNORECASE)


def cited_in(text: str, table: Mapping[str, str], pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(entry id, words) for each citation in ``text`` (Markdown), longest match first, in order."""
    plain = _words(text)
    found = []
    for match in pattern.finditer(plain):
        key = match.group(0).casefold().rstrip("/")
        entry = table.get(key) or table.get(key + "/")
        if entry:
            found.append((entry, match.group(0)))
    return found


def _page_key(page: str, documents: Sequence[str], markdown: str) -> tuple[int, int, int, str]:
    doc = document_key(markdown) or ""
    rank = documents.index(doc) if doc in documents else len(documents)
    match = _PAGE_ORDER.search(page)
    if not match:
        return (rank, 1, 0, page)
    if match.group(2):
        return (rank, 0, 10 + int(match.group(2)), page)
    if match.group(3):
        return (rank, 0, 100 + ord(match.group(3)), page)
    return (rank, 0, ("index", "foreword", "executive-summary").index(match.group(1)), page)


def find_citations(register: Register, recommendations: Sequence[Recommendation], pages: Mapping[str, str],
                   documents: Mapping[str, Document]) -> dict[str, tuple[Citation, ...]]:
    """Every citation of every entry: in the recommendations (each column), then in the documents' pages.

    ``pages`` are the source pages under docs/ (path -> Markdown); pages without a ``document:`` key in
    their front matter (the home page, the editors' guide, generated pages) are not the sources' words
    and are skipped. The result has every entry id, in register order.
    """
    table = phrase_table(register)
    pattern = phrase_pattern(table)
    found: dict[str, dict[tuple[str, str], Citation]] = {entry_id: {} for entry_id in register.entries}

    def add(entry_id: str, words: str, page: str, anchor: str, label: str, **where: object) -> None:
        places = found[entry_id]
        key = (page, anchor)
        old = places.get(key)
        if old is None:
            places[key] = Citation(entry_id, page, anchor, label, (words,), **where)  # type: ignore[arg-type]
        elif words not in old.words:
            places[key] = Citation(old.entry, page, anchor, label, (*old.words, words), old.recommendation,
                                   old.column)

    for rec in recommendations:
        for column, title in COLUMNS.items():
            anchor = column_anchor(rec.id, column)
            for entry_id, words in cited_in(rec.column(column), table, pattern):
                add(entry_id, words, rec.page, anchor, f"Recommendation {rec.id}, {title}",
                    recommendation=rec.id, column=column)
    order = list(documents)
    for page, markdown in sorted(pages.items(), key=lambda item: _page_key(item[0], order, item[1])):
        key = document_key(markdown)
        if key not in documents:
            continue
        document = documents[key]
        for block in page_blocks(page, markdown, document.short_title, first_page=page == document.path):
            for entry_id, words in cited_in(block.text, table, pattern):
                add(entry_id, words, page, block.anchor, block.label)
    return {entry_id: tuple(places.values()) for entry_id, places in found.items()}


def columns_by_recommendation(citations: Mapping[str, Sequence[Citation]]) -> dict[int, list[tuple[str, list[str]]]]:
    """For each recommendation, the register entries its text names (register order) and the columns naming them.

    Worked out once for all recommendations: asking of every recommendation in turn cost time in
    proportion to recommendations × citations, which at a hundred times our content was most of a build.
    """
    found: dict[int, dict[str, list[str]]] = {}
    for entry_id, places in citations.items():
        for place in places:
            if place.recommendation is not None and place.column:
                found.setdefault(place.recommendation, {}).setdefault(entry_id, []).append(place.column)
    return {rec_id: list(entries.items()) for rec_id, entries in found.items()}
