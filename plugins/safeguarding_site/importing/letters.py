"""Importers for the three ministerial letters (2008, 2009, 2010): one correspondence page each."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..base.errors import DataError
from .pages import ImportedPage, numbered_block

_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_BULLET = re.compile(r"^\s*-\s+(.*)$")
_ORDINAL = re.compile(r"(\d)<sup>(st|nd|rd|th)</sup>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_STRONG_WRAPPER = re.compile(r"^\*\*(.+)\*\*$")


@dataclass(frozen=True)
class _Block:
    """A run of non-blank source lines; ``line`` is the 1-based source line of its first line."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class _Recipe:
    """What one letter needs: its debris, the blocks a page break split, its title, its letter head."""

    source: str
    path: str
    title: str
    document: str
    # Exact text of blocks that are not part of the letter (scan stamps, logos).
    debris: tuple[str, ...]
    # Exact text of the extraction's descriptions of the signature images: kept, set apart as descriptions.
    signatures: tuple[str, ...]
    # (end of one block, start of the next): one line or sentence the PDF layout split in two.
    joins: tuple[tuple[str, str], ...]
    # Exact text of the subject line. It stays where the source has it, after the salutation; the page's
    # title comes from the front matter (the theme shows it as the H1), so nothing moves above the letterhead.
    subject: str | None
    # The H1 for a letter without a subject line: ours, and marked as ours on the page.
    editorial_heading: str | None
    # Leading blocks (letterhead, addresses) whose line breaks are part of the layout.
    head_blocks: int


def _blocks(text: str) -> list[_Block]:
    # A line holding only spaces is page-break debris, so it separates blocks like an empty line.
    blocks: list[_Block] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            if current:
                blocks.append(_Block(start, tuple(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append(_Block(start, tuple(current)))
    return blocks


def _remove_debris(recipe: _Recipe, blocks: list[_Block]) -> list[_Block]:
    for debris in recipe.debris:
        found = [b for b in blocks if b.text == debris]
        if len(found) != 1:
            raise DataError(
                recipe.source, f"expected the debris block {debris!r} exactly once, found {len(found)}"
            )
        blocks = [b for b in blocks if b is not found[0]]
    return blocks


def _join_splits(recipe: _Recipe, blocks: list[_Block]) -> list[_Block]:
    for end, start in recipe.joins:
        places = [
            i
            for i in range(len(blocks) - 1)
            if blocks[i].lines[-1].endswith(end) and blocks[i + 1].lines[0].startswith(start)
        ]
        if len(places) != 1:
            raise DataError(
                recipe.source, f"expected one split between {end!r} and {start!r}, found {len(places)}"
            )
        i = places[0]
        first, second = blocks[i], blocks[i + 1]
        joined = (*first.lines[:-1], f"{first.lines[-1]} {second.lines[0]}", *second.lines[1:])
        blocks[i : i + 2] = [_Block(first.line, joined)]
    return blocks


def _heading_and_subject(recipe: _Recipe, blocks: list[_Block]) -> tuple[list[str], _Block | None]:
    """The editors' H1 for a letter without a subject line; else no H1, and the subject block to keep."""
    if recipe.subject is None:
        assert recipe.editorial_heading is not None
        note = (
            '!!! note "Heading supplied by the editors"\n'
            "    The letter has no heading of its own; this title is ours."
        )
        return [f"# {recipe.editorial_heading}\n\n{note}"], None
    found = [b for b in blocks if b.text == recipe.subject]
    if len(found) != 1:
        raise DataError(recipe.source, f"expected the subject line {recipe.subject!r} exactly once")
    return [], found[0]


def _find_signatures(recipe: _Recipe, blocks: list[_Block]) -> set[int]:
    """Ids of the blocks that describe a signature image, each found exactly once."""
    ids: set[int] = set()
    for text in recipe.signatures:
        found = [b for b in blocks if b.text == text]
        if len(found) != 1:
            raise DataError(recipe.source, f"expected the signature description {text!r} exactly once")
        ids.add(id(found[0]))
    return ids


def _inline(recipe: _Recipe, block: _Block, text: str) -> str:
    # "1<sup>st</sup> April" is an ordinal, not a footnote marker; it keeps its superscript.
    if _HTML_TAG.search(_ORDINAL.sub("", text)):
        raise DataError(recipe.source, f"unexpected HTML in {text[:60]!r}", line=block.line)
    return text


def _item(number: int, text: str) -> str:
    return numbered_block("item", number, text)


def _list_block(recipe: _Recipe, block: _Block, next_item: int) -> tuple[list[str], int]:
    """Numbered points become anchored paragraphs; their bullets follow them as a plain list."""
    out: list[str] = []
    bullets: list[str] = []
    for offset, line in enumerate(block.lines):
        numbered, bullet = _NUMBERED.match(line), _BULLET.match(line)
        if numbered:
            if int(numbered.group(1)) != next_item:
                raise DataError(
                    recipe.source,
                    f"point {numbered.group(1)} where point {next_item} was expected",
                    line=block.line + offset,
                )
            if bullets:
                out.append("\n".join(bullets))
                bullets = []
            out.append(_item(next_item, _inline(recipe, block, numbered.group(2))))
            next_item += 1
        elif bullet:
            bullets.append(f"- {_inline(recipe, block, bullet.group(1))}")
        else:
            raise DataError(
                recipe.source,
                f"a line in a list is neither a point nor a bullet: {line!r}",
                line=block.line + offset,
            )
    if bullets:
        out.append("\n".join(bullets))
    return out, next_item


def _heading(recipe: _Recipe, block: _Block) -> str:
    title = block.text.removeprefix("## ").strip()
    # The source wraps the heading in bold; a heading is bold already.
    title = _STRONG_WRAPPER.sub(r"\1", title)
    return f"## {_inline(recipe, block, title)}"


def _convert(recipe: _Recipe, text: str) -> list[ImportedPage]:
    blocks = _remove_debris(recipe, _blocks(text))
    blocks = _join_splits(recipe, blocks)
    out, subject = _heading_and_subject(recipe, blocks)
    signatures = _find_signatures(recipe, blocks)
    next_item = 1
    for index, block in enumerate(blocks):
        first = block.lines[0]
        if block is subject:
            # Kept as the source sets it, line breaks and emphasis included.
            out.append("  \n".join(_inline(recipe, block, line.strip()) for line in block.lines))
        elif id(block) in signatures:
            # The extraction's words for the signature image: italic, and classed, so no one reads them as
            # words of the letter.
            out.append(f"*{_inline(recipe, block, block.text)}*\n{{ .signature-description }}")
        elif index < recipe.head_blocks:
            # Letterhead and address lines keep their breaks (Markdown hard line breaks).
            out.append("  \n".join(_inline(recipe, block, line.strip()) for line in block.lines))
        elif first.startswith("## "):
            out.append(_heading(recipe, block))
        elif _NUMBERED.match(first) or _BULLET.match(first):
            items, next_item = _list_block(recipe, block, next_item)
            out.extend(items)
        else:
            out.append(_inline(recipe, block, " ".join(line.strip() for line in block.lines)))
    body = "\n\n".join(out) + "\n"
    return [ImportedPage(path=recipe.path, title=recipe.title, document=recipe.document, body=body)]


_LETTER_2008 = _Recipe(
    source="sources/2008-11-17-letter-secretary-of-state-to-lord-laming.txt",
    path="correspondence/2008-11-17-letter-to-lord-laming.md",
    title="Letter to Lord Laming, 17 November 2008",
    document="letter-2008-11-17",
    debris=(
        # The department's logo, printed at the page break that falls inside point 2.
        "department for\nchildren, schools and families",
    ),
    # The signature image, which the extraction described in words.
    signatures=("A handwritten signature in blue ink, appearing to read 'Ed Balls'.",),
    joins=(
        ("17", "November 2008"),
        ("Dear", "Lord Laming"),
        ("that may be", "preventing good safeguarding practice"),
    ),
    subject="PROGRESS REPORT ON SAFEGUARDING",
    editorial_heading=None,
    head_blocks=3,
)

_LETTER_2009 = _Recipe(
    source="sources/2009-02-03-letter-secretary-of-state-on-nspcc-proposals.txt",
    path="correspondence/2009-02-03-letter-on-nspcc-proposals.md",
    title="Letter on the NSPCC's proposals, 3 February 2009",
    document="letter-2009-02-03",
    debris=(
        # The recipient's receipt stamp and registry number on the scanned copy: not the writer's.
        "RECEIVED 04 FEB 2009",
        "2009/0007948POSoS",
        # The department's logo at the page break.
        "department for\n**children, schools and families**",
    ),
    signatures=("A handwritten signature in black ink, appearing to read 'Ed Balls', written in a cursive style.",),
    joins=(),
    subject=None,
    editorial_heading="Letter to Rt Hon Tessa Jowell MP on the NSPCC's proposals",
    head_blocks=3,
)

_LETTER_2010 = _Recipe(
    source="sources/2010-03-17-letter-to-local-authorities-one-year-on.txt",
    path="correspondence/2010-03-17-letter-to-local-authorities.md",
    title="Letter to local authorities, 17 March 2010",
    document="letter-2010-03-17",
    debris=(),
    signatures=(),
    joins=(),
    subject=(
        "***The Government's Response to Lord Laming: One Year On\n"
        "and\n"
        "Building a Safe and Confident Future: Implementing the\n"
        "recommendations of the Social Work Task Force***"
    ),
    editorial_heading=None,
    head_blocks=1,
)


def convert_2008_letter(text: str) -> list[ImportedPage]:
    """Ed Balls to Lord Laming, 17 November 2008, commissioning the progress report."""
    return _convert(_LETTER_2008, text)


def convert_2009_letter(text: str) -> list[ImportedPage]:
    """Ed Balls to Tessa Jowell, 3 February 2009, on the NSPCC's proposals."""
    return _convert(_LETTER_2009, text)


def convert_2010_letter(text: str) -> list[ImportedPage]:
    """The joint ministerial letter to local authorities, 17 March 2010, with the GO summary."""
    return _convert(_LETTER_2010, text)


LETTERS: dict[str, Callable[[str], list[ImportedPage]]] = {
    "2008-11-17-letter-secretary-of-state-to-lord-laming.txt": convert_2008_letter,
    "2009-02-03-letter-secretary-of-state-on-nspcc-proposals.txt": convert_2009_letter,
    "2010-03-17-letter-to-local-authorities-one-year-on.txt": convert_2010_letter,
}
