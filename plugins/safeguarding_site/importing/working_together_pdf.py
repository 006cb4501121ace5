"""Turns the official PDF of *Working Together* into text laid out as our other sources are.

pdfminer.six reads it character by character (chosen over pypdf for that: see the notes in
``tests/importing/pdf_library_comparison.py``), so this module sees each glyph's position, size and font:
it rebuilds lines in reading order, reads a wide gap after a number or a bullet (or between a table's
cells) as a tab, glues raised small footnote numbers to the word before them, reads a two-column page (a
contents list, whose entries end in page numbers) one column at a time and marks italic runs with ``*``.
Ligature glyphs are decomposed later, with the rest of the page furniture.

A PDF that is not one, or that is far larger than the publication, ends in one clear ``DataError``
within bounded time and memory: the file's size and page count are checked before any page is read.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import DataError

EXPECTED_PAGES = 393  # public copies of the March 2010 PDF
MAX_PAGES = 10 * EXPECTED_PAGES
MAX_BYTES = 10 * 8_000_000  # ten times a generous size for a 393-page text PDF
MAX_SECONDS = 600.0


@dataclass
class _Glyph:
    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    italic: bool


def _glyphs(layout) -> list[_Glyph]:
    from pdfminer.layout import LTChar, LTContainer

    out: list[_Glyph] = []
    stack = [layout]
    while stack:
        item = stack.pop()
        if isinstance(item, LTChar):
            font = item.fontname.lower()
            out.append(_Glyph(item.get_text(), item.x0, item.x1, item.matrix[5], item.size,
                              "italic" in font or "oblique" in font))
        elif isinstance(item, LTContainer):
            stack.extend(item)
    return out


def _rows(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped into printed lines, top to bottom; a raised small number joins the line below it."""
    if not glyphs:
        return []
    rows: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: -g.y):
        if rows and abs(rows[-1][0].y - glyph.y) <= 0.2 * glyph.size:
            rows[-1].append(glyph)
        else:
            rows.append([glyph])
    merged: list[list[_Glyph]] = []
    for i, row in enumerate(rows):
        below = rows[i + 1] if i + 1 < len(rows) else None
        if below:
            size = max(g.size for g in below)
            small = all((g.size < 0.75 * size and g.text.isdigit()) or not g.text.strip() for g in row)
            if small and 0 < row[0].y - below[0].y < 0.6 * size:
                below.extend(row)  # a superscript: raised above the line it belongs to
                continue
        merged.append(row)
    return [sorted(row, key=lambda g: g.x0) for row in merged if row]


def _line_text(row: list[_Glyph]) -> list[tuple[float, str]]:
    """The line's text as chunks (x, text).

    A gap wider than half the font size with no space glyph in it is a tab, and separates chunks.
    """
    chunks: list[tuple[float, list[str]]] = []
    italic = False
    previous: _Glyph | None = None
    for glyph in row:
        gap = glyph.x0 - previous.x1 if previous else 0.0
        if previous is None or gap > 0.5 * glyph.size:
            if italic and chunks:
                chunks[-1][1].append("*")
                italic = False
            chunks.append((glyph.x0, []))
        elif gap > 0.15 * glyph.size and glyph.text != " " and previous.text != " ":
            chunks[-1][1].append(" ")  # a space drawn by positioning, not by a glyph
        if glyph.text.strip() and glyph.italic != italic:
            text = chunks[-1][1]
            if italic:  # close the run before the spaces that end it: "*Title* here"
                spaces = 0
                while text and text[-1] == " ":
                    text.pop()
                    spaces += 1
                text.append("*" + " " * spaces)
            else:
                text.append("*")
            italic = glyph.italic
        chunks[-1][1].append(glyph.text)
        previous = glyph
    if italic and chunks:
        chunks[-1][1].append("*")
    return [(x, "".join(text)) for x, text in chunks]


def _page_lines(glyphs: list[_Glyph], width: float) -> list[str]:
    """One page's lines; where rows have a second column, the left one is read first, then the right."""
    printed = _rows(glyphs)
    rows = [_line_text(row) for row in printed]
    ys = [row[0].y for row in printed]

    # A chunk beginning past the middle of the page with words in it starts a second column;
    # a lone number there is a page number at the right edge (after a tab).
    def split_at(chunks: list[tuple[float, str]]) -> int | None:
        return next((i for i, (x, t) in enumerate(chunks) if x > width / 2 and not t.strip().isdigit()), None)

    two = [i for i, chunks in enumerate(rows) if split_at(chunks) is not None]
    # Two columns of a contents list end their entries with page numbers; a table's cells past the middle
    # do not, and a table's row is read across, one line (its cells joined by tabs, as the text form has).
    numbered = sum(1 for i in two if rows[i][-1][1].strip().isdigit())
    if not two or 2 * numbered < len(two):
        return [_joined(chunks) for chunks in rows]
    # The longer left column runs on below the right one, at the same spacing; a footer stands apart.
    spacing = min((ys[a] - ys[b] for a, b in zip(two, two[1:], strict=False)), default=0.0)
    last = two[-1]
    while last + 1 < len(rows) and ys[last] - ys[last + 1] <= 1.5 * spacing:
        last += 1
    top, left, right, bottom = [], [], [], []
    for i, chunks in enumerate(rows):
        split = split_at(chunks)
        if split is not None:
            if split:
                left.append(chunks[:split])
            right.append(chunks[split:])
        elif two[0] < i <= last:
            left.append(chunks)
        else:
            (top if i < two[0] else bottom).append(chunks)
    return [_joined(chunks) for chunks in top + left + right + bottom]


def _joined(chunks: list[tuple[float, str]]) -> str:
    return "\t".join(t.strip() if i else t.rstrip() for i, (_, t) in enumerate(chunks))


def pdf_to_text(path: Path) -> str:
    """The PDF's text, one line per printed line, pages in order; raises DataError when it cannot."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DataError(str(path), f"{size:,} bytes is more than ten times the publication's size; "
                        "is this the right file?")
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
    except ImportError as error:  # pragma: no cover - the pinned dependency is missing
        raise DataError(str(path), f"reading a PDF needs pdfminer.six ({error}); run python build.py check "
                        "to install the pinned dependencies") from error
    started = time.monotonic()
    pages: list[str] = []
    try:
        with path.open("rb") as handle:
            manager = PDFResourceManager()
            device = PDFPageAggregator(manager, laparams=None)
            interpreter = PDFPageInterpreter(manager, device)
            for index, page in enumerate(PDFPage.get_pages(handle, maxpages=MAX_PAGES + 1)):
                if index >= MAX_PAGES:
                    raise DataError(str(path), f"more than {MAX_PAGES} pages, ten times the publication's "
                                    f"{EXPECTED_PAGES}; is this the right file?")
                if time.monotonic() - started > MAX_SECONDS:
                    raise DataError(str(path), f"reading stopped after {MAX_SECONDS:.0f} s at page {index + 1}")
                interpreter.process_page(page)
                layout = device.get_result()
                pages.append("\n".join(_page_lines(_glyphs(layout), layout.width)))
    except DataError:
        raise
    except Exception as error:  # pdfminer raises many types for a broken file; the editor needs one line
        raise DataError(str(path), f"not a readable PDF ({type(error).__name__}: {str(error)[:120]})") from error
    if not pages:
        raise DataError(str(path), "the PDF has no pages")
    return "\n".join(pages) + "\n"
