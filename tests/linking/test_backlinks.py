""""Where is this discussed?": on a small crafted site, each recommendation and chapter lists exactly its places."""

from __future__ import annotations

import re

import markdown
import pytest
from safeguarding_site.linking import backlinks as backlinks_module
from safeguarding_site.linking.backlinks import (
    Backlinks,
    Place,
    build_backlinks,
    chapter_section,
    recommendation_section,
)
from safeguarding_site.linking.targets import LinkTargets
from site_markdown import EXTENSIONS
from small_site_targets import REC_11_QUOTE, small_site_targets

PAGES = {
    "index.md": "# Home\n\nSee Rec 2 and Chapter 8 of *Working Together*.\n",
    "one-year-on/chapter-2.md": """---
document: one-year-on
---

# 2. Progress

## Working Together to Safeguard Children { #working-together-to-safeguard-children }

[24](#para-24) Chapter 8 of *Working Together*, on Serious Case Reviews (SCRs), was revised in 2009.[^6]
{ #para-24 .numbered }

[26](#para-26){ .para-num title="Link to paragraph 26" } Progress includes:
{ #para-26 .numbered }

- the NSDU (see Rec 2); and
    - Chapters 4 and 5 of *Working Together*.

## Supporting the Frontline

Recommendations 13–15 are about health, and so is Rec 14 (see [Rec 15](../recommendations/15.md)).

[^6]: Chapter 8 of *Working Together* was revised in December 2009.
""",
    "one-year-on/annex-c.md": """---
document: one-year-on
---

# Annex C: Government Office (GO) Children and Learner Teams

[1](#item-1){ .para-num title="Link to item 1" } Support for Recommendation 3.
{ #item-1 .numbered }
""",
    "one-year-on/annex-a.md": "---\ndocument: one-year-on\n---\n\n# Annex A\n\n## Recommendation 1 { #rec-1 }\n\n"
                              "(see Rec 2)\n",
    "chief-adviser/chapter-4.md": """---
document: chief-adviser
---

# My views and comments

## Serious Case Reviews

> “We have got to learn from Chapter 8 of Working Together to Safeguarding Children.”

[61](#para-61) The statutory guidance on SCRs, chapter 8 of Working Together, was revised in December 2009.
{ #para-61 .numbered }
""",
    "correspondence/2010-03-17-letter-to-local-authorities.md": """---
document: letter-2010-03-17
---

# Letter

[2](#item-2){ .para-num title="Link to item 2" } Recommendation 3 is met.
{ #item-2 .numbered }
""",
    "recommendations/1.md": f"""---
title: 'Recommendation 1'
recommendation: 1
---

# Recommendation 1

[Recommendation 2 →](2.md)
{{ .rec-nav }}

## Lord Laming's recommendation (March 2009) {{ #rec-1-recommendation }}

The Prime Minister should ensure that the Secretaries of State work together.

## The Government's response (May 2009) {{ #rec-1-response }}

A new National Safeguarding Delivery Unit (see Rec 2).

## Progress update (March 2010) {{ #rec-1-progress }}

{REC_11_QUOTE}

## Implemented in *Working Together* {{ #rec-1-implemented-in }}

- [Chapter 5: Working with children](../working-together/chapter-5.md)

    > “The revised Chapter 5 of *Working Together to Safeguard Children* reiterates the importance.”

### What the text names {{ #rec-1-mentions }}

- *Working Together* as a whole

    > “A National Safeguarding Delivery Unit (NSDU, see recommendation 2) and revisions to *Working Together*.”
""",
    "recommendations/2.md": """---
recommendation: 2
---

# Recommendation 2

## The Government's response (May 2009) { #rec-2-response }

This is Recommendation 2 itself; see also Recommendation 3.
""",
    "working-together/chapter-8.md": "---\nchapter: 8\n---\n\n# Chapter 8\n\n"
                                     "Chapter 8 of *Working Together*; see Rec 2.\n",
}

OYO2 = "one-year-on/chapter-2.md"
CA4 = "chief-adviser/chapter-4.md"
LETTER = "correspondence/2010-03-17-letter-to-local-authorities.md"
RESPONSE = "the Government's response (May 2009)"
PROGRESS = "the progress update (March 2010)"
FRONTLINE = Place(OYO2, "supporting-the-frontline", "One Year On, Supporting the Frontline", ("Recommendations 13–15",))

EXPECTED_RECOMMENDATIONS = {
    2: (Place(OYO2, "para-26", "One Year On, paragraph 26", ("Rec 2",)),
        Place("recommendations/1.md", "rec-1-response", f"Recommendation 1, {RESPONSE}", ("Rec 2",))),
    3: (Place("one-year-on/annex-c.md", "item-1",
              "One Year On, Annex C: Government Office (GO) Children and Learner Teams, item 1", ("Recommendation 3",)),
        Place(LETTER, "item-2", "Letter to local authorities, 17 March 2010, item 2", ("Recommendation 3",)),
        Place("recommendations/2.md", "rec-2-response", f"Recommendation 2, {RESPONSE}", ("Recommendation 3",))),
    13: (FRONTLINE,),
    14: (Place(OYO2, "supporting-the-frontline", "One Year On, Supporting the Frontline",
               ("Recommendations 13–15", "Rec 14")),),
    15: (FRONTLINE,),  # the existing link "[Rec 15](...)" is not a second place
}
EXPECTED_CHAPTERS = {
    2: (Place("recommendations/1.md", "rec-1-progress", f"Recommendation 1, {PROGRESS}", ("Chapter 2",)),),
    4: (Place(OYO2, "para-26", "One Year On, paragraph 26", ("Chapters 4 and 5 of *Working Together*",)),
        Place("recommendations/1.md", "rec-1-progress", f"Recommendation 1, {PROGRESS}", ("Chapter 4",))),
    5: (Place(OYO2, "para-26", "One Year On, paragraph 26", ("Chapters 4 and 5 of *Working Together*",)),),
    8: (Place(OYO2, "para-24", "One Year On, paragraph 24", ("Chapter 8 of *Working Together*",)),
        Place(OYO2, "fn:6", "One Year On, footnote 6", ("Chapter 8 of *Working Together*",)),
        Place(CA4, "serious-case-reviews", "The Chief Adviser's first annual report, Serious Case Reviews",
              ("Chapter 8 of Working Together to Safeguarding Children",)),
        Place(CA4, "para-61", "The Chief Adviser's first annual report, paragraph 61",
              ("chapter 8 of Working Together",))),
}


def _targets(pages: dict[str, str]) -> LinkTargets:
    return small_site_targets(pages, [(4, REC_11_QUOTE), (2, REC_11_QUOTE)])


@pytest.fixture(scope="module")
def built() -> Backlinks:
    return build_backlinks(PAGES, _targets(PAGES))


def test_recommendation_places_are_exactly_right(built: Backlinks) -> None:
    assert dict(built.recommendations) == EXPECTED_RECOMMENDATIONS


def test_chapter_places_are_exactly_right(built: Backlinks) -> None:
    assert dict(built.chapters) == EXPECTED_CHAPTERS


def test_order_follows_the_documents_not_the_order_pages_arrive_in() -> None:
    reversed_pages = dict(reversed(PAGES.items()))
    assert build_backlinks(reversed_pages, _targets(reversed_pages)) == build_backlinks(PAGES, _targets(PAGES))


def test_every_anchor_exists_in_the_rendered_page(built: Backlinks) -> None:
    places = [p for group in (built.recommendations, built.chapters) for ps in group.values() for p in ps]
    for place in places:
        body = re.sub(r"\A---\n.*?\n---\n", "", PAGES[place.page], flags=re.DOTALL)
        ids = re.findall(r'id="([^"]+)"', markdown.markdown(body, extensions=EXTENSIONS))
        assert place.anchor in ids, (place.page, place.anchor)


def test_each_page_is_scanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    scanned: list[str] = []
    original = backlinks_module.find_references

    def counting(markdown_text: str, **kwargs):
        scanned.append(kwargs["page"])
        return original(markdown_text, **kwargs)

    monkeypatch.setattr(backlinks_module, "find_references", counting)
    build_backlinks(PAGES, _targets(PAGES))
    # Six pages count; the home page, the Working Together page and the repeating Annex A are not read.
    assert sorted(scanned) == sorted([OYO2, "one-year-on/annex-c.md", CA4, LETTER, "recommendations/1.md",
                                      "recommendations/2.md"])


def test_chapter_section_links_each_place_relative_to_the_chapter_page(built: Backlinks) -> None:
    assert chapter_section(built, 8, "working-together/chapter-8.md") == "\n".join([
        "## Referred to in { #referred-to-in }",
        "",
        "- [One Year On, paragraph 24](../one-year-on/chapter-2.md#para-24): “Chapter 8 of *Working Together*”",
        "- [One Year On, footnote 6](../one-year-on/chapter-2.md#fn:6): “Chapter 8 of *Working Together*”",
        "- [The Chief Adviser's first annual report, Serious Case Reviews](../chief-adviser/chapter-4.md"
        "#serious-case-reviews): “Chapter 8 of Working Together to Safeguarding Children”",
        "- [The Chief Adviser's first annual report, paragraph 61](../chief-adviser/chapter-4.md#para-61): "
        "“chapter 8 of Working Together”",
        "",
    ])


def test_recommendation_section_has_one_item_per_place(built: Backlinks) -> None:
    assert recommendation_section(built, 14, "recommendations/14.md") == "\n".join([
        "## Referred to in { #referred-to-in }",
        "",
        "- [One Year On, Supporting the Frontline](../one-year-on/chapter-2.md#supporting-the-frontline): "
        "“Recommendations 13–15”; “Rec 14”",
        "",
    ])


def test_a_section_with_no_places_says_so(built: Backlinks) -> None:
    section = recommendation_section(built, 58, "recommendations/58.md")
    assert section.startswith("## Referred to in { #referred-to-in }\n\n")
    assert "No passage in the documents on this site refers to this recommendation by number." in section
    assert "- [" not in section
    assert "refers to this chapter by number." in chapter_section(built, 12, "working-together/chapter-12.md")
