"""Markdown for the "Supporting guidance" page and for the guidance section of a recommendation page."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..data.documents import Document
from ..data.guidance import KINDS, Entry, Register
from ..data.recommendations import COLUMNS, Recommendation
from ..linking.citations import Citation, columns_by_recommendation
from ..text.external_links import external_link, printed_address
from ..text.markdown_escape import escape
from ..text.relative_links import relative
from .misprints import misprint_note
from .phrases import EDITORS_NOTE
from .search_weight import REGISTER_SEARCH_BOOST

PAGE = "supporting-guidance/index.md"
_KIND_NAMES = {"guidance": "Guidance", "legislation": "Legislation", "report": "Report or paper",
               "web page": "Web page"}
_SORT_PREFIX = re.compile(r"^(?:the |a |['\"‘“])+", re.IGNORECASE)


def _sort_key(entry: Entry) -> tuple[str, str]:
    return (_SORT_PREFIX.sub("", entry.title).casefold(), entry.id)


def description(entry: Entry) -> str:
    """"Report · The Lord Laming · March 2009", saying plainly what the documents leave out."""
    parts = [_KIND_NAMES[entry.kind]]
    if entry.publisher:
        parts.append(escape(entry.publisher))
    elif entry.kind != "legislation":  # Acts and regulations have no publisher to name
        parts.append("publisher not named in the documents")
    parts.append(escape(entry.date) if entry.date else "no date given in the documents")
    return " · ".join(parts)


def online(entry: Entry, documents: Mapping[str, Document]) -> list[str]:
    """One line per address: the link as the documents print it, and its archived copy if the site has closed."""
    lines = []
    for link in entry.links:
        given = documents[link.given_in].short_title
        if link.meant:  # a misprinted host: shown, never linked (pages/misprints.py)
            lines.append(f"Online: {escape(printed_address(link.url))} (the address as printed in {escape(given)}). "
                         f"{misprint_note(link.url, link.meant, link.archive)}")
            continue
        line = f"Online: {external_link(printed_address(link.url), link.url)} (the address given in {escape(given)}"
        if link.archive:
            archived = external_link("Archived copy in the UK Government Web Archive", link.archive)
            line += f"; that site has closed). {archived}"
        else:
            line += ")"
        lines.append(line)
    return lines


def _cited_in(citations: Sequence[Citation], page: str) -> list[str]:
    if not citations:
        return ["Not cited by name in the documents on this site."]
    lines = ["Cited in:", ""]
    lines += [f"- [{escape(c.label)}]({relative(page, c.page, c.anchor)})" for c in citations]
    return lines


def supporting_guidance_page(register: Register, citations: Mapping[str, Sequence[Citation]],
                             documents: Mapping[str, Document]) -> str:
    page = PAGE
    lines = [
        "---", "title: Supporting guidance", *REGISTER_SEARCH_BOOST, "---", "",
        "# Supporting guidance", "",
        "Every other document, Act and web page that the documents on this site name, with the publisher, "
        "date and web address that the documents give, and every place on this site that cites it. "
        "*Working Together to Safeguard Children* has [its own pages](../working-together/index.md).", "",
        "Many of these addresses were on government websites that have since closed. For those, an "
        "archived copy in the UK Government Web Archive is linked too: the archive shows its copy from "
        "nearest the date of the document that gives the address. Links marked with an arrow go to other "
        "websites.", "",
    ]
    ordered = sorted(register.entries.values(), key=_sort_key)
    for kind, heading in KINDS.items():
        entries = [e for e in ordered if e.kind == kind]
        if not entries:
            continue
        lines += [f"## {heading} {{ #{kind.replace(' ', '-')} }}", ""]
        for entry in entries:
            lines += [f"### {escape(entry.title)} {{ #{entry.id} }}", "", description(entry), "{ .guidance-meta }", ""]
            for line in online(entry, documents):
                lines += [line, ""]
            if entry.note:
                lines += [f"{EDITORS_NOTE} {escape(entry.note)}", ""]
            lines += [*_cited_in(citations.get(entry.id, ()), page), ""]
    return "\n".join(lines)


def supporting_guidance_pages(register: Register, citations: Mapping[str, Sequence[Citation]],
                              documents: Mapping[str, Document]) -> dict[str, str]:
    return {PAGE: supporting_guidance_page(register, citations, documents)}


def guidance_section(rec: Recommendation, register: Register, citations: Mapping[str, Sequence[Citation]],
                     documents: Mapping[str, Document],
                     by_recommendation: Mapping[int, list[tuple[str, list[str]]]] | None = None) -> str:
    """The "Supporting guidance" section for ``rec``'s page, or "" when its text names none.

    ``by_recommendation``: ``columns_by_recommendation(citations)``, when the caller makes every section.
    """
    page = rec.page
    if by_recommendation is None:
        by_recommendation = columns_by_recommendation(citations)
    named: list[tuple[Entry, list[str]]] = [(register.entries[entry_id], columns)
                                            for entry_id, columns in by_recommendation.get(rec.id, ())]
    if not named:
        return ""
    lines = [f"## Supporting guidance {{ #rec-{rec.id}-guidance }}", "",
             "The text of this recommendation names these documents. "
             f"[Supporting guidance]({relative(page, PAGE)}) lists them all.", ""]
    for entry, columns in named:
        where = " and ".join(COLUMNS[c] for c in dict.fromkeys(columns))
        lines.append(f"- [{escape(entry.title)}]({relative(page, PAGE, entry.id)}): {description(entry)}; "
                     f"named in {where}.")
        for line in online(entry, documents):
            lines += ["", f"    {line}"]
        lines.append("")
    return "\n".join(lines)
