"""Parse the tab-separated Annex A table of Lord Laming's recommendations into one record per recommendation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..base.errors import DataError
from .cell_markdown import Block, ListBlock, Paragraph, cell_to_blocks, render_blocks

COLUMNS = ("recommendation", "response_2009", "progress_2010")
_CELLS = 1 + len(COLUMNS)
_HEADER_FIRST_CELL = re.compile(r"(?i)^ref\.?\s*no\.?$")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_TAG = re.compile(r"<[^>]*>")
_REF = re.compile(r"[0-9]+")
# Punctuation that can end a sentence or a clause that stands on its own (a list lead-in ends with ":").
_TERMINAL = ".!?:;\u2026"
_CLOSERS = "*_\"'\u2019\u201d)]"
_OPENERS = "*_\"'\u2018\u201c([\\"


@dataclass(frozen=True)
class TableRow:
    """One recommendation: its numbered row and any continuation rows, merged.

    ``lines`` are the 1-based source lines of every row it was built from (the numbered row first);
    ``cells`` holds the raw text of each of the three columns, one string per row, so nothing the
    source had is out of reach; ``joined`` names the columns where a paragraph split mid-sentence by
    a page break was put back together.
    """

    ref: int
    lines: tuple[int, ...]
    cells: tuple[tuple[str, ...], ...]
    recommendation: str
    response_2009: str
    progress_2010: str
    joined: tuple[str, ...] = ()

    @property
    def line(self) -> int:
        return self.lines[0]

    def column(self, name: str) -> str:
        if name not in COLUMNS:
            raise KeyError(name)
        return getattr(self, name)


def _is_header(cells: list[str]) -> bool:
    return bool(_HEADER_FIRST_CELL.match(cells[0].strip()))


def _plain_edge(text: str) -> str:
    return _TAG.sub("", text)


def _splits_mid_sentence(before: str, after: str) -> bool:
    """True when a page break cut a paragraph: no closing punctuation before it, or lower case after it."""
    tail = before.rstrip().rstrip(_CLOSERS).rstrip()
    head = after.lstrip().lstrip(_OPENERS)
    return (bool(tail) and tail[-1] not in _TERMINAL) or (bool(head) and head[0].islower())


def join_fragments(fragments: list[list[Block]]) -> tuple[list[Block], bool]:
    """Join one column's fragments (one per row); a list split by a page break stays one list.

    Returns the blocks and whether a paragraph split mid-sentence was re-joined.
    """
    out: list[Block] = []
    joined = False
    for blocks in fragments:
        blocks = list(blocks)
        if out and blocks:
            last, first = out[-1], blocks[0]
            if isinstance(last, Paragraph) and isinstance(first, Paragraph):
                if _splits_mid_sentence(last.text, first.text):
                    out[-1] = Paragraph(f"{last.text} {first.text}")
                    blocks.pop(0)
                    joined = True
            elif isinstance(last, ListBlock) and isinstance(first, ListBlock) and last.ordered == first.ordered:
                out[-1] = ListBlock(last.items + first.items, last.ordered)
                blocks.pop(0)
        out.extend(blocks)
    return out, joined


def _table_start(lines: list[str], source: str) -> int:
    for index, line in enumerate(lines):
        if "\t" in line and _is_header(line.split("\t")):
            return index
    raise DataError(source, "no Annex table found: expected a tab-separated header row starting 'Ref No'")


def parse_annex_table(text: str, *, source: str) -> list[TableRow]:
    """Every recommendation in the first "Ref No" table of ``text``, in order.

    The table runs from its first header row to the next Markdown heading. Header rows may repeat
    (page breaks); a row with an empty Ref No continues the recommendation above it.
    """
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise DataError(source, "the text is not valid Unicode (it contains lone surrogates)")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    start = _table_start(lines, source)
    groups: list[tuple[int, list[tuple[int, list[str]]]]] = []  # (ref, [(line number, cells)])
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if _HEADING.match(line):
            break
        if "\t" not in line and not line.strip():
            continue  # a row of empty cells is still a row, so only tab-less blank lines are skipped
        cells = line.split("\t")
        if len(cells) != _CELLS:
            raise DataError(
                source,
                f"table row has {len(cells)} tab-separated cell(s), expected {_CELLS} "
                "(Ref No, recommendation, response, progress)",
                line=number,
            )
        if _is_header(cells):
            continue
        ref_text = _plain_edge(cells[0]).strip()
        if not ref_text:
            if not groups:
                raise DataError(source, "continuation row (empty Ref No) before any recommendation", line=number)
            groups[-1][1].append((number, cells[1:]))
            continue
        if not _REF.fullmatch(ref_text):
            raise DataError(source, f"Ref No {ref_text!r} is not a number", line=number)
        ref = int(ref_text)
        expected = groups[-1][0] + 1 if groups else 1
        if ref != expected:
            seen = {g[0] for g in groups}
            if ref in seen:
                problem = f"duplicate Ref No {ref}"
            elif ref < expected:
                problem = f"Ref No {ref} is out of order (expected {expected})"
            else:
                problem = f"Ref No {ref} skips recommendation(s) {expected}-{ref - 1}"
            raise DataError(source, problem, line=number, entry=f"recommendation {ref}")
        groups.append((ref, [(number, cells[1:])]))
    return [_build(ref, rows, source) for ref, rows in groups]


def _build(ref: int, rows: list[tuple[int, list[str]]], source: str) -> TableRow:
    markdown: dict[str, str] = {}
    joined: list[str] = []
    for position, name in enumerate(COLUMNS):
        fragments = [cell_to_blocks(cells[position]) for _, cells in rows if cells[position].strip()]
        blocks, was_joined = join_fragments(fragments)
        markdown[name] = render_blocks(blocks)
        if was_joined:
            joined.append(name)
    if not markdown["recommendation"]:
        raise DataError(source, "the recommendation has no text", line=rows[0][0], entry=f"recommendation {ref}")
    return TableRow(
        ref=ref,
        lines=tuple(number for number, _ in rows),
        cells=tuple(tuple(cells[position] for _, cells in rows) for position in range(len(COLUMNS))),
        joined=tuple(joined),
        **markdown,
    )
