"""A long page's sections drawn only when the reader scrolls near them (CSS ``content-visibility: auto``).

Annex A of *One Year On* is one page of 58 recommendations, each with its response and progress update.
A phone laid out all of it before the page could answer a tap (Lighthouse's Total Blocking Time, issue
15). With ``render_when_seen: true`` in its front matter, what follows each ``##`` heading is wrapped in a
``<div class="render-when-seen">``, which docs/stylesheets/site.css lets the browser skip while it is off
screen. Nothing is hidden: the text stays in the page, in the accessibility tree and in find-in-page;
headings stay outside the wrappers, so their permalinks and the contents' positions do not depend on it;
print lays out everything (the rule is for screens only).
"""

from __future__ import annotations

import re

KEY = "render_when_seen"
WRAPPER = "render-when-seen"
_H2 = re.compile(r"(?=<h2[\s>])")


def wrap_sections(page_html: str) -> str:
    """``page_html`` with what follows each ``<h2>`` (up to the next one, or the end) in a wrapper."""
    first, *sections = _H2.split(page_html)
    out = [first]
    for section in sections:
        end = section.index("</h2>") + len("</h2>")
        heading, body = section[:end], section[end:]
        out.append(f'{heading}\n<div class="{WRAPPER}">{body}</div>\n' if body.strip() else section)
    return "".join(out)
