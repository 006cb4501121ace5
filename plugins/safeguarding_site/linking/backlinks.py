""""Where is this discussed?": every passage that refers to a recommendation or a Working Together chapter."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from ..data.recommendations import COLUMNS
from ..text.relative_links import relative
from .autolink import find_references
from .reference_patterns import Reference
from .targets import LinkTargets, front_matter_document

# Front matter as MkDocs strips it before ``on_page_markdown`` (mkdocs.utils.meta.get_data, blank lines
# after it included): references are found in the text the autolinker will see, so they can be shared.
_MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

# The parts of a recommendation page that are the source's text; the rest repeats it (quotes) or is ours.
_REC_SECTIONS = {"recommendation": "recommendation", "response": "response_2009", "progress": "progress_2010"}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*$")
_HEADING_ID = re.compile(r"[ \t]*\{[^{}]*?#([\w:.-]+)[^{}]*\}$")
_EXPLICIT_ID = re.compile(r"\{[^{}\n]*?#([\w:.-]+)")
_NUMBERED = re.compile(r"\{[^{}\n]*#((para|item)-(\d+))\b[^{}\n]*\}")
_CONTINUES = re.compile(r"^(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]|[ \t]{2,}\S|[ \t]*>)")  # list, indented, quotation
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")
_FOOTNOTE = re.compile(r"^\[\^([^\]\n]+)\]:")


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


def _heading_text(raw: str) -> str:
    """The heading's text as toc sees it once rendered: markup gone, a footnote marker left as its number."""
    text = re.sub(r"\[\^([^\]]+)\]", r"\1", _HEADING_ID.sub("", raw))
    text = re.sub(r"<[^>]+>", "", _LINK.sub(r"\1", text))
    for _ in range(2):  # nested emphasis such as ***bold italic***
        text = _EMPHASIS.sub(r"\2", text)
    return html.unescape(re.sub(r"\\(.)", r"\1", text)).strip()


def _regions(markdown: str, name: str, is_first_page: bool) -> list[tuple[int, str, str]]:
    """(start offset, anchor, label) of each block of the page, in order: the place a reference sits in.

    A block ending in ``{ #para-N .numbered }`` is that paragraph, and so are the lists and quotations
    that follow it; anything else belongs to the nearest heading above (its id computed as toc does).
    """
    ids = set(_EXPLICIT_ID.findall(markdown))
    regions: list[tuple[int, str, str]] = []
    heading = ("", name)
    page_title = ""
    numbered: tuple[str, str] | None = None
    offset = front.end() if (front := _FRONT_MATTER.match(markdown)) else 0
    block: list[str] = []
    block_start = offset

    def flush() -> None:
        nonlocal numbered
        if not block:
            return
        text = "".join(block)
        if found := _NUMBERED.search(text):
            what = "paragraph" if found.group(2) == "para" else "item"
            where = f"{name}, " if what == "paragraph" or is_first_page else f"{name}, {page_title}, "
            numbered = (found.group(1), f"{where}{what} {found.group(3)}")
            regions.append((block_start, *numbered))
        elif footnote := _FOOTNOTE.match(text):
            where = f"{name}, {page_title}" if page_title and not is_first_page else name
            regions.append((block_start, f"fn:{footnote.group(1)}", f"{where}, footnote {footnote.group(1)}"))
        elif numbered and _CONTINUES.match(text):
            regions.append((block_start, *numbered))
        else:
            numbered = None
            regions.append((block_start, *heading))
        block.clear()

    for line in markdown[offset:].splitlines(keepends=True):
        if match := _HEADING.match(line):
            flush()
            numbered = None
            explicit = _HEADING_ID.search(match.group(2))
            text = _heading_text(match.group(2))
            anchor = explicit.group(1) if explicit else unique(slugify(text, "-"), ids)
            page_title = page_title or text
            heading = (anchor, f"{name}, {text}")
            regions.append((offset, *heading))
        elif not line.strip():
            flush()
        else:
            if not block:
                block_start = offset
            block.append(line)
        offset += len(line)
    flush()
    return regions


def _page_order(pages: Mapping[str, str], targets: LinkTargets) -> list[tuple[str, str]]:
    """Documents in documents.yaml order (pages as given within each), then recommendations by number."""
    documents = {key: i for i, key in enumerate(targets.documents)}
    rec_pages = targets.recommendation_pages

    def key(item: tuple[int, tuple[str, str]]) -> tuple[int, int, int]:
        index, (page, markdown) = item
        if page in rec_pages:
            return (len(documents), rec_pages[page], index)
        return (documents.get(front_matter_document(markdown) or "", len(documents) + 1), 0, index)

    return [item for _, item in sorted(enumerate(pages.items()), key=key)]


def body_offset(markdown: str) -> int:
    """Where the page's Markdown starts once MkDocs has taken its front matter off."""
    match = _MKDOCS_FRONT_MATTER.match(markdown)
    return len(markdown) - len(markdown[match.end():].lstrip("\n")) if match else 0


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
        declared = front_matter_document(markdown)
        rec_id = rec_pages.get(page)
        document = targets.documents.get(targets.document_of(page, declared) or "")
        if page == targets.recommendations_table or document is None:
            continue
        name = f"Recommendation {rec_id}" if rec_id else document.name
        regions = _regions(markdown, name, page == document.index)
        starts = [start for start, _, _ in regions]
        offset = body_offset(markdown)
        body = markdown[offset:]
        found_refs = references(body, page=page, document=declared) if references is not None else \
            find_references(body, page=page, document=declared, targets=targets)
        for ref in found_refs:
            subject = {"recommendation": "rec", "wt-chapter": "chapter"}.get(ref.kind)
            index = bisect.bisect_right(starts, offset + ref.start) - 1
            if subject is None or ref.number is None or ref.target == page or index < 0:
                continue
            _, anchor, label = regions[index]
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
