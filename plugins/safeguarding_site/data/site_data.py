"""Everything the site is built from, loaded and cross-checked in one pass over ``cross_refs/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..base.errors import Problems
from ..text.plain_text import contains_quote
from .documents import Document, load_documents
from .organisations import Organisations, load_organisations
from .recommendations import Recommendation, load_recommendations
from .working_together import WorkingTogether, load_working_together

DOCUMENTS_FILE = "documents.yaml"
WORKING_TOGETHER_FILE = "working-together.yaml"
RECOMMENDATIONS_FILE = "recommendations.yaml"
ORGANISATIONS_FILE = "organisations.yaml"


@dataclass(frozen=True)
class SiteData:
    documents: dict[str, Document]
    working_together: WorkingTogether
    recommendations: list[Recommendation]
    # Loaded with the recommendations, whose addressed_to names them. None only in SiteData made by hand
    # (check's fallback when the data is broken); registers.load_cross_link_data then reads the file.
    organisations: Organisations | None = None

    def recommendations_for_chapter(self, number: int) -> list[Recommendation]:
        return self._recommendations_by_chapter.get(number, [])

    # Once, not a pass over every recommendation per chapter: that is quadratic at a hundred times our content.
    @cached_property
    def _recommendations_by_chapter(self) -> dict[int, list[Recommendation]]:
        found: dict[int, list[Recommendation]] = {}
        for rec in self.recommendations:
            for number in rec.chapters:
                found.setdefault(number, []).append(rec)
        return found


def display_name(path: Path, display_root: Path | None) -> str:
    """How messages name a data file: relative to the project (``cross_refs/x.yaml``) when we know it."""
    return str(path.relative_to(display_root)) if display_root else str(path)


def load_site_data(cross_refs: Path, *, display_root: Path | None = None) -> SiteData:
    """Load and validate every data file; raise DataErrors listing every problem found."""
    problems = Problems()

    def name(file: str) -> str:
        return display_name(cross_refs / file, display_root)

    guarded = problems.guarded

    documents = guarded(load_documents, cross_refs / DOCUMENTS_FILE, name(DOCUMENTS_FILE), problems) or {}
    wt = guarded(load_working_together, cross_refs / WORKING_TOGETHER_FILE, name(WORKING_TOGETHER_FILE), problems)
    chapters = set(wt.chapters) if wt else set()
    organisations = guarded(load_organisations, cross_refs / ORGANISATIONS_FILE, name(ORGANISATIONS_FILE), problems)
    recs = guarded(load_recommendations, cross_refs / RECOMMENDATIONS_FILE, name(RECOMMENDATIONS_FILE),
                   chapters, problems, None if organisations is None else organisations.organisations) or []
    if wt and wt.official_text and wt.official_text.document not in documents:
        problems.add(name(WORKING_TOGETHER_FILE), f"document {wt.official_text.document!r} is not a key in "
                     f"{DOCUMENTS_FILE}: use one of {', '.join(sorted(documents))}",
                     line=wt.official_text.document_line, entry="official_text")
    if wt:
        _check_title_quotes(wt, recs, name(WORKING_TOGETHER_FILE), problems)
    problems.raise_if_any()
    assert wt is not None
    return SiteData(documents=documents, working_together=wt, recommendations=recs, organisations=organisations)


def _check_title_quotes(wt: WorkingTogether, recs: list[Recommendation], name: str, problems: Problems) -> None:
    """A chapter title confirmed by a quote: the quote is in that recommendation's text, and names the chapter."""
    by_id = {rec.id: rec for rec in recs}
    for chapter in wt.chapters.values():
        quoted = chapter.confirmed_by
        if quoted is None:
            continue
        where = f"chapter {chapter.number}: confirmed_by"
        rec = by_id.get(quoted.recommendation)
        text = getattr(rec, quoted.column, None) if rec else None
        if not isinstance(text, str):
            problems.add(name, f"no recommendation {quoted.recommendation} with a column {quoted.column!r}",
                         line=quoted.line, entry=where)
        elif not contains_quote(text, quoted.quote):
            problems.add(name, f"the quote is not in recommendation {quoted.recommendation}'s {quoted.column}: "
                         f"{quoted.quote!r}", line=quoted.line, entry=where)
        elif quoted.quote.casefold() != f"chapter {chapter.number}: {chapter.title}".casefold():
            problems.add(name, f"the quote {quoted.quote!r} does not give this chapter's number and title "
                         f"('Chapter {chapter.number}: {chapter.title}')", line=quoted.line, entry=where)
