"""Seeded sample publications laid out like *Working Together* (2010), for testing its importer.

The real text may not enter the project, so these samples use a bank of our own neutral sentences, each
page visibly marked "SAMPLE TEXT – not guidance". Only the structure (chapter titles, the confirmed sections
and their paragraph ranges) comes from the outline, which is a fact about the publication, not its text.

Each seed draws the features the importer must survive: paragraphs continued across page breaks, wrapped
chapter titles, wrapped lines that start with a decimal number or a year, footnote markers glued to words,
a tab or spaces after the paragraph number, bullets with wrapped lines, lettered sub-lists, a flow chart
and a two-column contents list; and, from working_together_sample_blocks.py, tables (some with a cell that
wraps), boxes and a flow chart without its caption. The executive summary, preface, glossary and appendices
around the chapters come from working_together_parts_samples, drawn from a generator of their own. The
generator lays out every line itself, so the text and the PDF carry the same lines, and it records what the
importer must produce (``Expected``): the expected output comes from here, never from the importer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import working_together_sample_blocks as sample_blocks
import yaml

ROOT = Path(__file__).resolve().parents[2]
WATERMARK = "SAMPLE TEXT – not guidance"
ODD_HEADER = "A guide to inter-agency working to safeguard and promote the welfare of children"
EVEN_HEADER = "Working Together to Safeguard Children"
WIDTH = 88  # characters in a body line
PAGE_LINES = 38  # body lines on a page, footnotes included

# Our own neutral sentences: none is, or paraphrases, text of the publication.
_SENTENCES = [
    "This sample sentence stands in for the text of the guidance and says nothing about practice.",
    "In this sample, a fictional team writes a plan and reviews it at the end of every month.",
    "The sample paragraph continues with words chosen only to fill a line of the layout.",
    "A made-up office records each meeting in a notebook that nobody will ever read.",
    "Here the sample mentions a river, a bridge and a timetable for the afternoon train.",
    "Sample wording of this kind exists only to exercise the importer and its checks.",
    "The imaginary committee agreed that the garden should be watered on Tuesdays.",
    "Nothing in this sample describes how anyone should act, and it should not be read that way.",
    "This filler sentence carries a comma, a colon: and a semicolon; to test punctuation.",
    "A second filler sentence follows the first, so that paragraphs wrap over several lines.",
    "The sample keeps its vocabulary plain, with a few longer words such as documentation.",
    "Readers of this sample will find a list of fruit, a list of colours and a list of tools.",
]
_FIRST_SENTENCE = f"{WATERMARK}."
_LIGATURE_WORDS = ["the first field", "a flat office", "five final files", "an official flow"]
_ITALIC_TITLES = ["Sample Handbook of Imaginary Procedures", "A Fictional Guide to Filing", "The Made-up Review"]
_BULLETS = ["apples, pears and plums from the sample orchard;", "a blue door, a green door and a red door;",
            "a hammer, a saw and a spirit level kept in a sample toolbox that is wider than usual and "
            "therefore needs a second line;", "a short item;", "a final sample item."]
_SECTION_TITLES = ["Sample arrangements for meetings", "Sample records and notebooks", "Sample timetables",
                   "Sample gardens and their upkeep", "Sample offices", "Sample rivers and bridges",
                   "A sample heading long enough to need more words than usual"]
_NOTES = ["Sample note: a fictional reference to a made-up report.", "Sample note: see the imaginary appendix.",
          "Sample note: this footnote is long enough that it wraps onto a second line at the foot of the "
          "page, as real footnotes sometimes do in the layout."]
_FLOW_LINES = ["Sample start", "Sample decision?", "Yes", "No", "Sample action", "Sample review", "Sample end"]


def outline() -> dict:
    return yaml.safe_load((ROOT / "sources" / "working-together-2010-outline.yaml").read_text(encoding="utf-8"))


@dataclass
class Line:
    text: str  # as a plain-text extraction gives it (tab after numbers and bullets where drawn)
    indent: int = 0  # hanging indent in characters, for the PDF
    italic: list[tuple[int, int]] = field(default_factory=list)  # character spans set in italic
    sup: list[tuple[int, int]] = field(default_factory=list)  # spans set as raised small footnote markers
    column: int = 0  # 0 left, 1 right (the two-column contents)
    cells: list[tuple[float, str]] = field(default_factory=list)  # a table row's cells, x from the left margin
    added: bool = False  # a line of a table, box or diagram (working_together_sample_blocks)
    tab_stop: float = 0.0  # in the PDF, where text after a tab (or a line without one) starts; 0: the usual


@dataclass
class Page:
    number: int
    header: str  # as extracted: the number glued or not
    lines: list[Line]
    footnotes: list[Line]


@dataclass
class ExpectedChapter:
    number: int
    title: str
    sections: list[tuple[str, str]]  # (title, paragraph range)
    paragraphs: list[str]  # "N.M" in order
    words: list[str]  # every word of the chapter's body, in order, footnote markers as separate words
    footnotes: dict[int, list[str]]
    italics: list[str]
    set_apart: list = field(default_factory=list)  # tables, boxes, diagram text (working_together_sample_blocks)


@dataclass
class Sample:
    seed: int
    pages: list[Page]
    chapters: list[ExpectedChapter]
    text: str  # the plain-text extraction
    parts: list = field(default_factory=list)  # ExpectedPart (working_together_parts_samples), in order

    def chapter(self, n: int) -> ExpectedChapter:
        return next(c for c in self.chapters if c.number == n)


def _wrap(words: list[str], first_prefix: str, width: int = WIDTH) -> list[str]:
    lines, current = [], first_prefix
    for word in words:
        if current and current != first_prefix and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current}{'' if current == first_prefix else ' '}{word}" if current else word
    if current:
        lines.append(current)
    return lines


class _Writer:
    """Lays out a chapter's blocks into lines and records what the importer must produce."""

    def __init__(self, rng: random.Random, first_note: int):
        self.rng = rng
        self.lines: list[tuple[Line, list[Line]]] = []  # each body line with the footnotes anchored on it
        self.words: list[str] = []
        self.footnotes: dict[int, list[str]] = {}
        self.italics: list[str] = []
        self.next_note = first_note  # footnote numbers run on through the publication

    def _sentence(self) -> str:
        return self.rng.choice(_SENTENCES)

    def heading(self, text: str, wrap_at: int | None = None) -> None:
        parts = [text] if wrap_at is None else [text[:wrap_at].rstrip(), text[wrap_at:].lstrip()]
        for part in parts:
            self.lines.append((Line(part), []))
        self.words += text.split()

    def paragraph(self, number: str, chapter: int, next_number: int) -> None:
        rng = self.rng
        sep = rng.choice(["\t", "\t", "  ", " "])
        tokens: list[tuple[str, str]] = []  # (word, kind): kind "", "italic", "note:N", "break"
        if number.endswith(".1"):
            tokens += [(w, "") for w in _FIRST_SENTENCE.split()]
        for _ in range(rng.randint(1, 4)):
            tokens += [(w, "") for w in self._sentence().split()]
            roll = rng.random()
            if roll < 0.2:
                # A wrapped line that starts like the next paragraph's number: "3.5 per cent".
                tokens += [("about", ""), (f"{chapter}.{next_number}", "break"), ("per", ""), ("cent", ""),
                           ("of", ""), ("the", ""), ("sample", ""), ("rows.", "")]
            elif roll < 0.3:
                tokens += [("since", ""), (str(rng.choice([2004, 2008, 2009])), "break"), ("the", ""),
                           ("sample", ""), ("has", ""), ("grown.", "")]
            elif roll < 0.45:
                tokens += [("Sample", ""), ("ligatures:", "")]
                tokens += [(w, "") for w in rng.choice(_LIGATURE_WORDS).split()]
                tokens[-1] = (tokens[-1][0] + ".", "")
            elif roll < 0.6:
                title = rng.choice(_ITALIC_TITLES)
                tokens += [("See", "")] + [(w, "italic") for w in title.split()]
                tokens.append(("here.", ""))
                self.italics.append(title)
            elif roll < 0.75:
                word, _ = tokens[-1]
                tokens[-1] = (word, f"note:{self.next_note}")
                self.next_note += 1
        self._lay_out(f"{number}{sep}", tokens)
        self.words.append(number)
        for word, kind in tokens:
            # A footnote marker stays glued to its word, as the source has it.
            self.words.append(word + (kind[5:] if kind.startswith("note:") else ""))

    def _lay_out(self, prefix: str, tokens: list[tuple[str, str]], indent: int = 0) -> None:
        line, italic, sup, notes = prefix, [], [], []
        pending_break = False

        def flush() -> None:
            self.lines.append((Line(line, indent=indent, italic=italic, sup=sup), notes))

        for word, kind in tokens:
            marker = kind[5:] if kind.startswith("note:") else ""
            room = len(line) + 1 + len(word) + len(marker) > WIDTH - indent
            if line not in ("", prefix) and (room or kind == "break" or pending_break):
                flush()
                line, italic, sup, notes = "", [], [], []
            pending_break = False
            start = len(line) + (0 if line in ("", prefix) else 1)
            line = f"{line}{'' if line in ('', prefix) else ' '}{word}"
            if kind == "italic":
                # Italic spans join up: the space between two italic words is italic too.
                if italic and italic[-1][1] == start - 1:
                    italic[-1] = (italic[-1][0], len(line))
                else:
                    italic.append((start, len(line)))
            if marker:
                sup.append((len(line), len(line) + len(marker)))
                line += marker
                notes += self._note_lines(int(marker))
        flush()

    def _note_lines(self, n: int) -> list[Line]:
        text = self.rng.choice(_NOTES)
        self.footnotes[n] = [str(n), *text.split()]
        return [Line(line) for line in _wrap(text.split(), f"{n} ")]

    def bullets(self) -> None:
        for item in self.rng.sample(_BULLETS, self.rng.randint(2, 4)):
            self._lay_out("•\t", [(w, "") for w in item.split()], indent=4)
            self.words += item.split()

    def lettered(self) -> None:
        for i in range(self.rng.randint(2, 3)):
            letter = "abc"[i]
            item = self.rng.choice(_BULLETS)
            self._lay_out(f"({letter})\t", [(w, "") for w in item.split()], indent=4)
            self.words += [f"({letter})", *item.split()]

    def flow_chart(self, n: int) -> None:
        caption = f"Flow chart {n}: Sample flow of an imaginary request"
        self.lines.append((Line(caption), []))
        self.words += caption.split()
        for text in self.rng.sample(_FLOW_LINES, len(_FLOW_LINES)):  # the order of the boxes is lost
            self.lines.append((Line(text, indent=20), []))
            self.words += text.split()


def _chapter_plan(rng: random.Random, chapter: dict) -> list[tuple[str, int]]:
    """(section title, number of paragraphs) for a chapter: the outline's where it is complete."""
    known = chapter.get("sections") or []
    plan = []
    for section in known:
        rng_ = section.get("paragraphs")
        if rng_:
            first, _, last = str(rng_).partition("-")
            count = int((last or first).split(".")[1]) - int(first.split(".")[1]) + 1
        else:
            count = rng.randint(1, 3)
        plan.append((section["title"], count))
    if not chapter.get("sections_complete"):
        extra = rng.sample(_SECTION_TITLES, rng.randint(1, 3))
        plan += [(title, rng.randint(1, 5)) for title in extra]
    return plan


def generate(seed: int, chapters: list[int] | None = None) -> Sample:
    rng = random.Random(seed)
    data = outline()
    by_number = {c["number"]: c for part in data["parts"] for c in part["chapters"]}
    if chapters is None:
        pool = [n for n in by_number if n != 2]  # chapter 2 has 170+ paragraphs: drawn less often
        chapters = sorted(rng.sample(pool, rng.randint(1, 3)) + ([2] if rng.random() < 0.2 else []))
    expected: list[ExpectedChapter] = []
    chapter_lines: list[tuple[int, list[tuple[Line, list[Line]]]]] = []
    next_note = 1
    # Footnotes numbered through the publication, or afresh in each chapter: drawn from a second generator,
    # so that adding this draw left every other feature of a seed as it was.
    restart_notes = random.Random(seed * 7919 + 1).random() < 0.3
    set_apart_rng = sample_blocks.blocks_rng(seed)  # its own generator too, for the same reason
    counters = {"table": 0, "box": 0}
    for n in chapters:
        chapter = by_number[n]
        title = chapter["title"]
        if not chapter.get("confirmed") and rng.random() < 0.5:
            title = title.title()  # the publication may capitalise an unconfirmed title differently
        writer = _Writer(rng, next_note)
        heading = f"Chapter {n} – {title}"
        wrap_at = None
        if len(heading) > 60 or rng.random() < 0.3:
            space = heading.find(" ", len(heading) // 2)
            wrap_at = space if space > 0 else None
        writer.heading(heading, wrap_at)
        sections, paragraphs, m, set_apart = [], [], 0, []
        for section_title, count in _chapter_plan(rng, chapter):
            long_title = len(section_title) > 50
            writer.heading(section_title, section_title.find(" ", 30) if long_title else None)
            first = m + 1
            for index in range(count):
                m += 1
                writer.paragraph(f"{n}.{m}", n, m + 1)
                paragraphs.append(f"{n}.{m}")
                roll = rng.random()
                if roll < 0.15:
                    writer.bullets()
                elif roll < 0.22:
                    writer.lettered()
                elif roll < 0.4 and n == 5:
                    writer.flow_chart(1 + sum(1 for line, _ in writer.lines if line.text.startswith("Flow")))
                block = sample_blocks.after_paragraph(set_apart_rng, writer, counters, index == count - 1)
                if block:
                    set_apart.append(block)
            sections.append((section_title, f"{n}.{first}" if first == m else f"{n}.{first}-{n}.{m}"))
        expected.append(ExpectedChapter(n, title, sections, paragraphs, writer.words, writer.footnotes,
                                        writer.italics, set_apart))
        chapter_lines.append((n, writer.lines))
        next_note = 1 if restart_notes else writer.next_note
    # The parts around the chapters come from a generator of their own, so that adding them left every other
    # feature of a seed as it was.
    from working_together_parts_samples import draw_parts

    front, back = draw_parts(seed, next_note)
    headers = sample_blocks.header_draws(rng, chapter_lines, set_apart_rng)
    pages = _paginate(rng, chapter_lines, expected, headers, front, back, random.Random(seed * 7919 + 3))
    return Sample(seed, pages, expected, _text(pages), [part for part, _ in [*front, *back]])


def _header(rng, number: int) -> str:
    glued = rng.random() < 0.5
    if number % 2:
        return f"{number}{ODD_HEADER}" if glued else f"{ODD_HEADER} {number}"
    return f"{number}{EVEN_HEADER}" if glued else f"{number} {EVEN_HEADER}"


def _contents(rng: random.Random, expected: list[ExpectedChapter], starts: dict[int, int],
              before: list[Line] = (), after: list[Line] = ()) -> list[Line]:
    entries: list[Line] = list(before)
    for exp in expected:
        title = f"Chapter {exp.number} {rng.choice(['–', '–', '?', ''])} {exp.title}".replace("  ", " ")
        tab = rng.choice(["\t", "\t ", "\t"])
        # A column is narrow: long titles wrap, and the page number follows the last line after a tab.
        for line in [*_wrap(title.split(), "", 38)[:-1]]:
            entries.append(Line(line))
        entries.append(Line(f"{_wrap(title.split(), '', 38)[-1]}{tab}{starts[exp.number]}"))
        for section, _ in exp.sections:
            wrapped = _wrap(section.split(), "", 38)
            entries += [Line(line) for line in wrapped[:-1]] + [Line(f"{wrapped[-1]}\t{starts[exp.number]}")]
    entries += after
    # Whether the chapters' entries alone were enough for two columns is drawn as before the parts were added.
    own = len(entries) - len(before) - len(after)
    two = rng.random() < 0.5 if own > 8 else len(entries) > 8 and len(entries) % 2 == 0
    if two:  # two columns: the extraction reads the left one first
        half = (len(entries) + 1) // 2
        while half < len(entries) and "\t" not in entries[half - 1].text:
            half += 1  # never split a wrapped entry between the columns
        for line in entries[half:]:
            line.column = 1
    return [Line("Contents"), *entries]


def _lay_out_pages(rng: random.Random, lines, number: int) -> list[Page]:
    """``lines`` (each with the footnotes anchored on it) on pages from ``number`` on."""
    pages = [Page(number, _header(rng, number), [], [])]
    for line, notes in lines:
        current = pages[-1]
        if PAGE_LINES - len(current.lines) - len(current.footnotes) < 1 + len(notes):
            number += 1
            pages.append(Page(number, _header(rng, number), [], []))
        pages[-1].lines.append(line)
        pages[-1].footnotes += notes
    return pages


def _paginate(rng: random.Random, chapter_lines, expected: list[ExpectedChapter], headers, front=(), back=(),
              parts_rng: random.Random | None = None) -> list[Page]:
    from working_together_parts_samples import contents_entries

    parts_rng = parts_rng or random.Random(0)
    pages: list[Page] = [Page(1, "", [Line("Working Together to Safeguard Children"), Line(WATERMARK),
                                      Line("D16(8643)/0310 sample.indd 1 01/03/2010 12:00")], [])]
    body: list[Page] = []
    number = 3  # page 2 is the contents (filled in once the chapters' first pages are known)
    part_starts: dict[str, int] = {}
    for part, lines in front:  # each part opens on a new page
        part_starts[part.slug] = number
        body += _lay_out_pages(parts_rng, lines, number)
        number = body[-1].number + 1
    starts: dict[int, int] = {}
    for n, lines in chapter_lines:
        starts[n] = number + (number % 2 == 0)  # chapters open on an odd page
        number = starts[n]
        current = Page(number, _header(headers, number), [], [])
        for line, notes in lines:
            room = PAGE_LINES - len(current.lines) - len(current.footnotes)
            if room < 1 + len(notes):
                body.append(current)
                number += 1
                current = Page(number, _header(headers, number), [], [])
            current.lines.append(line)
            current.footnotes += notes
        body.append(current)
        number += 1
    for part, lines in back:
        part_starts[part.slug] = number
        body += _lay_out_pages(parts_rng, lines, number)
        number = body[-1].number + 1
    contents = _contents(rng, expected, starts, contents_entries(front, part_starts),
                         contents_entries(back, part_starts))
    pages.append(Page(2, _header(rng, 2), contents, []))
    return pages + body


def _text(pages: list[Page]) -> str:
    out: list[str] = []
    for page in pages:
        if page.header:
            out.append(page.header)
        left = [line.text for line in page.lines if line.column == 0]
        right = [line.text for line in page.lines if line.column == 1]
        out += left + right
        out += [note.text for note in page.footnotes]
        out.append(WATERMARK)
    return "\n".join(out) + "\n"


def write_text(sample: Sample, path: Path) -> Path:
    path.write_text(sample.text, encoding="utf-8")
    return path


# --- the PDF --------------------------------------------------------------------------------------------

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_LEFT, _TOP, _LEADING, _SIZE = 50.0, 72.0, 18.0, 10.0
_TAB_STOP = 36.0  # the hanging indent after a paragraph number or a bullet
_COLUMNS = ((50.0, 280.0), (310.0, 545.0))  # the contents list's two columns: left edge, right edge
_LIGATURE_GLYPHS = {"fi": "ﬁ", "fl": "ﬂ"}


def fonts_available() -> bool:
    return (FONT_DIR / "DejaVuSans.ttf").exists() and (FONT_DIR / "DejaVuSans-Oblique.ttf").exists()


def _styles(line: Line) -> list[str]:
    style = ["" for _ in line.text]
    for a, b in line.italic:
        style[a:b] = ["I"] * (b - a)
    for a, b in line.sup:
        style[a:b] = ["sup"] * (b - a)
    return style


def _draw_runs(pdf, x: float, y: float, text: str, styles: list[str], size: float) -> None:
    start = 0
    while start < len(text):
        end = start
        while end < len(text) and styles[end] == styles[start]:
            end += 1
        run, style = text[start:end], styles[start]
        if style == "sup":
            pdf.set_font("Sample", "", size * 0.6)
            pdf.text(x, y - size * 0.35, run)  # a raised, small footnote marker
        else:
            pdf.set_font("Sample", style, size)
            for plain, glyph in _LIGATURE_GLYPHS.items():
                run = run.replace(plain, glyph)
            pdf.text(x, y, run)
        x += pdf.get_string_width(run)
        start = end


def _draw_line(pdf, line: Line, y: float, size: float = _SIZE, contents: bool = False) -> None:
    styles = _styles(line)
    left, right = _COLUMNS[line.column] if contents else (_LEFT, 0.0)
    if contents and "\t" in line.text:
        title, _, number = line.text.rpartition("\t")
        _draw_runs(pdf, left, y, title, styles[: len(title)], size)
        pdf.set_font("Sample", "", size)
        number = number.strip()
        pdf.text(right - pdf.get_string_width(number), y, number)  # page numbers right-aligned
        return
    if line.cells:  # a table row: each cell at its column
        for x, cell in line.cells:
            _draw_runs(pdf, left + x, y, cell, [""] * len(cell), size)
        return
    x = left + (_TAB_STOP if line.indent and "\t" not in line.text else 0) + (line.indent > 4) * 100
    if line.tab_stop and "\t" not in line.text:
        x = left + line.tab_stop  # a glossary definition's wrapped line, in the definitions' column
    offset = 0
    for i, segment in enumerate(line.text.split("\t")):
        if i:
            x = left + (line.tab_stop or _TAB_STOP) * i
        _draw_runs(pdf, x, y, segment, styles[offset: offset + len(segment)], size)
        offset += len(segment) + 1


def write_pdf(sample: Sample, path: Path) -> Path:
    from fpdf import FPDF  # a test dependency only

    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Sample", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("Sample", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    for page in sample.pages:
        pdf.add_page()
        if page.header:
            pdf.set_font("Sample", "", 8)
            pdf.text(_LEFT, 40, page.header)
        contents = bool(page.lines) and page.lines[0].text == "Contents"
        rows = [0, 0]
        # A long contents list closes up its lines rather than run off the page.
        leading = min(_LEADING, 740.0 / max(1, len(page.lines))) if contents else _LEADING
        for line in page.lines:
            column = line.column if contents else 0
            _draw_line(pdf, line, _TOP + rows[column] * leading, contents=contents)
            rows[column] += 1
        foot = 800.0 - len(page.footnotes) * 11.0
        for i, note in enumerate(page.footnotes):
            _draw_line(pdf, note, foot + i * 11.0, size=8.0)
        pdf.set_font("Sample", "", 7)
        pdf.text(_LEFT, 825, WATERMARK)
    pdf.output(str(path))
    return path
