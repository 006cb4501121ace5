"""The Markdown the plugin gives each page: references linked, its sections added, the document's header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..base.dates import parse_document_date
from ..base.errors import DataError
from ..data.documents import unknown_document
from ..data.glossary import append_abbreviations
from ..data.guidance import Register
from ..data.site_data import SiteData
from ..linking.autolink import autolink
from ..linking.backlinks import Backlinks, chapter_section, recommendation_section
from ..linking.reference_cache import ReferenceCache
from ..linking.targets import LinkTargets
from .document_header import add_document_header
from .front_door import HOME_PAGE, fill_front_door
from .misprints import unlink_misprints
from .registers import CrossLinks


@dataclass(frozen=True)
class SiteParts:
    """What every page's Markdown is made from, worked out once per build."""

    data: SiteData
    links: CrossLinks
    targets: LinkTargets
    backlinks: Backlinks
    references: ReferenceCache
    updated: dt.date | None
    register: Register | None = None  # for the misprinted addresses (pages/misprints.py)


def page_markdown(markdown: str, *, page: str, meta: Mapping[str, Any], parts: SiteParts) -> str:
    """``markdown`` (a page under docs/, front matter taken off into ``meta``) as the site shows it.

    Raises DataError when the front matter names a document that documents.yaml does not have.
    """
    if page == HOME_PAGE:
        markdown = fill_front_door(markdown, parts.data, parts.updated)
    key = meta.get("document")
    references = parts.references(markdown, page=page, document=key)
    markdown = autolink(markdown, page=page, document=key, targets=parts.targets, references=references)
    # After autolinking, so the quoted words in the sections are not linked a second time.
    if "recommendation" in meta:
        rec_id = int(meta["recommendation"])
        markdown = insert_before_source_note(markdown, recommendation_section(parts.backlinks, rec_id, page))
        for section in (parts.links.who_must_act_sections[rec_id], parts.links.guidance_sections[rec_id]):
            if section:
                markdown = insert_before_source_note(markdown, section)
    elif "chapter" in meta:
        markdown += "\n" + chapter_section(parts.backlinks, int(meta["chapter"]), page)
    markdown = append_abbreviations(markdown, parts.links.abbreviations)
    document = parts.data.documents.get(key) if key is not None else None
    if parts.register is not None:
        markdown = unlink_misprints(markdown, parts.register, _date_of(document.date) if document else None)
    if key is None:
        return markdown
    if document is None:
        raise DataError(f"docs/{page}", unknown_document(key, parts.data.documents))
    return add_document_header(markdown, page, document)


def insert_before_source_note(markdown: str, section: str) -> str:
    """Put ``section`` above the closing rule and source note of a recommendation page."""
    head, rule, tail = markdown.rpartition("\n---\n")
    return f"{head}\n{section}\n{rule}{tail}" if rule else f"{markdown}\n{section}"


def _date_of(text: str) -> dt.date | None:
    try:
        return parse_document_date(text)
    except ValueError:
        return None  # the register's addresses still show; only the archive's date is unknown
