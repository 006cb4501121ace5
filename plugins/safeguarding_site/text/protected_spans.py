"""The parts of a Markdown page the autolinker must never rewrite, blanked out so patterns cannot see them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .front_matter import FRONT_MATTER

MASK = "\x00"


@dataclass(frozen=True)
class _Protected:
    """A pattern, and a cheap test that is False only when the pattern cannot match the text."""

    regex: re.Pattern[str]
    may_match: Callable[[str], bool]
    # The pattern is written without its leading "^" (multi-line): it matches within one line, so "\n"
    # before it finds the same lines far faster than trying "^" at every position.
    line_start: bool = False

    def spans(self, markdown: str) -> list[tuple[int, int]]:
        if not self.may_match(markdown):
            return []
        if not self.line_start:
            return [m.span() for m in self.regex.finditer(markdown)]
        first = self.regex.match(markdown)
        found = [first.span()] if first else []
        return found + [m.span(1) for m in _after_newline(self.regex).finditer(markdown)]


_AFTER_NEWLINE: dict[re.Pattern[str], re.Pattern[str]] = {}


def _after_newline(regex: re.Pattern[str]) -> re.Pattern[str]:
    if regex not in _AFTER_NEWLINE:
        _AFTER_NEWLINE[regex] = re.compile(rf"\n({regex.pattern})", regex.flags)
    return _AFTER_NEWLINE[regex]


def _containing(*needles: str) -> Callable[[str], bool]:
    return lambda text: any(needle in text for needle in needles)


def _bare_url(text: str) -> bool:
    # Case-insensitive "www." (only ASCII W and w match "w" ignoring case); every scheme is followed by "://".
    return "://" in text or "www." in text.lower()


# Link text without brackets: any line of it, then further lines of the same paragraph (no blank line).
_LINK_TEXT = r"[^\[\]\n]*(?:\n(?![ \t]*\n)[^\[\]\n]*)*"

# Each pattern finds a span whose text is markup or belongs to someone else (a URL, a link, a label).
# Order does not matter: every span found is blanked. Where a pattern is written unlike the obvious form
# (a character class first, a look-behind), it is so that the regex engine can skip ahead to the characters
# a match can start with; tests/text/test_protected_spans.py checks it against the obvious form.
_PROTECTED = (
    _Protected(FRONT_MATTER, lambda text: text.startswith("---")),  # front matter
    _Protected(re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?(?:^\1\2[ \t]*$|\Z)", re.DOTALL | re.MULTILINE),
               _containing("```", "~~~")),  # fenced code
    _Protected(re.compile(r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL),
               _containing("`")),  # code span, within one paragraph
    _Protected(re.compile(r"<!--.*?-->", re.DOTALL), _containing("<!--")),  # HTML comment
    _Protected(re.compile(r"<(a|code|pre|script|style|kbd)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE),
               _containing("<")),  # raw element and text
    _Protected(re.compile(r"</?[A-Za-z][^<>\n]*>"), _containing("<")),  # raw tag, and autolinks <http://...>
    _Protected(re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t].*)?$", re.MULTILINE),
               _containing("#"), line_start=True),  # heading line, with its { #id }
    _Protected(re.compile(r"[ \t]*(?:!!!|\?\?\?\+?)[ \t].*$", re.MULTILINE),
               _containing("!!!", "???"), line_start=True),  # admonition or details title line
    _Protected(re.compile(r"[ \t]*\*\[[^\]\n]+\]:.*$", re.MULTILINE),
               _containing("*["), line_start=True),  # abbreviation definition
    _Protected(re.compile(r"[ \t]{0,3}\[[^\]\n^]+\]:[ \t]*\S.*$", re.MULTILINE),
               _containing("]:"), line_start=True),  # link reference definition
    # Inline link or image, with one level of nested brackets in its text, and any { attr list }. Its text
    # may wrap onto further lines of its paragraph, as a hard-wrapped page's (or the autolinker's own
    # "[recommendation\n42](...)") does, but not across a blank line.
    # Written "[^x]*(?:y[^x]*)*" rather than "(?:[^x]|y)*": the same strings, without a branch per character.
    _Protected(re.compile(rf"(?:!\[|\[){_LINK_TEXT}(?:\[{_LINK_TEXT}\]{_LINK_TEXT})*\]"
                          r"(?:\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\]\n]*\])"),
               _containing("](", "][")),
    _Protected(re.compile(r"\[\^[^\]\n]+\]:?"), _containing("[^")),  # footnote marker or definition label
    _Protected(re.compile(r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}"), _containing("{")),  # attr list
    # Bare URL: "\b(?:https?://|ftp://|www\.)" ignoring case, where "ſ" also matches "s".
    _Protected(re.compile(r"[HhFfWw](?<!\w.)(?:[Tt][Tt][Pp][Ssſ]?://|[Tt][Pp]://|[Ww][Ww]\.)[^\s<>()\[\]]+"),
               _bare_url),
    _Protected(re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), _containing("@")),  # e-mail address
)


def protected_spans(markdown: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of ``markdown`` that no reference may start in, end in or cross."""
    return merge_spans(span for protected in _PROTECTED for span in protected.spans(markdown))


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, with overlapping or touching ones joined and empty ones dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def masked(markdown: str) -> str:
    """``markdown`` with every protected character (except newlines) replaced by MASK, offsets unchanged."""
    parts: list[str] = []
    position = 0
    for start, end in protected_spans(markdown):
        parts.append(markdown[position:start])
        parts.append("\n".join(MASK * len(line) for line in markdown[start:end].split("\n")))
        position = end
    parts.append(markdown[position:])
    return "".join(parts)
