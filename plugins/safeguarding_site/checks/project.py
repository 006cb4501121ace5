"""``build.py check``: every validation that needs no rendering, reported all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..base.dates import build_moment
from ..base.errors import DataError, DataErrors, Problems
from ..data.documents import load_documents
from ..data.recommendations import load_recommendations
from ..data.registers import load_cross_link_data
from ..data.site_data import DOCUMENTS_FILE, RECOMMENDATIONS_FILE, WORKING_TOGETHER_FILE, SiteData, load_site_data
from ..data.working_together import load_working_together
from ..pages.download import ZIP_URI, bundle_setting, download_page
from ..pages.registers import build_cross_links, editors_overrides
from ..pages.site import generated_pages
from ..pages.working_together_text import with_imported_chapters
from ..text.safety import unsafe_markup
from .nav import SiteConfig, check_nav, read_config
from .pages import Site, add_generated, check_pages, read_site
from .working_together_paragraphs import check_implemented_paragraphs

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAYBE_MARKUP = re.compile(r"[<:{&]")  # text without these cannot hold a tag, an attribute list or a URL


@dataclass
class Project:
    """Everything the build reads, as check sees it: the data, the settings, and every page, generated ones too."""

    data: SiteData | None
    config: SiteConfig
    site: Site
    generated: dict[str, str] | None  # None when the data is too broken to generate pages from
    problems: list[DataError]


def read_project(root: Path) -> Project:
    problems: list[DataError] = []
    data: SiteData | None = None
    try:
        data = load_site_data(root / "cross_refs", display_root=root)
    except DataErrors as exc:
        problems += exc.errors
    except DataError as exc:
        problems.append(exc)
    try:
        config = read_config(root / "mkdocs.yml")
    except DataError as exc:
        problems.append(exc)
        config = SiteConfig(docs_dir="docs", site_dir="site", nav=None, not_in_nav="", exclude_docs="")
    site = read_site(root, config.docs_dir, problems)
    generated = generated_pages(data, bundle_setting()) if data else _generated_despite_problems(root)
    if data is not None and generated is not None:
        generated = with_imported_chapters(data, generated, {p: page.markdown for p, page in site.pages.items()})[0]
        generated.update(_cross_links(root, data, site, generated, config.use_directory_urls, problems))
        if download_page(bundle_setting(), build_moment())[1] is not None:
            generated[ZIP_URI] = ""  # `build.py bundle` adds the zip its download page links to
    add_generated(site, generated, problems)
    return Project(data, config, site, generated, problems)


def check_project(root: Path) -> list[DataError]:
    """Every problem in cross_refs/, docs/ and the navigation, sorted by file and line; [] if there are none."""
    project = read_project(root)
    problems = project.problems + check_pages(project.site, project.data)
    problems += check_implemented_paragraphs(project.data, project.site)
    markdown_pages = set(project.site.pages) if project.generated is not None else None
    problems += check_nav(root / "mkdocs.yml", project.config, markdown_pages, set(project.generated or ()))
    problems += _unsafe_data(root, {(p.file, p.line) for p in problems})
    return _unique_sorted(problems)


def _cross_links(root: Path, data: SiteData, site: Site, generated: dict[str, str], use_directory_urls: bool,
                 problems: list[DataError]) -> dict[str, str]:
    """The glossary, guidance and organisations data checked, and the pages built from it, as the plugin does."""
    try:
        cross = load_cross_link_data(root / "cross_refs", data, display_root=root)
    except DataErrors as exc:
        problems += exc.errors
        return {}
    except DataError as exc:
        problems.append(exc)
        return {}
    sources = {path: page.markdown for path, page in site.pages.items() if not page.generated}
    links, found = build_cross_links(data, cross, sources, overrides=editors_overrides(data),
                                     use_directory_urls=use_directory_urls)
    problems += found
    # The plugin adds these sections to each recommendation's page; their anchors may be linked to.
    sections = {rec.page: "\n\n".join(["", links.who_must_act_sections.get(rec.id, ""),
                                        links.guidance_sections.get(rec.id, "")]) for rec in data.recommendations}
    return {**links.generated, **{page: generated[page] + extra for page, extra in sections.items()
                                  if page in generated}}


def _generated_despite_problems(root: Path) -> dict[str, str] | None:
    """The generated pages made from the entries that are valid, so that links into them are still checked.

    None when a data file cannot be read at all: then every recommendation or chapter page would look missing,
    and the links into them are left unchecked rather than reported by the hundred.
    """
    cross_refs, ignored = root / "cross_refs", Problems()  # load_site_data has reported these problems
    try:
        documents = load_documents(cross_refs / DOCUMENTS_FILE, DOCUMENTS_FILE, ignored)
        wt = load_working_together(cross_refs / WORKING_TOGETHER_FILE, WORKING_TOGETHER_FILE, ignored)
        if wt is None:
            return None
        recs = load_recommendations(cross_refs / RECOMMENDATIONS_FILE, RECOMMENDATIONS_FILE, set(wt.chapters),
                                    ignored)
        return generated_pages(SiteData(documents=documents, working_together=wt, recommendations=recs),
                               bundle_setting())
    except (DataError, KeyError, TypeError, ValueError):
        return None  # the data is too broken to generate from; its own errors say why


def _unsafe_data(root: Path, reported: set[tuple[str, int | None]]) -> list[DataError]:
    """Forbidden markup in any text of any cross_refs/*.yaml file, whatever the loader of that file checks."""
    problems = []
    for path in sorted((root / "cross_refs").glob("*.yaml")):
        name = path.relative_to(root).as_posix()
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the data loader reports syntax errors (and this file's, if it loads it)
        for line, where, text in _texts(node, ""):
            if (name, line) in reported:
                continue  # the loader has already reported this entry
            problems += [DataError(name, unsafe.message, line=line, entry=where) for unsafe in unsafe_markup(text)]
    return problems


def _texts(node: yaml.Node | None, where: str, line: int | None = None):
    """(line of its key, path to it, text) of every string in a YAML document."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _texts(value, f"{where}.{key.value}" if where else str(key.value), key.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _texts(item, f"{where}[{index}]", item.start_mark.line + 1)
    elif isinstance(node, yaml.ScalarNode) and _MAYBE_MARKUP.search(node.value):
        yield line or node.start_mark.line + 1, where, node.value


def _unique_sorted(problems: list[DataError]) -> list[DataError]:
    seen: set[str] = set()
    unique = []
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        if str(problem) not in seen:
            seen.add(str(problem))
            unique.append(problem)
    return unique
