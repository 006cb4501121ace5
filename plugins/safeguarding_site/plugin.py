"""The MkDocs hooks: a thin layer that hands config, files and pages to the pure-Python core."""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from .base.dates import content_last_updated
from .base.errors import DataError, DataErrors
from .data.registers import CrossLinkData, load_cross_link_data
from .data.site_data import SiteData, load_site_data
from .offline.precache import over_budget, write_app_files, write_service_worker
from .pages.download import ZIP_URI
from .pages.navigation import section_index
from .pages.page_markdown import SiteParts, page_markdown
from .pages.site import assemble_site
from .pages.status_line import SITE_FILE, read_later_editions, read_notice
from .pages.toc_depth import limit_toc, toc_depth
from .pages.working_together_parts import nav_with_parts
from .search.index_extras import INDEX, enrich_search_index
from .serve.rebuilds import RebuildMemory, page_fingerprint, site_fingerprint
from .serve.template_cache import MemoryBytecodeCache
from .text.abbreviation_list import abbreviation_list
from .text.paragraph_labels import label_paragraph_numbers
from .text.render_when_seen import KEY as RENDER_WHEN_SEEN
from .text.render_when_seen import wrap_sections
from .text.safety import unsafe_html

_FIRST_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t]*(?:\{[^{}]*\})?[ \t]*$", re.MULTILINE)


class SafeguardingConfig(Config):
    cross_refs = config_options.Type(str, default="cross_refs")
    # Set by `build.py bundle` through mkdocs.yml's !ENV: which download page to make (pages/download.py).
    offline_bundle = config_options.Type(str, default="")


class SafeguardingPlugin(BasePlugin[SafeguardingConfig]):
    """Generates the recommendation and Working Together pages and cross-links them with the documents."""

    def __init__(self) -> None:
        self.data: SiteData | None = None
        self.cross: CrossLinkData | None = None
        self.parts: SiteParts | None = None
        self.planned: dict[str, tuple[str, dict, str]] = {}  # page -> (Markdown as MkDocs reads it, meta, ours)
        self.updated = None
        # `build.py serve` (mkdocs serve --dirty): this object then lives across rebuilds (MkDocs keeps
        # plugins that have on_startup), and so does what the last build rendered.
        self.incremental = False
        self.preview = False  # `serve`: no offline copy (offline/precache.py)
        self.memory = RebuildMemory()
        self.files: Files | None = None
        self.rendered: list[str] = []
        self.templates: MemoryBytecodeCache | None = None
        self.lit_section = None  # the section highlighted for the page being rendered (on_page_context)
        self.in_nav: set[str] = set()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.incremental = command == "serve" and dirty
        self.preview = command == "serve"
        self.memory = RebuildMemory()
        self.templates = MemoryBytecodeCache()
        if self.incremental:
            logging.getLogger("mkdocs.commands.build").addFilter(_dirty_build_warning)

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(_dirty_build_warning)
        self.incremental, self.memory, self.templates = False, RebuildMemory(), None
        self.preview = False

    def on_config(self, config):
        # Fresh state on every build; only `memory` carries over between the rebuilds of `serve`.
        root = Path(config.config_file_path).parent
        try:
            self.data = load_site_data(root / self.config.cross_refs, display_root=root)
            self.cross = load_cross_link_data(root / self.config.cross_refs, self.data, display_root=root)
        except DataErrors as exc:
            raise PluginError("the data in cross_refs/ has problems:\n" + str(exc)) from None
        except DataError as exc:
            raise PluginError(str(exc)) from None
        try:
            site_file = (root / self.config.cross_refs / SITE_FILE, f"{self.config.cross_refs}/{SITE_FILE}")
            notice = read_notice(*site_file)
            later = read_later_editions(*site_file)
        except DataError as exc:
            raise PluginError(str(exc)) from None
        # Read by overrides/main.html: the editors' notice banner, and page titles that name the document.
        config.extra["notice"] = notice.for_template() if notice else None
        # Read by overrides/main.html: every page says which edition this is and where later ones are.
        config.extra["later_editions"] = later.for_template() if later else None
        config.extra["document_titles"] = {k: d.short_title for k, d in self.data.documents.items()}
        self.updated = content_last_updated(root)
        self.parts, self.planned, self.files, self.rendered = None, {}, None, []
        return config

    def on_pre_build(self, *, config) -> None:
        search = config.plugins.get("material/search")
        if self.incremental and search is not None:
            # Material's own merge of a dirty build's entries assumes one page was rendered; ours keeps every
            # page's entries (serve_rebuilds), so Material writes only those of the pages it rendered.
            search.search_index_prev = None

    def on_files(self, files: Files, *, config) -> Files:
        assert self.data is not None and self.cross is not None
        # Every page of docs/ is read once, here; pages.site makes every page from it and the data, exactly as
        # `build.py check` does. Each page's final Markdown is made now, not page by page: `serve` needs it
        # to know what changed.
        sources = {f.src_uri: f.content_string for f in files.documentation_pages()}
        others = {f.src_uri for f in files if f.src_uri not in sources}
        try:
            site = assemble_site(self.data, self.cross, sources, read_meta=get_data, other_files=others,
                                 offline_bundle=self.config.offline_bundle,
                                 use_directory_urls=config.use_directory_urls, updated=self.updated)
        except DataErrors as exc:
            raise PluginError("the data in cross_refs/ or the pages in docs/ have problems:\n" + str(exc)) from None
        for src_uri in site.imported:  # an imported chapter's text is part of its generated page, not a page
            files.remove(files.get_file_from_path(src_uri))
        for src_uri, content in site.generated.items():
            files.append(File.generated(config, src_uri, content=content))
        if site.zip_path is not None:
            files.append(File.generated(config, ZIP_URI, abs_src_path=str(site.zip_path)))
        # Working Together's appendices and imported front parts join its menu (read after on_files).
        config.nav = nav_with_parts(config.nav, list(site.front_parts), list(site.appendices))
        self.parts = site.parts
        self.planned = {uri: (page.markdown, page.meta, page.final) for uri, page in site.pages.items()}
        return files

    def on_nav(self, nav, *, config, files):
        if self.incremental:
            self._mark_pages_to_render(nav, config, files)
        self.files = files
        self.in_nav = {p.file.src_uri for p in nav.pages}  # once, not once per page
        return nav

    def on_env(self, env, *, config, files):
        if self.incremental:
            env.bytecode_cache = self.templates  # compiling Material's templates is a third of a rebuild
        return env

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        planned = self.planned.get(page.file.src_uri)
        if planned is not None and planned[0] == markdown and planned[1] == page.meta:
            return planned[2]
        return self._page_markdown(markdown, page.file.src_uri, page.meta)  # changed by another plugin

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # The same check `build.py check` runs on the same HTML (text/safety.py), so both name the same problem.
        unsafe = unsafe_html(html)
        if unsafe:
            generated = getattr(page.file, "generated_by", None) is not None
            name = f"{page.file.src_uri} (generated)" if generated else f"docs/{page.file.src_uri}"
            raise PluginError("\n".join(f"{name}: {u.message}" for u in unsafe))
        try:
            depth = toc_depth(page.meta)
        except ValueError as error:
            raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
        if depth is not None:
            limit_toc(page.toc.items, depth)  # MkDocs has just made page.toc; the theme draws it later
        # The print-only list of abbreviations is our own markup, added after the check, as are the wrappers
        # that let a long page be drawn as it is read (text/render_when_seen.py).
        html = label_paragraph_numbers(html)
        if page.meta.get(RENDER_WHEN_SEEN) is True:
            html = wrap_sections(html)
        return abbreviation_list(html)

    def on_page_context(self, context, *, page, config, nav):
        self.rendered.append(page.url)
        if page.title:
            self.memory.titles[page.file.src_uri] = page.title
        # A page outside the navigation is shown in its section: highlighted there, and in the breadcrumb
        # (overrides/partials/path.html reads section_page).
        uri = None if page.file.src_uri in self.in_nav else section_index(page.file.src_uri, self.in_nav)
        section = self.files.get_file_from_path(uri).page if uri and self.files else None
        if section is not None:
            section.active = True
            self.lit_section = section
        context["section_page"] = section
        return context

    def on_post_page(self, output: str, *, page, config) -> str:
        if self.lit_section is not None:
            self.lit_section.active = False  # the navigation is shared by every page
            self.lit_section = None
        return output

    # After Material's search plugin writes the index (priority 0), before its offline plugin inlines it (-100).
    @event_priority(-50)
    def _on_post_build_search(self, *, config) -> None:
        site_dir = Path(config.site_dir)
        if self.incremental and self.files is not None:
            path = site_dir / INDEX
            index = json.loads(path.read_text(encoding="utf-8"))
            order = [f.url for f in self.files.documentation_pages()]
            index["docs"] = self.memory.search_entries(index["docs"], self.rendered, order)
            path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
            self.memory.built()
        enrich_search_index(site_dir)

    # Last of all plugins' steps (Material's offline plugin is -100): the precache hashes the final files.
    @event_priority(-200)
    def _on_post_build_offline(self, *, config) -> None:
        site_dir = Path(config.site_dir)
        write_app_files(site_dir, name=config.site_name, description=config.site_description or "")
        if problem := over_budget(write_service_worker(site_dir, preview=self.preview)):
            logging.getLogger("mkdocs.plugins.safeguarding").warning(problem)

    on_post_build = CombinedEvent(_on_post_build_search, _on_post_build_offline)

    def _page_markdown(self, markdown: str, src_uri: str, meta: dict) -> str:
        assert self.parts is not None
        try:
            return page_markdown(markdown, page=src_uri, meta=meta, parts=self.parts)
        except DataError as exc:
            raise PluginError(str(exc)) from None

    def _mark_pages_to_render(self, nav, config, files: Files) -> None:
        """Tell MkDocs's dirty build which pages to render: those whose output would differ (serve_rebuilds)."""
        in_nav = []
        for page in nav.pages:
            planned = self.planned.get(page.file.src_uri)
            # As MkDocs titles a page: the navigation's title, else the front matter's, else the first heading.
            heading = _FIRST_HEADING.search(planned[2]) if planned else None
            title = page.title or (planned[1].get("title") if planned else None) or \
                (heading.group(1) if heading else None)
            in_nav.append((page.file.src_uri, str(title)))
        overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
        theme_files = [(str(f), f.stat().st_mtime) for f in overrides.rglob("*") if f.is_file()] if overrides else []
        site = site_fingerprint(config_text=Path(config.config_file_path).read_text(encoding="utf-8"),
                                extra=dict(config.extra), nav=in_nav, theme_files=theme_files)
        fingerprints = {}
        for file in files.documentation_pages():
            planned = self.planned.get(file.src_uri)
            if planned is None:
                continue
            fingerprints[file.src_uri] = found = page_fingerprint(site, planned[2], planned[1])
            render = self.memory.must_render(file.src_uri, found, output_exists=os.path.isfile(file.abs_dest_path))
            # An instance attribute: MkDocs asks each file's is_modified() whether a dirty build renders it.
            file.is_modified = (lambda render=render: render)  # type: ignore[method-assign]
            if not render and file.page is not None:
                # A page left as it was still appears in the navigation of the pages that are rendered.
                file.page.meta = planned[1]
                if title := self.memory.titles.get(file.src_uri):
                    file.page.title = title
        self.memory.plan(fingerprints)


def _dirty_build_warning(record: logging.LogRecord) -> bool:
    """Drop MkDocs's warning that a dirty build may be inaccurate: serve_rebuilds makes it exact."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
