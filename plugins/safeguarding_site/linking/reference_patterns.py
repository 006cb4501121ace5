"""The table of ways the sources refer to what the site has a page for: adding a pattern adds one row."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..base.regex_trie import alternation
from .chapter_context import quote_covers, sentence_around
from .targets import LinkTargets


@dataclass(frozen=True)
class Reference:
    """One thing a passage refers to, and where in the page's Markdown its link text is."""

    kind: str  # the table row's kind: recommendation, wt-chapter, chapter, working-together, annex, ...
    target: str  # the page referred to, relative to docs/
    anchor: str  # an id on that page, or ""
    number: int | None  # recommendation id, chapter or paragraph number
    text: str  # the whole phrase matched, e.g. "Recommendations 13–15"
    start: int  # span of the link text in the Markdown
    end: int
    linked: bool  # False for the middle of a range: referred to, but it has no words of its own to link


@dataclass(frozen=True)
class Context:
    page: str
    document: str | None  # whose annexes and paragraphs "Annex B" and "paragraph 52" mean
    targets: LinkTargets
    text: str  # the page's Markdown, for looking around a match


Resolver = Callable[[re.Match[str], Context], list[Reference]]

# A number that is a whole number on its own: not part of 3.12, 2009, 15% or "58 recommendations".
NUM = r"(?<![\d.,])\d{1,3}(?![\d]|[.,]\d|\s*%|\s+per\s+cent|\s+[Rr]ecommendations\b)"
RANGE = r"(?:\s*[–—-]\s*|\s+to\s+)"
ITEM = rf"{NUM}(?:{RANGE}{NUM})?"
NUMS = rf"{ITEM}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+){ITEM})*"
_ITEM = re.compile(rf"({NUM})(?:{RANGE}({NUM}))?")
# Working Together numbers its paragraphs per chapter: "5.23", "paragraphs 3.1 to 3.3", "5.1–5.10".
DEC = r"(?<![\d.])\d{1,2}\.\d{1,3}(?!\d|\.\d)"
DEC_ITEM = rf"{DEC}(?:{RANGE}{DEC})?"
DECS = rf"{DEC_ITEM}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+){DEC_ITEM})*"
_DEC_ITEM = re.compile(rf"({DEC})(?:{RANGE}({DEC}))?")
# "Chapter 8: Serious Case Reviews" – capitalised words, with the small words a title keeps lower case.
TITLE = r"(?::[ \t]+[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|of|the|to|in|for|on)[ \t]+)*[A-Z][\w'’-]*)*)?"
# A title, with the emphasis around it when it is wholly italic, so a link never cuts an *italic* in two.
_EMPHASISED = r"(?P<em>\*\*?|__?)?(?<![^\W_])(?:{titles})(?![^\W_])(?(em)(?P=em))"

_OF_OTHER = re.compile(r"[ \t]*\n?[ \t]*of\s+(?!this\b)")  # "... of the Children Act guidance"
_OF_OTHER_THAN_LAMING = re.compile(r"[ \t]*\n?[ \t]*of\s+(?!this\b|Lord\s+Laming\b)")
_POSSESSIVE_BEFORE = re.compile(r"(\w+)['’]s\s+$")  # "the Task Force's recommendation 5"


def _foreign(m: re.Match[str], ctx: Context, after: re.Pattern[str], owners: frozenset[str] = frozenset()) -> bool:
    """True when the phrase belongs to another document: "X of the Children Act", "the Task Force's X"."""
    if after.match(ctx.text, m.end()):
        return True
    owner = _POSSESSIVE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
    return owner is not None and owner.group(1) not in owners


def _numbers(m: re.Match[str], ctx: Context, kind: str, lookup: Callable[[int], tuple[str, str] | None],
             whole: tuple[int, int] | None = None) -> list[Reference]:
    """References for each number in the ``nums`` group; a lone number links the whole phrase."""
    items = list(_ITEM.finditer(m.group("nums")))
    offset = m.start("nums")
    single = _single(m)
    refs: list[Reference] = []
    for item in items:
        first = int(item.group(1))
        last = int(item.group(2)) if item.group(2) else first
        spans = {first: (offset + item.start(1), offset + item.end(1))}
        if item.group(2):
            spans[last] = (offset + item.start(2), offset + item.end(2))
        implied = range(first + 1, last) if last - first <= 60 else range(0)
        for n in sorted({*spans, *implied}):
            if (found := lookup(n)) is None:
                continue
            start, end = (whole or (m.start(), m.end())) if single else spans.get(n, (m.start(), m.end()))
            refs.append(Reference(kind, found[0], found[1], n, m.group(0), start, end, single or n in spans))
    return refs


def _single(m: re.Match[str]) -> bool:
    items = _ITEM.findall(m.group("nums"))
    return len(items) == 1 and not items[0][1]


def recommendations(m: re.Match[str], ctx: Context) -> list[Reference]:
    if _foreign(m, ctx, _OF_OTHER_THAN_LAMING, frozenset({"Laming"})):
        return []
    response = m.group("response") is not None  # "see response to rec 54": the response itself

    def lookup(n: int) -> tuple[str, str] | None:
        page = ctx.targets.recommendations.get(n)
        return None if page is None else (page, f"rec-{n}-response" if response else "")

    start = m.start("response") if response else m.start("word")
    return _numbers(m, ctx, "recommendation", lookup, (start, m.end()))


def wt_chapters(m: re.Match[str], ctx: Context) -> list[Reference]:
    refs = _numbers(m, ctx, "wt-chapter", lambda n: _page(ctx.targets.chapters.get(n)))
    if refs and not _single(m):
        # A list links each number; the title then links to the overview, so no words are left over
        # that a second run would link differently.
        refs.append(Reference("working-together", ctx.targets.overview, "", None, m.group("title"),
                              m.start("title"), m.end("title"), True))
    return refs


def bare_chapters(m: re.Match[str], ctx: Context) -> list[Reference]:
    """A "Chapter N" naming no document is Working Together's only if its sentence or the data says so."""
    if _foreign(m, ctx, _OF_OTHER):
        return []
    # On a chapter of Working Together, "Chapter 8" is another of its chapters.
    names_wt = ctx.page in ctx.targets.chapters.values() or \
        _working_together(ctx.targets).search(sentence_around(ctx.text, m.start(), m.end())) is not None

    def lookup(n: int) -> tuple[str, str] | None:
        ok = names_wt or quote_covers(ctx.text, ctx.targets.evidence.get(n, ()), m.start())
        return _page(ctx.targets.chapters.get(n)) if ok else None

    return _numbers(m, ctx, "wt-chapter", lookup)


def working_together(m: re.Match[str], ctx: Context) -> list[Reference]:
    return [Reference("working-together", ctx.targets.overview, "", None, m.group(0), m.start(), m.end(), True)]


def annex(m: re.Match[str], ctx: Context) -> list[Reference]:
    document = ctx.targets.documents.get(ctx.document or "")
    page = document.annexes.get(m.group("letter")) if document else None
    if page is None or _foreign(m, ctx, _OF_OTHER):
        return []
    return [Reference("annex", page, "", None, m.group(0), m.start(), m.end(), True)]


def paragraphs(m: re.Match[str], ctx: Context) -> list[Reference]:
    document = ctx.targets.documents.get(ctx.document or "")
    if document is None or _foreign(m, ctx, _OF_OTHER):
        return []
    return _numbers(m, ctx, "paragraph", lambda n: _page(document.paragraphs.get(n), f"para-{n}"))


def wt_paragraphs(m: re.Match[str], ctx: Context) -> list[Reference]:
    """"paragraph 5.23" on a chapter of Working Together, or "paragraph 5.23 of Working Together" anywhere."""
    known = ctx.targets.wt_paragraphs
    if m.group("title") is None and ctx.page not in ctx.targets.chapters.values():
        return []
    items = list(_DEC_ITEM.finditer(m.group("nums")))
    single = len(items) == 1 and not items[0].group(2)
    offset = m.start("nums")
    refs: list[Reference] = []
    for item in items:
        first, last = item.group(1), item.group(2) or item.group(1)
        spans = {first: (offset + item.start(1), offset + item.end(1))}
        if item.group(2):
            spans[last] = (offset + item.start(2), offset + item.end(2))
        chapter, a = first.split(".")
        b = last.split(".")[1] if last.split(".")[0] == chapter else a
        implied = [f"{chapter}.{n}" for n in range(int(a) + 1, int(b))] if int(b) - int(a) <= 60 else []
        for number in [first, *implied, *([last] if last != first else [])]:
            if number not in known:
                continue
            start, end = (m.start(), m.end()) if single else spans.get(number, (m.start(), m.end()))
            refs.append(Reference("wt-paragraph", known[number], "para-" + number.replace(".", "-"), None,
                                  m.group(0), start, end, single or number in spans))
    if refs and not single and m.group("title") is not None:
        refs.append(Reference("working-together", ctx.targets.overview, "", None, m.group("title"),
                              m.start("title"), m.end("title"), True))
    return refs


def wt_appendices(m: re.Match[str], ctx: Context) -> list[Reference]:
    """"Appendix 2" on a page of Working Together, or "Appendix 2 of Working Together" anywhere.

    Other documents have appendices of their own: a bare "Appendix 2" on their pages is theirs, not linked.
    """
    if m.group("title") is None and (ctx.page not in ctx.targets.wt_pages or _foreign(m, ctx, _OF_OTHER)):
        return []
    page = ctx.targets.wt_appendices.get(int(m.group("num")))
    if page is None:
        return []
    return [Reference("wt-appendix", page, "", int(m.group("num")), m.group(0), m.start(), m.end(), True)]


def document_title(m: re.Match[str], ctx: Context) -> list[Reference]:
    documents = _documents_by_title(ctx.targets.titles_by_document)
    for key in documents.get(_title_key(m.group(0)), ()):
        if key != ctx.document:
            document = ctx.targets.documents[key]
            return [Reference("document", document.index, "", None, m.group(0), m.start(), m.end(), True)]
    return []


def _title_key(text: str) -> str | None:
    """What a text and every title it matches loosely (``_loose``, in full) have in common."""
    if text[:1].isspace() or text[-1:].isspace():
        return None  # a title's pattern starts and ends with a word
    return " ".join(text.split()).replace("’", "'")


@lru_cache(maxsize=8)
def _documents_by_title(titles: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str | None, tuple[str, ...]]:
    """Each title's key, and the documents (in their order) that have a title with that key."""
    found: dict[str | None, list[str]] = {}
    for key, document_titles in titles:
        for title in document_titles:
            keys = found.setdefault(_title_key(" ".join(title.split())), [])
            if key not in keys:
                keys.append(key)
    return {title: tuple(keys) for title, keys in found.items()}


@dataclass(frozen=True)
class Row:
    kind: str
    pattern: str  # {NUMS}, {NUM}, {TITLE}, {WT} and {DOCUMENTS} are filled in when the table is compiled
    resolve: Resolver
    # What every match of ``pattern`` begins with, as literal alternatives ({WT_START}, {DOCUMENTS_START}:
    # the first characters of the titles). Python's regex engine tries a pattern that opens with a look-
    # behind or an optional group at every position of a page; it skips straight to a literal.
    starts: str


# Longest match wins where rows overlap; on a tie, the earlier row.
TABLE: tuple[Row, ...] = (
    Row("recommendation", r"\b(?:see\s+(?P<response>response\s+to\s+))?(?P<word>[Rr]ecommendations?|[Rr]ecs?)\.?\s+(?P<nums>{NUMS})", recommendations, "see|Rec|rec"),  # noqa: E501
    Row("wt-chapter", r"\b[Cc]hapters?\s+(?P<nums>{NUMS})\s+of\s+(?:the\s+)?(?:revised\s+)?(?P<title>{WT})", wt_chapters, "Chapter|chapter"),  # noqa: E501
    Row("wt-chapter", r"(?P<title>{WT}),?\s+[Cc]hapter\s+(?P<nums>{NUM}){TITLE}", wt_chapters, "{WT_START}"),
    Row("chapter", r"\bChapters?\s+(?P<nums>{NUMS})", bare_chapters, "Chapter"),
    Row("working-together", r"{WT}", working_together, "{WT_START}"),
    Row("annex", r"\bAnnex\s+(?P<letter>[A-Z])(?![\w-])", annex, "Annex"),
    Row("paragraph", r"\b(?:[Pp]aragraphs?|[Pp]aras?\.?)\s+(?P<nums>{NUMS})(?:\s+of\s+this\s+(?:report|document|letter))?", paragraphs, "Para|para"),  # noqa: E501
    Row("wt-paragraph", r"\b[Pp]aragraphs?\s+(?P<nums>{DECS})(?:\s+of\s+(?:the\s+)?(?:revised\s+)?(?P<title>{WT}))?", wt_paragraphs, "Para|para"),  # noqa: E501
    Row("wt-appendix", r"\bAppendix\s+(?P<num>{NUM})(?:\s+(?:of|to)\s+(?:the\s+)?(?:revised\s+)?(?P<title>{WT}))?", wt_appendices, "Appendix"),  # noqa: E501
    Row("document", r"(?<!\w)(?:{DOCUMENTS})(?!\w)", document_title, "{DOCUMENTS_START}"),
)


def _loose(title: str) -> list[str]:
    """A title as regex symbols, one a character, that allow either apostrophe and a line break between words."""
    symbols: list[str] = []
    for word in title.split():
        if symbols:
            symbols.append(r"\s+")
        symbols += ("['’]" if char in "'’" else re.escape(char) for char in word)
    return symbols


def _alternatives(titles: tuple[str, ...]) -> str:
    """Every title, the longest first; as a trie, since a site may have hundreds of titles to try at each place.

    Symbols after the same beginning are distinct characters, the apostrophe class or a run of spaces,
    so no two match at one place, as ``alternation`` requires.
    """
    return alternation((_loose(t), "") for t in sorted(set(titles), key=lambda t: (-len(t), t)))


# Unbounded: one entry per distinct title set, and a bounded cache thrashes once a site has more
# documents than it holds (benchmarks/results.md measured 56,924 recompiles at 10x content).
@cache
def _titles_regex(titles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_alternatives(titles))


def _working_together(targets: LinkTargets) -> re.Pattern[str]:
    return _titles_regex(targets.working_together_titles)


def _first_characters(titles: tuple[str, ...], *extra: str) -> str:
    """Literal alternatives for the characters the titles (as ``_loose`` matches them) can begin with."""
    firsts = {*extra}
    for title in titles:
        first = title.lstrip()[:1]
        firsts |= {"'", "’"} if first in "'’" else {first} if first else set()
    return "|".join(re.escape(c) for c in sorted(firsts)) or r"(?!)"


@lru_cache(maxsize=8)
def compiled_table(wt_titles: tuple[str, ...], document_titles: tuple[str, ...]) -> tuple[CompiledRow, ...]:
    fill = {"{NUMS}": NUMS, "{NUM}": NUM, "{DECS}": DECS, "{TITLE}": TITLE,
            "{WT}": _EMPHASISED.format(titles=_alternatives(wt_titles)),
            "{DOCUMENTS}": _alternatives(document_titles) or r"(?!)",
            "{WT_START}": _first_characters(wt_titles, "*", "_"),
            "{DOCUMENTS_START}": _first_characters(document_titles)}
    compiled = []
    for row in TABLE:
        pattern, starts = row.pattern, row.starts
        for key, value in fill.items():
            pattern, starts = pattern.replace(key, value), starts.replace(key, value)
        compiled.append(CompiledRow(row, re.compile(pattern), re.compile(starts)))
    return tuple(compiled)


@dataclass(frozen=True)
class CompiledRow:
    row: Row
    regex: re.Pattern[str]
    starts: re.Pattern[str]

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """What ``regex.finditer(text)`` finds, trying the regex only where ``starts`` says a match may begin."""
        position = 0
        while (start := self.starts.search(text, position)) is not None:
            # match() at a position still sees the text before it, so look-behinds and \b judge as before.
            if (match := self.regex.match(text, start.start())) is None:
                position = start.start() + 1
            else:
                yield match
                position = max(match.end(), match.start() + 1)


def _page(page: str | None, anchor: str = "") -> tuple[str, str] | None:
    return None if page is None else (page, anchor)
