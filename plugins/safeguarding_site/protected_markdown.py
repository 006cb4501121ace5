"""The parts of a Markdown page the autolinker must never rewrite, blanked out so patterns cannot see them."""

from __future__ import annotations

import re

MASK = "\x00"

# Each pattern finds a span whose text is markup or belongs to someone else (a URL, a link, a label).
# Order does not matter: every span found is blanked.
_PROTECTED = tuple(re.compile(p, flags) for p, flags in (
    (r"\A---\n.*?\n(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE),  # front matter
    (r"^([ \t]*)(`{3,}|~{3,}).*?(?:^\1\2[ \t]*$|\Z)", re.DOTALL | re.MULTILINE),  # fenced code
    (r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL),  # code span, within one paragraph
    (r"<!--.*?-->", re.DOTALL),  # HTML comment
    (r"<(a|code|pre|script|style|kbd)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE),  # raw element and text
    (r"</?[A-Za-z][^<>\n]*>", 0),  # raw tag, and autolinks <http://...>
    (r"^[ \t]{0,3}#{1,6}(?:[ \t].*)?$", re.MULTILINE),  # heading line, with its { #id }
    (r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t].*$", re.MULTILINE),  # admonition or details title line
    (r"^[ \t]*\*\[[^\]\n]+\]:.*$", re.MULTILINE),  # abbreviation definition
    (r"^[ \t]{0,3}\[[^\]\n^]+\]:[ \t]*\S.*$", re.MULTILINE),  # link reference definition
    # Inline link or image, with one level of nested brackets in its text, and any { attr list }.
    (r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\](?:\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\]\n]*\])", 0),
    (r"\[\^[^\]\n]+\]:?", 0),  # footnote marker or definition label
    (r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}", 0),  # attr list
    (r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+", re.IGNORECASE),  # bare URL
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0),  # e-mail address
))


def protected_spans(markdown: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of ``markdown`` that no reference may start in, end in or cross."""
    spans = sorted((m.start(), m.end()) for pattern in _PROTECTED for m in pattern.finditer(markdown))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


def masked(markdown: str) -> str:
    """``markdown`` with every protected character (except newlines) replaced by MASK, offsets unchanged."""
    chars = list(markdown)
    for start, end in protected_spans(markdown):
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = MASK
    return "".join(chars)
