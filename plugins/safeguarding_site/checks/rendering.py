"""Pages converted to HTML as the build converts them, for the safety check: Python-Markdown, no theme, no MkDocs.

The extensions and their settings are mkdocs.yml's ``markdown_extensions``, after the ones MkDocs always
adds. One Markdown instance converts every page, ``reset()`` between pages, because setting up the
extensions costs more than converting a page.

Every page ends with the same block of abbreviation definitions (``data.glossary.append_abbreviations``), and
``abbr`` reading it again on each page was two thirds of the time: it is read once, and given to ``abbr``
as its glossary, which marks up the same words with the same titles. (A page's own definition of an
abbreviation the glossary also defines would then lose to the glossary's instead of winning; the safety
check judges both titles, the glossary's also as data.)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..text.safety import Unsafe, unsafe_html

# What MkDocs puts before mkdocs.yml's own list (mkdocs.config.defaults: MarkdownExtensions builtins).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def extension_settings(configured: Sequence[Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """mkdocs.yml's ``markdown_extensions`` (names, or one-key mappings of a name to its settings), as MkDocs
    merges them with its built-in ones: names in order without repeats, and each one's settings."""
    names = list(MKDOCS_BUILTINS)
    settings: dict[str, dict[str, Any]] = {}
    for item in configured:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(str(name))
                if isinstance(options, dict):
                    settings[str(name)] = options
        elif isinstance(item, str):
            names.append(item)
    return list(dict.fromkeys(names)), settings


class Renderer:
    """Markdown to HTML with the site's extensions."""

    def __init__(self, configured: Sequence[Any], abbreviations: str = "") -> None:
        import markdown  # only check needs it here: the build renders through MkDocs
        from markdown.extensions.abbr import AbbrExtension

        names, settings = extension_settings(configured)
        self._markdown = markdown.Markdown(extensions=names, extension_configs=settings)
        abbr = next((e for e in self._markdown.registeredExtensions if isinstance(e, AbbrExtension)), None)
        self._ending = ""
        if abbr is not None and abbreviations:
            self.html(abbreviations)
            abbr.glossary = dict(abbr.abbrs)
            self._ending = f"\n\n{abbreviations}\n"

    def html(self, text: str) -> str:
        if self._ending and text.endswith(self._ending):
            text = text[: -len(self._ending)]
        self._markdown.reset()
        return self._markdown.convert(text)


class PageSafety:
    """``unsafe_html`` of each page's rendered Markdown, remembered between runs of check by content.

    Rendering every page is most of check's time, and an editor changes a few pages between two runs. The
    findings of a page are kept under a hash of its Markdown and of everything that decides them (this
    module, text/safety.py, the extensions and their settings, the abbreviations, Python-Markdown's version),
    so a change to any of these renders the page again. The file is only a shortcut for check: the build
    judges every page's HTML itself (the plugin's on_page_content), so an edited cache cannot let markup
    through.
    """

    def __init__(self, configured: Sequence[Any], abbreviations: str = "", cache: Path | None = None) -> None:
        import markdown

        from ..text import safety

        self._configured, self._abbreviations, self._cache = configured, abbreviations, cache
        self._renderer: Renderer | None = None
        digest = hashlib.sha256()
        for part in (Path(__file__).read_bytes(), Path(safety.__file__).read_bytes(),
                     repr(list(configured)).encode(), abbreviations.encode(), markdown.__version__.encode()):
            digest.update(hashlib.sha256(part).digest())
        self._version = digest.hexdigest()
        self._known: dict[str, list] = {}
        self._used: dict[str, list] = {}
        if cache is not None:
            try:
                stored = json.loads(cache.read_text(encoding="utf-8"))
                if stored.get("version") == self._version and isinstance(stored.get("pages"), dict):
                    self._known = stored["pages"]
            except (OSError, ValueError, AttributeError):
                pass  # no cache yet, or an unreadable one: every page is rendered

    def html(self, text: str) -> str:
        if self._renderer is None:
            self._renderer = Renderer(self._configured, self._abbreviations)
        return self._renderer.html(text)

    def unsafe(self, markdown: str) -> list[Unsafe]:
        key = hashlib.sha256(markdown.encode("utf-8", "surrogatepass")).hexdigest()
        found = self._known.get(key)
        if not _well_formed(found):
            found = [[u.message, list(u.needles)] for u in unsafe_html(self.html(markdown))]
        self._used[key] = found
        return [Unsafe(message, tuple(needles)) for message, needles in found]  # type: ignore[union-attr]

    def save(self) -> None:
        """Keep the findings of this run's pages (only those: the file does not grow with every edit)."""
        if self._cache is None or self._used == self._known:
            return
        try:
            self._cache.parent.mkdir(parents=True, exist_ok=True)
            partial = self._cache.with_name(f"{self._cache.name}.{os.getpid()}")
            partial.write_text(json.dumps({"version": self._version, "pages": self._used}), encoding="utf-8")
            partial.replace(self._cache)
        except OSError:
            pass  # a read-only project: check still works, only without the shortcut


def _well_formed(found: object) -> bool:
    return isinstance(found, list) and all(
        isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and isinstance(item[1], list)
        and all(isinstance(n, str) for n in item[1]) for item in found)
