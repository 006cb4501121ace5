"""``build.py check`` for mkdocs.yml's navigation: every entry is a page, every page is reachable."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import DataError
from ..base.text_files import read_utf8
from ..base.yaml_lines import LineLoader, load_yaml_text

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


class _ConfigLoader(LineLoader):
    """Reads mkdocs.yml without running its !ENV or !!python/name tags (their values do not matter here), and
    with a data file's rules: a key given twice is an error (MkDocs would keep the second silently)."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    docs_dir: str
    site_dir: str
    nav: list[str] | None  # the pages nav lists, in order; None when there is no nav (every page is in it)
    not_in_nav: str
    exclude_docs: str
    use_directory_urls: bool = True
    markdown_extensions: tuple = ()  # as mkdocs.yml lists them: names, or {name: settings}


def read_config(path: Path) -> SiteConfig:
    config = load_yaml_text(read_utf8(path, path.name), path.name, loader=_ConfigLoader) or {}
    if not isinstance(config, dict):
        raise DataError(path.name, "expected a mapping of settings (site_name:, nav:, …)", line=1)
    nav = config.get("nav")
    return SiteConfig(
        docs_dir=str(config.get("docs_dir") or "docs").rstrip("/"),
        site_dir=str(config.get("site_dir") or "site").rstrip("/"),
        nav=None if nav is None else list(_nav_pages(nav)),
        not_in_nav=str(config.get("not_in_nav") or ""),
        exclude_docs=str(config.get("exclude_docs") or ""),
        use_directory_urls=config.get("use_directory_urls", True) is not False,
        markdown_extensions=tuple(config.get("markdown_extensions") or ()),
    )


def _nav_pages(item: object):
    if isinstance(item, str):
        if not _EXTERNAL.match(item):
            yield item
    elif isinstance(item, list):
        for child in item:
            yield from _nav_pages(child)
    elif isinstance(item, dict):
        for child in item.values():
            yield from _nav_pages(child)


def _gitignore(patterns: str):
    # pathspec is what MkDocs itself matches not_in_nav and exclude_docs with; imported only when needed.
    from pathspec.gitignore import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns.splitlines())


def check_nav(config_path: Path, config: SiteConfig, pages: set[str] | None, generated: set[str]) -> list[DataError]:
    """Nav entries that are no page, and pages in no nav and not in not_in_nav (strict builds fail on both).

    ``pages`` are the Markdown pages relative to docs/, generated ones included; None if they are unknown.
    """
    if config.nav is None or pages is None:
        return []
    name = config_path.name
    lines = config_path.read_text(encoding="utf-8").split("\n")
    problems = []
    for entry in config.nav:
        if entry not in pages:
            line = next((n for n, text in enumerate(lines, 1) if entry in text and not text.lstrip().startswith("#")),
                        None)
            problems.append(DataError(name, f"nav lists '{entry}', which is not a page in {config.docs_dir}/ nor one "
                                      "generated from cross_refs/: correct the path or remove the entry", line=line))
    listed = set(config.nav)
    excluded = _gitignore(".*\n/templates/\n" + config.exclude_docs)
    hidden = _gitignore(config.not_in_nav)
    for page in sorted(pages - listed):
        if not excluded.match_file(page) and not hidden.match_file(page):
            name = f"{page} (generated)" if page in generated else f"{config.docs_dir}/{page}"
            problems.append(DataError(name, "this page is in no menu: add it to nav in mkdocs.yml, "
                                      "or to not_in_nav there if readers should reach it only by links"))
    return problems
