"""Copies of the project for benchmarking: a snapshot of the real one, and copies with N times the content.

A scaled copy has N sets of the content. Set 1 is the real content. Sets 2..N repeat it under new numbers:
recommendation r of set n becomes r + 58·(n−1), chapter c becomes c + 12·(n−1) (so every recommendation's
chapter links and quoted evidence stay valid), and each document folder under docs/ is copied to
``<folder>-set<n>/`` with its own key in documents.yaml. The texts are the real texts, with "(Set n.)"
appended to each non-empty column so that no two pages are byte-identical. Nothing here is published:
copies live in a temporary folder.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .mkdocs_config import add_not_in_nav, read_nav, replace_nav

_SKIP = {".git", ".venv", "site", "tests", "benchmarks", "offline", "build", "dist", "node_modules"}
_TEXT_COLUMNS = ("recommendation", "response_2009", "progress_2010")
_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_REF_DEF = re.compile(r"(?m)^(\s{0,3}\[(?!\^)[^\]]+\]:\s*)(\S+)")
_DOCUMENT_KEY = re.compile(r"(?m)^document:\s*(\S+)\s*$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _ignore(directory: str, names: list[str]) -> set[str]:
    return {n for n in names if n in _SKIP or n.startswith((".site", ".pytest", ".ruff", ".hypothesis"))
            or n == "__pycache__" or n.endswith(".egg-info")}


def snapshot_project(root: Path, dest: Path) -> Path:
    """A copy of everything the build reads (not .git, .venv, site/, tests/), so that edits made by
    others while the benchmark runs cannot change its input half-way."""
    shutil.copytree(root, dest, ignore=_ignore, symlinks=True)
    return dest


class _LiteralDumper(yaml.SafeDumper):
    """Block scalars for multi-line text, as an editor writes them, and no anchors for repeated lists."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_LiteralDumper.add_representer(str, _str)


def _dump(data: object, path: Path) -> None:
    path.write_text(yaml.dump(data, Dumper=_LiteralDumper, sort_keys=False, allow_unicode=True, width=100_000),
                    encoding="utf-8")


@dataclass(frozen=True)
class ScaledContent:
    factor: int
    recommendations: int
    chapters: int
    documents: int
    document_pages: int


def _set_suffix(n: int) -> str:
    return f"-set{n}"


def scale_project(project: Path, factor: int, *, in_nav: bool = True) -> ScaledContent:
    """Turn the copy at ``project`` into ``factor`` sets of content (1 leaves it as it is)."""
    cross_refs, docs = project / "cross_refs", project / "docs"
    recs_data = yaml.safe_load((cross_refs / "recommendations.yaml").read_text(encoding="utf-8"))
    wt_data = yaml.safe_load((cross_refs / "working-together.yaml").read_text(encoding="utf-8"))
    docs_data = yaml.safe_load((cross_refs / "documents.yaml").read_text(encoding="utf-8"))
    recs, chapters, documents = recs_data["recommendations"], wt_data["chapters"], docs_data["documents"]
    n_recs, n_chapters = len(recs), len(chapters)
    folders = sorted({d["path"].split("/", 1)[0] for d in documents if "/" in d["path"]})
    originals = sorted(p.relative_to(docs).as_posix() for f in folders for p in (docs / f).rglob("*") if p.is_file())
    if factor > 1:
        recs_data["recommendations"] = recs + [_rec_copy(r, n, n_recs, n_chapters)
                                               for n in range(2, factor + 1) for r in recs]
        wt_data["chapters"] = chapters + [_chapter_copy(c, n, n_chapters)
                                          for n in range(2, factor + 1) for c in chapters]
        docs_data["documents"] = documents + [_document_copy(d, n, folders)
                                              for n in range(2, factor + 1) for d in documents]
        keys = {d["key"] for d in documents}
        for n in range(2, factor + 1):
            _copy_documents(docs, originals, folders, keys, n)
        _dump(recs_data, cross_refs / "recommendations.yaml")
        _dump(wt_data, cross_refs / "working-together.yaml")
        _dump(docs_data, cross_refs / "documents.yaml")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        if in_nav:
            text = replace_nav(text, _scaled_nav(read_nav(text), factor, folders, set(originals), n_chapters))
        else:
            text = add_not_in_nav(text, [f"/{f}-set*/" for f in folders]
                                  + ["/working-together/chapter-*.md"])
        config.write_text(text, encoding="utf-8")
    return ScaledContent(factor, n_recs * factor, n_chapters * factor, len(documents) * factor,
                         len([p for p in originals if p.endswith(".md")]) * factor)


def _rec_copy(rec: dict, n: int, n_recs: int, n_chapters: int) -> dict:
    copy = dict(rec)
    copy["id"] = rec["id"] + n_recs * (n - 1)
    copy["short_title"] = f"{rec['short_title']} (set {n})"  # short titles must be unique
    for column in _TEXT_COLUMNS:
        if isinstance(copy.get(column), str) and copy[column].strip():
            copy[column] = f"{copy[column]} (Set {n}.)"
    copy["implemented_by"] = [{**ref, "chapter": ref["chapter"] + n_chapters * (n - 1)}
                              for ref in rec.get("implemented_by") or []]
    return copy


def _chapter_copy(chapter: dict, n: int, n_chapters: int) -> dict:
    # A copy's title is not the one the quote names, so the quote that confirms the original does not come along.
    copy = {key: value for key, value in chapter.items() if key != "confirmed_by"}
    return {**copy, "number": chapter["number"] + n_chapters * (n - 1), "title": f"{chapter['title']} (set {n})"}


def _map_folder(path: str, folders: Iterable[str], n: int) -> str:
    top, _, rest = path.partition("/")
    return f"{top}{_set_suffix(n)}/{rest}" if rest and top in folders else path


def _document_copy(document: dict, n: int, folders: list[str]) -> dict:
    return {**document, "key": f"{document['key']}{_set_suffix(n)}", "title": f"{document['title']} (set {n})",
            "short_title": f"{document['short_title']} (set {n})", "path": _map_folder(document["path"], folders, n)}


def _copy_documents(docs: Path, originals: list[str], folders: list[str], keys: set[str], n: int) -> None:
    present = set(originals)
    for src in originals:
        dest = _map_folder(src, folders, n)
        (docs / dest).parent.mkdir(parents=True, exist_ok=True)
        if not src.endswith(".md"):
            shutil.copyfile(docs / src, docs / dest)
            continue
        text = (docs / src).read_text(encoding="utf-8")
        text = _rewrite_front_matter(text, keys, n)
        (docs / dest).write_text(_rewrite_links(text, src, dest, folders, present, n), encoding="utf-8")


def _rewrite_front_matter(text: str, keys: set[str], n: int) -> str:
    match = _FRONT_MATTER.match(text)
    if not match:
        return text
    front = _DOCUMENT_KEY.sub(lambda m: f"document: {m.group(1)}{_set_suffix(n)}" if m.group(1) in keys
                              else m.group(0), match.group(0))
    return front + text[match.end():]


def _rewrite_links(text: str, src: str, dest: str, folders: list[str], present: set[str], n: int) -> str:
    """Links within a copied document point at the same set's copy; links elsewhere keep their target."""

    def target(link: str) -> str:
        if link.startswith(("#", "/", "<")) or _SCHEME.match(link):
            return link
        path, hash_, anchor = link.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src), path))
        mapped = _map_folder(resolved, folders, n) if resolved in present else resolved
        new = posixpath.relpath(mapped, posixpath.dirname(dest) or ".")
        return new + hash_ + anchor if new != posixpath.normpath(path) else link

    text = _LINK.sub(lambda m: m.group(1) + target(m.group(2)) + m.group(3), text)
    return _REF_DEF.sub(lambda m: m.group(1) + target(m.group(2)), text)


_CHAPTER_PAGE = re.compile(r"^working-together/chapter-(\d+)\.md$")


def _scaled_nav(nav: list, factor: int, folders: list[str], present: set[str], n_chapters: int) -> list:
    """The real navigation, then one section per extra set that repeats its documents and chapters."""

    def page(path: str, n: int) -> str | None:
        if match := _CHAPTER_PAGE.match(path):
            return f"working-together/chapter-{int(match.group(1)) + n_chapters * (n - 1)}.md"
        return _map_folder(path, folders, n) if path in present else None

    def copy(items: list, n: int) -> list:
        out = []
        for item in items:
            if isinstance(item, str):
                if mapped := page(item, n):
                    out.append(mapped)
            elif isinstance(item, dict):
                ((title, value),) = item.items()
                if isinstance(value, str):
                    if mapped := page(value, n):
                        out.append({title: mapped})
                elif isinstance(value, list) and (children := copy(value, n)):
                    out.append({title: children})
        return out

    sets = [{f"Set {n}": copy(nav, n)} for n in range(2, factor + 1)]
    if len(sets) > _SETS_PER_SECTION:
        # Ten sets to a section, as an editor would arrange them: Material renders the open section's
        # siblings into every page, and one flat list of 99 sets made each page carry all 99.
        sets = [{f"Sets {n}–{min(n + _SETS_PER_SECTION - 1, factor)}": sets[n - 2:n - 2 + _SETS_PER_SECTION]}
                for n in range(2, factor + 1, _SETS_PER_SECTION)]
    return nav + [{"More content": sets}]


_SETS_PER_SECTION = 10
