"""Reading a Markdown page's links, anchors and front matter from its source, without rendering it.

Rendering the whole site takes seconds; ``build.py check`` must answer in well under one, so it reads the
Markdown with patterns that follow what Python-Markdown (with attr_list, toc, footnotes, md_in_html) makes
of it. tests/text/test_markdown_scan.py compares the anchors found here with the ids in the built HTML.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
from dataclasses import dataclass

from .front_matter import front_matter
from .headings import HEADING, heading_text, slugify, unique_id

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")

# An inline link or image: [text](target "title"); the text may hold one level of [brackets].
_INLINE_LINK = re.compile(
    r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_REFERENCE_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
_ATTR_TOKEN = re.compile(r"""#[\w:.-]+|\.[\w-]+|[\w:-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+)""")
_HTML_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_HTML_ID = re.compile(r"""(?:^|\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^([^\]\n]+)\]:", re.MULTILINE)
_FOOTNOTE_MARKER = re.compile(r"\[\^([^\]\n]+)\](?!:)")


@dataclass(frozen=True)
class Link:
    target: str
    line: int


@dataclass(frozen=True)
class Anchor:
    id: str
    line: int
    explicit: bool  # written by the editor ({ #id }, id="...") rather than made by toc or footnotes


@functools.lru_cache(maxsize=16)
def _line_starts(text: str) -> list[int]:
    # One text is asked for its links, its anchors and its markup in turn: count its lines once.
    return [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n"))]


class Lines:
    """Line numbers of offsets in one text, found by bisection rather than by counting from the start."""

    def __init__(self, text: str) -> None:
        self._starts = _line_starts(text)

    def at(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        parts += [text[last:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        last = max(last, end)
    return "".join(parts) + text[last:]


def without_code(text: str) -> str:
    """``text`` with front matter, fenced code, code spans and HTML comments blanked; offsets unchanged.

    What is written as code is shown, never interpreted, so it may quote a link or a tag.
    """
    lines = text.split("\n")
    _, front_lines = front_matter(text)
    fence: tuple[str, int] | None = None
    for i, line in enumerate(lines):
        if i < front_lines:
            lines[i] = " " * len(line)
            continue
        match = _FENCE.match(line)
        if fence is None and match:
            fence = (match.group(2)[0], len(match.group(2)))
            lines[i] = " " * len(line)
        elif fence is not None:
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= fence[1] \
                    and not line[match.end():].strip():
                fence = None
            lines[i] = " " * len(line)
    text = "\n".join(lines)
    if "<!--" in text:
        text = _blank(text, [m.span() for m in _COMMENT.finditer(text)])
    if "`" in text:
        text = _blank(text, [m.span() for m in _CODE_SPAN.finditer(text)])
    return text


def links(text: str) -> list[Link]:
    """Every Markdown link and image target in ``text`` (already passed through ``without_code``)."""
    line = Lines(text).at
    found = [Link(m.group(1).strip("<>"), line(m.start(1))) for m in _INLINE_LINK.finditer(text)]
    found += [Link(m.group(1).strip("<>"), line(m.start(1))) for m in _REFERENCE_DEFINITION.finditer(text)]
    return sorted(found, key=lambda link: link.line)


def attr_list_tokens(text: str):
    """(offset, tokens) of each ``{ #id .class key=value }`` attribute list in ``text``."""
    for match in _ATTR_LIST.finditer(text):
        body = match.group(1)
        tokens = _ATTR_TOKEN.findall(body)
        # Only a list made entirely of attributes is one: "{ see below }" in prose is just text.
        if tokens and not _ATTR_TOKEN.sub("", body).strip():
            yield match.start(), tokens


def html_tags(text: str):
    """(offset, tag name, attribute text) of each raw HTML start tag in ``text``."""
    for match in _HTML_TAG.finditer(text):
        yield match.start(), match.group(1).lower(), match.group(2)


def anchors(text: str, original: str | None = None) -> list[Anchor]:
    """Every id a link into this page may name, in page order.

    ``text`` is the page passed through ``without_code``; ``original`` is the page as written, whose headings
    are read in full, since a heading's id includes the words of any code in it. Code indented rather than
    fenced is not recognised, so an id shown in it counts as real: a missed broken link, never a false alarm.
    """
    line = Lines(text).at
    found: list[Anchor] = []
    for offset, tokens in attr_list_tokens(text):
        found += [Anchor(t[1:], line(offset), True) for t in tokens if t.startswith("#")]
    for offset, tag, attributes in html_tags(text):
        for match in _HTML_ID.finditer(attributes):
            if match.group(1).lower() == "name" and tag != "a":
                continue  # only <a name> is a link target; a form field's name is not
            value = next(group for group in match.groups()[1:] if group is not None)
            found.append(Anchor(html.unescape(value), line(offset), True))
    used = {anchor.id for anchor in found}
    for match in HEADING.finditer(text):
        raw = match.group(2) if original is None else original[match.start(2): match.end(2)]
        if any(t.startswith("#") for _, tokens in attr_list_tokens(raw) for t in tokens) or not raw.strip("# "):
            continue  # an explicit { #id }, already found; or a line of hashes that is no heading
        slug = unique_id(slugify(heading_text(raw)), used)
        found.append(Anchor(slug, line(match.start()), False))
    for match in _FOOTNOTE_DEFINITION.finditer(text):
        found.append(Anchor(f"fn:{match.group(1)}", line(match.start()), False))
    markers: dict[str, int] = {}
    for match in _FOOTNOTE_MARKER.finditer(text):
        label = match.group(1)
        markers[label] = markers.get(label, 0) + 1
        prefix = "fnref" if markers[label] == 1 else f"fnref{markers[label]}"
        found.append(Anchor(f"{prefix}:{label}", line(match.start()), False))
    return sorted(found, key=lambda anchor: anchor.line)
