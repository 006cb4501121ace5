"""A source page cut into blocks, each with the anchor a link to it would use and a label for readers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

from .plain_text import plain_text

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_DOCUMENT_KEY = re.compile(r"^document:[ \t]*['\"]?([\w.-]+)['\"]?[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*$")
_HEADING_ID = re.compile(r"[ \t]*\{[^{}]*?#([\w:.-]+)[^{}]*\}$")
_NUMBERED = re.compile(r"\{[^{}\n]*#((para|item)-(\d+))\b[^{}\n]*\}")
_FOOTNOTE = re.compile(r"^\[\^([^\]\n]+)\]:")
# A list, an indented block or a quotation right after a numbered paragraph still belongs to it.
_CONTINUES = re.compile(r"^(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]|[ \t]{2,}\S|[ \t]*>)")
_EXPLICIT_ID = re.compile(r"\{[^{}\n]*?#([\w:.-]+)")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|\[\^[^\]]+\]|[*_`]")


@dataclass(frozen=True)
class Block:
    page: str
    anchor: str  # para-N, item-N, fn:N, a heading's id, or "" for the top of the page
    label: str  # "One Year On, paragraph 24"
    text: str  # the block's Markdown


def document_key(markdown: str) -> str | None:
    """The ``document:`` key of the page's front matter, if any."""
    front = _FRONT_MATTER.match(markdown)
    found = _DOCUMENT_KEY.search(front.group(1)) if front else None
    return found.group(1) if found else None


def heading_text(raw: str) -> str:
    """A heading's words without its { #id }, links, footnote markers or emphasis."""
    return " ".join(_INLINE_MARKUP.sub(lambda m: m.group(1) or "", _HEADING_ID.sub("", raw)).split())


def page_anchors(markdown: str) -> set[str]:
    """Every id a link into the page may use: explicit ids, headings' ids as toc makes them, footnotes."""
    anchors = {block.anchor for block in page_blocks("", markdown, "")}
    return anchors | set(_EXPLICIT_ID.findall(markdown))


def page_blocks(page: str, markdown: str, document_name: str, *, first_page: bool = False) -> list[Block]:
    """The page's blocks in order (front matter skipped), each tied to the nearest thing a link can reach.

    A block ending in ``{ #para-N .numbered }`` is that paragraph, and so are the lists and quotations
    that follow it; a footnote definition is ``fn:N``; anything else belongs to the heading above it.
    On a document's first (or only) page the title is the document's own, so labels leave it out.
    """
    ids = set(_EXPLICIT_ID.findall(markdown))
    front = _FRONT_MATTER.match(markdown)
    body = markdown[front.end():] if front else markdown
    blocks: list[Block] = []
    heading = ("", document_name)
    title = ""
    numbered: tuple[str, str] | None = None
    lines: list[str] = []

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
            blocks.append(Block(page, *numbered, text))
        elif footnote := _FOOTNOTE.match(text):
            numbered = None
            blocks.append(Block(page, f"fn:{footnote.group(1)}", f"{document_name}, footnote {footnote.group(1)}",
                                text))
        elif numbered and _CONTINUES.match(text):
            blocks.append(Block(page, *numbered, text))
        else:
            numbered = None
            blocks.append(Block(page, *heading, text))

    for line in body.splitlines():
        if match := _HEADING.match(line):
            flush()
            numbered = None
            explicit = _HEADING_ID.search(match.group(2))
            text = heading_text(match.group(2))
            anchor = explicit.group(1) if explicit else unique(slugify(text, "-"), ids)
            if len(match.group(1)) == 1:
                title = text
                anchor = ""  # the page's own title: link to the page itself
            heading = (anchor, document_name if first_page and anchor == "" else f"{document_name}, {text}")
            blocks.append(Block(page, heading[0], heading[1], line))
        elif line.strip():
            if _FOOTNOTE.match(line):
                flush()  # footnote definitions are often written on consecutive lines
            lines.append(line)
        else:
            flush()
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
