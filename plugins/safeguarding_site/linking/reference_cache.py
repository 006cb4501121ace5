"""Each page's references found once per build: the "referred to in" lists and the autolinker read the same pages."""

from __future__ import annotations

from .autolink import find_references
from .reference_patterns import Reference
from .targets import LinkTargets


class ReferenceCache:
    """``find_references`` with memory: a second call for the same page, context and text is free.

    The text is compared in full, so an answer can never belong to text that has since changed (another
    plugin, or the front door, rewriting a page between the two calls).
    """

    def __init__(self, targets: LinkTargets) -> None:
        self.targets = targets
        self._found: dict[tuple[str, str | None], tuple[str, list[Reference]]] = {}

    def __call__(self, markdown: str, *, page: str, document: str | None) -> list[Reference]:
        key = (page, document)
        known = self._found.get(key)
        if known is not None and known[0] == markdown:
            return known[1]
        found = find_references(markdown, page=page, document=document, targets=self.targets)
        self._found[key] = (markdown, found)
        return found
