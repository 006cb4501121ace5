"""The register of other documents, Acts and web pages the sources name (``cross_refs/guidance.yaml``)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..base.dates import parse_document_date
from ..base.errors import Problems
from ..base.known_fields import check_known_fields
from ..base.yaml_lines import LineDict
from ..text.blocks import comparable
from .documents import Document
from .fields import entry_key, load_data_file, not_one_of
from .recommendations import check_markdown_safety
from .web_archive import archive_url

KINDS = {"guidance": "Guidance", "legislation": "Legislation", "report": "Reports and papers",
         "web page": "Web pages"}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")


@dataclass(frozen=True)
class Link:
    url: str  # as the source gives it
    given_in: str  # the key of the source document that gives it
    archive: str | None  # its UK Government Web Archive address, when the domain has been retired
    meant: str | None = None  # for a misprinted host (misprinted_domains): the address the source plainly meant


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
    official_domains: tuple[str, ...] = ()
    misprints: dict[str, str] = field(default_factory=dict)  # printed host -> the host the source meant

    def host_list(self, url: str) -> str | None:
        """Which editors' list the address's host is on: "official", "retired", "misprint", or None."""
        host = (urlsplit(url if "://" in url else f"http://{url}").hostname or "").lower()
        if _on(host, tuple(self.misprints)):
            return "misprint"
        if _on(host, self.retired_domains):
            return "retired"
        if _on(host, self.official_domains):
            return "official"
        return None

    def meant(self, url: str) -> str | None:
        """The address a misprinted one plainly meant (the printed host replaced), or None if not misprinted."""
        parts = urlsplit(url if "://" in url else f"http://{url}")
        host = (parts.hostname or "").lower()
        printed = next((p for p in self.misprints if _on(host, (p,))), None)
        return parts._replace(netloc=self.misprints[printed]).geturl() if printed else None


def _on(host: str, domains: tuple[str, ...]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def is_retired(url: str, domains: tuple[str, ...]) -> bool:
    return _on((urlsplit(url).hostname or "").lower(), domains)




def load_register(path: Path, name: str, documents: Mapping[str, Document], problems: Problems) -> Register:
    top = ("schema", "official_domains", "misprinted_domains", "retired_domains", "entries")
    data = load_data_file(path, name, top, ("entries",), problems)
    if data is None:
        return Register({}, ())
    domains = _hosts(data, "retired_domains", name, problems)
    official = _hosts(data, "official_domains", name, problems)
    misprints = _misprints(data, name, problems)
    entries: dict[str, Entry] = {}
    phrases: dict[str, str] = {}
    for index, item in enumerate(data["entries"]):
        entry = _load_entry(item, index, name, documents, domains, official, misprints, problems)
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
    return Register(entries, domains, official, misprints)


def _hosts(data: LineDict, key: str, name: str, problems: Problems) -> tuple[str, ...]:
    hosts = data.get(key) or []
    if not isinstance(hosts, list) or not all(isinstance(h, str) and _HOST.fullmatch(h) for h in hosts):
        problems.add(name, f"{key} must list host names such as dcsf.gov.uk", line=data.line_of(key))
        return ()
    return tuple(hosts)


def _misprints(data: LineDict, name: str, problems: Problems) -> dict[str, str]:
    """misprinted_domains: each host a source prints by mistake, with the host it plainly meant."""
    found: dict[str, str] = {}
    for index, item in enumerate(data.get("misprinted_domains") or []):
        where = f"misprinted_domains[{index}]"
        printed = item.get("printed") if isinstance(item, LineDict) else None
        meant = item.get("meant") if isinstance(item, LineDict) else None
        if not (isinstance(printed, str) and _HOST.fullmatch(printed) and isinstance(meant, str)
                and _HOST.fullmatch(meant)):
            problems.add(name, "each misprint needs 'printed:' and 'meant:', both host names such as ofsted.gov.uk",
                         line=getattr(item, "line", data.line_of("misprinted_domains")), entry=where)
            continue
        found[printed.lower()] = meant.lower()
    return found


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
                official: tuple[str, ...], misprints: Mapping[str, str], problems: Problems) -> Entry | None:
    entry_id = entry_key(item, "id", _ID, "it is the entry's link anchor", name, f"entries[{index}]", problems,
                         "id, title, kind, publisher, date and urls")
    if entry_id is None:
        return None
    assert isinstance(item, LineDict)
    check_known_fields(item, ("id", "title", "kind", "publisher", "date", "aliases", "urls", "note"), name, problems,
                       entry=entry_id)
    title = _text(item, "title", name, entry_id, problems, required=True)
    kind = item.get("kind")
    if kind not in KINDS:
        problems.add(name, not_one_of("kind", KINDS, kind), line=item.line_of("kind"),
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
    links = _links(item, name, entry_id, documents, domains, official, misprints, problems)
    if title is None or links is None:
        return None
    return Entry(entry_id, title, kind, publisher, date, tuple(" ".join(a.split()) for a in aliases), links,
                 note, item.line)


def _links(item: LineDict, name: str, entry_id: str, documents: Mapping[str, Document], domains: tuple[str, ...],
           official: tuple[str, ...], misprints: Mapping[str, str], problems: Problems) -> tuple[Link, ...] | None:
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
        host = (urlsplit(url).hostname or "").lower()
        if not any(_on(host, hosts) for hosts in (domains, official, tuple(misprints))):
            problems.add(name, f"the host {host} is on none of the lists official_domains, retired_domains or "
                         "misprinted_domains: add it to the right one, after checking it is what the source means",
                         line=link.line_of("url"), entry=where)
        # A misprinted host is never linked: what the source meant is, through the archive if it has closed.
        parts = urlsplit(url)
        printed = next((p for p in misprints if (parts.hostname or "").lower() in (p, f"www.{p}")), None)
        meant = parts._replace(netloc=misprints[printed]).geturl() if printed else None
        archive = None
        if is_retired(meant or url, domains):
            on = _archive_date(link, documents[given_in], name, where, problems)
            archive = archive_url(meant or url, on) if on else None
        links.append(Link(url, given_in, archive, meant))
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
    try:
        return parse_document_date(document.date)  # read as the home page's status line reads it
    except ValueError:
        problems.add(name, f"the date of {document.key!r} in documents.yaml ({document.date!r}) is not a date "
                     "such as '17 March 2010': give this url an archive_date", line=link.line, entry=where)
        return None
