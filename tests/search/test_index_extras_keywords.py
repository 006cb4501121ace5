"""The abbreviation keywords, found with faster patterns, are exactly those the obvious patterns find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from safeguarding_site.search.index_extras import ABBREVIATIONS, Abbreviation, keywords_for


def obvious_keywords(text: str) -> str:
    """keywords_for as first written: a look-behind at the start of each pattern, tried everywhere."""
    found = []
    lowered = text.lower()
    for a in ABBREVIATIONS:
        short = re.compile(rf"(?<![A-Za-z]){re.escape(a.short)}s?(?![A-Za-z])")
        words = re.split(r"[\s,\-–]+", a.expansion)
        body = r"[\s,\-–]+".join(re.escape(word) for word in words)
        expansion = re.compile(rf"(?<![A-Za-z]){body}s?(?![A-Za-z])", re.IGNORECASE)
        if (a.short in text and short.search(text)) or (words[0].lower() in lowered and expansion.search(text)):
            found.append(a)
    return " ".join(f"{a.short} {a.expansion}" for a in found)


PIECES = [a.short for a in ABBREVIATIONS] + [a.expansion for a in ABBREVIATIONS] + [
    a.expansion.upper() for a in ABBREVIATIONS[:10]] + [
    " ", "s", "x", "X", "-", ",", "–", "\n", "(", ")", "&", "'", "’", "ſ", "\u212a", "\u0130", "é", "Multi Agency",
    "Children Schools", "LSCBs", "xLSCB", "A&Es", "local safeguarding", "children", "Board"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_keywords_are_those_of_the_obvious_patterns(text: str) -> None:
    assert keywords_for(text) == obvious_keywords(text)


def test_expansion_pattern_looks_back_before_the_first_letter_only() -> None:
    board = Abbreviation("LSCB", "Local Safeguarding Children Board")
    assert board.expansion_pattern.search("the Local Safeguarding Children Boards")
    assert not board.expansion_pattern.search("theLocal Safeguarding Children Board")
    assert board.expansion_pattern.search("Local Safeguarding Children Board") is not None  # at the very start
    assert board.short_pattern.search("LSCB") and not board.short_pattern.search("xLSCB")
    assert not board.short_pattern.search("LSCBx")
