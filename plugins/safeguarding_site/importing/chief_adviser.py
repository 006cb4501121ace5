"""Turn the raw PDF text of the Chief Adviser's first annual report into clean Markdown pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from ..base.errors import DataError
from .pages import ImportedPage, numbered_block

SOURCE = "sources/2010-03-chief-adviser-first-annual-report.txt"
DOCUMENT = "chief-adviser"
REPORT_TITLE = "The Chief Adviser on the Safety of Children: First annual report to Parliament"
INDEX_TITLE = "The Chief Adviser's first annual report"

_RESTORED = "Heading restored by the editors"
_SUPPLIED = "Heading supplied by the editors"
_SUPPLIED_TEXT = (
    "The source's own heading for this part was lost in extraction; this neutral heading is ours."
)


@dataclass(frozen=True)
class _PageSpec:
    """Where a page of the report starts in the source and what heading it gets.

    ``source_heading`` is the heading as extracted (squashed display type, possibly over two lines);
    pages whose heading was lost are found instead by the first words of their opening page.
    """

    slug: str
    title: str
    source_heading: tuple[str, ...] = ()
    opens_with: str = ""
    note_title: str = ""
    note: str = ""


PAGES: tuple[_PageSpec, ...] = (
    _PageSpec("foreword", "Foreword", source_heading=("Foreword",)),
    _PageSpec("executive-summary", "Executive summary", source_heading=("Executivesummary",)),
    _PageSpec(
        "chapter-1",
        "Safeguarding children: the changing context",
        source_heading=("Safeguardingchildren:", "thechangingcontext"),
    ),
    _PageSpec(
        "chapter-2",
        "\u2026 the last 12 months",
        source_heading=("thelast12months",),
        note_title=_RESTORED,
        note=(
            "The first word or words of this heading were lost when the document was extracted; the "
            "words that survive are restored from the chapter's opening page, and the ellipsis marks "
            "the lost words, which nothing in the source shows."
        ),
    ),
    _PageSpec("chapter-3", "Chapter 3", opens_with="30.\ufffd ", note_title=_SUPPLIED, note=_SUPPLIED_TEXT),
    _PageSpec(
        "chapter-4",
        "My views and comments",
        opens_with="49.\ufffd ",
        note_title=_RESTORED,
        note=(
            "This heading was lost when the document was extracted; it is restored from the running "
            "header on page 19."
        ),
    ),
    _PageSpec("chapter-5", "Chapter 5", opens_with="78.\ufffd ", note_title=_SUPPLIED, note=_SUPPLIED_TEXT),
    _PageSpec(
        "annex-a",
        "Annex A",
        opens_with="From the Chief Adviser on the Safety of Children",
        note_title=_SUPPLIED,
        note=(
            _SUPPLIED_TEXT + " The letter A follows from the Foreword, which places the account of "
            "other advice at Annex B, the part that comes after this letter."
        ),
    ),
    _PageSpec(
        "annex-b",
        "Annex B",
        opens_with="As the Government\u2019s Chief Adviser",
        note_title=_RESTORED,
        note=(
            "This heading was lost when the document was extracted; it is restored from the Foreword's "
            "cross-reference (\u201cA fuller description of this work can be found at Annex B\u201d). "
            "Any words that followed \u201cAnnex B\u201d in the heading are lost."
        ),
    ),
)

# Sub-headings as extracted (runs of spaces collapsed); the wrapped one is matched over two lines.
SUBHEADINGS: tuple[str, ...] = (
    "Progress in understanding workforce challenges and responding to them",
    "Promising improvement activity",
    "Progress in implementing the Laming action plan",
    "Funding needs to match a higher level of demand",
    "Policy needs to be better designed and directed",
    "Multi-agency working and communication still need more work",
    "Inspection and development processes",
    "Professionals \u2013 their commitment, support and public image",
    "Funding",
    "Serious Case Reviews",
    "Performance management",
    "Inspection and development",
    "Accountability",
    "Policy development",
    "The leadership role of central government",
)

# Page 19's page number and running header, left between paragraphs 51 and 52.
RUNNING_HEADER = ("19", "Myviewsandcomments")

# Footnote markers as the extraction glued them to the text, and where each marker belongs. Each
# glued form must occur exactly once, so a changed source fails loudly instead of losing a note.
GLUED_MARKERS: tuple[tuple[str, str], ...] = (
    ("31 March 20091)", "31 March 2009[^1])"),
    ("previous year2.", "previous year[^2]."),
    ("previous month3.", "previous month[^3]."),
    ("period in 2008.4", "period in 2008.[^4]"),
    ("November 2008\u201d5.", "November 2008\u201d[^5]."),
    ("reproach to us all.\u201d6", "reproach to us all.\u201d[^6]"),
    ("expenditure.7 ", "expenditure.[^7] "),
    ("compounding one another.\u201d8", "compounding one another.\u201d[^8]"),
    ("many authorities.\u201d9", "many authorities.\u201d[^9]"),
    ("leadership alone.10 ", "leadership alone.[^10] "),
    ("lessons learned report 11 published", "lessons learned report[^11] published"),
    ("published in May 2009.12 ", "published in May 2009.[^12] "),
    ("specifications.13\u201d", "specifications.[^13]\u201d"),
    ("review of SCRs14 ", "review of SCRs[^14] "),
    ("recommendations to Government15 ", "recommendations to Government[^15] "),
    ("(in place of parents).16", "(in place of parents).[^16]"),
)

_FOOTNOTE_START = re.compile(r"^(\d{1,2})\t (.*)$")
_PARA_NUMBER = re.compile(r"^(\d+)\.\ufffd (.*)$")
_BULLET = "\u25cf\u25cf "
_URL = re.compile(r"(?:https?://|www\.)[^\s)\]]+")


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line of the source
    text: str  # tabs as spaces, page-start space and trailing whitespace removed
    wraps: bool  # the source line ended in whitespace, i.e. the sentence runs on to the next line
    page_start: bool
    raw: str


@dataclass
class _Block:
    kind: str  # "para", "text", "bullet", "quote", "heading", "address"
    lines: list[_Line]
    number: int | None = None

    def text(self) -> str:
        out = self.lines[0].text
        for previous, line in pairwise(self.lines):
            # No word is broken at a line end, so a line ending in "-" is a real hyphen ("co-ordination").
            hyphen = previous.text.endswith("-") and not previous.wraps
            out += ("" if hyphen else " ") + line.text
        return _repair_spaces(out)


@dataclass
class _Page:
    spec: _PageSpec
    blocks: list[_Block] = field(default_factory=list)


def _repair_spaces(text: str) -> str:
    # U+FFFD after a paragraph number is taken off before this; any other one stands for a lost space.
    return re.sub(r" {2,}", " ", text.replace("\ufffd", " ")).strip()


# Italic spans, marked while the TABs that reveal them are still there; they become "*" after escaping.
_ITALIC_OPEN, _ITALIC_CLOSE = "\x01", "\x02"
# What starts a body line without being part of its text: a paragraph number, a bullet, a footnote number.
_LINE_PREFIX = re.compile(r"^(?:\d+\.\ufffd |\u25cf\u25cf |\d{1,2}\t )?")
# Punctuation after a title that the extraction set in the same run ("Progress Report," "litem.").
_RUN_TAIL = re.compile(r"[\s,.;:\u2013]+$")


def _italic_runs(bodies: list[str]) -> list[list[tuple[int, int, int]]]:
    """The italic runs of the body text, each a list of (line index, start, end) pieces.

    Body text has a TAB for every space between words; the PDF's italic spans (document titles) kept
    ordinary spaces. A run is a TAB-free segment of two words or more in a line that has TABs; a line
    ending in a space rather than a TAB carries its last segment on into the next line's first.
    """
    runs: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] | None = None
    for index, body in enumerate(bodies):
        if not body.strip():
            continue  # the blank line of the double spacing; a carried run goes on past it
        start = _LINE_PREFIX.match(body).end()  # type: ignore[union-attr]
        if "\t" not in body[start:] and current is None:
            continue  # a line of spaces only (the covering letter, block quotations, headings)
        segments = body[start:].split("\t")
        offset = start
        for position, segment in enumerate(segments):
            piece = (index, offset, offset + len(segment))
            offset += len(segment) + 1
            carries_on = position == len(segments) - 1 and segment.endswith(" ") and bool(segment.strip())
            if position == 0 and current is not None:
                current.append(piece)
            elif " " in segment.strip() or carries_on:
                current = [piece]
            else:
                continue
            if not carries_on:
                runs.append(current)
                current = None
    if current is not None:
        runs.append(current)
    return runs


def _mark_italics(bodies: list[str]) -> list[str]:
    """The bodies with each italic title between the markers; quotations set in spaces are left alone."""
    marks: dict[int, list[tuple[int, str]]] = {}
    for run in _italic_runs(bodies):
        text = " ".join(bodies[i][a:b].strip() for i, a, b in run)
        if len(text.split()) < 2 or any(q in text for q in "\u201c\u201d"):
            continue  # one word cannot be told from upright text; double quotes mark a quotation
        first, a, first_end = run[0]
        last, last_start, b = run[-1]
        a += len(bodies[first][a:first_end]) - len(bodies[first][a:first_end].lstrip())
        if first == last:
            last_start = a
        b = last_start + len(_RUN_TAIL.sub("", bodies[last][last_start:b]))
        if bodies[first][a] == "\u2018" and bodies[last][b - 1] == "\u2019":
            a, b = a + 1, b - 1  # "'Be the difference'": the quotation marks stay upright
        marks.setdefault(first, []).append((a, _ITALIC_OPEN))
        marks.setdefault(last, []).append((b, _ITALIC_CLOSE))
    out = list(bodies)
    for index, places in marks.items():
        for at, mark in sorted(places, reverse=True):
            out[index] = out[index][:at] + mark + out[index][at:]
    return out


def _read_lines(text: str) -> list[_Line]:
    lines = []
    raws = text.split("\n")
    bodies = _mark_italics([raw[1:] if raw.startswith(" ") else raw for raw in raws])
    for number, (raw, body) in enumerate(zip(raws, bodies, strict=True), start=1):
        page_start = raw.startswith(" ")
        lines.append(
            _Line(
                number=number,
                text=body.replace("\t", " ").strip(),
                wraps=body != body.rstrip(),
                page_start=page_start,
                raw=raw,
            )
        )
    return lines


def _opens(spec: _PageSpec, lines: list[_Line], i: int) -> int:
    """How many lines the page's own heading takes at ``lines[i]``, or -1 if the page does not open there."""
    line = lines[i]
    if not line.page_start:
        return -1
    if spec.source_heading:
        wanted = list(spec.source_heading)
        got = [candidate.text for candidate in lines[i : i + len(wanted)]]
        return len(wanted) if got == wanted else -1
    return 0 if line.text.startswith(spec.opens_with) else -1


def _subheading(lines: list[_Line], i: int) -> tuple[str, int] | None:
    """The sub-heading starting at ``lines[i]`` and the number of lines it takes, if any."""
    one = " ".join(lines[i].text.split())
    if lines[i].wraps and i + 1 < len(lines) and lines[i + 1].text:
        two = " ".join(f"{one} {lines[i + 1].text}".split())
        if two in SUBHEADINGS:
            return two, 2
    return (one, 1) if one in SUBHEADINGS else None


def _next_text(lines: list[_Line], i: int) -> int:
    i += 1
    while i < len(lines) and not lines[i].text:
        i += 1
    return i


def _parse_letter(lines: list[_Line]) -> list[_Block]:
    """The covering letter: single-spaced, so blank lines separate its parts; the first is the address."""
    groups: list[list[_Line]] = [[]]
    for line in lines:
        if line.text:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    return [_Block("address" if n == 0 else "text", group) for n, group in enumerate(groups)]


def _parse_body(lines: list[_Line], start: int) -> tuple[list[_Page], dict[int, str]]:
    pages: list[_Page] = []
    footnotes: dict[int, list[_Line]] = {}
    specs = list(PAGES)
    block: _Block | None = None
    in_footnotes = False
    header_found = False
    i = start
    while i < len(lines):
        line = lines[i]
        if specs:
            taken = _opens(specs[0], lines, i)
            if taken >= 0:
                pages.append(_Page(specs.pop(0)))
                block, in_footnotes = None, False
                i += taken
                continue
        if line.page_start:
            in_footnotes = False  # footnotes sit at the foot of a page, so a new page ends them
        if not line.text:
            i += 1
            continue
        footnote = _FOOTNOTE_START.match(line.raw)
        if footnote:
            in_footnotes = True
            number = int(footnote.group(1))
            if number in footnotes:
                raise DataError(SOURCE, f"footnote {number} is defined twice", line=line.number)
            footnotes[number] = [replace(line, text=footnote.group(2).replace("\t", " ").strip())]
            i += 1
            continue
        if in_footnotes:
            footnotes[max(footnotes)].append(line)
            i += 1
            continue
        after = _next_text(lines, i)
        if line.text == RUNNING_HEADER[0] and after < len(lines) and lines[after].text == RUNNING_HEADER[1]:
            header_found = True
            i = after + 1
            continue
        heading = _subheading(lines, i)
        if heading:
            pages[-1].blocks.append(_Block("heading", lines[i : i + heading[1]]))
            block = None
            i += heading[1]
            continue
        block = _add_line(pages[-1], block, line)
        i += 1
    if specs:
        raise DataError(SOURCE, f"the start of {specs[0].slug} was not found")
    if not header_found:
        raise DataError(SOURCE, "the running header 'Myviewsandcomments' (page 19) was not found")
    return pages, {number: _footnote_text(parts) for number, parts in footnotes.items()}


def _add_line(page: _Page, block: _Block | None, line: _Line) -> _Block | None:
    """Add a body line to the open block or start a new one; return the block still open, if any."""
    para = _PARA_NUMBER.match(line.text)
    if para:
        block = _Block("para", [replace(line, text=para.group(2))], number=int(para.group(1)))
        page.blocks.append(block)
    elif line.text.startswith(_BULLET):
        block = _Block("bullet", [replace(line, text=line.text[len(_BULLET) :])])
        page.blocks.append(block)
    elif block is None:
        block = _Block("quote" if line.text.startswith("\u201c") else "text", [line])
        page.blocks.append(block)
    else:
        block.lines.append(line)
    # A line that ends without a space (or a hyphen) ends its paragraph in this extraction.
    runs_on = line.wraps or line.text.endswith("-")
    return block if runs_on else None


def _footnote_text(lines: list[_Line]) -> str:
    """A footnote's text: ``lines[0]`` is its first line with the number already taken off."""
    out = lines[0].text
    for previous, line in pairwise(lines):
        # URLs are wrapped without a hyphen or a space, so only a line ending in a space joins with one.
        out += (" " if previous.wraps else "") + line.text
    return _repair_spaces(out)


def _check(pages: list[_Page], footnotes: dict[int, str]) -> None:
    numbers = [block.number for page in pages for block in page.blocks if block.kind == "para"]
    if numbers != list(range(1, len(numbers) + 1)):
        raise DataError(SOURCE, f"paragraph numbers are not continuous from 1: {numbers}")
    if sorted(footnotes) != list(range(1, len(GLUED_MARKERS) + 1)):
        raise DataError(SOURCE, f"expected footnotes 1-{len(GLUED_MARKERS)}, found {sorted(footnotes)}")
    headings = [
        " ".join(block.text().split()) for page in pages for block in page.blocks if block.kind == "heading"
    ]
    if sorted(headings) != sorted(SUBHEADINGS):
        raise DataError(SOURCE, f"sub-headings found differ from those expected: {headings}")


def _mark_annex_address(page: _Page) -> None:
    for block in page.blocks:
        if block.lines[0].text == "The Rt Hon Ed Balls" and block.lines[-1].text == "SW1P 3BT":
            block.kind = "address"
            return
    raise DataError(SOURCE, "the address of the letter in Annex A was not found")


def _escape(text: str) -> str:
    """Escape what Markdown would misread at the start of a block of source text."""
    text = text.replace("*", r"\*").replace(_ITALIC_OPEN, "*").replace(_ITALIC_CLOSE, "*")
    return re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", text)


def _link_urls(text: str) -> str:
    def link(match: re.Match[str]) -> str:
        url = match.group(0).rstrip(".,")
        tail = match.group(0)[len(url) :]
        return (f"<{url}>" if "://" in url else f"[{url}](http://{url})") + tail

    return _URL.sub(link, text)


class _Markers:
    """Puts the footnote markers back where they belong, checking each is found exactly once."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {glued: 0 for glued, _ in GLUED_MARKERS}

    def __call__(self, text: str) -> str:
        for glued, fixed in GLUED_MARKERS:
            count = text.count(glued)
            if count:
                self.used[glued] += count
                text = text.replace(glued, fixed)
        return text

    def check(self) -> None:
        wrong = [glued for glued, count in self.used.items() if count != 1]
        if wrong:
            raise DataError(SOURCE, f"glued footnote markers not found exactly once: {wrong}")


def _render_block(block: _Block, markers: _Markers) -> str:
    if block.kind == "heading":
        return "## " + " ".join(block.text().split())
    if block.kind == "address":
        return "  \n".join(_escape(line.text) for line in block.lines)
    text = markers(_link_urls(_escape(block.text())))
    if block.kind == "para":
        return numbered_block("para", block.number, text)
    if block.kind == "bullet":
        return f"- {text}"
    if block.kind == "quote":
        return f"> {text}"
    return text


def _render_blocks(blocks: list[_Block], markers: _Markers) -> str:
    out = _render_block(blocks[0], markers)
    for previous, block in pairwise(blocks):
        out += "\n" if previous.kind == block.kind == "bullet" else "\n\n"
        out += _render_block(block, markers)
    return out


def _with_footnotes(body: str, footnotes: dict[int, str]) -> str:
    used = sorted({int(n) for n in re.findall(r"\[\^(\d+)\]", body)})
    if not used:
        return body
    definitions = "\n".join(f"[^{n}]: {_link_urls(_escape(footnotes[n]))}" for n in used)
    return f"{body}\n\n{definitions}"


def _heading(title: str, note_title: str, note: str) -> str:
    out = f"# {title}"
    if note_title:
        out += f'\n\n!!! note "{note_title}"\n    {note}'
    return out


def _contents(pages: list[_Page]) -> str:
    lines = ["## Contents", ""]
    for page in pages:
        numbers = [block.number for block in page.blocks if block.number is not None]
        entry = f"- [{page.spec.title}]({page.spec.slug}.md)"
        if numbers:
            entry += f" (paragraphs {numbers[0]}\u2013{numbers[-1]})"
        elif page.spec.slug == "annex-a":
            entry += ": the Chief Adviser's letter of 5 May 2009 to the Secretary of State"
        elif page.spec.slug == "annex-b":
            entry += ": other advice given to the Government"
        lines.append(entry)
    return "\n".join(lines)


def convert(text: str) -> list[ImportedPage]:
    """The report's pages: the index (covering letter and contents), Foreword, summary, chapters, annexes."""
    lines = _read_lines(text)
    first = next((i for i in range(len(lines)) if _opens(PAGES[0], lines, i) >= 0), None)
    if first is None:
        raise DataError(SOURCE, "the Foreword's heading was not found")
    letter = _parse_letter(lines[:first])
    pages, footnotes = _parse_body(lines, first)
    _check(pages, footnotes)
    _mark_annex_address(next(page for page in pages if page.spec.slug == "annex-a"))

    markers = _Markers()
    index_body = "\n\n".join([f"# {REPORT_TITLE}", _render_blocks(letter, markers), _contents(pages)])
    result = [ImportedPage(f"{DOCUMENT}/index.md", INDEX_TITLE, DOCUMENT, index_body + "\n")]
    for page in pages:
        spec = page.spec
        body = (
            _heading(spec.title, spec.note_title, spec.note) + "\n\n" + _render_blocks(page.blocks, markers)
        )
        body = _with_footnotes(body, footnotes)
        result.append(ImportedPage(f"{DOCUMENT}/{spec.slug}.md", spec.title, DOCUMENT, body + "\n"))
    markers.check()
    return result
