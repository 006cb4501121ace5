"""The abbreviations the sources use (``cross_refs/glossary.yaml``), with the expansions the sources give."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import DataError, Problems
from ..base.known_fields import check_known_fields, misspelt
from ..base.yaml_lines import LineDict
from ..text.blocks import Block, comparable, page_blocks
from ..text.front_matter import document_key
from .documents import Document
from .fields import load_data_file, misquoted, not_one_of
from .recommendations import COLUMNS, Recommendation, check_markdown_safety

# Letters, digits, "&" and "()" as the sources print them (A&E, C4EO, DA(FCY)), words separated by spaces.
_TERM = re.compile(r"[A-Za-z][A-Za-z0-9&()]*(?: [A-Za-z][A-Za-z0-9&()]*)*")


@dataclass(frozen=True)
class Source:
    """Where a source gives the expansion: a page of a document, or a column of a recommendation."""

    quote: str
    page: str | None = None  # relative to docs/
    recommendation: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class Term:
    term: str
    other_forms: tuple[str, ...]
    expansion: str | None  # None: the sources never expand it
    source: Source | None
    note: str | None
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.other_forms)

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]  # in the file's order

    def sorted(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: (t.term.casefold(), t.term))


def load_glossary(path: Path, name: str, recommendations: Sequence[Recommendation], problems: Problems) -> Glossary:
    """Read and check the glossary; quotes from a recommendation are checked here, quotes from a page by
    ``check_page_sources`` once the pages are known."""
    data = load_data_file(path, name, ("schema", "terms"), ("terms",), problems)
    if data is None:
        return Glossary(())
    recs = {rec.id: rec for rec in recommendations}
    terms: list[Term] = []
    seen: dict[str, int] = {}
    anchors: dict[str, str] = {}
    for index, entry in enumerate(data["terms"]):
        if not isinstance(entry, LineDict):
            problems.add(name, "expected a mapping with term, expansion and source", entry=f"terms[{index}]")
            continue
        term = _load_term(entry, index, name, recs, problems)
        if term is None:
            continue
        clash = [form for form in term.forms if form in seen]
        if clash:
            problems.add(name, f"{clash[0]!r} is already listed (line {seen[clash[0]]}): give each abbreviation "
                         "one entry", line=entry.line, entry=term.term)
            continue
        if term.anchor in anchors:
            problems.add(name, f"its link anchor #{term.anchor} is the same as {anchors[term.anchor]!r}'s",
                         line=entry.line, entry=term.term)
            continue
        seen.update(dict.fromkeys(term.forms, entry.line))
        anchors[term.anchor] = term.term
        terms.append(term)
    return Glossary(tuple(terms))


def _load_term(entry: LineDict, index: int, name: str, recs: Mapping[int, Recommendation],
               problems: Problems) -> Term | None:
    term = entry.get("term")
    if not isinstance(term, str) or not _TERM.fullmatch(term):
        problems.add(name, f"'term' must be the abbreviation as the sources print it, not {term!r}",
                     line=entry.line_of("term"), entry=f"terms[{index}]")
        return None
    check_known_fields(entry, ("term", "other_forms", "expansion", "source", "note"), name, problems, entry=term)
    others = entry.get("other_forms") or []
    if not isinstance(others, list) or not all(isinstance(f, str) and _TERM.fullmatch(f) for f in others):
        problems.add(name, "'other_forms' must be a list of abbreviations (e.g. [LSCBs])",
                     line=entry.line_of("other_forms"), entry=term)
        others = []
    expansion = entry.get("expansion")
    note = entry.get("note")
    if note is not None and (not isinstance(note, str) or check_markdown_safety(note)):
        problems.add(name, "'note' must be plain text", line=entry.line_of("note"), entry=term)
        note = None
    if expansion is None:
        if "source" in entry:
            problems.add(name, "an abbreviation with 'expansion: null' has no source: remove 'source', or give the "
                         "expansion the source prints", line=entry.line_of("source"), entry=term)
        return Term(term, tuple(others), None, None, note, entry.line)
    if not isinstance(expansion, str) or not expansion.strip() or "\n" in expansion or check_markdown_safety(expansion):
        problems.add(name, "'expansion' must be one line of plain text, or null when the sources never expand it",
                     line=entry.line_of("expansion"), entry=term)
        return None
    source = _load_source(entry, name, term, expansion, recs, problems)
    if source is None:
        return None
    return Term(term, tuple(others), expansion.strip(), source, note, entry.line)


def _load_source(entry: LineDict, name: str, term: str, expansion: str, recs: Mapping[int, Recommendation],
                 problems: Problems) -> Source | None:
    source = entry.get("source")
    if not isinstance(source, LineDict):
        problems.add(name, "an expansion needs a 'source': page (or recommendation and column) and quote",
                     line=entry.line_of("source"), entry=term)
        return None
    check_known_fields(source, ("page", "recommendation", "column", "quote"), name, problems, entry=f"{term}: source")
    quote = source.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        if not misspelt(source, "quote"):
            problems.add(name, "source.quote must be the words of the source that give the expansion",
                         line=source.line_of("quote"), entry=term)
        return None
    words = comparable(quote)
    forms = [term, *(entry.get("other_forms") or [])]
    if comparable(expansion) not in words or not any(form in words for form in forms):
        problems.add(name, f"the quote must contain both {term!r} and its expansion {expansion!r}, as the source "
                     "prints them", line=source.line_of("quote"), entry=term)
        return None
    page, rec_id, column = source.get("page"), source.get("recommendation"), source.get("column")
    if (page is None) == (rec_id is None):
        problems.add(name, "source needs either 'page' (a page under docs/) or 'recommendation' and 'column'",
                     line=source.line, entry=term)
        return None
    if page is not None:
        if not isinstance(page, str) or not page.endswith(".md"):
            problems.add(name, f"source.page must be a .md path under docs/, not {page!r}",
                         line=source.line_of("page"), entry=term)
            return None
        return Source(quote.strip(), page=page)
    if rec_id not in recs or isinstance(rec_id, bool):
        problems.add(name, f"no recommendation {rec_id!r}", line=source.line_of("recommendation"), entry=term)
        return None
    if column not in COLUMNS:
        problems.add(name, not_one_of("source.column", COLUMNS, column),
                     line=source.line_of("column"), entry=term)
        return None
    if words not in comparable(recs[rec_id].column(column)):
        problems.add(name, misquoted(quote, f"recommendation {rec_id}'s {column}", "column"),
                     line=source.line_of("quote"), entry=term)
        return None
    return Source(quote.strip(), recommendation=rec_id, column=column)


def locate(source: Source, pages: Mapping[str, str], documents: Mapping[str, Document]) -> Block | None:
    """The block of a page source that holds the quote (the first, if it occurs more than once)."""
    assert source.page is not None
    markdown = pages.get(source.page)
    if markdown is None:
        return None
    document = documents.get(document_key(markdown) or "")
    name = document.short_title if document else ""
    first = document is not None and document.path == source.page
    wanted = comparable(source.quote)
    return next((block for block, text in _readable_blocks(source.page, markdown, name, first) if wanted in text), None)


@functools.lru_cache(maxsize=64)
def _readable_blocks(page: str, markdown: str, name: str, first: bool) -> tuple[tuple[Block, str], ...]:
    # Many terms quote the same page: cut it up and flatten its text once.
    return tuple((block, comparable(block.text)) for block in page_blocks(page, markdown, name, first_page=first))


def check_page_sources(glossary: Glossary, pages: Mapping[str, str], file: str) -> list[DataError]:
    """Problems with the quotes taken from pages: a missing page, or a quote the page does not contain."""
    errors: list[DataError] = []
    for term in glossary.terms:
        source = term.source
        if source is None or source.page is None:
            continue
        if source.page not in pages:
            errors.append(DataError(file, f"source.page {source.page!r} is not a page under docs/", line=term.line,
                                    entry=term.term))
        elif locate(source, pages, {}) is None:
            errors.append(DataError(file, misquoted(source.quote, source.page, "page"), line=term.line,
                                    entry=term.term))
    return errors


def abbreviation_definitions(glossary: Glossary) -> str:
    """Markdown ``abbr`` definitions for every written form of every expanded abbreviation.

    Abbreviations the sources never expand get none: a tooltip would have nothing from the sources to say.
    """
    lines = [f"*[{form}]: {term.expansion}" for term in glossary.sorted() if term.expansion
             for form in term.forms]
    return "\n".join(lines)


def append_abbreviations(markdown: str, definitions: str) -> str:
    """``markdown`` with the definitions appended as a block of their own (``abbr`` applies them page-wide)."""
    if not definitions:
        return markdown
    return f"{markdown.rstrip()}\n\n{definitions}\n"
