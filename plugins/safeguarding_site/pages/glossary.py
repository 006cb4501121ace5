"""Markdown for the generated glossary page: each abbreviation, its expansion and where the sources give it."""

from __future__ import annotations

from collections.abc import Mapping

from ..data.documents import Document
from ..data.glossary import Glossary, Source, Term, locate
from ..data.recommendation_anchors import column_anchor
from ..data.recommendations import COLUMNS
from ..text.markdown_escape import escape, quoted
from ..text.relative_links import relative
from .phrases import EDITORS_NOTE
from .search_weight import REGISTER_SEARCH_BOOST

GLOSSARY = "glossary/index.md"


def source_link(source: Source, pages: Mapping[str, str], documents: Mapping[str, Document],
                from_page: str = GLOSSARY) -> str:
    """"[One Year On, paragraph 64](…#para-64)": where the source gives the expansion."""
    if source.recommendation is not None:
        assert source.column is not None
        n = source.recommendation
        target = relative(from_page, f"recommendations/{n}.md", column_anchor(n, source.column))
        return f"[Recommendation {n}, {COLUMNS[source.column]}]({target})"
    block = locate(source, pages, documents)
    if block is None:  # check_page_sources reports it; the page still says where to look
        return escape(source.page or "")
    return f"[{escape(block.label)}]({relative(from_page, block.page, block.anchor)})"


def _entry(term: Term, pages: Mapping[str, str], documents: Mapping[str, Document]) -> list[str]:
    lines = [f"{', '.join(escape(form) for form in term.forms)} {{ #{term.anchor} }}"]
    if term.expansion is None or term.source is None:
        lines.append(":   *Not expanded in the sources.*")
    else:
        lines += [f":   {escape(term.expansion)}", "",
                  f"    Given in {source_link(term.source, pages, documents)}: {quoted(term.source.quote)}"]
    if term.note:
        lines += ["", f"    {EDITORS_NOTE} {escape(term.note)}"]
    return [*lines, ""]


def glossary_page(glossary: Glossary, pages: Mapping[str, str], documents: Mapping[str, Document]) -> str:
    """The glossary page. ``pages`` are the source pages under docs/ (path -> Markdown), to label the links."""
    terms = glossary.sorted()
    letters: dict[str, str] = {}
    for term in terms:
        letters.setdefault(term.term[0].upper(), term.anchor)
    lines = [
        "---", "title: Glossary", *REGISTER_SEARCH_BOOST, "---", "",
        "# Glossary of abbreviations", "",
        "The abbreviations used in the documents on this site. Each expansion is the one the documents "
        "themselves print, with a link to the place that prints it. Where the documents never expand an "
        "abbreviation, this page says so rather than supply one. On every page of the site, pointing at an "
        "abbreviation the documents expand shows its expansion.", "",
        " · ".join(f"[{letter}](#{anchor})" for letter, anchor in letters.items()), "{ .glossary-letters }", "",
    ]
    for term in terms:
        lines += _entry(term, pages, documents)
    return "\n".join(lines)


def glossary_pages(glossary: Glossary, pages: Mapping[str, str], documents: Mapping[str, Document]) -> dict[str, str]:
    return {GLOSSARY: glossary_page(glossary, pages, documents)}
