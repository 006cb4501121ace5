"""``build.py check`` for pages: links, anchors, front matter, navigation and unsafe markup, without rendering.

The pages checked are the Markdown files in docs/ and the pages the plugin generates from cross_refs/
(which exist only at build time). A problem on a generated page is reported against the line of the data
file it came from, where an editor can fix it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from ..base.errors import DataError
from ..base.text_files import read_utf8
from ..base.yaml_lines import load_yaml_text
from ..data.site_data import SiteData
from ..text.markdown_scan import Anchor, anchors, front_matter, links, without_code
from ..text.safety import unsafe_markup

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_PARAGRAPH = re.compile(r"^(para|item)-(\d+)$")


@dataclass
class Page:
    path: str  # relative to docs/, with "/" separators
    markdown: str
    name: str  # how messages name it
    generated: bool = False

    @cached_property
    def text(self) -> str:
        return without_code(self.markdown)

    @cached_property
    def anchors(self) -> list[Anchor]:
        return anchors(self.text, self.markdown)

    @cached_property
    def anchor_ids(self) -> set[str]:
        return {anchor.id for anchor in self.anchors}


@dataclass
class Site:
    """The pages and other files of docs/ as the build will see them."""

    docs: str  # the docs folder as messages name it, e.g. "docs"
    pages: dict[str, Page]
    files: set[str]  # every file in docs/ and every generated page, relative to docs/
    generated_known: bool  # False when the data could not be loaded, so generated pages are unknown
    data_texts: dict[str, list[str]] = field(default_factory=dict)  # cross_refs file name -> its lines


def read_site(root: Path, docs_dir: str, problems: list[DataError]) -> Site:
    """The pages and files of docs/; the generated ones are added with ``add_generated``."""
    docs = root / docs_dir
    files: set[str] = set()
    pages: dict[str, Page] = {}
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in relative.split("/")):
            continue
        files.add(relative)
        if path.suffix == ".md":
            name = f"{docs_dir}/{relative}"
            try:
                pages[relative] = Page(relative, read_utf8(path, name), name)
            except DataError as exc:  # FILE:LINE:COLUMN of the first byte that is not UTF-8
                problems.append(exc)
    data_texts = {}
    for yaml_file in sorted((root / "cross_refs").glob("*.yaml")):
        data_texts[f"cross_refs/{yaml_file.name}"] = yaml_file.read_text(encoding="utf-8", errors="replace").split("\n")
    return Site(docs_dir, pages, files, False, data_texts)


def add_generated(site: Site, generated: dict[str, str] | None, problems: list[DataError]) -> None:
    """Add what the build generates (None: unknown, because the data could not be read)."""
    if generated is None:
        return
    site.generated_known = True
    for relative, content in generated.items():
        if relative in site.pages and not site.pages[relative].generated:
            problems.append(DataError(site.pages[relative].name, "this page has the same path as a page the site "
                                      "generates from cross_refs/, and would hide it: rename or remove it"))
        if relative.endswith(".md"):
            site.pages[relative] = Page(relative, content, f"{relative} (generated)", generated=True)
        site.files.add(relative)


def _suggest(wanted: str, choices: list[str]) -> str:
    import difflib  # only when there is a problem to explain

    close = difflib.get_close_matches(wanted, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _anchor_advice(fragment: str, page: Page) -> str:
    if match := _PARAGRAPH.match(fragment):
        kind = match.group(1)
        numbers = sorted(int(m.group(2)) for a in page.anchors if (m := _PARAGRAPH.match(a.id)) and m.group(1) == kind)
        if numbers:
            return f"that page's numbered {'paragraphs' if kind == 'para' else 'items'} run #{kind}-{numbers[0]} " \
                   f"to #{kind}-{numbers[-1]}"
    return _suggest(fragment, sorted(page.anchor_ids)) or "link to a heading's or paragraph's id on that page"


def _relative(from_page: str, to_file: str) -> str:
    return posixpath.relpath(to_file, posixpath.dirname(from_page) or ".")


def link_problems(page: Page, site: Site) -> list[tuple[int, str, str]]:
    """(line, offending text, message) for each link on ``page`` that leads nowhere."""
    found = []
    for link in links(page.text):
        target = link.target
        if not target or _EXTERNAL.match(target):
            continue  # external, or a scheme markup_safety judges
        path, _, fragment = target.partition("#")
        path = unquote(path.split("?", 1)[0])
        fragment = unquote(fragment)
        if path.startswith("/"):
            found.append((link.line, target, f"the link '{target}' starts with '/': write it relative to this page, "
                          f"e.g. '{_relative(page.path, path.lstrip('/'))}'"))
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path)) if path else page.path
        if resolved.startswith("../") or resolved == "..":
            found.append((link.line, target, f"the link '{target}' leads outside {site.docs}/: link to a page of "
                          "this site, or to a full https:// address"))
            continue
        if resolved not in site.files:
            if f"{resolved}/index.md" in site.files or path.endswith("/"):
                advice = f"the link '{target}' points at a folder: link to its page, " \
                         f"'{_relative(page.path, resolved + '/index.md')}'"
            elif resolved.endswith(".html") and resolved[:-5] + ".md" in site.files:
                advice = f"the link '{target}' points at a built HTML file: link to the Markdown page " \
                         f"'{_relative(page.path, resolved[:-5] + '.md')}' instead"
            elif not site.generated_known:
                continue  # the data did not load, so we cannot tell whether a generated page would be there
            else:
                choices = sorted(_relative(page.path, f) for f in site.files)
                advice = f"the link '{target}' leads nowhere: there is no {site.docs}/{resolved}; " + \
                         (_suggest(path, choices) or f"check the file name in {site.docs}/")
            found.append((link.line, target, advice))
            continue
        if fragment and resolved in site.pages and fragment not in site.pages[resolved].anchor_ids:
            where = "this page" if resolved == page.path else site.pages[resolved].name
            found.append((link.line, target, f"the link '{target}' names #{fragment}, which is not on {where}: "
                          + _anchor_advice(fragment, site.pages[resolved])))
    return found


def duplicate_ids(page: Page) -> list[tuple[int, str, str]]:
    first: dict[str, int] = {}
    found = []
    for anchor in (a for a in page.anchors if a.explicit):
        if anchor.id in first:
            found.append((anchor.line, f"#{anchor.id}", f"the id #{anchor.id} is used twice on this page (first on "
                          f"line {first[anchor.id]}): every anchor must be unique, so renumber or rename this one"))
        else:
            first[anchor.id] = anchor.line
    return found


def front_matter_problems(page: Page, documents: set[str] | None) -> list[DataError]:
    raw, _ = front_matter(page.markdown)
    if raw is None:
        return []
    try:
        meta = load_yaml_text(raw, page.name)
    except DataError as exc:
        return [DataError(page.name, exc.message + " (in the front matter between the --- lines)",
                          line=(exc.line or 0) + 1)]
    if meta is not None and not isinstance(meta, dict):
        return [DataError(page.name, "the front matter must be 'key: value' lines", line=2)]
    key = (meta or {}).get("document")
    if key is not None and documents is not None and key not in documents:
        line = 1 + next((i for i, text in enumerate(raw.split("\n"), 1) if text.startswith("document:")), 1)
        return [DataError(page.name, f"front matter 'document: {key}' is not a key in cross_refs/documents.yaml: "
                          f"use one of {', '.join(sorted(documents))}", line=line)]
    return []


def _data_line(site: Site, snippet: str) -> tuple[str, int] | None:
    """The first line of a cross_refs file that holds ``snippet``: where a generated page's text came from."""
    for name, lines in site.data_texts.items():
        for number, line in enumerate(lines, start=1):
            if snippet in line:
                return name, number
    return None


def check_pages(site: Site, data: SiteData | None) -> list[DataError]:
    """Every problem in the pages' links, anchors, ids, front matter and markup."""
    problems: list[DataError] = []
    documents = set(data.documents) if data else None
    traced: set[tuple[str, int, str]] = set()
    for page in site.pages.values():
        # A generated page's ids come from the generator's code, so only its links can be an editor's doing.
        found = link_problems(page, site) + ([] if page.generated else duplicate_ids(page))
        if page.generated:
            for line, snippet, message in found:
                origin = _data_line(site, snippet)
                if origin is None:
                    problems.append(DataError(page.name, message + " (a fault in the page generator: please "
                                              "report it)", line=line))
                elif (*origin, message) not in traced:  # one data text can appear on several pages
                    traced.add((*origin, message))
                    problems.append(DataError(origin[0], f"{message} (on the generated page {page.path})",
                                              line=origin[1]))
            continue
        problems += [DataError(page.name, message, line=line) for line, _, message in found]
        problems += front_matter_problems(page, documents)
        unsafe = unsafe_markup(page.markdown, code_blanked=page.text)
        problems += [DataError(page.name, u.message, line=u.line) for u in unsafe]
    if data:
        lines = site.data_texts.get("cross_refs/documents.yaml", [])
        for document in data.documents.values():
            if document.path not in site.files:
                line = next((n for n, text in enumerate(lines, 1) if f"path: {document.path}" in text), None)
                problems.append(DataError("cross_refs/documents.yaml", f"path '{document.path}' of document "
                                          f"'{document.key}' is not a page in {site.docs}/: correct the path",
                                          line=line, entry=f"document {document.key}"))
    return problems
