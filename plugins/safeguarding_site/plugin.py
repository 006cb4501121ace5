"""The MkDocs hooks: a thin layer that hands config, files and pages to the pure-Python core."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from .document_header import add_document_header
from .errors import DataError, DataErrors
from .pages_recommendations import recommendation_pages
from .pages_working_together import working_together_pages
from .site_data import SiteData, load_site_data

log = get_plugin_logger(__name__)


class SafeguardingConfig(Config):
    cross_refs = config_options.Type(str, default="cross_refs")


class SafeguardingPlugin(BasePlugin[SafeguardingConfig]):
    """Generates the recommendation and Working Together pages and cross-links them with the documents."""

    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.generated: dict[str, str] = {}

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
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        assert self.data is not None
        key = page.meta.get("document")
        if key is None:
            return markdown
        document = self.data.documents.get(key)
        if document is None:
            raise PluginError(f"docs/{page.file.src_uri}: front matter 'document: {key}' is not a key in "
                              f"cross_refs/documents.yaml (known: {', '.join(sorted(self.data.documents))})")
        return add_document_header(markdown, page.file.src_uri, document)
