"""The register of other documents, Acts and web pages the sources name (``cross_refs/guidance.yaml``)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..base.errors import Problems
from ..base.known_fields import check_known_fields
from ..base.yaml_lines import LineDict, load_yaml
from ..text.blocks import comparable
from .documents import Document
from .recommendations import check_markdown_safety

KINDS = {"guidance": "Guidance", "legislation": "Legislation", "report": "Reports and papers",
         "web page": "Web pages"}
ARCHIVE = "https://webarchive.nationalarchives.gov.uk/ukgwa/{stamp}000000/{url}"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")
_MONTHS = {name: number for number, name in enumerate(
    ("january february march april may june july august september october november december").split(), start=1)}
_DATE = re.compile(r"(?:(\d{1,2}) )?([A-Za-z]+) (\d{4})")


@dataclass(frozen=True)
class Link:
    url: str  # as the source gives it
    given_in: str  # the key of the source document that gives it
    archive: str | None  # its UK Government Web Archive address, when the domain has been retired


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    kind: str
    publisher: str | None
    date: str | None
    aliases: tuple[str, ...]
    links: tuple[Link, ...]
    note: str | None
    line: int

    @property
    def phrases(self) -> tuple[str, ...]:
        """The title and aliases: the words that, found in a text, cite this entry."""
        return (self.title, *self.aliases)


@dataclass(frozen=True)
class Register:
    entries: dict[str, Entry]  # in the file's order
    retired_domains: tuple[str, ...]


def document_date(text: str) -> datetime.date | None:
    """"17 March 2010" or "March 2010" (the first of the month) as a date; None for anything else."""
    match = _DATE.fullmatch(text.strip())
    if not match or match.group(2).lower() not in _MONTHS:
        return None
    return datetime.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1) or 1))


def is_retired(url: str, domains: tuple[str, ...]) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def archive_url(url: str, on: datetime.date) -> str:
    """The UK Government Web Archive's address for ``url`` as it was around ``on``.

    Built by rule, never looked up: the archive answers a timestamped address with its capture nearest to
    that moment, so the date the source gave the address (when it is known to have worked) finds it.
    """
    return ARCHIVE.format(stamp=on.strftime("%Y%m%d"), url=url)


def load_register(path: Path, name: str, documents: Mapping[str, Document], problems: Problems) -> Register:
    data = load_yaml(path, name)
    suggested = check_known_fields(data, ("schema", "retired_domains", "entries"),
                                   name, problems) if isinstance(data, LineDict) else set()
    if not isinstance(data, LineDict) or not isinstance(data.get("entries"), list):
        if "entries" not in suggested:
            problems.add(name, "expected a mapping with an 'entries:' list", line=1)
        return Register({}, ())
    if data.get("schema") != 1:
        problems.add(name, f"schema must be 1, not {data.get('schema')!r}", line=data.line_of("schema"))
    domains = data.get("retired_domains") or []
    if not isinstance(domains, list) or not all(isinstance(d, str) and _HOST.fullmatch(d) for d in domains):
        problems.add(name, "retired_domains must list host names such as dcsf.gov.uk",
                     line=data.line_of("retired_domains"))
        domains = []
    entries: dict[str, Entry] = {}
    phrases: dict[str, str] = {}
    for index, item in enumerate(data["entries"]):
        entry = _load_entry(item, index, name, documents, tuple(domains), problems)
        if entry is None:
            continue
        if entry.id in entries:
            problems.add(name, f"duplicate id {entry.id!r}", line=item.line_of("id"), entry=entry.id)
            continue
        clashes = [p for p in entry.phrases if comparable(p).casefold() in phrases]
        if clashes:
            other = phrases[comparable(clashes[0]).casefold()]
            problems.add(name, f"{clashes[0]!r} already names {other!r}: a title or alias must name one entry",
                         line=item.line, entry=entry.id)
            continue
        phrases.update(dict.fromkeys((comparable(p).casefold() for p in entry.phrases), entry.id))
        entries[entry.id] = entry
    return Register(entries, tuple(domains))


def _text(item: LineDict, key: str, name: str, label: str, problems: Problems, *, required: bool) -> str | None:
    value = item.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip() or "\n" in value.strip() or check_markdown_safety(value):
        problems.add(name, f"'{key}' must be one line of plain text" + ("" if required else ", or null"),
                     line=item.line_of(key), entry=label)
        return None
    return " ".join(value.split())


def _load_entry(item: object, index: int, name: str, documents: Mapping[str, Document], domains: tuple[str, ...],
                problems: Problems) -> Entry | None:
    if not isinstance(item, LineDict):
        problems.add(name, "expected a mapping with id, title, kind, publisher, date and urls",
                     entry=f"entries[{index}]")
        return None
    entry_id = item.get("id")
    if not isinstance(entry_id, str) or not _ID.fullmatch(entry_id):
        problems.add(name, f"'id' must be lower-case words joined by hyphens (it is the entry's link anchor), not "
                     f"{entry_id!r}", line=item.line_of("id"), entry=f"entries[{index}]")
        return None
    check_known_fields(item, ("id", "title", "kind", "publisher", "date", "aliases", "urls", "note"), name, problems,
                       entry=entry_id)
    title = _text(item, "title", name, entry_id, problems, required=True)
    kind = item.get("kind")
    if kind not in KINDS:
        problems.add(name, f"kind must be one of {', '.join(KINDS)}, not {kind!r}", line=item.line_of("kind"),
                     entry=entry_id)
        return None
    publisher = _text(item, "publisher", name, entry_id, problems, required=False)
    date = _text(item, "date", name, entry_id, problems, required=False)
    note = _text(item, "note", name, entry_id, problems, required=False)
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        problems.add(name, "aliases must be a list of the other words the sources use for it",
                     line=item.line_of("aliases"), entry=entry_id)
        aliases = []
    links = _links(item, name, entry_id, documents, domains, problems)
    if title is None or links is None:
        return None
    return Entry(entry_id, title, kind, publisher, date, tuple(" ".join(a.split()) for a in aliases), links,
                 note, item.line)


def _links(item: LineDict, name: str, entry_id: str, documents: Mapping[str, Document], domains: tuple[str, ...],
           problems: Problems) -> tuple[Link, ...] | None:
    urls = item.get("urls") or []
    if not isinstance(urls, list):
        problems.add(name, "urls must be a list of {url, given_in}", line=item.line_of("urls"), entry=entry_id)
        return None
    links: list[Link] = []
    for index, link in enumerate(urls):
        where = f"{entry_id}: urls[{index}]"
        url = link.get("url") if isinstance(link, LineDict) else None
        given_in = link.get("given_in") if isinstance(link, LineDict) else None
        if not isinstance(url, str) or not re.fullmatch(r"https?://\S+", url):
            problems.add(name, f"url must be an http or https address as the source gives it, not {url!r}",
                         line=getattr(link, "line", item.line), entry=where)
            return None
        check_known_fields(link, ("url", "given_in", "archive_date"), name, problems, entry=where)
        if given_in not in documents:
            problems.add(name, f"given_in must be the key of the source document that gives the address "
                         f"({', '.join(documents)}), not {given_in!r}", line=link.line_of("given_in"), entry=where)
            return None
        archive = None
        if is_retired(url, domains):
            on = _archive_date(link, documents[given_in], name, where, problems)
            archive = archive_url(url, on) if on else None
        links.append(Link(url, given_in, archive))
    return tuple(links)


def _archive_date(link: LineDict, document: Document, name: str, where: str,
                  problems: Problems) -> datetime.date | None:
    # The rule's date is the citing document's; an editor may name a better one for a single address.
    override = link.get("archive_date")
    if override is not None:
        if isinstance(override, datetime.date):
            return override
        problems.add(name, f"archive_date must be a date written YYYY-MM-DD, not {override!r}",
                     line=link.line_of("archive_date"), entry=where)
        return None
    on = document_date(document.date)
    if on is None:
        problems.add(name, f"the date of {document.key!r} in documents.yaml ({document.date!r}) is not a date "
                     "such as '17 March 2010': give this url an archive_date", line=link.line, entry=where)
    return on
