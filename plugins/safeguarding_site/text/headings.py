"""A heading's text and id as Python-Markdown's toc makes them, read from the Markdown without rendering it.

The one place that knows: page blocks, "referred to in" labels and ``build.py check``'s anchors all use it,
so a heading's id agrees everywhere with the id in the built page (tests/text/test_markdown_scan.py compares them).
"""

from __future__ import annotations

import html
import re

from markdown.extensions import toc

# mkdocs.yml's toc sets no ``slugify``, so the site's ids are Python-Markdown's default slugify with "-".
SEPARATOR = "-"

# A heading line: the hashes and the heading's Markdown. Any indentation: a heading inside an admonition or
# a list is indented, and toc gives it an id all the same.
HEADING = re.compile(r"^[ \t]*(#{1,6})[ \t]+(.*?)[ \t]*$", re.MULTILINE)

_TRAILING_ATTR_LIST = re.compile(r"[ \t]*\{:?[^{}\n]*\}[ \t]*$")
_TRAILING_HASHES = re.compile(r"[ \t]+#+$")
_IMAGE_OR_LINK_TEXT = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*\)")
_FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\n]+)\](?!:)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_TAG = re.compile(r"<[^<>]*>")


def heading_text(raw: str) -> str:
    """The words a rendered heading shows: no { attr list }, link targets, images, footnote markers, emphasis
    markers, code backticks or tags; escapes and entities resolved, white space folded.

    toc names the heading from these words (footnote references removed, as Python-Markdown 3.11 does).
    """
    text = _TRAILING_HASHES.sub("", _TRAILING_ATTR_LIST.sub("", raw))
    text = _IMAGE_OR_LINK_TEXT.sub(lambda m: "" if m.group(1) else m.group(2), text)
    text = _FOOTNOTE_MARKER.sub("", text)
    for _ in range(2):  # ***bold italic***
        text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPED.sub(r"\1", text.replace("`", ""))
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def slugify(value: str) -> str:
    """The id toc gives a heading with these words: Python-Markdown's own slugify, as the site renders with it."""
    return toc.slugify(value, SEPARATOR)


def unique_id(candidate: str, used: set[str]) -> str:
    """toc's rule for an id already taken ("_1", "_2", ... appended); the id returned is added to ``used``."""
    return toc.unique(candidate, used)
