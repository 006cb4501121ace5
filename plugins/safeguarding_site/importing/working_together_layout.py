"""The page furniture of *Working Together* (2010): running headers, the contents list, printer's marks.

What the page layout adds is not text: this module finds it so that the parser can set it aside (and the
word-for-word check can list it as debris).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ODD_HEADER = "A guide to inter-agency working to safeguard and promote the welfare of children"
EVEN_HEADER = "Working Together to Safeguard Children"
# The sample generator's watermark, on every page of a sample; never in the publication.
SAMPLE_WATERMARK = "SAMPLE TEXT – not guidance"

# The page number may be glued to the header ("37A guide to …") and stand before or after it.
_HEADER = re.compile(
    rf"^(?:(\d{{1,3}}) ?(?:{re.escape(ODD_HEADER)}|{re.escape(EVEN_HEADER)})"
    rf"|(?:{re.escape(ODD_HEADER)}|{re.escape(EVEN_HEADER)}) ?(\d{{1,3}}))$"
)
_PRINTERS_MARK = re.compile(r"\.indd\b|^D16\(8643\)")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": None})
# "Title<TAB>page", the tab sometimes followed by a space; a dash or "?" may stand after "Chapter N".
_ENTRY = re.compile(r"^(.*\S)\t ?(\d{1,3})$")
# A bulleted item: the glyph, then a tab or spaces (a box's bullets as well as a paragraph's).
BULLET = re.compile(r"^[•●▪]\s*(\S.*)$")
CHAPTER_ENTRY = re.compile(r"^Chapter (\d{1,2})(?: ?[–—\-?])? (\S.*)$")
# "Appendix N – Title" (or with a colon, or nothing, between the number and the title).
APPENDIX_ENTRY = re.compile(r"^Appendix (\d{1,2})(?: ?[–—\-?:])? (\S.*)$")


@dataclass
class SourceLine:
    number: int  # 1-based line in the input
    page: int | None  # the printed page number, when the page's header gave it
    text: str


@dataclass
class Page:
    number: int | None
    header_line: int | None
    lines: list[SourceLine] = field(default_factory=list)


@dataclass
class ContentsEntry:
    title: str
    page: int
    line: int  # where the entry ends in the input (its page number)
    chapter: int | None  # set for "Chapter N – Title" entries
    on_page: int | None = None  # the printed page of the contents list the entry is on
    appendix: int | None = None  # set for "Appendix N – Title" entries

    @property
    def opens_part(self) -> bool:
        """A chapter's or an appendix's entry: the sections listed after it are its own."""
        return self.chapter is not None or self.appendix is not None


def normalise(text: str) -> str:
    """One line as the parser reads it: ligatures decomposed, soft hyphens and trailing space gone."""
    return text.translate(_LIGATURES).replace("\f", "").rstrip()


def header_page_number(text: str) -> int | None | bool:
    """The page number of a running header line; False when the line is not a header."""
    match = _HEADER.match(text.strip())
    if not match:
        return False
    return int(match[1] or match[2])


def is_debris(text: str) -> bool:
    stripped = text.strip()
    return not stripped or stripped == SAMPLE_WATERMARK or bool(_PRINTERS_MARK.search(stripped))


def split_pages(lines: list[str]) -> tuple[list[Page], list[SourceLine]]:
    """The input cut at its running headers; also the lines set aside as furniture (for the word check)."""
    pages = [Page(None, None)]
    debris: list[SourceLine] = []
    for i, raw in enumerate(lines, start=1):
        text = normalise(raw)
        number = header_page_number(text)
        if number is not False:
            pages.append(Page(number, i))
            debris.append(SourceLine(i, number, text))
            continue
        if is_debris(text):
            debris.append(SourceLine(i, pages[-1].number, text))
            continue
        pages[-1].lines.append(SourceLine(i, pages[-1].number, text))
    return [p for p in pages if p.lines], debris


def _is_contents_page(page: Page) -> bool:
    lines = page.lines[1:] if page.lines and page.lines[0].text.strip() == "Contents" else page.lines
    ends = sum(1 for line in lines if _ENTRY.match(line.text))
    # Every entry ends with its page number; a wrapped title puts at most one line before that.
    return ends > 0 and len(lines) <= 2 * ends


def take_contents(pages: list[Page]) -> tuple[list[ContentsEntry], list[Page], list[SourceLine]]:
    """The contents list's entries, the pages without it, and its lines (debris for the word check)."""
    start = next((i for i, p in enumerate(pages) if p.lines and p.lines[0].text.strip() == "Contents"), None)
    if start is None:
        return [], pages, []
    end = start
    while end < len(pages) and _is_contents_page(pages[end]):
        end += 1
    entries: list[ContentsEntry] = []
    taken: list[SourceLine] = []
    pending = ""
    for page in pages[start:end]:
        for line in page.lines:
            taken.append(line)
            if line.text.strip() == "Contents":
                continue
            match = _ENTRY.match(line.text)
            if not match:
                pending = f"{pending} {line.text.strip()}".strip()  # a title wrapped before its page number
                continue
            title = " ".join(f"{pending} {match[1]}".split())
            pending = ""
            chapter = CHAPTER_ENTRY.match(title)
            appendix = None if chapter else APPENDIX_ENTRY.match(title)
            named = chapter or appendix
            entries.append(ContentsEntry(named[2] if named else title, int(match[2]), line.number,
                                         int(chapter[1]) if chapter else None, line.page,
                                         int(appendix[1]) if appendix else None))
    return entries, pages[:start] + pages[end:], taken
