"""``build.py check`` for pages: links, anchors, front matter and unsafe markup, without MkDocs.

The pages checked are those the build renders, as ``pages.site.assemble_site`` makes them for it: the files
in docs/ and the pages generated from cross_refs/, each in its final Markdown. A problem is reported where an
editor can fix it: on a page of docs/, at the line of its source that holds the offending text; on a
generated page, at the line of the data file it came from.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from ..base.errors import DataError
from ..base.known_fields import did_you_mean
from ..base.text_files import read_utf8
from ..base.yaml_lines import load_yaml_text
from ..data.documents import unknown_document
from ..data.site_data import SiteData
from ..pages.download import ZIP_URI
from ..pages.site import AssembledSite
from ..pages.toc_depth import KEY as TOC_DEPTH
from ..pages.toc_depth import toc_depth
from ..text.markdown_scan import Anchor, anchors, front_matter, links, without_code
from .rendering import PageSafety

_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_PARAGRAPH = re.compile(r"^(para|item)-(\d+)$")


@dataclass
class Page:
    path: str  # relative to docs/, with "/" separators
    markdown: str  # as the build renders it; until the site is assembled, the file in docs/ as it is
    name: str  # how messages name it
    generated: bool = False
    source: str | None = None  # the file in docs/, front matter included; None for a generated page

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
    """The pages and files of docs/; the assembled site is added with ``add_assembled``."""
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
                text = read_utf8(path, name)
                pages[relative] = Page(relative, text, name, source=text)
            except DataError as exc:  # FILE:LINE:COLUMN of the first byte that is not UTF-8
                problems.append(exc)
    data_texts = {}
    for yaml_file in sorted((root / "cross_refs").glob("*.yaml")):
        data_texts[f"cross_refs/{yaml_file.name}"] = yaml_file.read_text(encoding="utf-8", errors="replace").split("\n")
    return Site(docs_dir, pages, files, False, data_texts)


def add_assembled(site: Site, assembled: AssembledSite) -> None:
    """Give every page the Markdown the build renders, and add the pages and files the build generates."""
    site.generated_known = True
    for relative, planned in assembled.pages.items():
        if planned.generated:
            site.pages[relative] = Page(relative, planned.final, f"{relative} (generated)", generated=True)
        else:
            page = site.pages[relative]
            site.pages[relative] = Page(relative, planned.final, page.name, source=page.source)
    site.files.update(assembled.generated)
    if assembled.zip_path is not None:
        site.files.add(ZIP_URI)


def _suggest(wanted: str, choices: list[str]) -> str:
    return did_you_mean(wanted, choices)


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
            continue  # external, or a scheme text/safety.py judges on the rendered page
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
    """Ids the editor wrote twice in a page of docs/ (lines of its source)."""
    first: dict[str, int] = {}
    found = []
    source = page.source or ""
    for anchor in (a for a in anchors(without_code(source), source) if a.explicit):
        if anchor.id in first:
            found.append((anchor.line, f"#{anchor.id}", f"the id #{anchor.id} is used twice on this page (first on "
                          f"line {first[anchor.id]}): every anchor must be unique, so renumber or rename this one"))
        else:
            first[anchor.id] = anchor.line
    return found


def front_matter_problems(page: Page, documents: set[str] | None) -> list[DataError]:
    raw, _ = front_matter(page.source or "")
    if raw is None:
        return []
    try:
        meta = load_yaml_text(raw, page.name)
    except DataError as exc:
        return [DataError(page.name, exc.message + " (in the front matter between the --- lines)",
                          line=(exc.line or 0) + 1)]
    if meta is not None and not isinstance(meta, dict):
        return [DataError(page.name, "the front matter must be 'key: value' lines", line=2)]
    def line_of(name: str) -> int:
        return 1 + next((i for i, text in enumerate(raw.split("\n"), 1) if text.startswith(f"{name}:")), 1)

    found = []
    key = (meta or {}).get("document")
    if key is not None and documents is not None and key not in documents:
        found.append(DataError(page.name, unknown_document(key, documents), line=line_of("document")))
    try:
        toc_depth(meta or {})
    except ValueError as error:
        found.append(DataError(page.name, str(error), line=line_of(TOC_DEPTH)))
    return found


def _data_line(site: Site, needles: tuple[str, ...]) -> tuple[str, int] | None:
    """The first line of a cross_refs file that holds one of ``needles``: where a generated page's text came from."""
    for needle in (n.lower() for n in needles if n):
        for name, lines in site.data_texts.items():
            for number, line in enumerate(lines, start=1):
                if needle in line.lower():
                    return name, number
    return None


def _source_line(page: Page, needles: tuple[str, ...], near: int | None) -> int | None:
    """The line of ``page``'s source holding one of ``needles`` (the one nearest ``near``), or None.

    Outside code first: a page may show in code the very markup it must not carry.
    """
    source = page.source or ""
    for lines in (without_code(source).split("\n"), source.split("\n")):
        for needle in (n.lower() for n in needles if n):
            hits = [number for number, text in enumerate(lines, start=1) if needle in text.lower()]
            if hits:
                return min(hits, key=lambda hit: abs(hit - near)) if near else hits[0]
    return None


class _Report:
    """Problems found on the final Markdown or HTML of a page, reported where an editor wrote the cause."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.problems: list[DataError] = []
        self._traced: set[tuple[str, int, str]] = set()

    def add(self, page: Page, message: str, needles: tuple[str, ...], line: int | None = None) -> None:
        if not page.generated:
            found = _source_line(page, needles, line)
            if found is not None or page.source == page.markdown:
                self.problems.append(DataError(page.name, message, line=found or line))
                return
        origin = _data_line(self.site, needles)
        if origin is None:
            if page.generated or line is not None:  # made by the autolinker or a generator, not written by anyone
                message += " (a fault in the page generator: please report it)"
            self.problems.append(DataError(page.name, message, line=line if page.generated else None))
        elif (*origin, message) not in self._traced:  # one data text can appear on several pages
            self._traced.add((*origin, message))
            self.problems.append(DataError(origin[0], f"{message} (on the generated page {page.path})",
                                           line=origin[1]))


def _body(page: Page) -> str:
    """What Markdown renders of a page not yet assembled: its source without the front matter."""
    if page.markdown != page.source:
        return page.markdown
    _, lines = front_matter(page.markdown)
    return "\n" * lines + page.markdown.split("\n", lines)[-1] if lines else page.markdown


def check_pages(site: Site, data: SiteData | None, safety: PageSafety) -> list[DataError]:
    """Every problem in the pages' links, anchors, ids, front matter and (in their HTML) markup."""
    report = _Report(site)
    documents = set(data.documents) if data else None
    for page in site.pages.values():
        for line, snippet, message in link_problems(page, site):
            report.add(page, message, (snippet,), line)
        for unsafe in safety.unsafe(_body(page)):
            report.add(page, unsafe.message, unsafe.needles)
        if not page.generated:
            # Written by the editor in the page's source: the lines are the source's own.
            report.problems += [DataError(page.name, message, line=line) for line, _, message in duplicate_ids(page)]
            report.problems += front_matter_problems(page, documents)
    problems = report.problems
    if data:
        lines = site.data_texts.get("cross_refs/documents.yaml", [])
        for document in data.documents.values():
            if document.path not in site.files:
                line = next((n for n, text in enumerate(lines, 1) if f"path: {document.path}" in text), None)
                problems.append(DataError("cross_refs/documents.yaml", f"path '{document.path}' of document "
                                          f"'{document.key}' is not a page in {site.docs}/: correct the path",
                                          line=line, entry=f"document {document.key}"))
    return problems
