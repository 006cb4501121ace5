"""The structure of Working Together 2010 (``cross_refs/working-together.yaml``): parts, chapters, sections."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import Problems
from ..base.known_fields import check_known_fields, misspelt
from ..base.yaml_lines import LineDict, load_yaml
from .fields import not_text
from .web_archive import archive_url

# The guidance's short title, as the sources and the site name it (working-together.yaml gives the full one).
WORKING_TOGETHER = "Working Together to Safeguard Children"


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: str | None


@dataclass(frozen=True)
class TitleQuote:
    """A recommendation's text that names the chapter with its title, and so confirms the title."""

    recommendation: int
    column: str
    quote: str
    line: int | None  # of ``confirmed_by``, for messages


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    part: int
    confirmed: bool
    sections_complete: bool
    sections: tuple[Section, ...]
    confirmed_by: TitleQuote | None = None

    @property
    def page(self) -> str:
        return f"working-together/chapter-{self.number}.md"


@dataclass(frozen=True)
class Appendix:
    number: int
    title: str
    confirmed: bool


@dataclass(frozen=True)
class OfficialText:
    url: str
    document: str
    quote: str
    document_line: int = 0  # where an unknown document key is reported (documents.yaml is read apart)


@dataclass(frozen=True)
class OfficialCopy:
    url: str  # as the source prints it, on a domain since retired
    given_in: str  # what the address is and where it is printed, in the site's words
    archive: str  # its UK Government Web Archive address, built by rule


@dataclass(frozen=True)
class OfficialCopies:
    addresses: tuple[OfficialCopy, ...]
    checked: datetime.date | None  # when an editor last opened the archived copies; None: not yet


@dataclass(frozen=True)
class WorkingTogether:
    title: str
    publisher: str
    published: str
    reference: str
    isbn: str
    official_text: OfficialText | None
    parts: dict[int, str]
    chapters: dict[int, Chapter]
    appendices: tuple[Appendix, ...]
    official_copies: OfficialCopies | None = None


def _text(entry: LineDict, key: str, name: str, label: str, problems: Problems) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        if not misspelt(entry, key):
            problems.add(name, not_text(key), line=entry.line_of(key), entry=label)
        return ""
    return value.strip()


def _int(entry: LineDict, key: str, name: str, label: str, problems: Problems) -> int:
    value = entry.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        problems.add(name, f"'{key}' must be a whole number, not {value!r}", line=entry.line_of(key), entry=label)
        return 0
    return value


def load_working_together(path: Path, name: str, problems: Problems) -> WorkingTogether | None:
    data = load_yaml(path, name)
    if not isinstance(data, LineDict):
        problems.add(name, "expected a mapping with title, parts and chapters", line=1)
        return None
    top = "top level"
    check_known_fields(data, ("schema", "title", "publisher", "published", "reference", "isbn", "official_text",
                              "official_copies", "parts", "chapters", "appendices"), name, problems)
    parts: dict[int, str] = {}
    for i, part in enumerate(data.get("parts") or []):
        if isinstance(part, LineDict):
            label = f"parts[{i}]"
            check_known_fields(part, ("number", "name"), name, problems, entry=label)
            parts[_int(part, "number", name, label, problems)] = _text(part, "name", name, label, problems)
    chapters: dict[int, Chapter] = {}
    for i, ch in enumerate(data.get("chapters") or []):
        label = f"chapters[{i}]"
        if not isinstance(ch, LineDict):
            problems.add(name, "expected a mapping (number, title, part, confirmed)", entry=label)
            continue
        check_known_fields(ch, ("number", "title", "part", "confirmed", "confirmed_by", "sections_complete",
                                "sections"), name,
                           problems, entry=label)
        number = _int(ch, "number", name, label, problems)
        label = f"chapter {number}"
        part = _int(ch, "part", name, label, problems)
        if part and part not in parts:
            problems.add(name, f"part {part} is not one of the parts {sorted(parts)}", line=ch.line_of("part"),
                         entry=label)
        if number in chapters:
            problems.add(name, f"duplicate chapter number {number}", line=ch.line_of("number"), entry=label)
        sections = []
        for j, s in enumerate(ch.get("sections") or []):
            if not isinstance(s, LineDict):
                problems.add(name, "a section must be a mapping with a title", entry=f"{label}: sections[{j}]")
                continue
            check_known_fields(s, ("title", "paragraphs"), name, problems, entry=f"{label}: sections[{j}]")
            para = s.get("paragraphs")
            sections.append(Section(_text(s, "title", name, f"{label}: sections[{j}]", problems),
                                    None if para is None else str(para)))
        quoted = _title_quote(ch, name, label, problems)
        chapters[number] = Chapter(
            number=number,
            title=_text(ch, "title", name, label, problems),
            part=part,
            confirmed=ch.get("confirmed") is True,
            sections_complete=ch.get("sections_complete") is True,
            sections=tuple(sections),
            confirmed_by=quoted,
        )
        if quoted and ch.get("confirmed") is not True:
            problems.add(name, "a title with 'confirmed_by' is confirmed: set 'confirmed: true'",
                         line=ch.line_of("confirmed"), entry=label)
    expected = list(range(1, len(chapters) + 1))
    if sorted(chapters) != expected:
        problems.add(name, f"chapter numbers must run 1..{len(chapters)} without gaps; found {sorted(chapters)}",
                     line=data.line_of("chapters"), entry=top)
    official = data.get("official_text")
    official_text = None
    if isinstance(official, LineDict):
        check_known_fields(official, ("url", "document", "quote"), name, problems, entry="official_text")
        official_text = OfficialText(
            url=_text(official, "url", name, "official_text", problems),
            document=_text(official, "document", name, "official_text", problems),
            quote=_text(official, "quote", name, "official_text", problems),
            document_line=official.line_of("document"),
        )
    for i, a in enumerate(data.get("appendices") or []):
        if isinstance(a, LineDict):
            check_known_fields(a, ("number", "title", "confirmed"), name, problems, entry=f"appendices[{i}]")
    appendices = tuple(
        Appendix(a.get("number", 0), str(a.get("title", "")), a.get("confirmed") is True)
        for a in data.get("appendices") or [] if isinstance(a, LineDict)
    )
    return WorkingTogether(
        official_copies=_official_copies(data.get("official_copies"), name, problems),
        title=_text(data, "title", name, top, problems),
        publisher=_text(data, "publisher", name, top, problems),
        published=str(data.get("published", "")),
        reference=str(data.get("reference", "")),
        isbn=str(data.get("isbn", "")),
        official_text=official_text,
        parts=parts,
        chapters=chapters,
        appendices=appendices,
    )


def _title_quote(chapter: LineDict, name: str, label: str, problems: Problems) -> TitleQuote | None:
    entry = chapter.get("confirmed_by")
    if entry is None:
        return None
    where = f"{label}: confirmed_by"
    if isinstance(entry, LineDict):
        check_known_fields(entry, ("recommendation", "column", "quote"), name, problems, entry=where)
    if not isinstance(entry, LineDict):
        problems.add(name, "'confirmed_by' must be a mapping with recommendation, column and quote",
                     line=chapter.line_of("confirmed_by"), entry=label)
        return None
    return TitleQuote(recommendation=_int(entry, "recommendation", name, where, problems),
                      column=_text(entry, "column", name, where, problems),
                      quote=_text(entry, "quote", name, where, problems),
                      line=chapter.line_of("confirmed_by"))


def _official_copies(entry: object, name: str, problems: Problems) -> OfficialCopies | None:
    """The retired addresses of the publication, each with its archived copy, and when an editor checked them."""
    if entry is None:
        return None
    label = "official_copies"
    if not isinstance(entry, LineDict) or not isinstance(entry.get("addresses"), list):
        problems.add(name, "'official_copies' must be a mapping with 'checked' and an 'addresses' list",
                     line=getattr(entry, "line", None), entry=label)
        return None
    check_known_fields(entry, ("checked", "addresses"), name, problems, entry=label)
    checked = entry.get("checked")
    if checked is not None and not isinstance(checked, datetime.date):
        problems.add(name, f"'checked' must be a date written YYYY-MM-DD, or null, not {checked!r}",
                     line=entry.line_of("checked"), entry=label)
        checked = None
    addresses = []
    for i, address in enumerate(entry["addresses"]):
        where = f"{label}: addresses[{i}]"
        if not isinstance(address, LineDict):
            problems.add(name, "each address must be a mapping with url, given_in and archive_date", entry=where)
            continue
        check_known_fields(address, ("url", "given_in", "archive_date"), name, problems, entry=where)
        url = _text(address, "url", name, where, problems)
        given_in = _text(address, "given_in", name, where, problems)
        on = address.get("archive_date")
        if not isinstance(on, datetime.date):
            problems.add(name, f"'archive_date' must be a date written YYYY-MM-DD, not {on!r}",
                         line=address.line_of("archive_date") or address.line, entry=where)
            continue
        if not url.startswith(("http://", "https://")):
            problems.add(name, f"'url' must be an http(s) address, not {url!r}", line=address.line_of("url"),
                         entry=where)
            continue
        addresses.append(OfficialCopy(url=url, given_in=given_in, archive=archive_url(url, on)))
    return OfficialCopies(addresses=tuple(addresses), checked=checked)
