"""The MkDocs hooks: a thin layer that hands config, files and pages to the pure-Python core."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .autolink import autolink
from .backlinks import Backlinks, build_backlinks, chapter_section, recommendation_section
from .cross_links import CrossLinkData, CrossLinks, build_cross_links, editors_overrides, load_cross_link_data
from .document_header import add_document_header
from .errors import DataError, DataErrors
from .front_door import HOME_PAGE, fill_front_door
from .glossary import append_abbreviations
from .link_targets import LinkTargets, build_link_targets
from .offline_bundle import ZIP_URI, download_page
from .pages_recommendations import ANNEX_A, SOURCE_DOCUMENT
from .pages_working_together import OVERVIEW
from .paragraph_labels import label_paragraph_numbers
from .search_index_extras import enrich_search_index
from .site_data import SiteData, load_site_data
from .site_pages import generated_pages
from .status_line import SITE_FILE, content_last_updated, read_notice


class SafeguardingConfig(Config):
    cross_refs = config_options.Type(str, default="cross_refs")


class SafeguardingPlugin(BasePlugin[SafeguardingConfig]):
    """Generates the recommendation and Working Together pages and cross-links them with the documents."""

    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.generated: dict[str, str] = {}
        self.cross: CrossLinkData | None = None
        self.links: CrossLinks | None = None
        self.targets: LinkTargets | None = None
        self.backlinks: Backlinks | None = None
        self.updated = None

    def on_config(self, config):
        # Fresh state on every build: `mkdocs serve` reuses the plugin object across rebuilds.
        root = Path(config.config_file_path).parent
        try:
            self.data = load_site_data(root / self.config.cross_refs, display_root=root)
            self.cross = load_cross_link_data(root / self.config.cross_refs, self.data, display_root=root)
        except DataErrors as exc:
            raise PluginError("the data in cross_refs/ has problems:\n" + str(exc)) from None
        except DataError as exc:
            raise PluginError(str(exc)) from None
        try:
            notice = read_notice(root / self.config.cross_refs / SITE_FILE, f"{self.config.cross_refs}/{SITE_FILE}")
        except DataError as exc:
            raise PluginError(str(exc)) from None
        # Read by overrides/main.html: the editors' notice banner, and page titles that name the document.
        config.extra["notice"] = notice.for_template() if notice else None
        config.extra["document_titles"] = {k: d.short_title for k, d in self.data.documents.items()}
        self.updated = content_last_updated(root)
        self.generated = generated_pages(self.data)
        return config

    def on_files(self, files: Files, *, config) -> Files:
        assert self.data is not None and self.cross is not None
        # Every page of docs/ is read once, here: the registers and the link targets both work from it.
        sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
        # Glossary, supporting guidance, "who must act" and open data come from the source pages only (not
        # generated ones: Annex A's generated page repeats every recommendation).
        self.links, problems = build_cross_links(self.data, self.cross, sources, overrides=editors_overrides(self.data),
                                                 use_directory_urls=config.use_directory_urls)
        if problems:
            raise PluginError("the data in cross_refs/ has problems:\n" + "\n".join(map(str, problems)))
        generated = {**self.generated, **self.links.generated}
        for src_uri, content in generated.items():
            if src_uri in sources or files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} would hide a page the plugin generates: remove it from docs/")
            files.append(File.generated(config, src_uri, content=content))
        zip_path = download_page()[1]
        if zip_path is not None:
            files.append(File.generated(config, ZIP_URI, abs_src_path=str(zip_path)))
        # Link targets and "referred to in" lists cost one pass over the site rather than one per page.
        pages = {**sources, **{uri: text for uri, text in generated.items() if uri.endswith(".md")}}
        data = self.data
        assert data is not None
        self.targets = build_link_targets(
            documents=data.documents,
            recommendations={r.id: r.page for r in data.recommendations},
            chapters={n: c.page for n, c in data.working_together.chapters.items()},
            overview=OVERVIEW,
            evidence=[(ref.chapter, ref.quote) for r in data.recommendations for ref in r.implemented_by],
            pages=pages,
            recommendations_document=SOURCE_DOCUMENT,
            recommendations_table=ANNEX_A,
        )
        self.backlinks = build_backlinks(pages, self.targets)
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        assert self.data is not None and self.targets is not None and self.backlinks is not None
        src_uri = page.file.src_uri
        if src_uri == HOME_PAGE:
            markdown = fill_front_door(markdown, self.data, self.updated)
        key = page.meta.get("document")
        markdown = autolink(markdown, page=src_uri, document=key, targets=self.targets)
        # After autolinking, so the quoted words in the section are not linked a second time.
        assert self.links is not None
        if "recommendation" in page.meta:
            rec_id = int(page.meta["recommendation"])
            markdown = insert_before_source_note(
                markdown, recommendation_section(self.backlinks, rec_id, src_uri))
            for section in (self.links.who_must_act_sections[rec_id], self.links.guidance_sections[rec_id]):
                if section:
                    markdown = insert_before_source_note(markdown, section)
        elif "chapter" in page.meta:
            markdown += "\n" + chapter_section(self.backlinks, int(page.meta["chapter"]), src_uri)
        markdown = append_abbreviations(markdown, self.links.abbreviations)
        if key is None:
            return markdown
        document = self.data.documents.get(key)
        if document is None:
            raise PluginError(f"docs/{page.file.src_uri}: front matter 'document: {key}' is not a key in "
                              f"cross_refs/documents.yaml (known: {', '.join(sorted(self.data.documents))})")
        return add_document_header(markdown, src_uri, document)

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return label_paragraph_numbers(html)

    # After Material's search plugin writes the index (priority 0), before its offline plugin inlines it (-100).
    @event_priority(-50)
    def on_post_build(self, *, config) -> None:
        enrich_search_index(Path(config.site_dir))


def insert_before_source_note(markdown: str, section: str) -> str:
    """Put ``section`` above the closing rule and source note of a recommendation page."""
    head, rule, tail = markdown.rpartition("\n---\n")
    return f"{head}\n{section}\n{rule}{tail}" if rule else f"{markdown}\n{section}"
