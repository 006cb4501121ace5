"""What the autolinker may link to: built once per build from the data and the pages, then read-only."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Protocol

from ..data.working_together import WORKING_TOGETHER
from ..text.front_matter import document_key

# How the sources name Working Together, typos included; longest first so the full title wins.
WORKING_TOGETHER_TITLES = (
    WORKING_TOGETHER,
    "Working Together to Safeguarding Children",  # the Chief Adviser's report, twice
    "Working Together",
)

# Titles the sources use for a document besides its title in documents.yaml. Apostrophes and line
# breaks are matched loosely, so only a change of words needs a row here.
TITLE_VARIANTS: Mapping[str, tuple[str, ...]] = {
    "one-year-on": (
        "The Government's Response to Lord Laming – One Year On",  # the Chief Adviser's report, para 74
        "Government's Response to Lord Laming: One Year On",  # "in the Government's Response ..." (para 77)
        "Government's Response to Lord Laming – One Year On",
    ),
}

_ANNEX_FILE = re.compile(r"(?:^|/)annex-([a-z])\.md$")
_PARA_ANCHOR = re.compile(r"\{[^{}\n]*#para-(\d+)\b[^{}\n]*\}")
_WT_PARA_ANCHOR = re.compile(r"\{[^{}\n]*#para-(\d+)-(\d+)\b[^{}\n]*\}")


class DocumentRecord(Protocol):
    """The fields of ``documents.Document`` the targets need (a Protocol so tests can pass plain objects)."""

    title: str
    short_title: str
    path: str


@dataclass(frozen=True)
class DocumentTargets:
    key: str
    name: str  # short title, for "Referred to in" labels
    index: str  # the document's first page
    titles: tuple[str, ...]
    annexes: Mapping[str, str]  # "A" -> page
    paragraphs: Mapping[int, str]  # paragraph number -> page holding #para-N


@dataclass(frozen=True)
class LinkTargets:
    recommendations: Mapping[int, str]  # recommendation id -> page
    chapters: Mapping[int, str]  # Working Together chapter -> page
    overview: str  # the Working Together overview page
    working_together_titles: tuple[str, ...]
    documents: Mapping[str, DocumentTargets]
    evidence: Mapping[int, tuple[str, ...]]  # chapter -> quotes that the data records as naming it
    recommendations_document: str | None  # whose "this report"/"Annex B" the recommendation pages mean
    recommendations_table: str | None  # the page repeating every recommendation (One Year On's Annex A)
    # Working Together paragraph ("5.23") -> the chapter page holding #para-5-23, once its text is imported
    wt_paragraphs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # Working Together appendix -> its page; and every page of Working Together (where "Appendix 2" is its own)
    wt_appendices: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    wt_pages: frozenset[str] = frozenset()

    def document_of(self, page: str, declared: str | None) -> str | None:
        """The document a page speaks for: its front matter's, or the recommendations' source document."""
        if declared:
            return declared
        return self.recommendations_document if page in self.recommendation_pages else None

    @cached_property
    def document_titles(self) -> tuple[str, ...]:
        """Every document's titles, in documents.yaml order: worked out once, not for every page."""
        return tuple(title for document in self.documents.values() for title in document.titles)

    @cached_property
    def titles_by_document(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((key, document.titles) for key, document in self.documents.items())

    @cached_property
    def recommendation_pages(self) -> Mapping[str, int]:
        return {path: rid for rid, path in self.recommendations.items()}


def build_link_targets(
    *,
    documents: Mapping[str, DocumentRecord],
    recommendations: Mapping[int, str],
    chapters: Mapping[int, str],
    overview: str,
    evidence: Iterable[tuple[int, str]],
    pages: Mapping[str, str],
    recommendations_document: str | None = "one-year-on",
    recommendations_table: str | None = "one-year-on/annex-a.md",
    appendices: Mapping[int, str] | None = None,
    wt_pages: Iterable[str] = (),
) -> LinkTargets:
    """Index the annex pages and ``#para-N`` anchors of every document from the pages' own Markdown.

    ``pages`` maps a docs-relative path to its Markdown, front matter included: the imported pages and
    the generated ones, so that a generated annex (One Year On's Annex A) is found like any other.
    """
    annexes: dict[str, dict[str, str]] = {key: {} for key in documents}
    paragraphs: dict[str, dict[int, str]] = {key: {} for key in documents}
    for path, markdown in pages.items():
        key = document_key(markdown)
        if key not in documents:
            continue
        if annex := _ANNEX_FILE.search(path):
            annexes[key].setdefault(annex.group(1).upper(), path)
        for anchor in _PARA_ANCHOR.finditer(markdown):
            paragraphs[key].setdefault(int(anchor.group(1)), path)
    wt_paragraphs: dict[str, str] = {}
    for path in chapters.values():
        for anchor in _WT_PARA_ANCHOR.finditer(pages.get(path, "")):
            wt_paragraphs.setdefault(f"{anchor.group(1)}.{anchor.group(2)}", path)
    by_chapter: dict[int, list[str]] = {}
    for chapter, quote in evidence:
        if chapter in chapters and quote not in by_chapter.setdefault(chapter, []):
            by_chapter[chapter].append(quote)
    return LinkTargets(
        recommendations=MappingProxyType(dict(recommendations)),
        chapters=MappingProxyType(dict(chapters)),
        overview=overview,
        working_together_titles=WORKING_TOGETHER_TITLES,
        documents=MappingProxyType({
            key: DocumentTargets(
                key=key, name=doc.short_title, index=doc.path,
                titles=(doc.title, *TITLE_VARIANTS.get(key, ())),
                annexes=MappingProxyType(dict(sorted(annexes[key].items()))),
                paragraphs=MappingProxyType(dict(sorted(paragraphs[key].items()))),
            )
            for key, doc in documents.items()
        }),
        evidence=MappingProxyType({n: tuple(q) for n, q in sorted(by_chapter.items())}),
        recommendations_document=recommendations_document,
        recommendations_table=recommendations_table,
        wt_paragraphs=MappingProxyType(wt_paragraphs),
        wt_appendices=MappingProxyType(dict(appendices or {})),
        wt_pages=frozenset([*chapters.values(), *(appendices or {}).values(), overview, *wt_pages]),
    )
