"""How deep a page's table of contents goes, set in its front matter (``toc_depth: 2``).

Annex A of *One Year On* repeats the same three headings under each of its 58 recommendations ("Lord
Laming's Recommendation March 2009", "Government's Response May 2009", "Progress update March 2010"). Listed
in the table of contents they made 174 identical entries, drawn twice (Material puts the contents in the
side bar and again in the phone's menu): about 1,300 of the page's 3,150 elements, and 232 headings whose
positions Material's contents tracking measures on load and on every resize (Lighthouse's Total Blocking
Time on a phone, issue 15). The headings keep their ids and permalinks; only the contents stops listing them.
"""

from __future__ import annotations

from collections.abc import MutableSequence
from typing import Any, Protocol

KEY = "toc_depth"


class TocEntry(Protocol):
    """What MkDocs's ``AnchorLink`` has that this needs (a Protocol: only plugin.py imports MkDocs)."""

    level: int
    children: MutableSequence[Any]


def toc_depth(meta: dict) -> int | None:
    """The deepest heading level a page's front matter lets its contents list, or None for every level.

    Raises ValueError, with what would be right, when the value is not a heading level.
    """
    depth = meta.get(KEY)
    if depth is None:
        return None
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 6:
        raise ValueError(f"{KEY}: {depth!r} is not a heading level: write a number from 1 to 6 "
                         "(2 lists the page's ## headings and stops there)")
    return depth


def limit_toc(entries: MutableSequence[TocEntry], depth: int) -> None:
    """Drop from ``entries`` (a page's ``toc.items``; in place, at every level) the headings deeper than ``depth``."""
    entries[:] = [entry for entry in entries if entry.level <= depth]
    for entry in entries:
        limit_toc(entry.children, depth)
