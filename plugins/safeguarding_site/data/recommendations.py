"""Lord Laming's 58 recommendations (``cross_refs/recommendations.yaml``), validated into typed objects."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import Problems
from ..base.known_fields import check_known_fields, misspelt
from ..base.yaml_lines import LineDict
from ..text.plain_text import contains_quote
from .fields import load_data_file, misquoted, not_one_of
from .working_together import WORKING_TOGETHER

COLUMNS = {
    "recommendation": "Lord Laming's recommendation (March 2009)",
    "response_2009": "the Government's response (May 2009)",
    "progress_2010": "the progress update (March 2010)",
}
EVIDENCE_COLUMNS = ("response_2009", "progress_2010")
MENTION_KINDS = ("working-together", "guidance", "legislation", "working-together-chapter")
# implements: the March 2010 update says the chapter now does it; promises: a plan (a May 2009 "will").
STATUSES = ("implements", "promises")

# Autolinks (<http://...>) are Markdown; anything else that looks like a tag is raw HTML.
_RAW_HTML = re.compile(r"<(?!https?://|mailto:)[a-zA-Z/!?][^>]*>")
_BAD_URL = re.compile(r"(?i)\b(?:javascript|vbscript|data)\s*:")


@dataclass(frozen=True)
class ChapterRef:
    """Evidence that a chapter of Working Together implements, or was promised to implement, a recommendation."""

    chapter: int
    status: str  # one of STATUSES
    column: str
    quote: str
    # Paragraphs of the imported chapter that implement it ("5.45"); checked against the text by `check`.
    paragraphs: tuple[str, ...] = ()
    paragraphs_line: int | None = None


@dataclass(frozen=True)
class Mention:
    """Something other than a chapter that a recommendation's text names (guidance, an Act, WT as a whole)."""

    kind: str
    name: str
    column: str
    quote: str
    chapter: int | None = None  # working-together-chapter only: a chapter named without implementing it


@dataclass(frozen=True)
class Recommendation:
    id: int
    recommendation: str
    response_2009: str
    progress_2010: str
    implemented_by: tuple[ChapterRef, ...]
    mentions: tuple[Mention, ...]
    short_title: str
    # The editors' override of "who must act" (organisation keys, checked against organisations.yaml by
    # validate_addressed_to as the entry is loaded). None: derived from the text.
    addressed_to: tuple[str, ...] | None = None
    addressed_to_line: int | None = None
    # The editors' override of "also concerns", the same way.
    also_concerns: tuple[str, ...] | None = None
    also_concerns_line: int | None = None

    @property
    def page(self) -> str:
        return f"recommendations/{self.id}.md"

    def column(self, key: str) -> str:
        return str(getattr(self, key))

    @property
    def chapters(self) -> tuple[int, ...]:
        return tuple(sorted({ref.chapter for ref in self.implemented_by}))

    def chapter_status(self, number: int) -> str:
        """``implements`` if any evidence says the chapter does it; ``promises`` if it was only promised."""
        statuses = {ref.status for ref in self.implemented_by if ref.chapter == number}
        return "implements" if "implements" in statuses else "promises"

    @property
    def chapters_mentioned(self) -> tuple[int, ...]:
        """Chapters the text names without saying they implement the recommendation (rec 42's Chapter 8)."""
        return tuple(sorted({m.chapter for m in self.mentions if m.chapter is not None}))


def check_markdown_safety(text: str) -> str | None:
    """Why ``text`` may not be published as it is, or None. Data is Markdown only: no tags, no script URLs."""
    if match := _RAW_HTML.search(text):
        return f"contains raw HTML {match.group(0)[:40]!r}: write Markdown instead (*italic*, [text](url), - lists)"
    if match := _BAD_URL.search(text):
        return f"contains a {match.group(0).rstrip(': ')!r} URL: only http, https and mailto links are allowed"
    return None


def load_recommendations(path: Path, name: str, chapters: set[int], problems: Problems,
                         organisations: Collection[str] | None = None) -> list[Recommendation]:
    """Every entry of recommendations.yaml, checked; ``organisations``: the keys ``addressed_to`` may use."""
    data = load_data_file(path, name, ("schema", "source", "recommendations"), ("recommendations",), problems)
    if data is None:
        return []
    recs: list[Recommendation] = []
    seen: dict[int, int] = {}
    titles: dict[str, tuple[int, int]] = {}  # short title, case-folded -> (id, line) of its first use
    for index, entry in enumerate(data["recommendations"]):
        if not isinstance(entry, LineDict):
            problems.add(name, "expected a mapping with id, recommendation, response_2009, progress_2010",
                         entry=f"recommendations[{index}]")
            continue
        rec = _load_one(entry, index, name, chapters, problems, seen, organisations)
        if rec is not None:
            recs.append(rec)
            if rec.short_title:
                first = titles.setdefault(rec.short_title.casefold(), (rec.id, entry.line_of("short_title")))
                if first[0] != rec.id:
                    problems.add(name, f"short_title {rec.short_title!r} is already the short title of "
                                 f"recommendation {first[0]} (line {first[1]}): each needs its own, so that lists "
                                 "can tell them apart", line=entry.line_of("short_title"),
                                 entry=f"recommendation {rec.id}")
    for position, rec in enumerate(recs, start=1):
        if rec.id != position:
            problems.add(name, f"ids must run 1, 2, 3, … in order: expected {position} here, found {rec.id}",
                         line=seen.get(rec.id), entry=f"recommendation {rec.id}")
            break
    return recs


def _load_one(entry: LineDict, index: int, name: str, chapters: set[int], problems: Problems,
              seen: dict[int, int], organisations: Collection[str] | None) -> Recommendation | None:
    rid = entry.get("id")
    if not isinstance(rid, int) or isinstance(rid, bool) or rid < 1:
        problems.add(name, f"'id' must be a whole number from 1, not {rid!r}", line=entry.line_of("id"),
                     entry=f"recommendations[{index}]")
        return None
    label = f"recommendation {rid}"
    if rid in seen:
        problems.add(name, f"duplicate id {rid} (first used on line {seen[rid]}): give this entry the next "
                     "free number", line=entry.line_of("id"), entry=label)
        return None
    seen[rid] = entry.line_of("id")
    check_known_fields(entry, {"id", "short_title", "implemented_by", "mentions", "addressed_to", "also_concerns",
                               *COLUMNS}, name, problems, entry=label)
    texts: dict[str, str] = {}
    for key in COLUMNS:
        value = entry.get(key)
        if not isinstance(value, str) or (key == "recommendation" and not value.strip()):
            problems.add(name, f"'{key}' must be Markdown text, not {type(value).__name__}",
                         line=entry.line_of(key), entry=label)
            value = ""
        elif reason := check_markdown_safety(value):
            problems.add(name, f"{key} {reason}", line=entry.line_of(key), entry=label)
        texts[key] = value
    refs = tuple(_chapter_refs(entry, name, label, chapters, texts, problems))
    mentions = tuple(_mentions(entry, name, label, chapters, texts, problems))
    short = entry.get("short_title")
    if not isinstance(short, str) or not short.strip() or "\n" in short.strip() or check_markdown_safety(short):
        where = entry.line_of("short_title") if "short_title" in entry else entry.line_of("id")
        problems.add(name, "short_title is required: one line of plain text in the editors' own words, a neutral "
                     "summary of the recommendation's subject in about 8 words (e.g. 'Training and support for "
                     "intake and duty teams')", line=where, entry=label)
        short = ""
    addressed_to = validate_addressed_to(entry, file=name, label=label, organisations=organisations,
                                         problems=problems)
    also = validate_organisation_keys(entry, "also_concerns", file=name, label=label, organisations=organisations,
                                      problems=problems)
    return Recommendation(
        id=rid, implemented_by=refs, mentions=mentions,
        short_title=" ".join(short.split()), **texts,
        addressed_to=addressed_to,
        addressed_to_line=entry.line_of("addressed_to") if addressed_to is not None else None,
        also_concerns=also, also_concerns_line=entry.line_of("also_concerns") if also is not None else None,
    )



def _evidence(item: LineDict, name: str, label: str, texts: dict[str, str], allowed: tuple[str, ...],
              problems: Problems) -> tuple[str, str] | None:
    column, quote = item.get("column"), item.get("quote")
    if misspelt(item, "column") or misspelt(item, "quote"):
        return None
    if column not in allowed:
        problems.add(name, not_one_of("column", allowed, column),
                     line=item.line_of("column"), entry=label)
        return None
    if not isinstance(quote, str) or not quote.strip():
        problems.add(name, "quote must be the exact words of the source that say so", line=item.line_of("quote"),
                     entry=label)
        return None
    if not contains_quote(texts[column], quote):
        problems.add(name, misquoted(quote, column, "column"), line=item.line_of("quote"), entry=label)
        return None
    return column, quote.strip()


def _listed(entry: LineDict, key: str, fields: str, name: str, label: str, problems: Problems):
    """(where, item) for each mapping in the entry's list ``key``; a list that is not one, or an item that is
    not a mapping (of ``fields``), is reported instead."""
    items = entry.get(key) or []
    if not isinstance(items, list):
        problems.add(name, f"{key} must be a list", line=entry.line_of(key), entry=label)
        return
    for i, item in enumerate(items):
        where = f"{label}: {key}[{i}]"
        if isinstance(item, LineDict):
            yield where, item
        else:
            problems.add(name, f"expected {fields}", entry=where)


def _chapter_refs(entry: LineDict, name: str, label: str, chapters: set[int], texts: dict[str, str],
                  problems: Problems):
    for where, item in _listed(entry, "implemented_by", "chapter, status, column and quote", name, label, problems):
        check_known_fields(item, ("chapter", "status", "column", "quote", "paragraphs"), name, problems, entry=where)
        chapter = item.get("chapter")
        status = item.get("status")
        if status not in STATUSES:
            problems.add(name, f"status must be 'implements' (the March 2010 update says the chapter does it) "
                         f"or 'promises' (a plan, such as a May 2009 'will'), not {status!r}",
                         line=item.line_of("status") if "status" in item else item.line, entry=where)
            continue
        # Type first: a list or mapping here cannot be looked up in a set, and 3.0 is not chapter 3.
        if isinstance(chapter, bool) or not isinstance(chapter, int) or chapter not in chapters:
            problems.add(name, f"no chapter {chapter!r} in Working Together: chapters are "
                         f"{min(chapters, default=1)}–{max(chapters, default=0)}", line=item.line_of("chapter"),
                         entry=where)
            continue
        paragraphs = _paragraphs(item, chapter, name, where, problems)
        if (found := _evidence(item, name, where, texts, EVIDENCE_COLUMNS, problems)) and paragraphs is not None:
            yield ChapterRef(chapter, status, *found, paragraphs=paragraphs,
                             paragraphs_line=item.line_of("paragraphs") if paragraphs else None)


def _paragraphs(item: LineDict, chapter: int, name: str, where: str, problems: Problems) -> tuple[str, ...] | None:
    """The optional ``paragraphs: ["5.45", "5.46"]`` of an implemented_by entry; None if it is malformed."""
    given = item.get("paragraphs")
    if given is None:
        return ()
    if not isinstance(given, list) or not all(
            isinstance(p, str) and re.fullmatch(rf"{chapter}\.[1-9]\d{{0,2}}", p) for p in given):
        problems.add(name, f"paragraphs must be a list of chapter {chapter}'s paragraph numbers as quoted "
                     f"strings, e.g. [\"{chapter}.1\", \"{chapter}.2\"], not {given!r}",
                     line=item.line_of("paragraphs"), entry=where)
        return None
    return tuple(given)


def _mentions(entry: LineDict, name: str, label: str, chapters: set[int], texts: dict[str, str],
              problems: Problems):
    for where, item in _listed(entry, "mentions", "kind, name, column and quote", name, label, problems):
        check_known_fields(item, ("kind", "name", "column", "quote", "chapter"), name, problems, entry=where)
        kind = item.get("kind")
        if misspelt(item, "kind"):
            continue
        if kind not in MENTION_KINDS:
            problems.add(name, not_one_of("kind", MENTION_KINDS, kind),
                         line=item.line_of("kind"), entry=where)
            continue
        chapter = item.get("chapter")
        if kind == "working-together-chapter":
            if isinstance(chapter, bool) or not isinstance(chapter, int) or chapter not in chapters:
                problems.add(name, f"a working-together-chapter mention needs 'chapter', a chapter number of "
                             f"Working Together, not {chapter!r}", line=item.line_of("chapter")
                             if "chapter" in item else item.line, entry=where)
                continue
        elif chapter is not None:
            problems.add(name, f"only a working-together-chapter mention has a chapter, not a {kind} one",
                         line=item.line_of("chapter"), entry=where)
            continue
        default_name = {"working-together": WORKING_TOGETHER,
                        "working-together-chapter": f"{WORKING_TOGETHER}, Chapter {chapter}"}
        mention_name = item.get("name") or default_name.get(kind)
        if not isinstance(mention_name, str):
            problems.add(name, f"a {kind} mention needs a name", line=item.line, entry=where)
            continue
        if found := _evidence(item, name, where, texts, tuple(COLUMNS), problems):
            yield Mention(kind, mention_name, *found, chapter=chapter)


def validate_addressed_to(entry: LineDict, *, file: str, label: str, organisations: Collection[str] | None,
                          problems: Problems) -> tuple[str, ...] | None:
    """The editors' ``addressed_to: [key, ...]`` of one recommendation entry (who must act), checked."""
    return validate_organisation_keys(entry, "addressed_to", file=file, label=label, organisations=organisations,
                                      problems=problems)


def validate_organisation_keys(entry: LineDict, key: str, *, file: str, label: str,
                               organisations: Collection[str] | None, problems: Problems) -> tuple[str, ...] | None:
    """The editors' ``addressed_to`` or ``also_concerns`` list of one entry, checked; None when absent or wrong.

    The one check of both: ``_load_one`` calls it for every entry, with the keys of organisations.yaml (None
    when that file could not be read: then only the list's form is checked). An empty list is allowed: it
    says the text names nobody. Each problem names the line of the field.
    """
    if key not in entry:
        return None
    value = entry[key]
    line = entry.line_of(key)
    if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
        problems.add(file, f"{key} must be a list of organisation keys from organisations.yaml, e.g. "
                     "[dcsf, ofsted]", line=line, entry=label)
        return None
    unknown = [k for k in value if organisations is not None and k not in organisations]
    if unknown:
        problems.add(file, f"{key}: {', '.join(map(repr, unknown))} not a key in organisations.yaml "
                     f"(known: {', '.join(sorted(organisations))})", line=line, entry=label)
        return None
    twice = sorted({k for k in value if value.count(k) > 1})
    if twice:
        problems.add(file, f"{key} lists an organisation twice ({', '.join(map(repr, twice))}): "
                     "list each organisation once", line=line, entry=label)
        return None
    return tuple(value)
