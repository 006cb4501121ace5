"""The one pipeline: from the loaded data and the pages of docs/ to every page's final Markdown.

The plugin's ``on_files`` and ``build.py check`` both call ``assemble_site``, so check validates exactly the
pages the build renders: the same generated pages, link targets, "referred to in" sections and final Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.dates import build_moment
from ..base.errors import DataError, DataErrors
from ..data.registers import CrossLinkData
from ..data.site_data import SiteData
from ..linking.backlinks import build_backlinks
from ..linking.reference_cache import ReferenceCache
from ..linking.targets import build_link_targets
from .download import DOWNLOAD_PAGE, download_page
from .page_markdown import SiteParts, page_markdown
from .recommendations import ANNEX_A, SOURCE_DOCUMENT, recommendation_pages
from .registers import build_cross_links
from .working_together import OVERVIEW, working_together_pages
from .working_together_parts import FRONT_PARTS, appendix_page, front_page
from .working_together_text import with_imported_chapters

# How MkDocs splits a page into its Markdown and its front matter (mkdocs.utils.meta.get_data): passed in by
# the callers, since this layer does not import MkDocs.
ReadMeta = Callable[[str], "tuple[str, dict[str, Any]]"]


@dataclass(frozen=True)
class PlannedPage:
    markdown: str  # as MkDocs reads it from the file: front matter taken off
    meta: dict[str, Any]  # the front matter
    final: str  # what the plugin hands MkDocs to render: references linked, sections added, header
    generated: bool  # made from cross_refs/, not a file in docs/


@dataclass(frozen=True)
class AssembledSite:
    generated: dict[str, str]  # every generated file under docs/: pages, registers, open data, download page
    zip_path: Path | None  # the offline zip the download page links to, when `build.py bundle` made one
    pages: dict[str, PlannedPage]  # every Markdown page, from docs/ and generated
    parts: SiteParts  # what the final Markdown is made from, for a page another plugin changes later
    imported: tuple[str, ...] = ()  # docs/ pages of imported chapter text, now inside their generated pages
    # Working Together's pages the menu lists beside its chapters (pages.working_together_parts.nav_with_parts):
    # the imported parts before chapter 1 (their slugs) and the appendices (their numbers).
    front_parts: tuple[str, ...] = ()
    appendices: tuple[int, ...] = ()


def generated_pages(data: SiteData, offline_bundle: str = "") -> dict[str, str]:
    """The pages made from recommendations.yaml and working-together.yaml, and the download page."""
    return {
        **recommendation_pages(data),
        **working_together_pages(data),
        DOWNLOAD_PAGE: download_page(offline_bundle, build_moment())[0],
    }


def assemble_site(data: SiteData, cross: CrossLinkData, sources: Mapping[str, str], *, read_meta: ReadMeta,
                  other_files: Collection[str] = (), offline_bundle: str = "", use_directory_urls: bool = False,
                  updated: dt.date | None = None) -> AssembledSite:
    """Every page of the site, generated ones too, as the build renders it.

    ``sources`` are the Markdown pages of docs/ (path under docs/ -> text, front matter included);
    ``other_files`` the paths of everything else in docs/. Raises DataErrors listing every problem.
    """
    problems: list[DataError] = []
    # Glossary, supporting guidance, "who must act" and open data come from the source pages only (not
    # generated ones: Annex A's generated page repeats every recommendation).
    links, found = build_cross_links(data, cross, sources, use_directory_urls=use_directory_urls)
    problems += found
    generated = {**generated_pages(data, offline_bundle), **links.generated}
    # A chapter's text imported from the official publication goes inside its generated page.
    generated, imported = with_imported_chapters(data, generated, dict(sources))
    front = [slug for slug in FRONT_PARTS if front_page(slug) in imported]
    sources = {path: text for path, text in sources.items() if path not in imported}
    for path in generated:
        if path in sources or path in other_files:
            kind = "page" if path.endswith(".md") else "file"
            problems.append(DataError(f"docs/{path}", f"this {kind} has the same path as a page the site generates "
                                      "from cross_refs/, and would hide it: rename or remove it"))
    zip_path = download_page(offline_bundle, build_moment())[1]
    texts = {**sources, **{path: text for path, text in generated.items() if path.endswith(".md")}}
    # Link targets and "referred to in" lists cost one pass over the site rather than one per page.
    targets = build_link_targets(
        documents=data.documents,
        recommendations={r.id: r.page for r in data.recommendations},
        chapters={n: c.page for n, c in data.working_together.chapters.items()},
        overview=OVERVIEW,
        appendices={a.number: appendix_page(a.number) for a in data.working_together.appendices},
        wt_pages=[front_page(slug) for slug in front],
        evidence=[(ref.chapter, ref.quote) for r in data.recommendations for ref in r.implemented_by],
        pages=texts,
        recommendations_document=SOURCE_DOCUMENT,
        recommendations_table=ANNEX_A,
    )
    references = ReferenceCache(targets)
    parts = SiteParts(data, links, targets, build_backlinks(texts, targets, references), references, updated,
                      cross.register)
    pages = {}
    for path, text in texts.items():
        markdown, meta = read_meta(text)
        try:
            final = page_markdown(markdown, page=path, meta=meta, parts=parts)
        except DataError as exc:
            problems.append(_with_line(exc, sources.get(path, ""), "document:"))
            continue
        pages[path] = PlannedPage(markdown, meta, final, generated=path not in sources)
    if problems:
        raise DataErrors(problems)
    return AssembledSite(generated, zip_path, pages, parts, tuple(imported), tuple(front),
                         tuple(a.number for a in data.working_together.appendices))



def _with_line(error: DataError, source: str, key: str) -> DataError:
    """``error`` at the line of the page's front matter that starts with ``key``, if it has no line yet."""
    if error.line is not None:
        return error
    line = next((n for n, text in enumerate(source.split("\n"), 1) if text.startswith(key)), None)
    return DataError(error.file, error.message, line=line, entry=error.entry)
