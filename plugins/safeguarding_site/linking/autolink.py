"""Turn references in prose ("see Rec 2", "Chapter 8 of *Working Together*") into relative Markdown links."""

from __future__ import annotations

import re

from ..text.protected_spans import MASK, masked
from ..text.relative_links import relative
from .reference_patterns import Context, Reference, compiled_table
from .targets import LinkTargets

_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Working Together is named hundreds of times; a link on every mention buries the links that matter,
# so (as GOV.UK style does) only its first mention on a page is linked.
FIRST_MENTION_ONLY = frozenset({"working-together"})


def find_references(markdown: str, *, page: str, document: str | None, targets: LinkTargets) -> list[Reference]:
    """Every reference in ``markdown`` outside protected spans, phrase by phrase in page order.

    Where two patterns match overlapping text the longer match wins (then the earlier table row), so
    "Chapter 8 of *Working Together*" is one chapter reference, not a chapter plus a title. A match that
    resolves to nothing (a chapter of another document) does not block shorter matches inside it.
    ``document`` is the page's front matter key; recommendation pages may pass None.
    """
    context = Context(page, targets.document_of(page, document), targets, markdown)
    view = masked(markdown)
    candidates: list[tuple[int, int, int, list[Reference]]] = []
    for order, compiled in enumerate(compiled_table(targets.working_together_titles, targets.document_titles)):
        row = compiled.row
        for match in compiled.finditer(view):
            text = match.group(0)
            if MASK in text or _BLANK_LINE.search(text):
                continue
            if refs := row.resolve(match, context):
                candidates.append((match.start(), -match.end(), order, refs))
    chosen: list[Reference] = []
    reached = 0
    for start, negative_end, _order, refs in sorted(candidates, key=lambda c: c[:3]):
        if start >= reached:
            chosen.extend(refs)
            reached = -negative_end
    return chosen


def autolink(markdown: str, *, page: str, document: str | None, targets: LinkTargets,
             references: list[Reference] | None = None) -> str:
    """``markdown`` with each linkable reference made a link relative to ``page``; idempotent.

    Links are relative ``.md`` paths so that MkDocs checks them and rewrites them for the URL style.
    A page never links to itself without an anchor. ``references`` are ``find_references`` of exactly
    this ``markdown``, when the caller has them already.
    """
    parts: list[str] = []
    position = 0
    refs = references if references is not None else \
        find_references(markdown, page=page, document=document, targets=targets)
    linked_once: set[str] = set()
    # A page that already links the overview (by hand, or from an earlier run) has had its first mention.
    if re.search(rf"\]\({re.escape(relative(page, targets.overview))}(?:#[^)]*)?\)", markdown):
        linked_once.add("working-together")
    for ref in sorted(refs, key=lambda r: r.start):
        if not ref.linked or (ref.target == page and not ref.anchor) or ref.start < position:
            continue
        if ref.kind in FIRST_MENTION_ONLY:
            if ref.kind in linked_once:
                continue
            linked_once.add(ref.kind)
        parts += [markdown[position:ref.start], f"[{markdown[ref.start:ref.end]}]",
                  f"({relative(page, ref.target, ref.anchor)})"]
        position = ref.end
    parts.append(markdown[position:])
    return "".join(parts)
