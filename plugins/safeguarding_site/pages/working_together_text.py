"""A chapter of *Working Together* with its imported text: the generated page around the publication's words.

``build.py import-working-together`` writes ``docs/working-together/chapter-N.md``. That file is the source
of the chapter's text, not a page of its own: the plugin puts its body inside the generated chapter page
(navigation and part above; the recommendations the chapter implements and "Referred to in" below), with
one heading, and the Crown copyright statement the publication's licence asks for.
"""

from __future__ import annotations

import re

from ..data.site_data import SiteData
from ..text.front_matter import front_matter, front_matter_end
from .working_together_parts import (
    FRONT_PARTS,
    OVERVIEW,
    appendix_page,
    front_page,
    front_part_page,
    overview_with_front_parts,
)

IMPORTED_BY = "build.py import-working-together"
_GENERATED_BY = re.compile(rf"^generated_by: {re.escape(IMPORTED_BY)}$", re.MULTILINE)
_TAIL = re.compile(r"^## Recommendations this chapter implements ", re.MULTILINE)


def is_imported_chapter(markdown: str) -> bool:
    """True for a page written by the importer (its front matter says so)."""
    front, _ = front_matter(markdown)
    return bool(front and _GENERATED_BY.search(front))


def copyright_statement(data: SiteData, what: str = "chapter") -> list[str]:
    wt = data.working_together
    return [
        '!!! info "Crown copyright"',
        f"    The text of this {what} is from *{wt.title}* (HM Government, March 2010, {wt.reference}). "
        "It is Crown copyright 2010, reproduced here under the terms of the publication's copyright notice.",
        "",
    ]


def _imported_body(imported: str) -> str:
    body = imported[front_matter_end(imported):].lstrip("\n")
    lines = body.split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]  # the generated page has the chapter's heading already
    return "\n".join(lines).strip("\n")


def chapter_page_with_text(data: SiteData, generated: str, imported: str, what: str = "chapter") -> str:
    """The generated chapter page with ``imported``'s text in place of the notes about its absence."""
    lines = generated.split("\n")
    # The head: front matter, heading, navigation and the part line, up to the first note or section.
    head_end = next((i for i, line in enumerate(lines) if i > 4 and line.startswith(("!!! ", "## "))), len(lines))
    tail = _TAIL.search(generated)
    head = "\n".join(lines[:head_end]).rstrip("\n")
    tail_text = generated[tail.start():] if tail else ""
    return "\n".join([head, "", *copyright_statement(data, what), _imported_body(imported), "", tail_text])


def with_imported_chapters(data: SiteData, generated: dict[str, str],
                           sources: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """``generated`` with every imported chapter's and appendix's text put in, and the imported executive
    summary, preface and glossary added; and the docs/ paths it took the text from."""
    merged = dict(generated)
    taken: list[str] = []
    pages = [(c.page, "chapter") for c in data.working_together.chapters.values()]
    pages += [(appendix_page(a.number), "appendix") for a in data.working_together.appendices]
    for uri, what in pages:
        if uri in generated and uri in sources and is_imported_chapter(sources[uri]):
            merged[uri] = chapter_page_with_text(data, generated[uri], sources[uri], what)
            taken.append(uri)
    present = [slug for slug in FRONT_PARTS if front_page(slug) not in generated
               and front_page(slug) in sources and is_imported_chapter(sources[front_page(slug)])]
    for slug in present:
        uri = front_page(slug)
        merged[uri] = front_part_page(data, slug, sources[uri], copyright_statement(data, "page"), present)
        taken.append(uri)
    if OVERVIEW in merged:
        merged[OVERVIEW] = overview_with_front_parts(merged[OVERVIEW], present)
    return merged, taken
