"""Tests for the importer of the Chief Adviser's first annual report (raw PDF text -> Markdown pages)."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from project_paths import ROOT
from safeguarding_site.base.errors import DataError
from safeguarding_site.importing.chief_adviser import convert
from safeguarding_site.importing.pages import ImportedPage
from site_markdown import EXTENSIONS

SOURCE_PATH = (
    ROOT / "sources" / "2010-03-chief-adviser-first-annual-report.txt"
)
SOURCE = SOURCE_PATH.read_text(encoding="utf-8")

PAGE_ORDER = [
    "index",
    "foreword",
    "executive-summary",
    "chapter-1",
    "chapter-2",
    "chapter-3",
    "chapter-4",
    "chapter-5",
    "annex-a",
    "annex-b",
]

H1 = {
    "index": "The Chief Adviser on the Safety of Children: First annual report to Parliament",
    "foreword": "Foreword",
    "executive-summary": "Executive summary",
    "chapter-1": "Safeguarding children: the changing context",
    "chapter-2": "\u2026 the last 12 months",
    "chapter-3": "Chapter 3",
    "chapter-4": "My views and comments",
    "chapter-5": "Chapter 5",
    "annex-a": "Annex A",
    "annex-b": "Annex B",
}

EDITORIAL_NOTE = {
    "chapter-2": "Heading restored by the editors",
    "chapter-3": "Heading supplied by the editors",
    "chapter-4": "Heading restored by the editors",
    "chapter-5": "Heading supplied by the editors",
    "annex-a": "Heading supplied by the editors",
    "annex-b": "Heading restored by the editors",
}

H2 = {
    "chapter-2": [
        "Progress in understanding workforce challenges and responding to them",
        "Promising improvement activity",
        "Progress in implementing the Laming action plan",
    ],
    "chapter-3": [
        "Funding needs to match a higher level of demand",
        "Policy needs to be better designed and directed",
        "Multi-agency working and communication still need more work",
        "Inspection and development processes",
    ],
    "chapter-4": [
        "Professionals \u2013 their commitment, support and public image",
        "Funding",
        "Serious Case Reviews",
        "Performance management",
        "Inspection and development",
        "Accountability",
        "Policy development",
        "The leadership role of central government",
    ],
}

PARA_RANGES = {
    "chapter-1": (1, 15),
    "chapter-2": (16, 29),
    "chapter-3": (30, 48),
    "chapter-4": (49, 77),
    "chapter-5": (78, 81),
}

# The footnote markers as NOTES.md lists them glued in the source, and how the text reads with the
# marker taken out. Written out here independently of the importer's own table.
GLUED = [
    (1, "31 March 20091)", "31 March 2009[^1])"),
    (2, "year2.", "year[^2]."),
    (3, "month3.", "month[^3]."),
    (4, "2008.4", "2008.[^4]"),
    (5, "2008\u201d5.", "2008\u201d[^5]."),
    (6, "all.\u201d6", "all.\u201d[^6]"),
    (7, "expenditure.7", "expenditure.[^7]"),
    (8, "another.\u201d8", "another.\u201d[^8]"),
    (9, "authorities.\u201d9", "authorities.\u201d[^9]"),
    (10, "alone.10", "alone.[^10]"),
    (11, "report 11 published", "report[^11] published"),
    (12, "2009.12", "2009.[^12]"),
    (13, "specifications.13\u201d", "specifications.[^13]\u201d"),
    (14, "SCRs14", "SCRs[^14]"),
    (15, "Government15", "Government[^15]"),
    (16, "(in place of parents).16", "(in place of parents).[^16]"),  # NOTES.md: "parentis’).16"
]


@pytest.fixture(scope="module")
def pages() -> dict[str, ImportedPage]:
    return {Path(page.path).stem: page for page in convert(SOURCE)}


def _render(page: ImportedPage) -> str:
    return markdown.markdown(page.body, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})


def test_pages_paths_titles_and_document(pages: dict[str, ImportedPage]) -> None:
    result = convert(SOURCE)
    assert [Path(page.path).stem for page in result] == PAGE_ORDER
    assert all(page.path == f"chief-adviser/{Path(page.path).stem}.md" for page in result)
    assert all(page.document == "chief-adviser" for page in result)
    assert pages["index"].title == "The Chief Adviser's first annual report"
    assert pages["chapter-4"].title == "My views and comments"


def test_each_page_has_exactly_one_h1_with_the_expected_heading(pages: dict[str, ImportedPage]) -> None:
    for slug, page in pages.items():
        h1s = re.findall(r"(?m)^# (.+)$", page.body)
        assert h1s == [H1[slug]], slug
        assert page.body.startswith(f"# {H1[slug]}\n")


def test_lost_headings_carry_the_editorial_note_and_others_do_not(pages: dict[str, ImportedPage]) -> None:
    for slug, page in pages.items():
        notes = re.findall(r'(?m)^!!! note "([^"]+)"$', page.body)
        assert notes == ([EDITORIAL_NOTE[slug]] if slug in EDITORIAL_NOTE else []), slug
    assert "running header on page 19" in pages["chapter-4"].body
    assert "found at Annex B" in pages["annex-b"].body


def test_subheadings_unsquashed_with_single_spaces(pages: dict[str, ImportedPage]) -> None:
    for slug, page in pages.items():
        assert re.findall(r"(?m)^## (.+)$", page.body) == H2.get(
            slug, ["Contents"] if slug == "index" else []
        )
    everything = "".join(page.body for page in pages.values())
    for squashed in ("Executivesummary", "Safeguardingchildren", "thelast12months", "Myviewsandcomments"):
        assert squashed not in everything


def test_paragraph_anchors_1_to_81_each_once_and_in_order(pages: dict[str, ImportedPage]) -> None:
    anchors = [
        int(n) for slug in PAGE_ORDER for n in re.findall(r"\{ #para-(\d+) \.numbered \}", pages[slug].body)
    ]
    assert anchors == list(range(1, 82))
    for slug, (first, last) in PARA_RANGES.items():
        body = pages[slug].body
        found = [int(n) for n in re.findall(r"(?m)^\[(\d+)\]\(#para-\1\)\{ \.para-num ", body)]
        assert found == list(range(first, last + 1)), slug
        for n in found:
            # The self-link opens the paragraph and the attr_list line closes that same paragraph.
            assert re.search(
                rf"(?m)^\[{n}\]\(#para-{n}\)\{{ [^}}]*\}} [^\n]+\n\{{ #para-{n} \.numbered \}}$", body
            )


def test_rendered_html_has_paragraph_ids(pages: dict[str, ImportedPage]) -> None:
    html = _render(pages["chapter-4"])
    assert '<p class="numbered" id="para-49"><a class="para-num" href="#para-49"' in html
    ids = [int(n) for slug in PAGE_ORDER for n in re.findall(r'id="para-(\d+)"', _render(pages[slug]))]
    assert ids == list(range(1, 82))
    assert "{ #para" not in "".join(_render(page) for page in pages.values())


def test_sixteen_footnotes_defined_on_the_page_of_their_marker(pages: dict[str, ImportedPage]) -> None:
    seen = []
    for slug in PAGE_ORDER:
        body = pages[slug].body
        definitions = [int(n) for n in re.findall(r"(?m)^\[\^(\d+)\]: \S", body)]
        markers = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)]
        assert sorted(set(markers)) == definitions, slug
        assert len(markers) == len(set(markers)), slug
        seen += markers
        html = _render(pages[slug])
        assert len(re.findall(r'<li id="fn:\d+">', html)) == len(definitions)
    assert sorted(seen) == list(range(1, 17))


@pytest.mark.parametrize(("number", "glued", "fixed"), GLUED)
def test_footnote_markers_are_unglued(
    pages: dict[str, ImportedPage], number: int, glued: str, fixed: str
) -> None:
    everything = "\n".join(page.body for page in pages.values())
    assert fixed in everything
    assert glued not in everything
    assert everything.count(f"[^{number}]") == 2  # the marker and its definition


def test_footnote_urls_rejoined_without_added_hyphens_or_spaces(pages: dict[str, ImportedPage]) -> None:
    assert (
        "<http://publications.everychildmatters.gov.uk/default.aspx?PageFunction=productdetails"
        "&PageMode=publications&ProductId=DCSF-01043-2009&>"
    ) in pages["chapter-2"].body
    assert (
        "(http://www.ofsted.gov.uk/Ofsted-home/News/Press-and-media/2010/March/"
        "New-inspection-framework-promoting-improvement-for-schools-and-children)"
    ) in pages["chapter-2"].body
    assert (
        "<https://ofstedgov.com/Ofsted-home/Publications-and-research/Browse-all-by/Documents-by-type/"
        "Thematic-reports/Learning-lessons-from-serious-case-reviews-year-2>"
    ) in pages["chapter-4"].body
    assert (
        "[www.dcsf.gov.uk/rsgateway/DB/SFR/s000873/index.shtml]"
        "(http://www.dcsf.gov.uk/rsgateway/DB/SFR/s000873/index.shtml)"
    ) in pages["chapter-1"].body


def test_no_tabs_or_replacement_characters_left(pages: dict[str, ImportedPage]) -> None:
    for page in pages.values():
        text = page.markdown()
        assert "\t" not in text
        assert "\ufffd" not in text
        assert "\u25cf" not in text
        assert not re.search(r"\S  +\S", text.replace("  \n", "\n")), page.path


def test_lost_spaces_restored_and_hyphenated_words_kept(pages: dict[str, ImportedPage]) -> None:
    assert "Task Force\u2019s Final Report showed" in pages["chapter-2"].body
    assert "Vetting and Barring Scheme, concerning in particular" in pages["annex-b"].body
    assert "a more co-ordinated approach" in pages["chapter-4"].body
    assert "quality and co-ordination of frontline work" in pages["chapter-4"].body
    assert "physical punishment in part-time education" in pages["annex-b"].body


def test_source_typos_kept_verbatim(pages: dict[str, ImportedPage]) -> None:
    everything = "\n".join(page.body for page in pages.values())
    assert everything.count("Working Together to Safeguarding Children") == 2
    for typo in (
        "series case reviews",
        "Moria Gibb",
        "LCSB/Children\u2019s Trust",
        "Productld=CM+7589",
        "ofstedgov.com",
    ):
        assert typo in everything


def test_bullets_are_list_items(pages: dict[str, ImportedPage]) -> None:
    items = {slug: re.findall(r"(?m)^- (.+)$", page.body) for slug, page in pages.items() if slug != "index"}
    assert len(items["executive-summary"]) == 7
    assert len(items["chapter-2"]) == 12
    assert len(items["chapter-4"]) == 8
    assert sum(len(found) for found in items.values()) == 27
    # The bullet at a page start (line 582) is an item of its own, not glued to the one before.
    assert any(
        item.startswith("A greater focus on safeguarding in the National Health Service")
        for item in items["chapter-2"]
    )
    html = _render(pages["chapter-2"])
    assert html.count("<li>") == 12


def test_epigraph_and_block_quotations(pages: dict[str, ImportedPage]) -> None:
    quotes = {slug: re.findall(r"(?m)^> (.+)$", page.body) for slug, page in pages.items()}
    assert len(quotes["chapter-1"]) == 2
    assert quotes["chapter-1"][0].startswith("\u201cIt would be unreasonable to expect")
    assert quotes["chapter-1"][1].startswith("\u201cAt present, however, social work")
    assert quotes["chapter-3"][0].startswith("\u201c\u2026agreed to act on the [Social Work] Task Force")
    assert quotes["chapter-4"] == [
        "\u201cWe have got to learn from these serious case reviews, but we don\u2019t seem to learn"
        " from them.\u201d \u2013 Professor Pat Cantrill"
    ]
    # The quotation in paragraph 11 crosses a page break and is joined into one quotation.
    assert quotes["chapter-1"][1].endswith(
        "frontline resources, training, leadership, public understanding and other factors are"
        " compounding one another.\u201d[^8]"
    )


def test_paragraph_split_by_a_page_start_is_joined(pages: dict[str, ImportedPage]) -> None:
    assert "I will not repeat them here, except to agree" in pages["chapter-1"].body
    assert "This is immensely encouraging" in pages["chapter-2"].body


def test_index_has_the_covering_letter_and_contents(pages: dict[str, ImportedPage]) -> None:
    body = pages["index"].body
    assert (
        "The Rt Hon Ed Balls MP  \nSanctuary Buildings  \nGreat Smith Street  \nLondon  \nSW1P 3BT\n" in body
    )
    assert "\n\n17 March 2010\n\nDear Secretary of State,\n\nOn 1 April 2009 you appointed me" in body
    assert body.index("Yours sincerely,\n\nSir Roger Singleton\n\n## Contents") > 0
    links = re.findall(r"\]\(([^)]+\.md)\)", body.split("## Contents")[1])
    assert links == [f"{slug}.md" for slug in PAGE_ORDER[1:]]
    assert "signature" not in body.lower()


def test_annex_a_is_the_letter_with_its_address(pages: dict[str, ImportedPage]) -> None:
    body = pages["annex-a"].body
    assert (
        "The Rt Hon Ed Balls  \nSanctuary Buildings  \nGreat Smith Street  \nLondon  \nSW1P 3BT\n\n5 May 2009"
        in body
    )
    assert body.rstrip().endswith("Yours sincerely\n\nSir Roger Singleton")


def test_running_header_and_page_number_removed(pages: dict[str, ImportedPage]) -> None:
    body = pages["chapter-4"].body
    assert re.search(r"where it matters the most\.\n\{ #para-51 \.numbered \}\n\n\[52\]", body)
    assert not re.search(r"(?m)^19$", body)


def test_conversion_is_deterministic() -> None:
    first = [page.markdown() for page in convert(SOURCE)]
    second = [page.markdown() for page in convert(SOURCE)]
    assert first == second


def test_changed_source_fails_loudly() -> None:
    with pytest.raises(DataError, match="glued footnote markers"):
        convert(SOURCE.replace("previous\tyear2.", "previous\tyear."))
    with pytest.raises(DataError, match="running header"):
        convert(SOURCE.replace("Myviewsandcomments", "My views"))
    with pytest.raises(DataError, match="paragraph numbers"):
        convert(SOURCE.replace("41.\ufffd In", "14.\ufffd In"))


# --- word for word ------------------------------------------------------------------------------------

# Debris removed from the source before comparing, each with why it is not document text.
SQUASHED_H1_LINES = {
    # The pages' H1s are compared exactly by test_each_page_has_exactly_one_h1_with_the_expected_heading.
    " Foreword",
    " Executivesummary",
    " Safeguardingchildren:",
    "thechangingcontext",
    " thelast12months",
}
PAGE_19_DEBRIS = ["19", "Myviewsandcomments"]  # page number + running header between paragraphs 51 and 52
FOOTNOTE_START = re.compile(r"^(\d{1,2})\t (.*)$")


def _source_words() -> tuple[list[str], dict[int, list[str]]]:
    lines = SOURCE.split("\n")
    at = lines.index(PAGE_19_DEBRIS[0])
    assert lines[at + 2] == PAGE_19_DEBRIS[1]
    del lines[at : at + 3]
    body: list[str] = []
    footnotes: dict[int, str] = {}
    current: int | None = None
    for line in lines:
        if line.startswith(" "):
            current = None  # footnotes end at the foot of their page
        start = FOOTNOTE_START.match(line)
        if start:
            current = int(start.group(1))
            footnotes[current] = start.group(2)
        elif current is not None:
            if line:
                # A footnote line that ends in a space runs on with one; a URL is wrapped with none.
                sep = " " if footnotes[current] != footnotes[current].rstrip() else ""
                footnotes[current] = footnotes[current].rstrip() + sep + line
        elif line.strip() and line not in SQUASHED_H1_LINES:
            body.append(line)
    text = ""
    for line in body:
        line = line[1:] if line.startswith(" ") else line  # page-start marker
        text += line if text.endswith("-") else " " + line  # real hyphens at line ends: co-/ordination
    text = text.replace("\t", " ")
    text = re.sub(r"(?<!\S)\d+\.\ufffd", " ", text)  # paragraph numbers: checked by the anchor tests
    text = text.replace("\ufffd", " ").replace("\u25cf\u25cf", " ")  # lost spaces; bullet glyphs
    for _, glued, fixed in GLUED:
        text = text.replace(glued, re.sub(r"\[\^\d+\]", "", fixed))
    notes = {n: re.sub(r"\s+", " ", note).split() for n, note in footnotes.items()}
    return text.split(), notes


def _page_words(page: ImportedPage) -> tuple[list[str], dict[int, list[str]]]:
    body = page.body
    if "\n## Contents\n" in body:
        body = body.split("\n## Contents\n")[0]  # our navigation list, not document text
    notes = {int(n): t for n, t in re.findall(r"(?m)^\[\^(\d+)\]: (.*)$", body)}
    body = re.sub(r"(?m)^\[\^\d+\]: .*$", "", body)
    body = re.sub(r"(?m)^# .*$", "", body)  # H1s: see SQUASHED_H1_LINES
    body = re.sub(r'(?m)^!!! note "[^"]*"\n(    .*\n?)+', "", body)  # editorial notes
    body = re.sub(r"(?m)^\{ #para-\d+ \.numbered \}$", "", body)
    body = re.sub(r"\[(\d+)\]\(#para-\1\)\{[^}]*\}", "", body)

    def plain(text: str) -> list[str]:
        text = re.sub(r"\[\^\d+\]", "", text)
        text = re.sub(r"\[([^\]]*)\]\((?:https?://|#)[^)]*\)", r"\1", text)
        text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
        text = re.sub(r"(?m)^(?:## |- |> )", "", text)
        text = re.sub(r"(?<!\\)\*", "", text)  # italics (the source has no asterisk of its own)
        return re.sub(r"\\(.)", r"\1", text).split()

    return plain(body), {n: plain(t) for n, t in notes.items()}


def test_word_for_word_against_the_source(pages: dict[str, ImportedPage]) -> None:
    source_body, source_notes = _source_words()
    body: list[str] = []
    notes: dict[int, list[str]] = {}
    for slug in PAGE_ORDER:
        words, page_notes = _page_words(pages[slug])
        body += words
        notes.update(page_notes)
    assert body == source_body
    assert notes == source_notes
    assert len(body) > 8500  # the comparison really covered the whole report


# The PDF's italic titles survive in the extraction only as runs joined by spaces in TAB-spaced text.
ITALIC_TITLES = {
    "chapter-1": ["*The Protection of Children in England: A Progress Report*,", "*Guardians ad litem*.",
                  "*Government\u2019s Response to Lord Laming: One Year On* report"],
    "chapter-2": ["The \u2018*Be the difference*\u2019 campaign",
                  "Chapter 8 of *Working Together to Safeguarding Children*,"],
    "chapter-4": ["*Learning together to safeguard children: a \u2018systems\u2019 model for case reviews*,",
                  "revisions to *Working Together* \u2013 the key"],
    "chapter-5": ["Its report \u2018*The Government\u2019s Response to Lord Laming: One Year On*\u2019, published"],
    "annex-a": ["to see *Working Together to Safeguard Children* revised"],
    "annex-b": ["*Keeping our School Safe*,", "*Drawing the Line*,"],
}


def test_italic_titles_are_kept_as_italics(pages: dict[str, ImportedPage]) -> None:
    for slug, titles in ITALIC_TITLES.items():
        body = " ".join(pages[slug].body.split())
        for title in titles:
            assert title in body, (slug, title)
    everything = "\n".join(page.body for page in pages.values())
    assert len(re.findall(r"(?<![\\*])\*[^*\s][^*]*\*", everything)) == 18


def test_quotations_set_in_spaces_are_not_made_italic(pages: dict[str, ImportedPage]) -> None:
    """Block quotations also kept ordinary spaces; they are quotations, not titles."""
    everything = "\n".join(page.body for page in pages.values())
    assert "> \u201cIt would be unreasonable" in everything
    assert not re.search(r"\*[^*\n]*[\u201c\u201d][^*\n]*\*", everything)
