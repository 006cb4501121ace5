"""References to Working Together's paragraphs ("paragraph 5.23", "paragraphs 3.1 to 3.3") link to them."""

from __future__ import annotations

from safeguarding_site.linking.autolink import autolink
from safeguarding_site.linking.targets import build_link_targets

CHAPTERS = {n: f"working-together/chapter-{n}.md" for n in range(1, 13)}


def _chapter(n: int, count: int) -> str:
    return "\n\n".join(f"[{n}.{m}](#para-{n}-{m}) Sample.\n{{ #para-{n}-{m} .numbered }}" for m in range(1, count + 1))


def targets():
    pages = {CHAPTERS[3]: _chapter(3, 4), CHAPTERS[5]: _chapter(5, 30)}
    return build_link_targets(documents={}, recommendations={}, chapters=CHAPTERS, overview="working-together/index.md",
                              evidence=[], pages=pages)


def link(text: str, page: str) -> str:
    return autolink(text, page=page, document=None, targets=targets())


def test_imported_paragraphs_are_link_targets() -> None:
    found = targets().wt_paragraphs
    assert found["5.23"] == CHAPTERS[5] and found["3.4"] == CHAPTERS[3] and "5.31" not in found


def test_a_range_on_a_chapter_page_links_its_ends() -> None:
    out = link("Sample: see paragraphs 3.1 to 3.3 for more.", CHAPTERS[3])
    assert "(chapter-3.md#para-3-1)" in out and "(chapter-3.md#para-3-3)" in out


def test_a_single_paragraph_in_another_chapter() -> None:
    out = link("as paragraph 5.23 says", CHAPTERS[3])
    assert "[paragraph 5.23](chapter-5.md#para-5-23)" in out


def test_elsewhere_only_with_the_title() -> None:
    page = "one-year-on/chapter-2.md"
    assert "para-5-23" not in link("paragraph 5.23 of this report", page)
    out = link("paragraph 5.23 of Working Together to Safeguard Children", page)
    assert "](../working-together/chapter-5.md#para-5-23)" in out


def test_paragraphs_not_imported_and_decimals_stay_text() -> None:
    assert link("paragraph 5.99 and 3.5 per cent", CHAPTERS[5]) == "paragraph 5.99 and 3.5 per cent"


def test_a_bare_chapter_on_a_chapter_page_is_working_together() -> None:
    assert link("as Chapter 8 sets out", CHAPTERS[5]) == "as [Chapter 8](chapter-8.md) sets out"
    assert "](" not in link("as Chapter 8 sets out", "one-year-on/chapter-2.md")
