"""Reads the parts of *Working Together* (2010) around its chapters: executive summary, preface, glossary, appendices.

The chapters' reader (working_together_text) sets these lines aside; this module reads them with the same
blocks (paragraphs, bullets, lettered lists, footnotes), as ``Part``s. What the layout does not record is
read tolerantly: a part's paragraphs may be numbered (``1``, ``2`` … or ``2.1``, ``2.2`` …; they then get
anchors as chapters' do) or not; an appendix's heading may read ``Appendix 2 – Title`` or put the title on
the next line, and the title may wrap. A part opens on a new page. The executive summary's and the preface's
section headings are those the contents list (or the outline) names; the glossary is a list of entries,
each a term, a tab and its definition, the definition wrapping onto the lines below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.headings import slugify
from .working_together_layout import APPENDIX_ENTRY, ContentsEntry, SourceLine
from .working_together_text import Block, _BodyReader, _fold, ends_sentence, join_wrapped_title

_APPENDIX_HEAD = re.compile(r"^Appendix (\d{1,2})\b")
# A part's numbered paragraph: "3" or "2.3", then a tab or spaces (sequence-aware, as in chapters).
_PART_PARA = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,3})?)(?:\t| +)(?P<text>\S.*)$")
# A glossary entry's first line: the term, a tab, the start of its definition.
_ENTRY = re.compile(r"^(?P<term>[^\t]{1,60}?)\t+ ?(?P<text>\S.*)$")
GLOSSARY = "glossary"


def part_slug(title: str) -> str:
    """The page's name: ``executive-summary``, ``preface``, ``glossary``, or the title's slug."""
    folded = _fold(title)
    if "executive summary" in folded:
        return "executive-summary"
    if folded in ("preface", GLOSSARY):
        return folded
    return slugify(title) or "front-matter"


def _looks_like_front_title(title: str) -> bool:
    return part_slug(title) in ("executive-summary", "preface", GLOSSARY)


def front_titles(front_matter: list[dict], contents: list[ContentsEntry]) -> list[str]:
    """The titles of the parts before chapter 1: the outline's, and those the contents list gives."""
    titles = [str(part["title"]) for part in front_matter if part.get("title")]
    for entry in contents:
        if entry.opens_part:
            break
        if _looks_like_front_title(entry.title) and _fold(entry.title) not in map(_fold, titles):
            titles.append(entry.title)
    return titles


def opens_part(text: str, fronts: list[str]) -> bool:
    """Whether a page's first line may open a part (its footnote numbers may then start again at 1)."""
    folded = _fold(text)
    return bool(_APPENDIX_HEAD.match(text.strip())) or bool(folded) and any(
        _fold(title).startswith(folded) for title in fronts)


@dataclass
class Part:
    slug: str  # the page's name: executive-summary, preface, glossary, appendix-2
    title: str
    heading: str  # as printed, its lines joined: "Appendix 2 – Title", "Preface"
    line: SourceLine
    number: int | None = None  # an appendix's number
    blocks: list[Block] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "para"]

    @property
    def is_appendix(self) -> bool:
        return self.number is not None


class PartReader(_BodyReader):
    """The chapters' reader, with parts in place of chapters (``self.chapters`` holds Parts)."""

    def __init__(self, lines: list[SourceLine], first_on_page: set[int], contents: list[ContentsEntry],
                 appendix_titles: dict[int, str], source: str, front_matter: list[dict], fronts: list[str],
                 appendix_line: int | None):
        super().__init__(lines, first_on_page, contents, {}, source)
        self.appendix_titles = appendix_titles
        self.front_matter = front_matter
        self.fronts = fronts
        self.appendix_line = appendix_line

    # --- where a part opens ---

    def _front_size(self, k: int) -> int:
        done = {_fold(p.title) for p in self.chapters}
        wanted = {_fold(t) for t in self.fronts} - done
        for size in (1, 2, 3):
            if k + size > len(self.lines):
                break
            if _fold(" ".join(line.text for line in self.lines[k:k + size])) in wanted:
                return size
        return 0

    def _is_chapter_start(self, k: int, previous: Block | None) -> bool:
        line = self.lines[k]
        if line.number not in self.first_on_page:
            return False  # every part opens on a new page
        match = _APPENDIX_HEAD.match(line.text.strip())
        if match:
            last = max((p.number or 0 for p in self.chapters), default=0)
            after_text = k == 0 or line.number == self.appendix_line or ends_sentence(self.lines[k - 1].text) \
                or previous is None or previous.kind in ("heading", "entry")
            return int(match[1]) > last and after_text
        return not any(p.is_appendix for p in self.chapters) and self._front_size(k) > 0

    def _known_appendix_title(self, n: int) -> str:
        entry = next((e for e in self.contents if e.appendix == n), None)
        return entry.title if entry else self.appendix_titles.get(n, "")

    def _chapter_heading(self, k: int) -> int:
        line = self.lines[k]
        match = _APPENDIX_HEAD.match(line.text.strip())
        if match is None:
            size = self._front_size(k)
            heading = " ".join(x.text.strip() for x in self.lines[k:k + size])
            heading = " ".join(heading.split())
            self.chapters.append(Part(part_slug(heading), heading, heading, line))
            return size
        n = int(match[1])
        entry = APPENDIX_ENTRY.match(line.text.strip())
        title = entry[2].strip() if entry else ""
        known = _fold(self._known_appendix_title(n))
        title, size = join_wrapped_title(self.lines, k, title, known)
        if not title and k + 1 < len(self.lines):
            title, size = self.lines[k + 1].text.strip(), 2  # "Appendix N" alone: the title is the next line
        heading = " ".join(" ".join(x.text.strip() for x in self.lines[k:k + size]).split())
        self.chapters.append(Part(f"appendix-{n}", " ".join(title.split()), heading, line, n))
        return size

    # --- inside a part ---

    def _section_titles(self) -> list[str]:
        part = self.chapters[-1]
        titles: list[str] = []
        inside = False
        fronts = {_fold(t) for t in self.fronts}
        for entry in self.contents:
            if entry.opens_part or _fold(entry.title) in fronts:
                # The contents list may name a part more briefly than its page does ("Executive summary").
                inside = entry.appendix == part.number if part.is_appendix else \
                    not entry.opens_part and part_slug(entry.title) == part.slug
            elif inside:
                titles.append(entry.title)
        if titles or part.is_appendix:
            return titles
        outline = next((p for p in self.front_matter if _fold(str(p.get("title", ""))) == _fold(part.title)), {})
        return [str(s) for s in outline.get("sections") or []]

    def _is_para_start(self, k: int, previous: Block | None) -> re.Match[str] | None:
        match = _PART_PARA.match(self.lines[k].text)
        part = self.chapters[-1] if self.chapters else None
        if not match or part is None or part.slug == GLOSSARY:
            return None
        number = match["number"]
        paras = part.paragraphs()
        if paras:
            head, dot, tail = paras[-1].number.rpartition(".")
            if number != f"{head}{dot}{int(tail) + 1}":
                return None
        elif number != "1" and not re.fullmatch(r"\d{1,2}\.1", number):
            return None
        if previous is not None and previous.kind in ("para", "bullet", "lettered", "text", "entry"):
            if not ends_sentence(self.lines[k - 1].text):
                return None  # a wrapped line that starts with a number
        return match

    def _opens_block_after_heading(self, k: int) -> bool:
        part = self.chapters[-1]
        if part.paragraphs() or self._is_para_start(k, None):
            return bool(self._is_para_start(k, None))
        # Unnumbered paragraphs: a heading is followed by a line that starts a sentence or a list.
        text = self.lines[k].text.strip()
        return text[:1].isupper() or text[:1] in "•●▪("

    def _extra_block(self, k: int, previous: Block | None) -> Block | None:
        part = self.chapters[-1]
        text = self.lines[k].text
        if part.slug == GLOSSARY:
            entry = _ENTRY.match(text)
            if entry:
                return Block("entry", self.lines[k], entry["text"], number=entry["term"].strip())
            if previous is not None and previous.kind == "entry":
                previous.text = f"{previous.text} {text.strip()}"  # the definition, wrapped
                return previous
            return None
        # An unnumbered paragraph runs on while its lines run the full width, even when one ends a sentence.
        if previous is not None and previous.kind == "text" and not part.paragraphs() and \
                len(self.lines[k - 1].text) > 0.8 * self.width and not self._is_para_start(k, previous) \
                and not self._heading_at(k, previous) and text.strip()[:1] not in "•●▪(":
            previous.text = f"{previous.text} {text.strip()}"
            return previous
        return None
