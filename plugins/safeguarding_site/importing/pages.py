"""The unit every document importer returns: one Markdown page, with its front matter."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


def numbered_block(anchor: str, number: int, text: str) -> str:
    """A numbered paragraph (``anchor`` "para") or item ("item"): its number links to it, and its id is #anchor-N.

    The one form every importer writes: text.blocks, the link targets and the paragraph labels read it.
    """
    noun = "paragraph" if anchor == "para" else "item"
    return (f'[{number}](#{anchor}-{number}){{ .para-num title="Link to {noun} {number}" }} {text}\n'
            f"{{ #{anchor}-{number} .numbered }}")


@dataclass(frozen=True)
class ImportedPage:
    """A page for ``docs/``: ``path`` is relative to ``docs/`` (e.g. ``chief-adviser/chapter-1.md``)."""

    path: str
    title: str
    document: str  # key in cross_refs/documents.yaml
    body: str  # Markdown, starting with the page's single "# " heading
    extra_meta: dict[str, object] = field(default_factory=dict)

    def markdown(self) -> str:
        meta = {"title": self.title, "document": self.document, **self.extra_meta}
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
        return f"---\n{front}---\n\n{self.body.strip()}\n"
