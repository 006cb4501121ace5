""""Where is this discussed?": every passage that refers to a recommendation or a Working Together chapter."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..data.recommendations import COLUMNS
from ..text.blocks import page_blocks
from ..text.front_matter import body_offset, document_key
from ..text.relative_links import relative
from .autolink import find_references
from .reference_patterns import Reference
from .targets import LinkTargets

# The parts of a recommendation page that are the source's text; the rest repeats it (quotes) or is ours.
_REC_SECTIONS = {"recommendation": "recommendation", "response": "response_2009", "progress": "progress_2010"}


@dataclass(frozen=True)
class Place:
    page: str
    anchor: str  # para-N, item-N, rec-N-progress, fn:N or a heading's id; "" for the top of the page
    label: str  # "One Year On, paragraph 24"
    texts: tuple[str, ...]  # the words that refer, once each, in page order


@dataclass(frozen=True)
class Backlinks:
    recommendations: Mapping[int, tuple[Place, ...]]
    chapters: Mapping[int, tuple[Place, ...]]


def _page_order(pages: Mapping[str, str], targets: LinkTargets) -> list[tuple[str, str]]:
    """Documents in documents.yaml order (pages as given within each), then recommendations by number."""
    documents = {key: i for i, key in enumerate(targets.documents)}
    rec_pages = targets.recommendation_pages

    def key(item: tuple[int, tuple[str, str]]) -> tuple[int, int, int]:
        index, (page, markdown) = item
        if page in rec_pages:
            return (len(documents), rec_pages[page], index)
        return (documents.get(document_key(markdown) or "", len(documents) + 1), 0, index)

    return [item for _, item in sorted(enumerate(pages.items()), key=key)]


def build_backlinks(pages: Mapping[str, str], targets: LinkTargets,
                    references: Callable[..., list[Reference]] | None = None) -> Backlinks:
    """One pass over every page's Markdown (front matter included), before any page is autolinked.

    ``references(body, page=, document=)`` finds a page body's references; by default ``find_references``
    (the plugin passes a ReferenceCache, so the autolinker's second look at the page costs nothing).

    Counted: the documents' pages and the source-text sections of the recommendation pages. Not counted:
    the page repeating every recommendation (it would list each passage twice), generated pages with no
    document, a page referring to itself, and text inside links (navigation, existing cross-links).
    """
    found: dict[str, dict[int, dict[tuple[str, str], tuple[str, list[str]]]]] = {"rec": {}, "chapter": {}}
    rec_pages = targets.recommendation_pages
    for page, markdown in _page_order(pages, targets):
        declared = document_key(markdown)
        rec_id = rec_pages.get(page)
        document = targets.documents.get(targets.document_of(page, declared) or "")
        if page == targets.recommendations_table or document is None:
            continue
        name = f"Recommendation {rec_id}" if rec_id else document.name
        # Front matter included: a block's start and a reference's offset count from the top of the page.
        blocks = page_blocks(page, markdown, name, first_page=page == document.index)
        starts = [block.start for block in blocks]
        offset = body_offset(markdown)
        body = markdown[offset:]
        found_refs = references(body, page=page, document=declared) if references is not None else \
            find_references(body, page=page, document=declared, targets=targets)
        for ref in found_refs:
            subject = {"recommendation": "rec", "wt-chapter": "chapter"}.get(ref.kind)
            index = bisect.bisect_right(starts, offset + ref.start) - 1
            if subject is None or ref.number is None or ref.target == page or index < 0:
                continue
            anchor, label = blocks[index].anchor, blocks[index].label
            if rec_id is not None:
                section = re.fullmatch(rf"rec-{rec_id}-([\w-]+)", anchor)
                if section is None or section.group(1) not in _REC_SECTIONS:
                    continue
                label = f"{name}, {COLUMNS[_REC_SECTIONS[section.group(1)]]}"
            places = found[subject].setdefault(ref.number, {})
            texts = places.setdefault((page, anchor), (label, []))[1]
            if (text := " ".join(ref.text.split())) not in texts:
                texts.append(text)

    def frozen(kind: str) -> dict[int, tuple[Place, ...]]:
        return {number: tuple(Place(page, anchor, label, tuple(texts))
                              for (page, anchor), (label, texts) in places.items())
                for number, places in sorted(found[kind].items())}

    return Backlinks(recommendations=frozen("rec"), chapters=frozen("chapter"))


def referred_to_in(places: Sequence[Place], *, page: str, subject: str) -> str:
    """The "Referred to in" section for ``page``: one item per place, linked to its anchor.

    Append it after autolinking the page: the quoted words would otherwise be linked again.
    """
    lines = ["## Referred to in { #referred-to-in }", ""]
    if not places:
        return "\n".join([*lines, f"No passage in the documents on this site refers to {subject} by number.", ""])
    for place in places:
        label = place.label.replace("[", "\\[").replace("]", "\\]")
        quotes = "; ".join(f"“{text}”" for text in place.texts)
        lines.append(f"- [{label}]({relative(page, place.page, place.anchor)}): {quotes}")
    return "\n".join([*lines, ""])


def recommendation_section(backlinks: Backlinks, rec_id: int, page: str) -> str:
    return referred_to_in(backlinks.recommendations.get(rec_id, ()), page=page, subject="this recommendation")


def chapter_section(backlinks: Backlinks, chapter: int, page: str) -> str:
    return referred_to_in(backlinks.chapters.get(chapter, ()), page=page, subject="this chapter")
