"""The line under each source page's heading that says which document it is, whose, when, and its copyright."""

from __future__ import annotations

import re

from ..data.documents import Document
from ..text.relative_links import relative

_H1 = re.compile(r"^# .*$", re.MULTILINE)


def add_document_header(markdown: str, page: str, document: Document) -> str:
    """Insert the header after the page's H1 (or at the top if it has none)."""
    title = f"*{document.title}*" if page == document.path else \
        f"[*{document.title}*]({relative(page, document.path)})"
    header = f"{title} · {document.author} · {document.date} · {document.copyright}\n{{ .doc-source }}\n"
    match = _H1.search(markdown)
    if not match:
        return header + "\n" + markdown
    return f"{markdown[: match.end()]}\n\n{header}{markdown[match.end():]}"
