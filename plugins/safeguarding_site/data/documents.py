"""The register of source documents (``cross_refs/documents.yaml``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import Problems
from ..base.known_fields import check_known_fields, misspelt
from ..base.yaml_lines import LineDict
from .fields import load_data_file

DOCUMENT_FIELDS = ("key", "title", "short_title", "author", "date", "source", "path", "copyright")


def unknown_document(key: str, known: Iterable[str]) -> str:
    """The message for a page whose front matter names a document documents.yaml does not have."""
    return (f"front matter 'document: {key}' is not a key in cross_refs/documents.yaml: use one of "
            f"{', '.join(sorted(known))}")


@dataclass(frozen=True)
class Document:
    key: str
    title: str
    short_title: str
    author: str
    date: str
    source: str
    path: str  # the document's first page, relative to docs/
    copyright: str

    @property
    def folder(self) -> str:
        """The docs/ folder a multi-page document lives in ('' for a single page)."""
        return self.path.rsplit("/", 1)[0] + "/" if self.path.endswith("/index.md") else ""


def load_documents(path: Path, name: str, problems: Problems) -> dict[str, Document]:
    data = load_data_file(path, name, ("schema", "documents"), ("documents",), problems)
    if data is None:
        return {}
    documents: dict[str, Document] = {}
    for index, entry in enumerate(data["documents"]):
        label = f"documents[{index}]"
        if not isinstance(entry, LineDict):
            problems.add(name, "expected a mapping of the document's fields", entry=label)
            continue
        check_known_fields(entry, DOCUMENT_FIELDS, name, problems, entry=label)
        missing = [f for f in DOCUMENT_FIELDS if not isinstance(entry.get(f), str) or not entry[f].strip()]
        if missing:
            if [f for f in missing if not misspelt(entry, f)]:
                problems.add(name, f"missing or empty: {', '.join(missing)} (each must be text)",
                             line=entry.line, entry=label)
            continue
        if entry["key"] in documents:
            problems.add(name, f"duplicate key {entry['key']!r}: each document needs its own key",
                         line=entry.line_of("key"), entry=label)
            continue
        documents[entry["key"]] = Document(**{f: entry[f].strip() for f in DOCUMENT_FIELDS})
    return documents
