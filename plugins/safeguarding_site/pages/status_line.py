"""The home page's status line (edition and last update, computed from the data) and the editors' notice."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..base.dates import format_date, parse_document_date, published_month
from ..base.errors import DataError, Problems
from ..base.known_fields import unknown_field_message
from ..base.yaml_lines import LineDict, load_yaml
from ..data.documents import Document
from ..data.fields import not_text

MARKER = "<!-- status-line -->"
SITE_FILE = "site.yaml"
SITE_KEYS = {"notice", "later_editions"}  # what cross_refs/site.yaml may set


@dataclass(frozen=True)
class Edition:
    guidance: str  # the month Working Together was published, e.g. "March 2010"
    related: int  # how many other documents the site publishes
    latest: dt.date  # the newest document's date


def edition(documents: Iterable[Document], published: str) -> Edition:
    dated = [parse_document_date(d.date) for d in documents]
    if not dated:
        raise ValueError("the site publishes no documents, so it has no edition")
    return Edition(guidance=published_month(published), related=len(dated), latest=max(dated))


def status_line_markdown(documents: Iterable[Document], published: str, updated: dt.date | None) -> str:
    """The status line, in the manner of legislation.gov.uk's "up to date with ... on or before" line."""
    ed = edition(documents, published)
    noun = "document" if ed.related == 1 else "documents"
    when = f"Content last updated on {format_date(updated)}." if updated else \
        "The date of the last update is not recorded in this copy of the site."
    return (f"**Status:** up to date with *Working Together to Safeguard Children* ({ed.guidance}) and the "
            f"{ed.related} related {noun} published on or before {format_date(ed.latest)}. "
            f"Later revisions of the guidance are not included. {when}\n"
            "{ .status-line }")


@dataclass(frozen=True)
class Notice:
    text: str
    link: str = ""  # an http(s) URL, or a page of this site as a docs/-relative .md path
    link_text: str = ""

    def for_template(self) -> dict[str, str]:
        """What overrides/main.html reads from ``config.extra.notice`` (a site page becomes its .html URL)."""
        link = self.link
        if link and not link.startswith(("http://", "https://")):
            link = re.sub(r"(^|/)index\.md$", r"\1index.html", link)
            link = re.sub(r"\.md(#|$)", r".html\1", link)
        return {"text": self.text, "link": link, "link_text": self.link_text or self.link}


def read_notice(path: Path, name: str | None = None) -> Notice | None:
    """The notice banner from cross_refs/site.yaml; None when the file, the notice or its text is absent."""
    label = name or str(path)
    if not path.exists():
        return None
    data = load_yaml(path, label)
    if data is None:
        return None
    if not isinstance(data, LineDict):
        raise DataError(label, "expected a mapping (for example 'notice:' with 'text:' and 'link:')", line=1)
    for key in data:
        if key not in SITE_KEYS:
            raise DataError(label, unknown_field_message(key, SITE_KEYS), line=data.line_of(str(key)))
    notice = data.get("notice")
    if notice is None:
        return None
    if not isinstance(notice, LineDict):
        raise DataError(label, "'notice' must be a mapping with 'text:' and optionally 'link:' and 'link_text:'",
                        line=data.line_of("notice"), entry="notice")
    fields: dict[str, str] = {}
    for key in ("text", "link", "link_text"):
        value = notice.get(key)
        if value is not None and not isinstance(value, str):
            raise DataError(label, f"'{key}' must be text (one or two sentences on one line), not a "
                            f"{'list' if isinstance(value, list) else type(value).__name__}",
                            line=notice.line_of(key), entry="notice")
        fields[key] = " ".join((value or "").split())
    unknown = sorted(str(key) for key in notice if key not in {"text", "link", "link_text"})
    if unknown:
        raise DataError(label, unknown_field_message(unknown[0], {"text", "link", "link_text"}),
                        line=notice.line_of(unknown[0]), entry="notice")
    if not fields["text"]:
        if fields["link"] or fields["link_text"]:
            raise DataError(label, "a link needs a 'text' to go with it (or empty both for no banner)",
                            line=notice.line, entry="notice")
        return None
    link = fields["link"]
    if link and not (link.startswith(("http://", "https://")) or re.fullmatch(r"[\w./-]+\.md(#[\w-]+)?", link)):
        raise DataError(label, f"'link' must be an http(s) address or a page such as guide/index.md, not {link!r}",
                        line=notice.line_of("link"), entry="notice")
    if fields["link_text"] and not link:
        raise DataError(label, "'link_text' needs a 'link'", line=notice.line_of("link_text"), entry="notice")
    return Notice(**fields)


@dataclass(frozen=True)
class LaterEditions:
    """Where readers find the guidance that replaced this edition: the line every page shows links there."""

    link: str
    link_text: str

    def for_template(self) -> dict[str, str]:
        return {"link": self.link, "link_text": self.link_text}


def read_later_editions(path: Path, name: str | None = None) -> LaterEditions | None:
    """``later_editions`` in cross_refs/site.yaml: an https address and the words of its link; None if absent."""
    label = name or str(path)
    if not path.exists():
        return None
    data = load_yaml(path, label)
    entry = data.get("later_editions") if isinstance(data, LineDict) else None
    if entry is None:
        return None
    if not isinstance(entry, LineDict):
        raise DataError(label, "'later_editions' must be a mapping with 'link:' and 'link_text:'",
                        line=data.line_of("later_editions"), entry="later_editions")
    unknown = sorted(set(entry) - {"link", "link_text"})
    if unknown:
        raise DataError(label, f"unknown field(s) {', '.join(unknown)}: use link and link_text",
                        line=entry.line_of(unknown[0]), entry="later_editions")
    fields = {}
    for key in ("link", "link_text"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise DataError(label, not_text(key), line=entry.line_of(key) or entry.line,
                            entry="later_editions")
        fields[key] = " ".join(value.split())
    if not fields["link"].startswith("https://"):
        raise DataError(label, f"'link' must be an https:// address, not {fields['link']!r}",
                        line=entry.line_of("link"), entry="later_editions")
    return LaterEditions(**fields)
def notice_problems(path: Path, name: str, pages: set[str] | None) -> list[DataError]:
    """What `build.py check` reports about cross_refs/site.yaml: everything ``read_notice`` refuses, and a
    link to a page of this site that does not exist (``pages``: every page, docs/-relative; None: unknown)."""
    problems = Problems()
    notice = problems.guarded(read_notice, path, name)
    if notice is None or not notice.link or notice.link.startswith(("http://", "https://")) or pages is None:
        return problems.errors
    page = notice.link.split("#", 1)[0]
    if page not in pages:
        data = load_yaml(path, name)
        close = difflib.get_close_matches(page, sorted(pages), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        problems.add(name, f"'link' {page!r} is not a page of this site: {hint}(a path under docs/, such as "
                     "guide/index.md)", line=data["notice"].line_of("link"), entry="notice")
    return problems.errors
