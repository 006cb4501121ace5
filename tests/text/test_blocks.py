"""Cutting a page into blocks: each block gets the anchor and label a link to it needs."""

from __future__ import annotations

from safeguarding_site.text.blocks import comparable, page_anchors, page_blocks
from safeguarding_site.text.front_matter import document_key

PAGE = """---
title: 2. Progress
document: one-year-on
---

# 2. Progress

## National Leadership { #national-leadership }

[13](#para-13){ .para-num title="Link to paragraph 13" } Lord Laming rightly emphasised it.[^6]
{ #para-13 .numbered }

- a list that continues paragraph 13

### An unmarked heading

Text under the heading.

[^6]: First footnote.
[^7]: Second footnote, on the next line.
"""


def _blocks(first_page: bool = False):
    return [(b.anchor, b.label) for b in page_blocks("one-year-on/chapter-2.md", PAGE, "One Year On",
                                                     first_page=first_page)]


def test_each_block_gets_the_anchor_of_what_contains_it() -> None:
    assert _blocks() == [
        ("", "One Year On, 2. Progress"),
        ("national-leadership", "One Year On, National Leadership"),
        ("para-13", "One Year On, paragraph 13"),
        ("para-13", "One Year On, paragraph 13"),  # the list belongs to the paragraph before it
        ("an-unmarked-heading", "One Year On, An unmarked heading"),
        ("an-unmarked-heading", "One Year On, An unmarked heading"),
        ("fn:6", "One Year On, footnote 6"),
        ("fn:7", "One Year On, footnote 7"),  # consecutive definitions are separate blocks
    ]


def test_a_documents_first_page_leaves_its_own_title_out_of_labels() -> None:
    assert _blocks(first_page=True)[0] == ("", "One Year On")
    items = "# Letter\n\n[1](#item-1){ .para-num } Item text.\n{ #item-1 .numbered }\n"
    assert page_blocks("x.md", items, "Letter, 1 May", first_page=True)[-1].label == "Letter, 1 May, item 1"
    assert page_blocks("x.md", items, "Report")[-1].label == "Report, Letter, item 1"


def test_front_matter_document_key_and_anchors() -> None:
    assert document_key(PAGE) == "one-year-on"
    assert document_key("# No front matter\n") is None
    assert {"para-13", "national-leadership", "an-unmarked-heading", "fn:6", "fn:7"} <= page_anchors(PAGE)


def test_comparable_text_drops_markup_and_straightens_quotes() -> None:
    text = "### Children’s *Plan*[^1] – see [the plan](http://x.uk) { #id }"
    assert comparable(text) == "Children's Plan - see the plan"


def test_each_block_knows_where_it_starts_in_the_page() -> None:
    # "Referred to in" places a reference by these offsets (front matter included), so they must be exact.
    blocks = page_blocks("one-year-on/chapter-2.md", PAGE, "One Year On")
    assert blocks[0].start == PAGE.index("# 2. Progress")
    for block in blocks:
        assert PAGE[block.start:].startswith(block.text.split("\n")[0]), block
    assert [b.start for b in blocks] == sorted(b.start for b in blocks)
