"""The protected-span finder, rewritten for speed, masks exactly what its obvious form masks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import YAML_RE
from project_paths import ROOT
from safeguarding_site.text.protected_spans import MASK, masked, merge_spans, protected_spans

# The patterns as first written (one regex each, every one tried on every page): the specification.
_OBVIOUS = tuple(re.compile(p, flags) for p, flags in (
    (YAML_RE.pattern, re.DOTALL),  # front matter, as MkDocs takes it off
    (r"^([ \t]*)(`{3,}|~{3,}).*?(?:^\1\2[ \t]*$|\Z)", re.DOTALL | re.MULTILINE),
    (r"(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.DOTALL),
    (r"<!--.*?-->", re.DOTALL),
    (r"<(a|code|pre|script|style|kbd)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE),
    (r"</?[A-Za-z][^<>\n]*>", 0),
    (r"^[ \t]{0,3}#{1,6}(?:[ \t].*)?$", re.MULTILINE),
    (r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t].*$", re.MULTILINE),
    (r"^[ \t]*\*\[[^\]\n]+\]:.*$", re.MULTILINE),
    (r"^[ \t]{0,3}\[[^\]\n^]+\]:[ \t]*\S.*$", re.MULTILINE),
    # A link's text may wrap onto the next line of its paragraph, never across a blank line.
    (r"!?\[(?:[^\[\]\n]|\n(?![ \t]*\n)|\[(?:[^\[\]\n]|\n(?![ \t]*\n))*\])*\]"
     r"(?:\((?:[^()\s]|\([^()\s]*\))*(?:[ \t]+\"[^\"\n]*\")?\)|\[[^\]\n]*\])", 0),
    (r"\[\^[^\]\n]+\]:?", 0),
    (r"\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}", 0),
    (r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+", re.IGNORECASE),
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0),
))


def obvious_spans(markdown: str) -> list[tuple[int, int]]:
    return merge_spans((m.start(), m.end()) for pattern in _OBVIOUS for m in pattern.finditer(markdown))


def obvious_masked(markdown: str) -> str:
    chars = list(markdown)
    for start, end in obvious_spans(markdown):
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = MASK
    return "".join(chars)


# Pieces that start, end or break the protected spans, so random pages exercise every pattern's edges.
PIECES = ["\n", "\n\n", " ", "\t", "    ", "x", "Word", "é", "_", "1", ".", ",", "-", "+", ":", "/", "\"", "!",
          "?", "#", "## ", "###### ", "#######", "`", "``", "```", "~~~", "---\n", "...", "[", "]", "(", ")",
          "[^1]", "]:", "![", "](", "][", "*[", "{", "}", "{ #id }", "{: .c }", "{x=1}", "<", ">", "<a href=x>",
          "</a>", "<CODE>", "</code >", "<!--", "-->", "<br/>", "@", "a@b.c", "x.y", "http://", "HTTPS://",
          "httpſ://", "ftp://", "FtP://", "www.", "WWW.", "wWw.", "!!! note", "??? ", "???+ ", "<http://a.b>",
          "[link](a.md)", "[a [b] c](u (v) \"t\")", "[ref]: http://x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_masks_exactly_what_the_obvious_patterns_mask(markdown: str) -> None:
    assert protected_spans(markdown) == obvious_spans(markdown)
    assert masked(markdown) == obvious_masked(markdown)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab hHtTpPsSſfFwW:/.@`#[]()!{}<>\n\t-_é"), max_size=60))
def test_masks_random_text_like_the_obvious_patterns(markdown: str) -> None:
    assert masked(markdown) == obvious_masked(markdown)


@pytest.mark.real_content
def test_masks_every_page_of_the_site_like_the_obvious_patterns() -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))]
    assert len(pages) > 20
    for page in pages:
        assert masked(page) == obvious_masked(page)


def test_masking_keeps_newlines_and_offsets() -> None:
    text = "See [a link](x.md) and ```a\nb``` here."
    view = masked(text)
    assert view == "See " + MASK * 14 + " and " + MASK * 4 + "\n" + MASK * 4 + " here."


def test_link_text_wrapped_onto_the_next_line_is_masked_but_not_across_a_blank_line() -> None:
    # The autolinker's own output on a hard-wrapped page: "[recommendation\n42](...)" must not be seen again.
    link, image = "[recommendation\n42](../recommendations/42.md)", "![an\n  image [of it]\nhere](i.png)"
    blank = "".join(c if c == "\n" else MASK for c in link), "".join(c if c == "\n" else MASK for c in image)
    assert masked(f"as {link} says, and {image}") == f"as {blank[0]} says, and {blank[1]}"
    paragraphs = "[Recommendation\n\n2](x.md) and [a\n \t\nb](y.md)"
    assert masked(paragraphs) == paragraphs
