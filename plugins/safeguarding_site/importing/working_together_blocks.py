"""Tables, boxes and diagram text in *Working Together* (2010): found in the extracted text, kept word for word.

The layout reference (``../shared/reference/working-together-2010-layout.md``) describes the flow charts of
Chapter 5 but says nothing about tables or boxes, so what this module assumes is written down here (and in
the editors' guide, "Add a chapter's text"), and every assumption errs towards keeping the words as they
came rather than guessing a structure:

- A **table row** is a line whose cells are separated by a tab or by a run of two or more spaces (the PDF
  reader in ``working_together_pdf.py`` writes a tab for a wide gap between glyphs, so a PDF gives the
  same form). A line that starts like a numbered paragraph, a bullet or a lettered item is never a row.
- A **table** is a run of two or more rows with the same number of cells, its first row the header. Rows
  separated by spaces only must also line up (each cell starting at the same column in every row), as a
  layout-preserving extraction lines them up; prose with a double space after a full stop does not.
- A caption line ``Table N…`` just before the rows is kept as the table's label. With a caption, the table
  runs until the next numbered paragraph, heading, chapter or caption; if those lines cannot all be read
  as rows of one table (a cell that wraps onto a line of its own, rows of different widths) the words are
  kept in order in a block labelled "Layout not recognised: words kept in order", never guessed into cells.
  Without a caption, only a certain table is recognised (a run of rows that all have tabs but different
  widths is kept as such a block too); anything less stays ordinary text.
- A **box** starts with a caption line ``Box N`` (with or without a title after it) that is not a sentence,
  and runs until the next numbered paragraph, heading, chapter or caption. Its lines are kept in order:
  bullets as list items, sentences as paragraphs. A box without a ``Box N`` caption cannot be told from the
  paragraphs in extracted text and stays text.
- **Diagram text** (a flow chart without its ``Flow chart N`` caption): three or more short lines (at most
  half a full line), fewer than a third of them ending a sentence, the first starting with a capital, that
  are neither headings, bullets nor paragraphs, coming after the end of a sentence and running up to the
  next numbered paragraph, heading, chapter or caption. Their words are kept in the order extracted,
  labelled as diagram text, and not glued to the paragraph before them.

Each of these is a ``Block`` of the parser (kind ``table``, ``box``, ``diagram`` or ``unrecognised``;
``text`` the caption, ``lines`` the rows or lines), rendered as a labelled Material admonition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .working_together_layout import BULLET, SourceLine

if TYPE_CHECKING:
    from .working_together_text import Block

KINDS = ("table", "box", "diagram", "unrecognised")
TABLE_CAPTION = re.compile(r"^Table \d{1,3}[A-Za-z]?(?=$|[\s:.–—-])")
BOX_CAPTION = re.compile(r"^Box \d{1,3}[A-Za-z]?(?=$|[\s:.–—-])")
# A cell is a run of words joined by single spaces; a tab or two spaces end it.
_CELL = re.compile(r"[^\t ]+(?: [^\t ]+)*")
# Lines that are structure of their own, never a table row.
_NOT_A_ROW = re.compile(r"^\s*(?:[•●▪]|\([a-z]\)\s|\d{1,2}\.\d{1,3}\s)")

# Our labels (never the publication's words): the word-for-word check takes them out again.
TABLE_LABEL = "Table from the publication"
DIAGRAM_LABEL = "Diagram text from the publication, its boxes in the order extracted"
UNRECOGNISED_LABEL = "Layout not recognised: words kept in order"
_LABEL_JOIN = " – "
_ADMONITION = {"table": "note wt-table", "box": "quote wt-box", "diagram": "note wt-diagram",
               "unrecognised": "info wt-unrecognised"}
_TITLE_LINE = re.compile(r'^!!! [\w -]+ "(.*)"$')
_TABLE_RULE = re.compile(r"^\|(?: --- \|)+$")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def is_caption(text: str) -> bool:
    return bool(TABLE_CAPTION.match(text) or BOX_CAPTION.match(text))


def cells(text: str) -> list[tuple[int, str]]:
    """Each cell of a line with the column it starts at; a line of prose is one cell."""
    return [(m.start(), m.group()) for m in _CELL.finditer(text)]


def is_row(text: str) -> bool:
    return len(cells(text)) >= 2 and not _NOT_A_ROW.match(text)


def _table(rows: list[SourceLine]) -> list[str] | None:
    """The rows as tab-separated cells when they are certainly one table; None when they may not be."""
    found = [cells(row.text) for row in rows]
    widths = {len(c) for c in found}
    if len(rows) < 2 or len(widths) != 1 or widths.pop() < 2 or any(_NOT_A_ROW.match(r.text) for r in rows):
        return None
    if not all("\t" in row.text.strip() for row in rows):
        columns = [[at for at, _ in c] for c in found]
        if any(c != columns[0] for c in columns):
            return None  # separated by spaces but not lined up: prose, or a layout we cannot read
    return ["\t".join(text for _, text in c) for c in found]


def set_apart_at(lines: list[SourceLine], k: int, previous: Block | None, width: int,
                 starts_block: Callable[[int, Block], bool]) -> tuple[Block, int] | None:
    """A table, box or diagram starting at line ``k``, and how many lines it takes; None if none starts there.

    ``starts_block(j, block)`` says whether line ``j`` starts a numbered paragraph, heading, chapter or
    caption after ``block``: that ends a captioned table, a box or diagram text.
    """
    from .working_together_text import Block, ends_sentence

    if not (previous is None or previous.kind in ("heading", "flow", *KINDS) or ends_sentence(lines[k - 1].text)):
        return None  # inside a sentence: a wrapped line, whatever it looks like
    line, text = lines[k], lines[k].text.strip()

    def region(kind: str, start: int) -> int:
        probe = Block(kind, line, text)
        end = start
        while end < len(lines) and not starts_block(end, probe):
            end += 1
        return end

    if TABLE_CAPTION.match(text) and k + 1 < len(lines) and is_row(lines[k + 1].text):
        end = region("table", k + 1)
        rows = _table(lines[k + 1:end])
        if rows:
            return Block("table", line, text, lines=rows), end - k
        return Block("unrecognised", line, text, lines=[x.text.strip() for x in lines[k + 1:end]]), end - k
    if BOX_CAPTION.match(text) and not ends_sentence(text) and len(text) <= 0.75 * width:
        end = region("box", k + 1)
        return Block("box", line, text, lines=[x.text.strip() for x in lines[k + 1:end]]), end - k
    if previous is not None and previous.kind == "flow":
        return None  # inside a captioned flow chart: its lines are its own
    if is_row(line.text):
        end = k + 1
        probe = Block("table", line, "")
        while end < len(lines) and is_row(lines[end].text) and not starts_block(end, probe):
            end += 1
        if end - k < 2:
            return None
        rows = _table(lines[k:end])
        if rows:
            return Block("table", line, "", lines=rows), end - k
        if all("\t" in x.text.strip() for x in lines[k:end]):
            return Block("unrecognised", line, "", lines=[x.text.strip() for x in lines[k:end]]), end - k
        return None
    if previous is None or previous.kind not in ("para", "bullet", "lettered", "text") or not text[:1].isupper():
        return None  # (a paragraph's wrapped line after a sentence's end goes on in lower case: "since 2004")
    probe = Block("diagram", line, "")
    end = k
    while (end < len(lines) and len(lines[end].text.strip()) <= 0.5 * width and not is_row(lines[end].text)
           and not _NOT_A_ROW.match(lines[end].text) and (end == k or not starts_block(end, probe))):
        end += 1
    run = lines[k:end]
    if len(run) < 3 or (end < len(lines) and not starts_block(end, probe)):
        return None
    if 3 * sum(1 for x in run if ends_sentence(x.text)) >= len(run):
        return None  # mostly sentences: short paragraphs, not the boxes of a diagram
    return Block("diagram", line, "", lines=[x.text.strip() for x in run]), end - k


# --- Markdown ---------------------------------------------------------------------------------------------

def _title(block: Block, inline: Callable[[str], str]) -> str:
    if block.kind == "diagram":
        title = DIAGRAM_LABEL
    elif block.kind == "unrecognised":
        title = f"{inline(block.text)}{_LABEL_JOIN}{UNRECOGNISED_LABEL}" if block.text else UNRECOGNISED_LABEL
    else:
        title = inline(block.text) if block.text else TABLE_LABEL
    return f'!!! {_ADMONITION[block.kind]} "{title.replace(chr(34), "&quot;")}"'


def _box_body(block: Block, inline: Callable[[str], str], line_start: Callable[[str], str]) -> list[str]:
    """A box's lines as paragraphs and list items: a new one at a bullet, or after a sentence's end."""
    items: list[tuple[bool, str]] = []  # (is a list item, text)
    previous = ""
    from .working_together_text import ends_sentence

    for text in block.lines:
        bullet = BULLET.match(text)
        if bullet:
            items.append((True, bullet[1]))
        elif items and not (ends_sentence(previous) and text[:1].isupper()):
            items[-1] = (items[-1][0], f"{items[-1][1]} {text}")
        else:
            items.append((False, text))
        previous = text
    return [f"    - {inline(t)}\n" if item else f"    {line_start(inline(t))}\n" for item, t in items]


def markdown(block: Block, inline: Callable[[str], str], line_start: Callable[[str], str]) -> list[str]:
    """The block as a labelled admonition: a Markdown table (header row first), or its lines in order."""
    out = [_title(block, inline), ""]
    if block.kind == "table":
        rows = [[inline(cell) for cell in row.split("\t")] for row in block.lines]
        out.append("    | " + " | ".join(rows[0]) + " |")
        out.append("    |" + " --- |" * len(rows[0]))
        out += ["    | " + " | ".join(row) + " |" for row in rows[1:]]
        out.append("")
    elif block.kind == "box":
        out += _box_body(block, inline, line_start)
    else:
        out += [f"    {line_start(inline(text))}\n" for text in block.lines]
    return [*out, ""]


def plain_line(line: str) -> str:
    """One line of an imported page with the markup of these blocks, and our labels, taken out."""
    title = _TITLE_LINE.match(line)
    if title:
        text = title[1]
        for label in (UNRECOGNISED_LABEL, DIAGRAM_LABEL, TABLE_LABEL):
            text = text.replace(f"{_LABEL_JOIN}{label}", "").replace(label, "")
        return text
    stripped = line[4:] if line.startswith("    ") else line
    if _TABLE_RULE.match(stripped):
        return ""
    if stripped.startswith("|") and stripped.endswith("|"):
        return _UNESCAPED_PIPE.sub(" ", stripped)
    return stripped
