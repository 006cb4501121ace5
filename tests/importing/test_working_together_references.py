"""References to Working Together's paragraphs ("paragraph 5.23", "paragraphs 3.1 to 3.3") link to them."""

from __future__ import annotations

from safeguarding_site.linking.autolink import autolink
from safeguarding_site.linking.targets import build_link_targets

CHAPTERS = {n: f"working-together/chapter-{n}.md" for n in range(1, 13)}
APPENDICES = {n: f"working-together/appendix-{n}.md" for n in range(1, 4)}


def _chapter(n: int, count: int) -> str:
    return "\n\n".join(f"[{n}.{m}](#para-{n}-{m}) Sample.\n{{ #para-{n}-{m} .numbered }}" for m in range(1, count + 1))


def targets():
    pages = {CHAPTERS[3]: _chapter(3, 4), CHAPTERS[5]: _chapter(5, 30)}
    return build_link_targets(documents={}, recommendations={}, chapters=CHAPTERS, overview="working-together/index.md",
                              evidence=[], pages=pages, appendices=APPENDICES,
                              wt_pages=["working-together/preface.md"])


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


def test_an_appendix_on_working_together_pages_links_to_its_page() -> None:
    assert link("as Appendix 2 sets out", CHAPTERS[5]) == "as [Appendix 2](appendix-2.md) sets out"
    assert link("see Appendix 3.", "working-together/preface.md") == "see [Appendix 3](appendix-3.md)."
    assert link("see Appendix 1", APPENDICES[2]) == "see [Appendix 1](appendix-1.md)"


def test_an_appendix_elsewhere_only_with_the_title() -> None:
    page = "one-year-on/chapter-2.md"
    assert link("as Appendix 2 sets out", page) == "as Appendix 2 sets out"  # that document's own appendix
    out = link("Appendix 2 of Working Together to Safeguard Children", page)
    assert out == "[Appendix 2 of Working Together to Safeguard Children](../working-together/appendix-2.md)"


def test_an_appendix_the_publication_does_not_have_or_of_another_document_stays_text() -> None:
    assert link("Appendix 9 and Appendix 2 of the Children Act guidance", CHAPTERS[5]) == \
        "Appendix 9 and Appendix 2 of the Children Act guidance"
