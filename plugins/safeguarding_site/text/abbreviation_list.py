"""A printed page's abbreviations, listed at its end: on paper nothing can be hovered or tapped.

The expansions are the ones the page already carries in its ``<abbr title>`` elements (from the glossary,
quoted from the sources), so the list adds no words of its own beyond its heading. It is hidden on screen
(docs/stylesheets/print.css shows it) and kept out of the search index.
"""

from __future__ import annotations

import html
import re

_ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def abbreviation_list(page_html: str) -> str:
    """``page_html`` with a list of the abbreviations it uses appended, or unchanged when it uses none."""
    found: dict[str, str] = {}
    for title, text in _ABBR.findall(page_html):
        found.setdefault(html.unescape(_TAG.sub("", text)).strip(), html.unescape(title))
    if not found:
        return page_html
    rows = "".join(f"<dt>{html.escape(short)}</dt><dd>{html.escape(expansion)}</dd>"
                   for short, expansion in sorted(found.items(), key=lambda item: item[0].casefold()))
    return (f'{page_html}\n<aside class="abbreviation-list" data-search-exclude>'
            f'<p class="abbreviation-list__title">Abbreviations on this page</p><dl>{rows}</dl></aside>\n')
