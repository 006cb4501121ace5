"""A source page cut into blocks, each with the anchor a link to it would use and a label for readers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .front_matter import front_matter_end
from .headings import HEADING, heading_text, slugify, unique_id
from .plain_text import plain_text

_HEADING_ID = re.compile(r"[ \t]*\{[^{}]*?#([\w:.-]+)[^{}]*\}$")
_NUMBERED = re.compile(r"\{[^{}\n]*#((para|item)-(\d+))\b[^{}\n]*\}")
_FOOTNOTE = re.compile(r"^\[\^([^\]\n]+)\]:")
# A list, an indented block or a quotation right after a numbered paragraph still belongs to it.
_CONTINUES = re.compile(r"^(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]|[ \t]{2,}\S|[ \t]*>)")
_EXPLICIT_ID = re.compile(r"\{[^{}\n]*?#([\w:.-]+)")


@dataclass(frozen=True)
class Block:
    page: str
    anchor: str  # para-N, item-N, fn:N, a heading's id, or "" for the top of the page
    label: str  # "One Year On, paragraph 24"
    text: str  # the block's Markdown
    start: int = 0  # where the block starts in the page's Markdown (front matter included)


def page_anchors(markdown: str) -> set[str]:
    """Every id a link into the page may use: explicit ids, headings' ids as toc makes them, footnotes."""
    anchors = {block.anchor for block in page_blocks("", markdown, "")}
    return anchors | set(_EXPLICIT_ID.findall(markdown))


def page_blocks(page: str, markdown: str, document_name: str, *, first_page: bool = False) -> list[Block]:
    """The page's blocks in order (front matter skipped), each tied to the nearest thing a link can reach.

    A block ending in ``{ #para-N .numbered }`` is that paragraph, and so are the lists and quotations
    that follow it; a footnote definition is ``fn:N``; anything else belongs to the heading above it.
    On a document's first (or only) page the title is the document's own, so labels leave it out.
    The one block parser: citations, the glossary's sources and "referred to in" all place text with it.
    """
    ids = set(_EXPLICIT_ID.findall(markdown))
    offset = front_matter_end(markdown)
    blocks: list[Block] = []
    heading = ("", document_name)
    title = ""
    numbered: tuple[str, str] | None = None
    lines: list[str] = []
    start = offset

    def flush() -> None:
        nonlocal numbered
        if not lines:
            return
        text = "\n".join(lines)
        lines.clear()
        if found := _NUMBERED.search(text):
            what = "paragraph" if found.group(2) == "para" else "item"
            where = document_name if what == "paragraph" or first_page else f"{document_name}, {title}"
            numbered = (found.group(1), f"{where}, {what} {found.group(3)}")
            blocks.append(Block(page, *numbered, text, start))
        elif footnote := _FOOTNOTE.match(text):
            numbered = None
            blocks.append(Block(page, f"fn:{footnote.group(1)}", f"{document_name}, footnote {footnote.group(1)}",
                                text, start))
        elif numbered and _CONTINUES.match(text):
            blocks.append(Block(page, *numbered, text, start))
        else:
            numbered = None
            blocks.append(Block(page, *heading, text, start))

    for line in markdown[offset:].splitlines(keepends=True):
        bare = line.splitlines()[0]
        if match := HEADING.match(bare):
            flush()
            numbered = None
            explicit = _HEADING_ID.search(match.group(2))
            text = heading_text(match.group(2))
            anchor = explicit.group(1) if explicit else unique_id(slugify(text), ids)
            if len(match.group(1)) == 1:
                title = text
                anchor = ""  # the page's own title: link to the page itself
            heading = (anchor, document_name if first_page and anchor == "" else f"{document_name}, {text}")
            blocks.append(Block(page, heading[0], heading[1], bare, offset))
        elif bare.strip():
            if _FOOTNOTE.match(bare):
                flush()  # footnote definitions are often written on consecutive lines
            if not lines:
                start = offset
            lines.append(bare)
        else:
            flush()
        offset += len(line)
    flush()
    return blocks


_ATTR_LIST = re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}")
_FOOTNOTE_MARKER = re.compile(r"\[\^[^\]\n]+\]:?")
_HEADING_MARKS = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def comparable(markdown: str) -> str:
    """The words of ``markdown`` as a reader sees them, for finding a quoted phrase.

    Attribute lists, footnote markers, emphasis and link targets go; curly quotes and dashes become
    straight ones, so an editor may type either.
    """
    text = _HEADING_MARKS.sub("", _FOOTNOTE_MARKER.sub("", _ATTR_LIST.sub("", markdown)))
    return plain_text(text).translate(_QUOTES)
