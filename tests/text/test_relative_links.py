"""Relative links between pages: the cached path arithmetic gives what posixpath.relpath gives."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st
from safeguarding_site.text.relative_links import relative

PAGE = st.lists(st.sampled_from(["a", "b", "index", "recommendations", "x-y"]), min_size=1, max_size=4).map(
    lambda parts: "/".join(parts) + ".md")


@given(PAGE, PAGE, st.sampled_from(["", "para-3", "rec-5-response"]))
def test_relative_is_relpath_from_the_pages_folder(from_page: str, to_page: str, anchor: str) -> None:
    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert relative(from_page, to_page, anchor) == (f"{expected}#{anchor}" if anchor else expected)
    assert relative(from_page, to_page, anchor) == relative(from_page, to_page, anchor)  # from the cache


def test_relative_examples() -> None:
    assert relative("recommendations/5.md", "recommendations/6.md") == "6.md"
    assert relative("index.md", "working-together/chapter-3.md", "para-1") == "working-together/chapter-3.md#para-1"
    assert relative("one-year-on/annex-a.md", "recommendations/index.md") == "../recommendations/index.md"
