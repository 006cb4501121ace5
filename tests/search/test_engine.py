"""The Python port of Material's tokenizer: separator and text extraction behave as Material's do."""

from __future__ import annotations

import re

from safeguarding_site.search.engine import compile_separator, split, tokenize
from safeguarding_site.search.index_extras import SEPARATOR

OURS = compile_separator(SEPARATOR)
MATERIAL_DEFAULT = compile_separator(r"[\s\-]+")


def words(text: str, separator=OURS) -> list[str]:
    return [text[a:b] for a, b in split(text, separator)]


def test_separator_splits_punctuation_and_keeps_what_must_stay_whole():
    text = "Lord Laming’s report (LSCBs). ‘Do it now’, children; A&amp;E e.g. 1.1 and/or parents’ 2009.)"
    assert words(text) == ["Lord", "Laming", "report", "LSCBs", "Do", "it", "now", "children", "A&amp;E",
                           "e.g", "1.1", "and", "or", "parents", "2009"]


def test_material_default_separator_is_what_made_punctuation_stick():
    assert words("(LSCBs). and, 12:", MATERIAL_DEFAULT) == ["(LSCBs).", "and,", "12:"]


def test_split_handles_zero_length_matches_like_javascript():
    assert words("abc", re.compile("(?=b)")) == ["a", "bc"]


def test_tokenize_reads_only_text_between_tags():
    assert tokenize('<p>Staff in <a href="x.html">A&amp;E</a> departments</p>', OURS) == [
        "staff", "in", "a&amp;e", "departments"]
