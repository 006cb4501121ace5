"""Where a page outside the navigation belongs in it: the section whose index lists it.

Recommendation and organisation pages are generated and kept out of the navigation (58 and 27 entries would
bury it), so MkDocs gives them no place in it: nothing was highlighted and they had no breadcrumb. Their
place is the nearest folder above them whose index page is in the navigation.
"""

from __future__ import annotations

from collections.abc import Collection


def section_index(src_uri: str, in_nav: Collection[str]) -> str | None:
    """The index page (path under docs/) of the nearest folder above ``src_uri`` that is in the navigation."""
    folders = src_uri.split("/")[:-1]
    while folders:
        candidate = "/".join(folders) + "/index.md"
        if candidate != src_uri and candidate in in_nav:
            return candidate
        folders.pop()
    return None
