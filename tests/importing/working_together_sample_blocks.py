"""Tables, boxes and an uncaptioned flow chart for the seeded sample publications (working_together_samples).

Drawn per paragraph from their own generator (seeded from the sample's seed), so that adding them left every
other draw of a seed as it was. Each is laid out here line by line, for the text and the PDF alike, and
records what the importer must make of it (``ExpectedBlock``): the Markdown table's lines, the caption kept
as its label, or that its words must be kept in order because the layout cannot be read with certainty.
The words are our own neutral samples, like the rest of the generator's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import working_together_samples as samples

_HEADERS = [["Sample item", "Sample colour", "Sample place"], ["Sample day", "Sample task"],
            ["Sample tool", "Sample count", "Sample shelf"]]
_CELLS = ["apples", "a blue door", "the sample shed", "Tuesday", "water the garden", "a red pen",
          "the top shelf", "a small notebook", "Friday afternoon", "an imaginary river", "plums and pears",
          "a green gate"]
_NUMBERS = ["12", "30 sample pages", "4 sample boxes"]  # never in a row's first cell
_WRAPPED = ("a sample cell that wraps", "onto a second line")
_TABLE_TITLES = ["Sample colours of imaginary doors", "A sample timetable for a made-up team",
                 "Sample tools and where they are kept"]
_BOX_TITLES = ["A sample box of filler sentences", "Sample points for an imaginary meeting"]
_BOX_SENTENCES = [
    "This sample box holds sentences of our own that stand apart from the numbered paragraphs.",
    "In the sample box, an imaginary team keeps a list of the things it has to bring.",
    "The words in this box are filler and describe nothing anyone should do.",
]
_DIAGRAM_LINES = ["Sample request arrives", "Sample check", "Is the sample complete?", "Yes", "No",
                  "Sample reply sent", "Sample file closed"]
_COLUMN_X = 160.0  # points between the left edges of a table's columns in the PDF


@dataclass
class ExpectedBlock:
    kind: str  # "table", "box", "diagram" or "unrecognised", as the importer must label it
    caption: str  # the publication's caption kept as the label ("" when there is none)
    markdown: list[str] = field(default_factory=list)  # lines the page must hold in this order (a table's)


def blocks_rng(seed: int) -> random.Random:
    return random.Random(f"tables-and-boxes-{seed}")


def _row(cells: list[str], widths: list[int] | None) -> tuple[str, list[tuple[float, str]]]:
    """A row as text (tab-separated, or padded with spaces into lined-up columns) and as the PDF's cells."""
    if widths is None:
        text = "\t".join(cells)
    else:
        text = "".join(cell.ljust(width) for cell, width in zip(cells[:-1], widths, strict=False)) + cells[-1]
    return text, [(i * _COLUMN_X, cell) for i, cell in enumerate(cells)]


def table(rng: random.Random, writer, number: int) -> ExpectedBlock:
    header = rng.choice(_HEADERS)
    rows = [header]
    for _ in range(rng.randint(1, 3)):
        rows.append([rng.choice(_CELLS), *(rng.choice(_CELLS + _NUMBERS) for _ in header[1:])])
    caption = f"Table {number}: {rng.choice(_TABLE_TITLES)}" if rng.random() < 0.6 else ""
    # A cell that wraps onto a line of its own: the importer cannot be sure of the cells, and keeps the words.
    wrapped = bool(caption) and rng.random() < 0.35
    wrap_at = (rng.randint(1, len(rows) - 1), rng.randrange(len(header))) if wrapped else None
    if wrap_at:
        rows[wrap_at[0]][wrap_at[1]] = _WRAPPED[0]
    spaced = rng.random() < 0.4
    widths = [max(len(row[i]) for row in rows) + 3 for i in range(len(header) - 1)] if spaced else None
    if caption:
        writer.lines.append((samples.Line(caption, added=True), []))
        writer.words += caption.split()
    for i, row in enumerate(rows):
        text, cells = _row(row, widths)
        writer.lines.append((samples.Line(text, cells=cells, added=True), []))
        writer.words += text.split()
        if wrap_at and wrap_at[0] == i:
            column = wrap_at[1]
            indent = "\t" * column if widths is None else " " * sum(widths[:column])
            cells = [(column * _COLUMN_X, _WRAPPED[1])]
            writer.lines.append((samples.Line(indent + _WRAPPED[1], cells=cells, added=True), []))
            writer.words += _WRAPPED[1].split()
    if wrapped:
        return ExpectedBlock("unrecognised", caption)
    lines = ["    | " + " | ".join(rows[0]) + " |", "    |" + " --- |" * len(header)]
    lines += ["    | " + " | ".join(row) + " |" for row in rows[1:]]
    return ExpectedBlock("table", caption, lines)


def box(rng: random.Random, writer, number: int) -> ExpectedBlock:
    caption = f"Box {number}: {rng.choice(_BOX_TITLES)}" if rng.random() < 0.8 else f"Box {number}"
    writer.lines.append((samples.Line(caption, added=True), []))
    writer.words += caption.split()
    parts: list[tuple[str, str]] = [("", rng.choice(_BOX_SENTENCES))]
    if rng.random() < 0.5:
        parts += [("•\t", item) for item in rng.sample(samples._BULLETS, rng.randint(2, 3))]
    parts.append(("", rng.choice(_BOX_SENTENCES)))  # a box ends with a sentence
    for prefix, text in parts:
        for line in samples._wrap(text.split(), prefix, samples.WIDTH - 12):
            writer.lines.append((samples.Line(line, indent=4, added=True), []))
        writer.words += text.split()
    return ExpectedBlock("box", caption)


def diagram(rng: random.Random, writer) -> ExpectedBlock:
    for text in rng.sample(_DIAGRAM_LINES, rng.randint(5, len(_DIAGRAM_LINES))):
        writer.lines.append((samples.Line(text, indent=20, added=True), []))
        writer.words += text.split()
    return ExpectedBlock("diagram", "")


class _HeaderDraws:
    """The running headers' draws: first those the sample made before it had tables and boxes, then new ones.

    One draw per page; drawing them up front, for the pages the sample would have without the lines added
    here, leaves the main generator where it was for everything drawn after the pages (the contents list).
    """

    def __init__(self, drawn: list[float], more: random.Random):
        self.drawn, self.more = drawn, more

    def random(self) -> float:
        return self.drawn.pop(0) if self.drawn else self.more.random()


def header_draws(rng: random.Random, chapter_lines, more: random.Random) -> _HeaderDraws:
    pages = 0
    for _, lines in chapter_lines:
        pages += 1
        used = 0
        for line, notes in lines:
            if line.added:
                continue
            if samples.PAGE_LINES - used < 1 + len(notes):
                pages += 1
                used = 0
            used += 1 + len(notes)
    return _HeaderDraws([rng.random() for _ in range(pages)], more)


def after_paragraph(rng: random.Random, writer, counters: dict[str, int],
                    last_in_section: bool) -> ExpectedBlock | None:
    """Perhaps a table, a box or diagram text after a paragraph (and after whatever list followed it).

    Tables and diagram text are followed by a numbered paragraph, never by a heading: in a part without its
    contents list, a heading after a table's last row or a diagram's last line cannot be told from them.
    """
    roll = rng.random()
    after_flow_chart = writer.lines[-1][0].indent == 20  # a flow chart's or diagram's line
    if roll < 0.08 and not last_in_section and not after_flow_chart:
        counters["table"] += 1
        return table(rng, writer, counters["table"])
    if roll < 0.14 and not after_flow_chart:
        counters["box"] += 1
        return box(rng, writer, counters["box"])
    if roll < 0.19 and not last_in_section and not after_flow_chart:
        return diagram(rng, writer)
    return None
