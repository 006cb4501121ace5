"""Turn references in prose ("see Rec 2", "Chapter 8 of *Working Together*") into relative Markdown links."""

from __future__ import annotations

import re

from ..text.protected_spans import MASK, masked
from ..text.relative_links import relative
from .reference_patterns import Context, Reference, compiled_table
from .targets import LinkTargets

# A line break where a reference may not run on: a blank line ends the paragraph, and a line that opens
# with a list marker may be the next list item ("1. ... act on Recommendation\n2. Health bodies ..."), where
# linking "Recommendation\n2" would join the two items and show the "2." as text. A reference wrapped onto
# the next line of its paragraph ("recommendation\n42)", as a hard-wrapped page has it) is still one.
_BLOCK_BREAK = re.compile(r"\n(?=[ \t]*(?:\n|[-*+][ \t]|\d{1,9}\.[ \t]))")
# What such a line break becomes in the patterns' view: neither space nor word, so no pattern reads past it
# (and a look-behind or \b at the start of the next line judges it as it would a line break).
_WALL = "\x01"

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
    view = _BLOCK_BREAK.sub(_WALL, masked(markdown))
    candidates: list[tuple[int, int, int, list[Reference]]] = []
    for order, compiled in enumerate(compiled_table(targets.working_together_titles, targets.document_titles)):
        row = compiled.row
        for match in compiled.finditer(view):
            if MASK in match.group(0):
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
