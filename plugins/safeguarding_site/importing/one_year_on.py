"""Importer for *The Government's Response to Lord Laming: One Year On* (Markdown + HTML extraction)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..base.errors import DataError
from ..text.headings import HEADING, heading_text, slugify
from .pages import ImportedPage, numbered_block

DOCUMENT = "one-year-on"
SOURCE = "sources/2010-03-government-response-to-lord-laming-one-year-on.txt"
FOLDER = "one-year-on"

# Headings of the boxed case studies, as the extraction gave them; they become admonitions, not sections.
_BOX_HEADINGS = (
    "Hull City Council CAF Team",
    "Case study: Blackpool Multi-Agency Risk Assessment Conference (MARAC)",
    "Portsmouth Primary Care Trust",
)
# The Devon box lost its heading altogether; it is found by its opening words.
_BOX_OPENINGS = {
    "An example of how one organisation is championing information sharing": "Devon Children's Trust",
}
_BOX_LABEL = "Case study: "
# A box title that is not the source's own heading word for word carries the mark the other supplied
# headings carry (chief_adviser.py, letters.py): "Case study: " added to a heading, or a heading invented.
_SUPPLIED_NOTE = '!!! note "Heading supplied by the editors"'


def _box_open(name: str, source_heading: str | None) -> list[str]:
    """The first lines of a case-study box: its title, and the editors' mark if the title is not the source's."""
    title = f"{_BOX_LABEL}{name}"
    if source_heading == title:
        return [f'!!! example "{title}"']
    if source_heading is None:
        why = "The box has no heading in the source; this title is ours."
    else:
        why = (
            f"The source heads this box \u201c{source_heading}\u201d; "
            f"the words \u201c{_BOX_LABEL.strip()}\u201d are ours."
        )
    return [f'!!! example "{title}"', f"{_SUPPLIED_NOTE}\n    {why}"]

# The three paragraph-number notations: "- 5 text", "- 18** text", "**11** text".
_NUMBERED = re.compile(r"^(?:- (\d+)(?:\*\*)? |\*\*(\d+)\*\* )(.*)$")
_ITEM = re.compile(r"^ {0,3}- (.*)$")
_FOOTNOTE_SUP = re.compile(r"^<sup>(\d+)</sup> (.*)$")
_FOOTNOTE_BARE = re.compile(r"^(\d{1,2}) (<http.*|\*.*)$")
_AUTOLINK_LINE = re.compile(r"^<https?://[^>\s]+>$")
_SUP = re.compile(r"<sup>([^<]*)</sup>")
_BOLD_TAG = re.compile(r"<b>(.*?)</b>")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_HTML_TAG = re.compile(r"</?(?!https?:)[A-Za-z][^>]*>")
_MARKER = re.compile(r"\[\^(\d+)\]")
_WHOLLY_BOLD = re.compile(r"^\*\*([^*]+)\*\*$")
_WHOLLY_ITALIC = re.compile(r"^\*([^*]+)\*$")
_QUOTE_OPENERS = ("‘", "'", "“", '"')


@dataclass
class _Block:
    kind: str  # "heading", "para", "list"
    line: int
    text: str = ""
    level: int = 0
    number: int | None = None
    items: list[str] = field(default_factory=list)


@dataclass
class _Page:
    slug: str
    title: str
    start: int  # index into the source lines of the page's heading
    end: int  # index one past the page's last line
    sections: list[str] = field(default_factory=list)  # section titles listed in the Contents


def _error(message: str, line: int | None = None) -> DataError:
    return DataError(SOURCE, message, line=line)


def _norm(text: str) -> str:
    return " ".join(text.replace("*", "").split()).casefold()


def heading_id(text: str) -> str:
    """The id toc would give a heading; we pin it so the Contents links cannot drift."""
    return slugify(heading_text(text))


def _inline(text: str, line: int) -> str:
    """Source HTML and link damage turned into Markdown."""
    text = _SUP.sub(lambda m: f"[^{m[1]}]" if m[1].isdigit() else m[1], text)
    text = _BOLD_TAG.sub(r"**\1**", text)

    def link(m: re.Match[str]) -> str:
        # fn 8's link text carries an escaped underscore the href does not have: show the address itself.
        label = m[1].replace("\\\\_", "_").replace("\\_", "_")
        return f"<{m[2]}>" if label == m[2] else m[0]

    text = _LINK.sub(link, text)
    leftover = _HTML_TAG.search(text)
    if leftover:
        raise _error(f"unexpected HTML tag {leftover[0]!r}", line)
    return text


def _escape_start(text: str) -> str:
    """Escape a paragraph opening that Markdown would read as a list or heading."""
    if re.match(r"^\d+\. ", text):
        return re.sub(r"^(\d+)\.", r"\1\\.", text)
    if re.match(r"^([-+*] |#|>)", text):
        return "\\" + text
    return text


def _read_contents(lines: list[str]) -> tuple[str, list[tuple[str, bool]], int]:
    """The title, the Contents entries (text, is_bold) without page numbers, and the line after them."""
    title = next((m[2] for m in map(HEADING.match, lines) if m and m[1] == "#"), None)
    if title is None:
        raise _error("no title heading")
    try:
        start = next(i for i, s in enumerate(lines) if _norm(s.lstrip("# ")) == "contents")
    except StopIteration:
        raise _error("no Contents heading") from None
    entries: list[tuple[str, bool]] = []
    i = start + 1
    while i < len(lines) and not HEADING.match(lines[i]):
        raw = lines[i].strip()
        if raw:
            name, _, page = raw.rpartition("\t")
            if not name or not re.fullmatch(r"(<b>)?\d+(</b>)?", page):
                raise _error("Contents entry without a page number", i + 1)
            bold = name.startswith("<b>")
            entries.append((_BOLD_TAG.sub(r"\1", name).strip(), bold))
        i += 1
    return title, entries, i


def _find_pages(lines: list[str], entries: list[tuple[str, bool]], after: int) -> list[_Page]:
    """Pages named by the bold Contents entries, each running from its heading to the next one's."""
    headings = [(i, _norm(m[2])) for i, m in ((i, HEADING.match(s)) for i, s in enumerate(lines)) if m]
    headings = [(i, h) for i, h in headings if i >= after]

    def locate(entry: str) -> int:
        annex = re.match(r"annex ([a-z])\b", _norm(entry))
        for i, h in headings:
            if (annex and re.match(rf"annex {annex[1]}\b", h)) or (not annex and h == _norm(entry)):
                return i
        raise _error(f"no heading for Contents entry {entry!r}")

    starts: list[tuple[int, str, list[str]]] = []
    for name, bold in entries:
        if bold:
            starts.append((locate(name), name, []))
        elif starts:
            starts[-1][2].append(name)
        else:
            raise _error(f"Contents section {name!r} before any chapter")
    if [s for s, _, _ in starts] != sorted(s for s, _, _ in starts):
        raise _error("chapters are not in Contents order")
    slugs = {"ministerial foreword": "foreword"}
    pages: list[_Page] = []
    for n, (start, name, sections) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        chapter = re.match(r"(\d+)\. ", name)
        annex = re.match(r"Annex ([A-Z])\b", name)
        if chapter:
            slug = f"chapter-{chapter[1]}"
        elif annex:
            slug = f"annex-{annex[1].lower()}"
        elif _norm(name) in slugs:
            slug = slugs[_norm(name)]
        else:
            raise _error(f"Contents entry {name!r} is not a chapter, an annex or the foreword")
        heading = HEADING.match(lines[start])
        assert heading is not None
        title = " ".join(heading[2].replace("**", "").split())
        pages.append(_Page(slug, title, start, end, sections))
    return pages


def _classify(lines: list[str], page: _Page, footnotes: dict[int, tuple[str, int]]) -> list[_Block]:
    """The page's blocks, with page-break debris dropped, split paragraphs re-joined and lists merged."""
    blocks: list[_Block] = []
    last_footnote: int | None = None  # a footnote whose URL may follow on its own line
    for index in range(page.start + 1, page.end):
        raw, line = lines[index], index + 1
        if not raw.strip() or raw.strip() == "---":
            # blank lines, the single-space page-break lines and the footnote rule carry no text
            continue
        if last_footnote is not None and _AUTOLINK_LINE.match(raw):
            text, at = footnotes[last_footnote]
            footnotes[last_footnote] = (f"{text} {raw}", at)
            continue
        last_footnote = None
        footnote = _FOOTNOTE_SUP.match(raw) or _FOOTNOTE_BARE.match(raw)
        if footnote:
            number = int(footnote[1])
            if number in footnotes:
                raise _error(f"footnote {number} defined twice", line)
            footnotes[number] = (_inline(footnote[2], line), line)
            last_footnote = number
            continue
        heading = HEADING.match(raw)
        numbered = _NUMBERED.match(raw)
        item = _ITEM.match(raw)
        previous = blocks[-1] if blocks else None
        if heading:
            blocks.append(_Block("heading", line, _inline(heading[2], line), level=len(heading[1])))
        elif numbered:
            number = int(numbered[1] or numbered[2])
            blocks.append(_Block("para", line, _inline(numbered[3], line), number=number))
        elif item:
            text = _inline(item[1], line)
            if previous is not None and previous.kind == "list":
                previous.items.append(text)  # the first item was emitted at top level, the rest indented
            else:
                blocks.append(_Block("list", line, items=[text]))
        elif previous is not None and previous.kind == "para" and _continues(previous.text, raw):
            previous.text = f"{previous.text} {_inline(raw, line)}"  # resumed after a page break
        else:
            blocks.append(_Block("para", line, _inline(raw, line)))
    return blocks


def _continues(before: str, after: str) -> bool:
    """A page break split a paragraph: it resumes in lower case, or the text before stopped mid-sentence."""
    return after[:1].islower() or before[-1:].isalnum()


def _para_markdown(block: _Block, anchor: str) -> str:
    if block.number is None:
        return _escape_start(block.text)
    return numbered_block(anchor, block.number, block.text)


def _list_markdown(block: _Block) -> str:
    return "\n".join(f"- {item}" for item in block.items)


def _heading_markdown(level: int, text: str, ids: set[str], line: int) -> str:
    anchor = heading_id(text)
    if not anchor or anchor in ids:
        raise _error(f"heading {text!r} has an empty or repeated id", line)
    ids.add(anchor)
    return f"{'#' * level} {text} {{ #{anchor} }}"


def _indent(markdown: str) -> str:
    return "\n".join(f"    {s}" if s else "" for s in markdown.split("\n"))


@dataclass
class _Rendered:
    body: str  # without footnote definitions
    section_ids: dict[str, str]  # Contents entry -> id of its heading
    boxes: list[str]  # names of the case-study boxes on the page


def _render_page(page: _Page, blocks: list[_Block], anchor: str) -> _Rendered:
    out: list[str] = [f"# {page.title}"]
    ids: set[str] = set()
    section_ids: dict[str, str] = {}
    sections = {_norm(s): s for s in page.sections}
    box: list[str] | None = None  # Markdown of the open case-study box
    boxes_seen: list[str] = []
    i = 0

    def emit(markdown: str) -> None:
        (box if box is not None else out).append(markdown)

    def close_box() -> None:
        nonlocal box
        if box is not None:
            out.append(box[0] + "\n" + _indent("\n\n".join(box[1:])))
            box = None

    while i < len(blocks):
        block = blocks[i]
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind == "heading" or block.number is not None:
            close_box()
        if block.kind == "heading":
            text = block.text
            bold = _WHOLLY_BOLD.match(text)
            plain = " ".join(text.strip("*").split())
            if bold and plain.startswith(_QUOTE_OPENERS):
                # a pull quote set in display type; its attribution is the bold paragraph after it
                quote = f"> {plain}"
                if following and following.kind == "para" and _WHOLLY_BOLD.match(following.text):
                    quote += f"\n>\n> {following.text}"
                    i += 1
                emit(quote)
            elif plain in _BOX_HEADINGS:
                name = plain.removeprefix(_BOX_LABEL)
                boxes_seen.append(name)
                box = _box_open(name, plain)
            elif page.slug == "annex-b" or page.slug == "annex-c":
                emit(_heading_markdown(2 if block.level <= 2 else 3, plain, ids, block.line))
            elif _norm(plain) in sections:
                emit(_heading_markdown(2, plain, ids, block.line))
                section_ids[sections[_norm(plain)]] = heading_id(plain)
            else:
                emit(_heading_markdown(3, plain, ids, block.line))
        elif block.kind == "list":
            emit(_list_markdown(block))
        else:
            opening = next((n for o, n in _BOX_OPENINGS.items() if block.text.startswith(o)), None)
            italic = _WHOLLY_ITALIC.match(block.text)
            if opening:
                close_box()
                boxes_seen.append(opening)
                box = _box_open(opening, None)
                emit(_para_markdown(block, anchor))
            elif page.slug == "annex-b" and italic and not italic[1].rstrip().endswith("."):
                # two of the template's sub-headings were extracted as italic paragraphs
                emit(_heading_markdown(3, italic[1].strip(), ids, block.line))
            elif (
                block.number is None
                and block.text.startswith("*")
                and block.text.lstrip("*")[:1] in _QUOTE_OPENERS
                and following is not None
                and following.kind == "para"
                and following.number is None
                and _WHOLLY_BOLD.match(following.text)
            ):
                emit(f"> {block.text}\n>\n> {following.text}")  # a testimonial and its attribution
                i += 1
            else:
                emit(_para_markdown(block, anchor))
        i += 1
    close_box()
    missing = [s for s in page.sections if s not in section_ids]
    if missing:
        raise _error(f"{page.title}: no heading for Contents section(s) {missing}", page.start + 1)
    return _Rendered("\n\n".join(out), section_ids, boxes_seen)


def _check_numbers(blocks_by_page: dict[str, list[_Block]]) -> None:
    expected = 1
    for slug, blocks in blocks_by_page.items():
        if slug == "annex-c":
            continue
        for block in blocks:
            if block.number is not None:
                if block.number != expected:
                    raise _error(f"paragraph {block.number} found where {expected} was expected", block.line)
                expected += 1
    items = [b.number for b in blocks_by_page.get("annex-c", []) if b.number is not None]
    if items != list(range(1, len(items) + 1)):
        raise _error(f"Annex C items are numbered {items}, not 1, 2, 3, ...")


def _contents_markdown(
    title: str, entries: list[tuple[str, bool]], pages: list[_Page], section_ids: dict[str, dict[str, str]]
) -> str:
    lines = [f"# {title}", "", "## Contents", ""]
    page_iter = iter(pages)
    current: _Page | None = None
    for name, bold in entries:
        if bold:
            current = next(page_iter)
            lines.append(f"- [{name}]({current.slug}.md)")
        else:
            assert current is not None
            lines.append(f"    - [{name}]({current.slug}.md#{section_ids[current.slug][name]})")
    return "\n".join(lines)


def convert(text: str) -> list[ImportedPage]:
    """The index, the foreword, chapters 1-3 and Annexes B and C (Annex A is generated from its table)."""
    lines = text.splitlines()
    title, entries, after = _read_contents(lines)
    pages = _find_pages(lines, entries, after)
    footnotes: dict[int, tuple[str, int]] = {}
    blocks_by_page = {p.slug: _classify(lines, p, footnotes) for p in pages if p.slug != "annex-a"}
    _check_numbers(blocks_by_page)

    bodies: dict[str, str] = {}
    section_ids: dict[str, dict[str, str]] = {}
    boxes: list[str] = []
    for page in pages:
        if page.slug == "annex-a":
            section_ids[page.slug] = {}
            continue
        anchor = "item" if page.slug == "annex-c" else "para"
        rendered = _render_page(page, blocks_by_page[page.slug], anchor)
        boxes += rendered.boxes
        bodies[page.slug] = rendered.body
        section_ids[page.slug] = rendered.section_ids
    expected_boxes = sorted(b.removeprefix(_BOX_LABEL) for b in (*_BOX_HEADINGS, *_BOX_OPENINGS.values()))
    if sorted(boxes) != expected_boxes:
        raise _error(f"case-study boxes found {sorted(boxes)}, expected {expected_boxes}")

    used: set[int] = set()
    result = [
        ImportedPage(
            path=f"{FOLDER}/index.md",
            title=title,
            document=DOCUMENT,
            body=_contents_markdown(title, entries, pages, section_ids),
        )
    ]
    for page in pages:
        if page.slug not in bodies:
            continue
        body = bodies[page.slug]
        markers = [int(m) for m in _MARKER.findall(body)]
        for number in markers:
            if number not in footnotes:
                raise _error(f"{page.title}: footnote marker {number} has no definition")
            if number in used:
                raise _error(f"footnote marker {number} is used twice")
            used.add(number)
        if markers:
            body += "\n\n" + "\n\n".join(f"[^{n}]: {footnotes[n][0]}" for n in sorted(markers))
        result.append(
            ImportedPage(path=f"{FOLDER}/{page.slug}.md", title=page.title, document=DOCUMENT, body=body)
        )
    unused = sorted(set(footnotes) - used)
    if unused:
        raise _error(f"footnote(s) {unused} defined but never marked", footnotes[unused[0]][1])
    return result
