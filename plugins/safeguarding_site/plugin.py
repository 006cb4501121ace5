"""The MkDocs hooks: a thin layer that hands config, files and pages to the pure-Python core."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .autolink import autolink
from .backlinks import Backlinks, build_backlinks, chapter_section, recommendation_section
from .document_header import add_document_header
from .errors import DataError, DataErrors
from .link_targets import LinkTargets, build_link_targets
from .pages_recommendations import ANNEX_A, SOURCE_DOCUMENT, recommendation_pages
from .pages_working_together import OVERVIEW, working_together_pages
from .site_data import SiteData, load_site_data

log = get_plugin_logger(__name__)


class SafeguardingConfig(Config):
    cross_refs = config_options.Type(str, default="cross_refs")


class SafeguardingPlugin(BasePlugin[SafeguardingConfig]):
    """Generates the recommendation and Working Together pages and cross-links them with the documents."""

    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.generated: dict[str, str] = {}
        self.targets: LinkTargets | None = None
        self.backlinks: Backlinks | None = None

    def on_config(self, config):
        # Fresh state on every build: `mkdocs serve` reuses the plugin object across rebuilds.
        root = Path(config.config_file_path).parent
        try:
            self.data = load_site_data(root / self.config.cross_refs, display_root=root)
        except DataErrors as exc:
            raise PluginError("the data in cross_refs/ has problems:\n" + str(exc)) from None
        except DataError as exc:
            raise PluginError(str(exc)) from None
        self.generated = {**recommendation_pages(self.data), **working_together_pages(self.data)}
        return config

    def on_files(self, files: Files, *, config) -> Files:
        for src_uri, content in self.generated.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} would hide a page the plugin generates: remove it from docs/")
            files.append(File.generated(config, src_uri, content=content))
        # Every page's Markdown is read once here, so link targets and "referred to in" lists cost one
        # pass over the site rather than one per page.
        pages = {f.src_uri: f.content_string for f in files.documentation_pages()}
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
        key = page.meta.get("document")
        markdown = autolink(markdown, page=src_uri, document=key, targets=self.targets)
        # After autolinking, so the quoted words in the section are not linked a second time.
        if "recommendation" in page.meta:
            markdown = insert_before_source_note(
                markdown, recommendation_section(self.backlinks, int(page.meta["recommendation"]), src_uri))
        elif "chapter" in page.meta:
            markdown += "\n" + chapter_section(self.backlinks, int(page.meta["chapter"]), src_uri)
        if key is None:
            return markdown
        document = self.data.documents.get(key)
        if document is None:
            raise PluginError(f"docs/{page.file.src_uri}: front matter 'document: {key}' is not a key in "
                              f"cross_refs/documents.yaml (known: {', '.join(sorted(self.data.documents))})")
        return add_document_header(markdown, src_uri, document)


def insert_before_source_note(markdown: str, section: str) -> str:
    """Put ``section`` above the closing rule and source note of a recommendation page."""
    head, rule, tail = markdown.rpartition("\n---\n")
    return f"{head}\n{section}\n{rule}{tail}" if rule else f"{markdown}\n{section}"
