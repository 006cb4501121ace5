"""pages/toc_depth.py: a page's front matter limits how deep its table of contents goes."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from safeguarding_site.pages.toc_depth import limit_toc, toc_depth


@dataclass
class Entry:
    title: str
    level: int
    children: list[Entry] = field(default_factory=list)


def titles(entries: list[Entry]) -> list:
    return [(e.title, titles(e.children)) if e.children else e.title for e in entries]


def test_headings_below_the_depth_leave_the_contents_at_every_level() -> None:
    toc = [Entry("Annex A", 1, [
        Entry("Recommendation 1", 2, [Entry("Lord Laming's Recommendation", 3, [Entry("Detail", 4)])]),
        Entry("Recommendation 2", 2, [Entry("Government's Response", 3)]),
    ])]
    limit_toc(toc, 2)
    assert titles(toc) == [("Annex A", ["Recommendation 1", "Recommendation 2"])]


def test_depth_3_keeps_the_third_level() -> None:
    toc = [Entry("Recommendation 1", 2, [Entry("Response", 3, [Entry("Detail", 4)])])]
    limit_toc(toc, 3)
    assert titles(toc) == [("Recommendation 1", ["Response"])]


def test_no_key_means_every_level() -> None:
    assert toc_depth({"title": "Glossary"}) is None
    assert toc_depth({"toc_depth": 2}) == 2


@pytest.mark.parametrize("value", ["two", 0, 7, True, 2.5])
def test_a_value_that_is_not_a_heading_level_says_what_would_be_right(value: object) -> None:
    with pytest.raises(ValueError, match=r"^toc_depth: .* is not a heading level: write a number from 1 to 6"):
        toc_depth({"toc_depth": value})
