"""plain_text, with its shortcuts, gives what its obvious form gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from safeguarding_site.text.plain_text import plain_text


def obvious_plain_text(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    for _ in range(2):
        text = re.sub(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?m)^\s*(?:[-*+]|\d+\.)\s+", "", text)
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


PIECES = ["word", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "*", "**", "***", "_", "__", "[", "]", "(", ")", "](",
          "- ", "1. ", "+ ", "\\", "x", ".", "**bold *both***", "[a](b)"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_plain_text_is_its_obvious_form(markdown: str) -> None:
    assert plain_text(markdown) == obvious_plain_text(markdown)


def test_plain_text_examples() -> None:
    assert plain_text("- See *the* [report](x.md),\n  ***all** of it*.") == "See the report, all of it."
    assert plain_text("no markup at all\n") == "no markup at all"
