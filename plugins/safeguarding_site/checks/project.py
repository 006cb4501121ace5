"""``build.py check``: every validation of the pages the build renders, without MkDocs, reported all at once."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..base.dates import content_last_updated
from ..base.errors import DataError, DataErrors
from ..data.registers import load_cross_link_data
from ..data.site_data import SiteData, load_site_data
from ..pages.download import bundle_setting
from ..pages.site import AssembledSite, assemble_site
from ..pages.status_line import SITE_FILE, notice_problems
from ..pages.working_together_parts import appendix_page, front_page
from ..text.front_matter import read_page
from .hosts import unknown_hosts
from .nav import SiteConfig, check_nav, read_config
from .pages import Site, add_assembled, check_pages, read_site
from .rendering import PageSafety
from .working_together_paragraphs import check_implemented_paragraphs

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAYBE_MARKUP = re.compile(r"[<:{&]")  # text without these cannot hold a tag, an attribute list or a URL
# Where check keeps what it found on each page, so the next run renders only the pages that changed.
CACHE = ".cache/check-page-safety.json"


@dataclass
class Project:
    """Everything the build reads, as check sees it: the data, the settings, and every page as the build renders it."""

    data: SiteData | None
    config: SiteConfig
    site: Site
    assembled: AssembledSite | None  # None when the data or pages are too broken to assemble the site from
    problems: list[DataError]


def read_project(root: Path) -> Project:
    problems: list[DataError] = []
    try:
        config = read_config(root / "mkdocs.yml")
    except DataError as exc:
        problems.append(exc)
        config = SiteConfig(docs_dir="docs", site_dir="site", nav=None, not_in_nav="", exclude_docs="")
    site = read_site(root, config.docs_dir, problems)
    data = assembled = None
    try:
        data = load_site_data(root / "cross_refs", display_root=root)
        cross = load_cross_link_data(root / "cross_refs", data, display_root=root)
        sources = {path: page.markdown for path, page in site.pages.items()}
        # The same function, with the same inputs, as the plugin's on_files.
        assembled = assemble_site(data, cross, sources, read_meta=read_page, other_files=site.files - set(sources),
                                  offline_bundle=bundle_setting(), use_directory_urls=config.use_directory_urls,
                                  updated=content_last_updated(root))
    except DataErrors as exc:
        problems += exc.errors
    except DataError as exc:
        problems.append(exc)
    if assembled is not None:
        add_assembled(site, assembled)
    return Project(data, config, site, assembled, problems)


def check_project(root: Path) -> list[DataError]:
    """Every problem in cross_refs/, docs/ and the navigation, sorted by file and line; [] if there are none.

    When the data cannot be loaded or the site assembled, what follows from that (pages that would be
    generated, links and menu entries that lead to them) is not reported: only the cause, and the problems
    of docs/ that do not depend on it.
    """
    project = read_project(root)
    abbreviations = project.assembled.parts.links.abbreviations if project.assembled else ""
    safety = PageSafety(project.config.markdown_extensions, abbreviations, root / CACHE)
    problems = project.problems + check_pages(project.site, project.data, safety)
    if project.assembled is not None:
        generated = {path for path, page in project.assembled.pages.items() if page.generated}
        # The menu entries the plugin adds (Working Together's appendices and imported front parts) are listed.
        added = [front_page(s) for s in project.assembled.front_parts] + [
            appendix_page(n) for n in project.assembled.appendices]
        config = replace(project.config, nav=[*project.config.nav, *added]) if project.config.nav is not None \
            else project.config
        problems += check_nav(root / "mkdocs.yml", config, set(project.site.pages), generated)
        problems += check_implemented_paragraphs(project.data, project.site)
    if project.assembled is not None and project.assembled.parts.register is not None:
        problems += unknown_hosts(project.site.pages.values(), project.assembled.parts.register)
    problems += notice_problems(root / "cross_refs" / SITE_FILE, f"cross_refs/{SITE_FILE}", project.site.files)
    problems += _unsafe_data(root, safety, {(p.file, p.line) for p in problems})
    safety.save()
    return _unique_sorted(problems)


def _unsafe_data(root: Path, safety: PageSafety, reported: set[tuple[str, int | None]]) -> list[DataError]:
    """Markup the safety check refuses, in any text of any cross_refs/*.yaml file, rendered as a page would be.

    The pages made from the data are checked too; this also covers texts no page shows (the notice banner).
    """
    problems = []
    for path in sorted((root / "cross_refs").glob("*.yaml")):
        name = path.relative_to(root).as_posix()
        try:
            node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the data loader reports syntax errors (and this file's, if it loads it)
        for line, last, where, text in _texts(node, ""):
            if any((name, number) in reported for number in range(line, last + 1)):
                continue  # already reported, by the loader or on a page made from it
            problems += [DataError(name, unsafe.message, line=line, entry=where)
                         for unsafe in safety.unsafe(text)]
    return problems


def _texts(node: yaml.Node | None, where: str, line: int | None = None):
    """(line of its key, its last line, path to it, text) of every string in a YAML document."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _texts(value, f"{where}.{key.value}" if where else str(key.value), key.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _texts(item, f"{where}[{index}]", item.start_mark.line + 1)
    elif isinstance(node, yaml.ScalarNode) and _MAYBE_MARKUP.search(node.value):
        yield line or node.start_mark.line + 1, node.end_mark.line + 1, where, node.value


def _unique_sorted(problems: list[DataError]) -> list[DataError]:
    seen: set[str] = set()
    unique = []
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        if str(problem) not in seen:
            seen.add(str(problem))
            unique.append(problem)
    return unique
