"""Links to other sites, marked so that everyone can tell they leave this one."""

from __future__ import annotations

import re

from .markdown_escape import escape

CSS_CLASS = "external-link"
HIDDEN_CLASS = "visually-hidden"
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def external_link(text: str, url: str) -> str:
    """A Markdown link to ``url`` whose text is ``text`` (plain, escaped here).

    The class draws an arrow after it; the hidden words "(external link)" tell screen-reader users
    what the arrow tells everyone else.
    """
    return (f"[{escape(text)} *(external link)*{{ .{HIDDEN_CLASS} }}](<{url}>){{ .{CSS_CLASS} }}")


def printed_address(url: str) -> str:
    """The address as the documents print it: without ``http://``."""
    return _SCHEME.sub("", url)
