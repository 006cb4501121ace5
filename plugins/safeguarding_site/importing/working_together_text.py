"""Reads the body of *Working Together* (2010), as extracted text, into chapters of blocks.

Input is what a PDF extraction gives: one line per printed line, running headers between pages, footnotes
at each page's foot. Every decision that could mistake a wrapped line for structure is sequence-aware: a
line is paragraph ``3.5`` only if 3.4 came before it and the line before it ended a sentence, so a wrapped
line "3.5 per cent of …" stays text; a footnote marker is the next footnote number glued to a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..base.errors import DataError
from .working_together_blocks import KINDS as SET_APART
from .working_together_blocks import is_caption, is_row, set_apart_at
from .working_together_layout import (
    BULLET,
    CHAPTER_ENTRY,
    ContentsEntry,
    Page,
    SourceLine,
    split_pages,
    take_contents,
)

_PARA = re.compile(r"^(?P<number>(\d{1,2})\.(\d{1,3}))(?:\t| +)(?P<text>\S.*)$")
_CHAPTER = re.compile(r"^Chapter (\d{1,2})\b")
_LETTERED = re.compile(r"^\(([a-z])\)\s+(\S.*)$")
_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_APPENDIX = re.compile(r"^Appendix \d+\b")
_FLOW_CHART = re.compile(r"^Flow chart \d+\b")
# The marker is glued to a word or to punctuation after one; a digit before a full stop means a decimal.
_MARKER = re.compile(r"(?<=[A-Za-z)\]’”'*])(\d{1,3})(?=[\s,;:)]|$)|(?<=[A-Za-z)’”'][.,;:])(\d{1,3})(?=\s|$)")
_MARKED = re.compile(r"\[\^(\d+)\]")
_GLYPHS = {"•", "●", "▪"}
_SENTENCE_END = re.compile(r"[.:;?!)’”]\]?(?:\[\^\d+\])*\*?$")


@dataclass
class Block:
    # "heading", "para", "bullet", "lettered", "flow", "text", "entry" (a glossary's term and definition),
    # or one of working_together_blocks.KINDS
    kind: str
    line: SourceLine
    text: str
    number: str = ""  # "5.23" for a paragraph, "a" for a lettered item, the term of a glossary entry
    lines: list[str] = field(default_factory=list)  # a flow chart's (box's, diagram's) lines; a table's rows


@dataclass
class Chapter:
    number: int
    title: str
    line: SourceLine
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "para"]


@dataclass
class Parsed:
    chapters: list[Chapter]
    contents: list[ContentsEntry]
    debris: list[SourceLine]  # running headers, page numbers, contents, printer's marks, watermark
    set_aside: list[SourceLine]  # text outside the chapters and the parts around them (Part): not imported
    source_words: list[str]  # the words of every line kept, in order, for the word-for-word check
    footnote_words: list[str]
    parts: list = field(default_factory=list)  # executive summary, preface, glossary, appendices (Part)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


class _Footnotes:
    """The next marker is always the last one plus one; on a chapter's first page numbering may restart at 1.

    (Whether the publication numbers its footnotes through or per chapter is not recorded, so both are read.)
    """

    def __init__(self) -> None:
        self.last = 0
        self.pending: list[int] = []  # markers seen whose texts have not yet come
        self.may_restart = False  # set on a page that opens a chapter, until its first marker

    def mark(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            number = int(match[1] or match[2])
            if number != self.last + 1 and not (self.may_restart and number == 1 and not self.pending):
                return match[0]
            self.last = number
            self.may_restart = False
            self.pending.append(number)
            return f"[^{number}]"

        return _MARKER.sub(replace, text)


def _split_footnotes(page: Page, notes: _Footnotes) -> tuple[list[SourceLine], dict[int, list[SourceLine]]]:
    """The page's body lines (markers marked) and its footnotes: they start with the next pending number."""
    body: list[SourceLine] = []
    foot: dict[int, list[SourceLine]] = {}
    current: int | None = None
    # Footnotes are the page's last lines: where two lines start with the same number (a paragraph numbered
    # 2 and footnote 2), the later one is the footnote.
    last_start = {int(m[1]): i for i, line in enumerate(page.lines) if (m := _FOOTNOTE.match(line.text))}
    for i, line in enumerate(page.lines):
        match = _FOOTNOTE.match(line.text)
        if match and notes.pending and int(match[1]) == notes.pending[0] and (current or body) \
                and last_start[int(match[1])] == i:
            current = notes.pending.pop(0)
            foot[current] = [SourceLine(line.number, line.page, match[2])]
        elif current is not None:
            foot[current].append(line)  # a footnote wrapped onto another line
        else:
            body.append(SourceLine(line.number, line.page, notes.mark(line.text)))
    return body, foot


def _known_title(n: int, contents: list[ContentsEntry], outline_titles: dict[int, str]) -> str:
    entry = next((e for e in contents if e.chapter == n), None)
    return entry.title if entry else outline_titles.get(n, "")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def join_wrapped_title(lines: list[SourceLine], k: int, title: str, known: str) -> tuple[str, int]:
    """The title begun on line ``k``, joined with the lines it wraps onto while it is the start of ``known``
    (the folded title the contents list or the outline gives); and how many lines the heading took."""
    size = 1
    while known and _fold(title) != known and known.startswith(_fold(title)) and k + size < len(lines):
        title = f"{title} {lines[k + size].text.strip()}".strip()
        size += 1
    return title, size


class _BodyReader:
    def __init__(self, lines: list[SourceLine], first_on_page: set[int], contents: list[ContentsEntry],
                 outline_titles: dict[int, str], source: str):
        self.lines = lines
        self.first_on_page = first_on_page  # input line numbers that open a page
        self.contents = contents
        self.outline_titles = outline_titles
        self.source = source
        self.chapters: list[Chapter] = []
        self.set_aside: list[SourceLine] = []
        self.appendices = False
        self.appendix_line: int | None = None  # the input line where the appendices begin
        self.width = max((len(line.text) for line in lines), default=80)  # a full line of body text

    def _is_para_start(self, k: int, previous: Block | None) -> re.Match[str] | None:
        match = _PARA.match(self.lines[k].text)
        chapter = self.chapters[-1] if self.chapters else None
        if not match or chapter is None or int(match[2]) != chapter.number:
            return None
        paras = chapter.paragraphs()
        expected = int(paras[-1].number.split(".")[1]) + 1 if paras else 1
        if int(match[3]) != expected:
            return None
        if previous is not None and previous.kind in ("para", "bullet", "lettered", "text", "entry"):
            if not ends_sentence(self.lines[k - 1].text):
                return None  # a wrapped line that starts with a number: "3.5 per cent"
        return match

    def _is_chapter_start(self, k: int, previous: Block | None) -> bool:
        match = _CHAPTER.match(self.lines[k].text)
        if not match or self.lines[k].number not in self.first_on_page:
            return False  # chapters open on a new page
        current = self.chapters[-1].number if self.chapters else 0
        if int(match[1]) <= current:
            return False
        return k == 0 or ends_sentence(self.lines[k - 1].text) or previous is None or \
            previous.kind in ("flow", *SET_APART)

    def _section_titles(self) -> list[str]:
        n = self.chapters[-1].number
        titles, inside = [], False
        for entry in self.contents:
            if entry.opens_part:
                inside = entry.chapter == n
            elif inside:
                titles.append(entry.title)
        return titles

    def _heading_at(self, k: int, previous: Block | None) -> int:
        """How many lines (1 or 2) from ``k`` make a section heading; 0 if none starts there."""
        if not self.chapters:
            return 0
        expected = self._section_titles()
        done = {_fold(b.text) for b in self.chapters[-1].blocks if b.kind == "heading"}
        wanted = [t for t in expected if _fold(t) not in done]
        for size in (1, 2):
            if k + size > len(self.lines):
                break
            text = " ".join(line.text.strip() for line in self.lines[k:k + size])
            if wanted and _fold(text) == _fold(wanted[0]):
                return size
        if expected or (previous is not None and previous.kind in ("flow", "diagram")):
            return 0  # the contents list names the headings: trust it rather than guess
        # No contents list (a part of the publication): a heading is one or two short lines between the end
        # of a sentence and the start of the next paragraph.
        if previous is not None and previous.kind != "heading" and not ends_sentence(self.lines[k - 1].text):
            return 0
        for size in (1, 2):
            block = self.lines[k:k + size]
            if k + size >= len(self.lines) or any(ends_sentence(line.text) for line in block):
                return 0
            if not block[0].text[:1].isupper():
                return 0
            # A heading is short and holds no sentence; a wrapped line of a paragraph runs the full width.
            # (Nor has it the cells of a table row.)
            if any(len(line.text) > 0.75 * self.width or ". " in line.text or is_row(line.text) for line in block):
                return 0
            if self._opens_block_after_heading(k + size):
                return size
        return 0

    def _opens_block_after_heading(self, k: int) -> bool:
        """Whether line ``k`` can follow a heading found by layout alone: in a chapter, a numbered paragraph."""
        return bool(self._is_para_start(k, None))

    def _chapter_heading(self, k: int) -> int:
        """Starts a chapter at line ``k``; returns how many lines its heading took (a title can wrap)."""
        line = self.lines[k]
        n = int(_CHAPTER.match(line.text)[1])
        entry = CHAPTER_ENTRY.match(line.text.strip())
        title = entry[2] if entry else ""
        known = _fold(_known_title(n, self.contents, self.outline_titles))
        title, size = join_wrapped_title(self.lines, k, title, known)
        if not title:
            raise DataError(self.source, f"chapter {n}'s heading has no title (page {line.page})", line=line.number)
        self.chapters.append(Chapter(n, " ".join(title.split()), line))
        return size

    def _starts_block(self, k: int, previous: Block) -> bool:
        """Whether line ``k`` ends a table, box or diagram text that ``previous`` is: something else starts."""
        text = self.lines[k].text.strip()
        return bool(self._is_para_start(k, previous) or self._is_chapter_start(k, previous)
                    or self._heading_at(k, previous) or _FLOW_CHART.match(text) or is_caption(text)
                    or self._opens_appendices(k))

    def _opens_appendices(self, k: int) -> bool:
        # The appendices open on a new page: a box or diagram text ending chapter 12 stops there.
        return bool(_APPENDIX.match(self.lines[k].text.strip()) and self.lines[k].number in self.first_on_page)

    def _extra_block(self, k: int, previous: Block | None) -> Block | None:
        """A block of a kind chapters do not have, or ``previous`` continued; None to read line ``k`` as usual."""
        return None

    def read(self) -> list[Chapter]:
        previous: Block | None = None
        k = 0
        while k < len(self.lines):
            line = self.lines[k]
            text = line.text.strip()
            if self._is_chapter_start(k, previous):
                k += self._chapter_heading(k)
                previous = Block("heading", line, self.chapters[-1].title)
                continue
            if not self.chapters or self.appendices:
                self.set_aside.append(line)
                k += 1
                continue
            if _APPENDIX.match(text) and line.number in self.first_on_page and (
                    ends_sentence(self.lines[k - 1].text) or previous is None
                    or previous.kind in ("flow", *SET_APART)):
                self.appendices = True  # the appendices follow chapter 12: working_together_parts reads them
                self.appendix_line = line.number
                continue
            blocks = self.chapters[-1].blocks
            extra = self._extra_block(k, previous)
            if extra is not None:  # a kind of block only some parts have (a glossary's entries)
                if extra is not previous:
                    blocks.append(extra)
                previous = extra
                k += 1
                continue
            para = self._is_para_start(k, previous)
            heading = 0 if para else self._heading_at(k, previous)
            bullet = BULLET.match(text)
            lettered = _LETTERED.match(text)
            # Tables, boxes and diagram text (working_together_blocks.py) come whole, with all their lines.
            found = None if para or heading else set_apart_at(self.lines, k, previous, self.width,
                                                               self._starts_block)
            if found:
                previous, size = found
                blocks.append(previous)
                k += size
                continue
            if para:
                previous = Block("para", line, para["text"], number=para["number"])
            elif heading:
                title = " ".join(x.text.strip() for x in self.lines[k:k + heading])
                previous = Block("heading", line, title)
                k += heading - 1
            elif bullet:
                previous = Block("bullet", line, bullet[1])
            elif lettered and (lettered[1] == "a" or (previous is not None and previous.kind == "lettered"
                                                      and ord(lettered[1]) == ord(previous.number) + 1)):
                previous = Block("lettered", line, lettered[2], number=lettered[1])
            elif _FLOW_CHART.match(text) and (previous is None or ends_sentence(self.lines[k - 1].text)):
                previous = Block("flow", line, text)
            elif previous is not None and previous.kind == "flow":
                previous.lines.append(text)  # flow chart boxes: their order is lost, their words are kept
                k += 1
                continue
            elif previous is not None and previous.kind in ("para", "bullet", "lettered", "text") and not (
                    ends_sentence(self.lines[k - 1].text) and previous.kind != "para" and text[:1].isupper()):
                previous.text = f"{previous.text} {text}"  # a wrapped line, or a paragraph over a page break
                k += 1
                continue
            else:
                previous = Block("text", line, text)
            blocks.append(previous)
            k += 1
        return self.chapters


def parse(text: str, *, source: str, outline_titles: dict[int, str], appendix_titles: dict[int, str] | None = None,
          front_matter: list[dict] | None = None) -> Parsed:
    """Chapters, the parts around them, contents and the lines set aside, from the whole or part of the PDF.

    ``front_matter`` is the outline's list of the parts before chapter 1 (title and sections, as
    sources/working-together-2010-outline.yaml records them); ``appendix_titles`` the appendices' titles.
    """
    from .working_together_parts import PartReader, front_titles, opens_part  # they read with this module's blocks

    pages, debris = split_pages(text.split("\n"))
    contents, pages, contents_lines = take_contents(pages)
    fronts = front_titles(front_matter or [], contents)
    notes = _Footnotes()
    body: list[SourceLine] = []
    first_on_page: set[int] = set()
    footnotes: list[tuple[int, list[SourceLine]]] = []  # in the order they come: numbers may restart
    for page in pages:
        first = page.lines[0].text if page.lines else ""
        notes.may_restart = notes.may_restart or bool(_CHAPTER.match(first) or opens_part(first, fronts))
        lines, foot = _split_footnotes(page, notes)
        if lines:
            first_on_page.add(lines[0].number)
        body += lines
        footnotes += foot.items()
    reader = _BodyReader(body, first_on_page, contents, outline_titles, source)
    chapters = reader.read()
    # What the chapters' reader set aside: the front matter, the appendices and the cover.
    parts_reader = PartReader(reader.set_aside, first_on_page, contents, appendix_titles or {}, source,
                              front_matter or [], fronts, reader.appendix_line)
    parts = parts_reader.read()
    set_aside = parts_reader.set_aside
    # The cover and inside cover, before the contents list, are not text of the guidance: debris.
    opening = contents_lines[0].number if contents_lines else 0
    cover = [line for line in set_aside if line.number < opening]
    set_aside = [line for line in set_aside if line.number >= opening]
    owners = sorted([*chapters, *parts], key=lambda owner: owner.line.number)
    for number, lines in footnotes:
        owner = next((c for c in reversed(owners) if c.line.number <= lines[0].number), None)
        if owner is not None:
            owner.footnotes[number] = " ".join(line.text.strip() for line in lines)
    if notes.pending:
        raise DataError(source, f"footnote {notes.pending[0]}: its marker is in the text but its note was not "
                        "found at the foot of the page")
    aside = {line.number for line in set_aside + cover}
    kept = [line for line in body if line.number not in aside]
    # The words as the source has them: markers glued back, the bullet glyph and italics are layout.
    source_words = [w for line in kept for w in _MARKED.sub(r"\1", line.text).replace("*", "").split()
                    if w not in _GLYPHS]
    # A footnote on the cover (before the contents list and any chapter or part) is debris like the cover.
    kept_notes = [(n, lines) for n, lines in footnotes
                  if lines[0].number >= opening or any(o.line.number <= lines[0].number for o in owners)]
    footnote_words = [w for n, lines in kept_notes for w in [str(n), *" ".join(x.text for x in lines).split()]]
    return Parsed(chapters, contents, debris + contents_lines + cover, set_aside, source_words, footnote_words,
                  parts)
