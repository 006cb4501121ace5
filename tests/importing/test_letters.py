"""Tests for the importer of the three ministerial letters (2008, 2009, 2010)."""

from __future__ import annotations

import re

import markdown
import pytest
import yaml
from project_paths import ROOT
from safeguarding_site.base.errors import DataError
from safeguarding_site.importing.letters import (
    LETTERS,
    convert_2008_letter,
    convert_2009_letter,
    convert_2010_letter,
)
from safeguarding_site.importing.pages import ImportedPage
from site_markdown import EXTENSIONS

SOURCES = ROOT / "sources"

SOURCE_2008 = "2008-11-17-letter-secretary-of-state-to-lord-laming.txt"
SOURCE_2009 = "2009-02-03-letter-secretary-of-state-on-nspcc-proposals.txt"
SOURCE_2010 = "2010-03-17-letter-to-local-authorities-one-year-on.txt"

# name -> (document key, page path, number of numbered points)
EXPECTED = {
    SOURCE_2008: ("letter-2008-11-17", "correspondence/2008-11-17-letter-to-lord-laming.md", 3),
    SOURCE_2009: ("letter-2009-02-03", "correspondence/2009-02-03-letter-on-nspcc-proposals.md", 6),
    SOURCE_2010: ("letter-2010-03-17", "correspondence/2010-03-17-letter-to-local-authorities.md", 3),
}

# Debris each source carries, with the reason it is not part of the letter. The word-for-word test
# removes exactly these (each must occur once); the converter must remove them too.
DEBRIS = {
    SOURCE_2008: [
        "department for\nchildren, schools and families",  # logo at the page break inside point 2
    ],
    SOURCE_2009: [
        "RECEIVED 04 FEB 2009",  # the recipient's receipt stamp on the scan
        "2009/0007948POSoS",  # the recipient's registry number
        "department for  \n**children, schools and families**",  # logo at the page break
    ],
    SOURCE_2010: [],
}

# The subject lines stay where the source has them (issue 13); only the 2009 letter, which has none, gets
# an H1 of ours, marked as ours.
SUBJECTS = {
    SOURCE_2008: "PROGRESS REPORT ON SAFEGUARDING",
    SOURCE_2009: None,
    SOURCE_2010: (
        "***The Government's Response to Lord Laming: One Year On  \nand  \n"
        "Building a Safe and Confident Future: Implementing the  \n"
        "recommendations of the Social Work Task Force***"
    ),
}
# The extraction's descriptions of the signature images: kept, in italics, classed as descriptions.
SIGNATURES = {
    SOURCE_2008: "A handwritten signature in blue ink, appearing to read 'Ed Balls'.",
    SOURCE_2009: "A handwritten signature in black ink, appearing to read 'Ed Balls', written in a cursive style.",
}


def source_text(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def page_for(name: str) -> ImportedPage:
    pages = LETTERS[name](source_text(name))
    assert len(pages) == 1
    return pages[0]


def render(page: ImportedPage) -> str:
    return markdown.markdown(page.body, extensions=EXTENSIONS)


def item_ids(html: str) -> list[str]:
    return re.findall(r'<p class="numbered" id="(item-\d+)">', html)


# --- which file goes where ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.real_content
def test_each_source_makes_one_page_at_the_documents_yaml_path(name: str) -> None:
    key, path, _ = EXPECTED[name]
    page = page_for(name)
    assert (page.document, page.path) == (key, path)
    registry = yaml.safe_load((ROOT / "cross_refs" / "documents.yaml").read_text(encoding="utf-8"))
    entry = next(d for d in registry["documents"] if d["key"] == key)
    assert entry["path"] == path
    assert entry["source"] == f"sources/{name}"


def test_letters_maps_every_letter_source_to_its_converter() -> None:
    assert LETTERS == {
        SOURCE_2008: convert_2008_letter,
        SOURCE_2009: convert_2009_letter,
        SOURCE_2010: convert_2010_letter,
    }


# --- headings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [SOURCE_2008, SOURCE_2010])
def test_a_letter_with_a_subject_line_has_no_h1_of_its_own(name: str) -> None:
    """The page title comes from the front matter (the theme makes it the H1): nothing above the letterhead."""
    page = page_for(name)
    assert not re.search(r"(?m)^# ", page.body)
    assert "<h1" not in render(page)
    assert page.title.startswith("Letter to")


@pytest.mark.parametrize(("name", "salutation"), [(SOURCE_2008, "Dear Lord Laming"), (SOURCE_2010, "Dear colleagues")])
def test_the_subject_line_stays_after_the_salutation_as_the_source_sets_it(name: str, salutation: str) -> None:
    blocks = page_for(name).body.split("\n\n")
    subject = SUBJECTS[name]
    assert subject is not None
    assert blocks.count(subject) == 1, "the subject line is not kept word for word, breaks and emphasis included"
    assert blocks.index(subject) == blocks.index(salutation) + 1


def test_2010_subject_keeps_its_bold_italic_and_line_breaks() -> None:
    html = render(page_for(SOURCE_2010))
    assert ("<p><strong><em>The Government's Response to Lord Laming: One Year On<br />\nand<br />\n"
            "Building a Safe and Confident Future: Implementing the<br />\n"
            "recommendations of the Social Work Task Force</em></strong></p>") in html


def test_2009_editorial_h1_opens_the_page() -> None:
    page = page_for(SOURCE_2009)
    assert page.body.startswith("# ")
    assert len(re.findall(r"(?m)^# ", page.body)) == 1


def test_2009_editorial_h1_is_marked_as_ours() -> None:
    html = render(page_for(SOURCE_2009))
    assert "Letter to Rt Hon Tessa Jowell MP on the NSPCC's proposals</h1>" in html
    assert '<p class="admonition-title">Heading supplied by the editors</p>' in html


def test_2010_summary_section_is_an_h2_holding_the_three_items() -> None:
    page = page_for(SOURCE_2010)
    html = render(page)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    # Kept as the source prints it, "(Go)" included: nothing shows the case was changed in extraction.
    assert headings == [
        "Government Office (Go) Children and Learner Team Safeguarding Role - Summary Version"
    ]
    assert html.index("<h2") < html.index('id="item-1"')


# --- the letter's parts ------------------------------------------------------------------------


def test_2008_split_date_and_salutation_are_joined() -> None:
    html = render(page_for(SOURCE_2008))
    assert "<p>17 November 2008</p>" in html
    assert "<p>Dear Lord Laming</p>" in html


@pytest.mark.parametrize(
    ("name", "address"),
    [
        (SOURCE_2008, "<p>Lord Laming of Tewin<br />\nHouse of Lords<br />\nSW1A OPW</p>"),
        (SOURCE_2009, "<p>Rt Hon Tessa Jowell MP<br />\nHouse of Commons<br />\nLondon<br />\nSW1A 0AA</p>"),
        (
            SOURCE_2010,
            "<p>To: Local Authority Chief Executives<br />\nLocal Authority Council Leaders<br />\n"
            "Lead Members for Children's Services<br />\n"
            "Local Authority Directors of Children's Services</p>",
        ),
    ],
)
def test_address_block_keeps_its_line_breaks(name: str, address: str) -> None:
    assert address in render(page_for(name))


@pytest.mark.parametrize(
    ("name", "closing"),
    [
        (SOURCE_2008, "<p>Yours sincerely,</p>\n<p>ED BALLS MP</p>"),
        (SOURCE_2009, "<p>Yours sincerely</p>\n<p>ED BALLS MP</p>"),
        (
            SOURCE_2010,
            "<p>Yours sincerely,</p>\n<p>Ed Balls MP</p>\n<p>Andy Burnham MP</p>\n<p>Jack Straw MP</p>\n"
            "<p>Alan Johnson MP</p>\n<p>cc Chairs of Children's Services Scrutiny and Overview</p>",
        ),
    ],
)
def test_sign_off_follows_the_closing_with_the_signature_description(name: str, closing: str) -> None:
    html = render(page_for(name))
    if name in SIGNATURES:
        description = SIGNATURES[name].replace("'", "&#x27;") if "&#x27;" in html else SIGNATURES[name]
        first, last = closing.split("\n", 1)[0], closing.split("\n", 1)[1]
        closing = f'{first}\n<p class="signature-description"><em>{description}</em></p>\n{last}'
    assert closing in html


def test_2010_published_documents_are_a_bullet_list() -> None:
    html = render(page_for(SOURCE_2010))
    first_list = re.search(r"<ul>\n(.*?)</ul>", html, re.DOTALL)
    assert first_list is not None
    items = re.findall(r"<li>(.*?)</li>", first_list.group(1))
    assert len(items) == 4
    assert items[0] == "<em>The Government's Response to Lord Laming: One Year On;</em>"


# --- numbered points ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_points_are_anchored_items_in_order(name: str) -> None:
    _, _, count = EXPECTED[name]
    page = page_for(name)
    expected = [f"item-{n}" for n in range(1, count + 1)]
    assert item_ids(render(page)) == expected
    links = re.findall(r'\[(\d+)\]\(#item-(\d+)\)\{ \.para-num title="Link to item (\d+)" \}', page.body)
    assert links == [(str(n), str(n), str(n)) for n in range(1, count + 1)]
    # The points are paragraphs with their own numbers, not a Markdown ordered list.
    assert "<ol>" not in render(page)


@pytest.mark.parametrize(
    ("name", "item", "bullets"),
    [(SOURCE_2008, 1, 4), (SOURCE_2010, 1, 4), (SOURCE_2010, 2, 6), (SOURCE_2010, 3, 3)],
)
def test_sub_bullets_follow_their_item(name: str, item: int, bullets: int) -> None:
    html = render(page_for(name))
    match = re.search(rf'id="item-{item}">.*?</p>\n<ul>\n(.*?)</ul>', html, re.DOTALL)
    assert match is not None
    assert match.group(1).count("<li>") == bullets


def test_2008_point_2_split_by_the_page_break_is_one_paragraph() -> None:
    html = render(page_for(SOURCE_2008))
    paragraph = re.search(r'<p class="numbered" id="item-2">(.*?)</p>', html, re.DOTALL)
    assert paragraph is not None
    text = paragraph.group(1)
    assert "that may be preventing good safeguarding practice from becoming standard practice" in text
    assert text.endswith("the needs of the child?")
    assert "\n" not in text


# --- debris and markup -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        (SOURCE_2008, "department for"),
        (SOURCE_2008, "schools and families"),
        (SOURCE_2009, "RECEIVED"),
        (SOURCE_2009, "04 FEB 2009"),
        (SOURCE_2009, "0007948POSoS"),
        (SOURCE_2009, "department for"),
        (SOURCE_2009, "schools and families"),
    ],
)
def test_debris_is_gone(name: str, fragment: str) -> None:
    assert fragment in source_text(name)
    assert fragment not in page_for(name).body


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_space_only_lines_or_raw_html(name: str) -> None:
    body = page_for(name).body
    assert re.search(r"(?m)^[ \t]+$", body) is None
    # The one tag kept is the ordinal's superscript ("1<sup>st</sup>").
    assert re.search(r"</?[A-Za-z]", re.sub(r"\d<sup>(?:st|nd|rd|th)</sup>", "", body)) is None


def test_2010_ordinal_keeps_its_superscript() -> None:
    body = page_for(SOURCE_2010).body
    assert "with effect from 1<sup>st</sup> April." in body
    assert "1<sup>st</sup> April" in render(page_for(SOURCE_2010))


def test_2010_links_keep_their_urls() -> None:
    html = render(page_for(SOURCE_2010))
    assert re.findall(r'<a href="([^"#]+)">([^<]+)</a>', html) == [
        ("http://www.dcsf.gov.uk/nsdu", "www.dcsf.gov.uk/nsdu"),
        ("http://www.dcsf.gov.uk/nsdu", "www.dcsf.gov.uk/nsdu"),
        ("http://www.dcsf.gov.uk/swrb", "www.dcsf.gov.uk/swrb"),
        ("http://www.dcsf.gov.uk/singleton", "www.dcsf.gov.uk/singleton"),
    ]


# --- word for word -----------------------------------------------------------------------------


def words(markdown_text: str) -> list[str]:
    """The words of Markdown text: emphasis, bullets and headings dropped; a link as its text and URL."""
    assert "\\" not in markdown_text  # none of the letters needs an escape; a stray one would hide here
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r"\1 \2", markdown_text)
    text = re.sub(r"(?m)^\s*(\d+)\.\s", r"\1 ", text)  # a source list number is a visible word
    text = re.sub(r"(?m)^\s*-\s", "", text)
    text = re.sub(r"(?m)^#+\s", "", text)
    text = text.replace("*", "")
    return text.split()


def expected_words(name: str) -> list[str]:
    text = source_text(name)
    for debris in DEBRIS[name]:
        assert text.count(debris) == 1, debris
        text = text.replace(debris, " ")
    return words(text)


def page_words(page: ImportedPage, *, editorial_h1: bool) -> list[str]:
    body = page.body
    # Our own text: the admonition marking an editorial heading, and that heading.
    body = re.sub(r'(?m)^!!! note "Heading supplied by the editors"\n(    .*\n)+', "", body)
    if editorial_h1:
        body = re.sub(r"(?m)\A# .*\n", "", body)
    # Our anchors: the attr_list line goes, the self-link keeps its visible number.
    body = re.sub(r"(?m)^\{ #item-\d+ \.numbered \}$", "", body)
    body = re.sub(r"(?m)^\{ \.signature-description \}$", "", body)
    body = re.sub(r"\[(\d+)\]\(#item-\d+\)\{[^}]*\}", r"\1", body)
    return words(body)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_word_for_word(name: str) -> None:
    page = page_for(name)
    assert page_words(page, editorial_h1=SUBJECTS[name] is None) == expected_words(name)


def test_word_for_word_check_notices_a_lost_word() -> None:
    page = page_for(SOURCE_2008)
    damaged = ImportedPage(page.path, page.title, page.document, page.body.replace(" urgent ", " ", 1))
    assert page_words(damaged, editorial_h1=False) != expected_words(SOURCE_2008)


# --- determinism and loud failure --------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_output_is_deterministic(name: str) -> None:
    first = page_for(name).markdown()
    for other in sorted(EXPECTED):  # converting the other letters in between changes nothing
        page_for(other)
    assert page_for(name).markdown() == first


def test_missing_debris_is_reported_with_the_source_file() -> None:
    text = source_text(SOURCE_2008).replace("department for\nchildren, schools and families", "")
    with pytest.raises(DataError, match=re.escape(f"sources/{SOURCE_2008}")):
        convert_2008_letter(text)


def test_a_skipped_point_number_is_reported_with_its_line() -> None:
    text = source_text(SOURCE_2009).replace("\n4. The NSPCC", "\n5. The NSPCC")
    with pytest.raises(DataError) as error:
        convert_2009_letter(text)
    assert error.value.line == 51
    assert "point 5 where point 4 was expected" in str(error.value)


def test_unexpected_html_is_reported() -> None:
    text = source_text(SOURCE_2010).replace("1<sup>st</sup>", "1<sup>1</sup>")
    with pytest.raises(DataError, match="unexpected HTML"):
        convert_2010_letter(text)
