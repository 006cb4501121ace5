"""Tests for the importer of *The Government's Response to Lord Laming: One Year On*."""

from __future__ import annotations

import difflib
import re

import markdown
import pytest
from project_paths import ROOT
from safeguarding_site.base.errors import DataError
from safeguarding_site.importing.one_year_on import convert
from safeguarding_site.importing.pages import ImportedPage
from site_markdown import EXTENSIONS

SOURCE = ROOT / "sources" / "2010-03-government-response-to-lord-laming-one-year-on.txt"
PATHS = [
    "one-year-on/index.md",
    "one-year-on/foreword.md",
    "one-year-on/chapter-1.md",
    "one-year-on/chapter-2.md",
    "one-year-on/chapter-3.md",
    "one-year-on/annex-b.md",
    "one-year-on/annex-c.md",
]
PARAGRAPHS_ON = {
    "one-year-on/chapter-1.md": range(1, 13),
    "one-year-on/chapter-2.md": range(13, 83),
    "one-year-on/chapter-3.md": range(83, 94),
}
# Footnote number -> the page that carries its marker.
FOOTNOTE_PAGES = {n: "one-year-on/chapter-1.md" for n in range(1, 6)} | {
    n: "one-year-on/chapter-2.md" for n in range(6, 12)
}


@pytest.fixture(scope="module")
def source() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pages(source: str) -> dict[str, ImportedPage]:
    return {p.path: p for p in convert(source)}


def render(body: str) -> str:
    return markdown.markdown(body, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})


def paragraph(body: str, n: int, anchor: str = "para") -> str:
    """The Markdown of numbered paragraph ``n``: from its self-link to its attribute line."""
    link = rf"\[{n}\]\(#{anchor}-{n}\)\{{ \.para-num title=\"Link to \w+ {n}\" \}}"
    found = re.findall(rf"^{link} (.*?)\n\{{ #{anchor}-{n} \.numbered \}}$", body, flags=re.M | re.S)
    assert len(found) == 1, f"{anchor} {n} found {len(found)} times"
    return found[0]


def headings(body: str) -> list[tuple[int, str]]:
    out = []
    for m in re.finditer(r"^(#{1,6}) (.*?)(?: \{ #[\w-]+ \})?$", body, flags=re.M):
        out.append((len(m[1]), re.sub(r"\[\^\d+\]", "", m[2])))
    return out


def test_pages_paths_titles_and_one_h1(pages: dict[str, ImportedPage]) -> None:
    assert list(pages) == PATHS
    for page in pages.values():
        assert page.document == "one-year-on"
        assert page.body.startswith("# ")
        assert len(re.findall(r"^# ", page.body, flags=re.M)) == 1, page.path
    assert pages["one-year-on/index.md"].body.startswith(
        "# The Government's Response to Lord Laming: One Year On\n"
    )
    assert pages["one-year-on/chapter-2.md"].title == "2. Progress"
    assert "annex-a" not in " ".join(pages)  # the plugin generates Annex A from the table


def test_index_lists_contents_as_links_without_page_numbers(pages: dict[str, ImportedPage]) -> None:
    body = pages["one-year-on/index.md"].body
    links = re.findall(r"^( *)- \[([^\]]+)\]\(([^)]+)\)$", body, flags=re.M)
    assert len(links) == 19  # 7 chapters and annexes, 12 sections
    assert ("", "Ministerial Foreword", "foreword.md") in links
    assert ("", "Annex A The Government's Response to Lord Laming", "annex-a.md") in links
    assert ("    ", "Supporting the frontline", "chapter-2.md#supporting-the-frontline") in links
    assert not re.search(r"\t|\s\d+$", body, flags=re.M)
    # every section link lands on a heading id that the rendered page really has
    for _, _, target in links:
        if "#" in target:
            page, anchor = target.split("#")
            assert f'id="{anchor}"' in render(pages[f"one-year-on/{page}"].body), target


def test_paragraphs_1_to_93_once_each_in_order_on_their_page(pages: dict[str, ImportedPage]) -> None:
    seen: list[int] = []
    for path in PATHS:
        numbers = [
            int(n) for n in re.findall(r"^\{ #para-(\d+) \.numbered \}$", pages[path].body, flags=re.M)
        ]
        assert numbers == list(PARAGRAPHS_ON.get(path, [])), path
        for n in numbers:
            paragraph(pages[path].body, n)
        seen += numbers
    assert seen == list(range(1, 94))


def test_annex_c_items_use_item_anchors(pages: dict[str, ImportedPage]) -> None:
    body = pages["one-year-on/annex-c.md"].body
    assert "#para-" not in body
    assert (
        paragraph(body, 3, "item")
        == "Using local knowledge to inform and influence the development of national policy"
    )
    for n in (1, 2):
        paragraph(body, n, "item")
    everything = "\n".join(p.body for p in pages.values())
    assert everything.count("{ #para-1 .numbered }") == 1
    # item 3's list, whose first bullet the extraction put at top level, follows as one list
    tail = body.split("{ #item-3 .numbered }")[1]
    assert re.findall(r"^- ", tail, flags=re.M) == ["- "] * 3


def test_lists_belong_to_their_paragraph_as_one_flat_list(pages: dict[str, ImportedPage]) -> None:
    chapter_1 = pages["one-year-on/chapter-1.md"].body
    after_10 = chapter_1.split("{ #para-10 .numbered }\n\n")[1].split("\n\n")[0]
    # para 10's list is interrupted by footnote 4 in the source; here it is one list of 7 items
    assert len(after_10.splitlines()) == 7 and all(s.startswith("- ") for s in after_10.splitlines())
    chapter_3 = pages["one-year-on/chapter-3.md"].body
    after_87 = chapter_3.split("{ #para-87 .numbered }\n\n")[1].split("\n\n## ")[0]
    assert after_87.count("\n- ") + 1 == 7 and "\n\n" not in after_87
    for page in pages.values():
        assert not re.search(r"^ {1,3}- ", page.body, flags=re.M), page.path  # no half-nested items


def test_footnotes_markers_and_definitions_on_the_same_page(
    source: str, pages: dict[str, ImportedPage]
) -> None:
    for n, path in FOOTNOTE_PAGES.items():
        for other, page in pages.items():
            markers = re.findall(rf"\[\^{n}\](?!:)", page.body)
            definitions = re.findall(rf"^\[\^{n}\]: ", page.body, flags=re.M)
            expected = 1 if other == path else 0
            assert (len(markers), len(definitions)) == (expected, expected), (n, other)
    everything = "\n".join(p.body for p in pages.values())
    assert sorted(set(re.findall(r"\[\^(\d+)\]", everything)), key=int) == [str(n) for n in range(1, 12)]
    # markers sit right after the word they belong to, as in the source
    main = source.split("\n# Annex A")[0]
    for n in range(1, 12):
        before = re.search(rf"(\S+)<sup>{n}</sup>", main)[1]
        assert f"{before}[^{n}]" in everything, n
    chapter_2 = pages["one-year-on/chapter-2.md"].body
    assert (
        "[^8]: Safeguarding Children – A review of arrangements in the NHS for Safeguarding Children – "
        "<http://www.cqc.org.uk/publications.cfm?fde_id=12694>"
    ) in chapter_2
    assert (
        "[^7]: *The evaluation of arrangements for effective operation of the new LSCBs in England.* "
        "<http://publications.dcsf.gov.uk/default.aspx?PageFunction=productdetails&PageMode=publications"
        "&ProductId=DCSF-00311-2010>"
    ) in chapter_2
    assert "\\_" not in everything
    # fn 10 stays in its heading: the heading's id and table-of-contents text remain clean
    assert "### Social Work Reform[^10] { #social-work-reform }" in chapter_2
    md = markdown.Markdown(extensions=EXTENSIONS)
    md.convert(chapter_2)
    names = [t["name"] for h2 in md.toc_tokens[0]["children"] for t in h2["children"]]
    assert "Social Work Reform" in names


def test_heading_levels_follow_the_contents(pages: dict[str, ImportedPage], source: str) -> None:
    chapter_2 = [
        (1, "2. Progress"),
        (2, "National Leadership and Accountability"),
        (3, "National leadership"),
        (3, "Chief Adviser on the Safety of Children"),
        (3, "The National Safeguarding Delivery Unit (NSDU)"),
        (3, "Safeguarding national indicators and targets"),
        (3, "Working Together to Safeguard Children"),
        (3, "Local Safeguarding Children Boards (LSCBs)"),
        (2, "Local Leadership and Accountability"),
        (3, "Children's Trusts Boards"),
        (3, "Directors of Children's Services and Lead Members"),
        (3, "Public confidence"),
        (2, "Supporting Children"),
        (2, "Inspection and Regulation"),
        (3, "Ofsted"),
        (3, "Care Quality Commission (CQC)"),
        (3, "Her Majesty's Inspectorate of Constabulary (HMIC)"),
        (3, "Her Majesty's Inspectorate of Probation (HMI Probation)"),
        (2, "Supporting the Frontline"),
        (3, "Information sharing"),
        (3, "Common Assessment Framework"),
        (3, "Integrated Children's System"),
        (3, "Police"),
        (3, "Health"),
        (3, "Social Work Reform"),
        (3, "The local social work improvement programme"),
        (2, "Improvement, Learning and Change"),
        (3, "Regional support"),
        (3, "Serious Case Reviews"),
        (3, "Solution Focused Therapy and other research"),
        (3, "Child neglect"),
        (3, "Safeguarding data"),
    ]
    assert headings(pages["one-year-on/chapter-2.md"].body) == chapter_2
    chapter_3 = [(1, "3. Challenges and Moving Forward")] + [
        (2, s)
        for s in (
            "‘Do it now, do it right, intervene early’",
            "Leading well and working together",
            "Learning and change",
            "Regional improvement and support",
            "Understanding need, performance and data",
            "Confidence and trust in the safeguarding system",
        )
    ]
    assert headings(pages["one-year-on/chapter-3.md"].body) == chapter_3
    assert headings(pages["one-year-on/chapter-1.md"].body) == [(1, "1. Introduction")]
    assert headings(pages["one-year-on/foreword.md"].body) == [(1, "Ministerial Foreword")]
    assert headings(pages["one-year-on/annex-b.md"].body) == [
        (1, "Annex B: Serious Case Review template for executive summaries"),
        (2, "Format of serious case review executive summary"),
        (3, "Introduction"),
        (3, "The facts / summary of events"),
        (3, "Key issues or themes arising from the case"),
        (3, "Priorities for learning and change"),
        (3, "Recommendations and action plan"),
    ]
    assert headings(pages["one-year-on/annex-c.md"].body) == [
        (1, "Annex C: Government Office (GO) Children and Learner Teams"),
        (2, "Safeguarding – summary version"),
    ]
    # and, independently of the lists above: the H2s are exactly the source's Contents sections
    contents = source.split("# Contents")[1].split("# Ministerial Foreword")[0]
    sections = [s.split("\t")[0].casefold() for s in contents.splitlines() if s and not s.startswith("<b>")]
    h2 = [t.casefold() for path in PARAGRAPHS_ON for level, t in headings(pages[path].body) if level == 2]
    assert h2 == sections


def test_box_titles_not_in_the_source_carry_the_editors_mark(pages: dict[str, ImportedPage]) -> None:
    """Issue 13: "Case study: Devon Children's Trust" has no heading in the source, and "Case study:" was
    added to two others; like every other heading we supply, each says so. Blackpool's is the source's own."""
    body = pages["one-year-on/chapter-2.md"].body
    boxes = dict(re.findall(r'^!!! example "([^"]+)"\n((?:    .*\n|\n)+)', body, flags=re.M))
    mark = '    !!! note "Heading supplied by the editors"\n        '
    assert boxes["Case study: Devon Children's Trust"].startswith(
        mark + "The box has no heading in the source; this title is ours.")
    for heading in ("Hull City Council CAF Team", "Portsmouth Primary Care Trust"):
        assert boxes[f"Case study: {heading}"].startswith(
            f"{mark}The source heads this box \u201c{heading}\u201d; the words \u201cCase study:\u201d are ours.")
    blackpool = boxes["Case study: Blackpool Multi-Agency Risk Assessment Conference (MARAC)"]
    assert "supplied by the editors" not in blackpool


def test_case_studies_are_boxes_not_sections(pages: dict[str, ImportedPage]) -> None:
    body = pages["one-year-on/chapter-2.md"].body
    boxes = re.findall(r'^!!! example "([^"]+)"\n((?:    .*\n|\n)+)', body, flags=re.M)
    assert [title for title, _ in boxes] == [
        "Case study: Devon Children's Trust",
        "Case study: Hull City Council CAF Team",
        "Case study: Blackpool Multi-Agency Risk Assessment Conference (MARAC)",
        "Case study: Portsmouth Primary Care Trust",
    ]
    openings = [
        "An example of how one",
        "The Common Assessment Framework (CAF) is",
        "Hannah is a 15",
        "Portsmouth City",
    ]
    for (_, content), opening in zip(boxes, openings, strict=True):
        content = re.sub(r'^    !!! note "Heading supplied by the editors"\n        .*\n\n', "", content)
        assert content.startswith(f"    {opening}")
    devon = boxes[0][1]
    assert devon.count("\n    - ") == 9 and "    The framework is complemented" in devon
    assert "**improve integrated working** by promoting" in boxes[1][1]
    html = render(body)
    assert html.count('<div class="admonition example">') == 4
    assert not re.search(r"<h\d[^>]*>[^<]*(Hull City|Blackpool|Portsmouth Primary)", html)


def test_quotes_are_block_quotes_not_headings(pages: dict[str, ImportedPage]) -> None:
    chapter_1 = pages["one-year-on/chapter-1.md"].body
    assert chapter_1.split("\n\n")[1] == (
        "> ‘Relationships are crucial; it’s not about structures, it’s about making it work out there "
        "for children’\n>\n> **Social Worker**"
    )
    chapter_2 = pages["one-year-on/chapter-2.md"].body
    assert re.search(
        r"^> \*'I have found the coaching .*'\*\n>\n> \*\*Director of Children's Services\*\*$",
        chapter_2,
        flags=re.M,
    )


def test_no_html_tags_or_stray_bold_left(pages: dict[str, ImportedPage]) -> None:
    for page in pages.values():
        body = page.body
        assert not re.search(r"</?(sup|b)>", body), page.path
        assert not re.search(r"\*\*\d+\*\*|\d+\*\*", body), page.path
        for line in body.splitlines():
            assert line.count("**") % 2 == 0, (page.path, line[:60])
        assert "\t" not in body and not re.search(r"^ +$", body, flags=re.M)


def test_page_break_paragraphs_are_rejoined(pages: dict[str, ImportedPage]) -> None:
    joins = {
        23: "published in parallel with this report. It now clarifies",
        36: "an independent chair of a LSCB appearing before the Youth Parliament",
        42: "revised framework for the evaluation of SCRs. It is anticipated",
        66: "Amendments to the Performers List Regulations for general practice",
        69: "College of Social Work will be established that will promote a strong culture",
        78: "identifying these vulnerable children early on and ensuring that services",
    }
    chapter_2 = pages["one-year-on/chapter-2.md"].body
    html = render(chapter_2)
    for n, phrase in joins.items():
        text = paragraph(chapter_2, n)
        assert phrase in text and "\n" not in text, n
        rendered = re.search(rf'<p class="numbered" id="para-{n}">(.*?)</p>', html, flags=re.S)[1]
        assert phrase in re.sub(r"<[^>]+>", "", rendered), n
    assert paragraph(chapter_2, 69).endswith("as well as establishing a powerful voice for the profession.")
    foreword = pages["one-year-on/foreword.md"].body
    assert "footing and giving them the responsibility for the Children and Young People's Plan" in foreword
    assert not any(block[:1].islower() for block in foreword.split("\n\n"))
    assert foreword.endswith("**Ed Balls**\n\n**Alan Johnson**\n\n**Andy Burnham**\n\n**Jack Straw**")


# --- word for word -------------------------------------------------------------------------------------

# Editorial words the importer adds, with where: each case-study box is labelled "Case study: <name>";
# the Devon box had no heading at all (the name comes from its first sentence), the Blackpool heading
# already carried the label.
BOX_TITLES = {
    "## Hull City Council CAF Team": "Case study: Hull City Council CAF Team",
    "### Portsmouth Primary Care Trust": "Case study: Portsmouth Primary Care Trust",
}
DEVON_OPENING = "An example of how one organisation is championing information sharing"
DEVON_TITLE = "Case study: Devon Children's Trust"
FOOTNOTE_DEFINITION = re.compile(r"^(?:<sup>(\d+)</sup>|(\d{1,2})) (?=<http|\*|\S)")


def words(markdown_text: str) -> list[str]:
    """The words of a Markdown text, without markup: headings, bullets, quotes, emphasis, links, tags."""
    text = re.sub(r"\{[^}]*\}", " ", markdown_text)  # attribute lists (our anchors)
    text = re.sub(r"\[([^\]^][^\]]*)\]\([^)]*\)", r"\1", text)  # links -> their text
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)  # autolinks -> the address
    text = re.sub(r"</?b>", "", text)
    text = re.sub(r'^!!! \w+ "([^"]*)"', r"\1", text, flags=re.M)
    text = re.sub(r"^\s*(?:#+|>|-)(?= |$)", " ", text, flags=re.M)
    text = text.replace("*", "").replace("\\", "")
    return text.split()


def source_parts(source: str) -> tuple[list[str], dict[int, list[str]]]:
    lines = source.splitlines()
    annex_a = next(i for i, s in enumerate(lines) if s.startswith("# Annex A"))
    annex_b = next(i for i, s in enumerate(lines) if s.startswith("# Annex B"))
    body: list[str] = []
    notes: dict[int, list[str]] = {}
    last_note: int | None = None
    for raw in lines[:annex_a] + lines[annex_b:]:
        line = re.sub(r"\t(?:<b>)?\d+(?:</b>)?$", "", raw)  # printed page numbers in the Contents
        if line.strip() in ("", "---"):  # blank and single-space page-break lines, the footnote rule
            continue
        if last_note is not None and re.fullmatch(r"<http[^>]+>", line):
            notes[last_note] += words(line)  # fn 7's address on a line of its own
            continue
        last_note = None
        note = FOOTNOTE_DEFINITION.match(line)
        if note and not line.startswith("- "):
            # footnote definitions sit wherever the printed page ended; compared by number instead
            last_note = int(note[1] or note[2])
            notes[last_note] = words(line[note.end() :])
            continue
        if line.startswith(DEVON_OPENING):
            body.append(DEVON_TITLE)
        line = BOX_TITLES.get(line, line)
        line = re.sub(r"<sup>(\d+)</sup>", r"[^\1]", line)  # footnote markers, kept in place
        body.append(line)
    return words("\n".join(body)), notes


# The editors' mark on a box title (test_box_titles_not_in_the_source_carry_the_editors_mark): our words.
SUPPLIED_MARK = re.compile(r'^    !!! note "Heading supplied by the editors"\n        .*\n', flags=re.M)


def page_parts(pages: dict[str, ImportedPage]) -> tuple[list[str], dict[int, list[str]]]:
    body: list[str] = []
    notes: dict[int, list[str]] = {}
    for path in PATHS:
        for line in SUPPLIED_MARK.sub("", pages[path].body).splitlines():
            note = re.match(r"^\[\^(\d+)\]: (.*)$", line)
            if note:
                notes[int(note[1])] = words(note[2])
            else:
                body.append(line)
    return words("\n".join(body)), notes


def test_word_for_word(source: str, pages: dict[str, ImportedPage]) -> None:
    expected_body, expected_notes = source_parts(source)
    actual_body, actual_notes = page_parts(pages)
    if actual_body != expected_body:
        diff = difflib.unified_diff(expected_body, actual_body, "source", "pages", n=4, lineterm="")
        pytest.fail("\n".join(list(diff)[:60]))
    assert len(expected_body) > 13000
    assert sorted(expected_notes) == list(range(1, 12))
    assert actual_notes == expected_notes


def test_word_for_word_check_catches_a_lost_word(source: str, pages: dict[str, ImportedPage]) -> None:
    damaged = dict(pages)
    page = pages["one-year-on/chapter-3.md"]
    damaged[page.path] = ImportedPage(
        page.path, page.title, page.document, page.body.replace(" priority ", " ", 1)
    )
    assert page_parts(damaged)[0] != source_parts(source)[0]


# --- rendering, determinism, errors ----------------------------------------------------------------------


def test_rendered_html_has_paragraph_anchors_and_footnotes(pages: dict[str, ImportedPage]) -> None:
    html = render(pages["one-year-on/chapter-3.md"].body)
    assert 'id="para-93"' in html
    assert '<a class="para-num" href="#para-93" title="Link to paragraph 93">93</a>' in html
    chapter_1 = render(pages["one-year-on/chapter-1.md"].body)
    assert chapter_1.count('<li id="fn:') == 5 and 'href="#fn:3"' in chapter_1
    assert "{" not in re.sub(r"<[^>]+>", "", chapter_1)
    foreword = render(pages["one-year-on/foreword.md"].body)
    assert "<em>The protection of children in England: action plan" in foreword


def test_output_is_deterministic(source: str) -> None:
    first = [(p.path, p.markdown()) for p in convert(source)]
    second = [(p.path, p.markdown()) for p in convert(source)]
    assert first == second


def test_a_missing_paragraph_is_reported_with_its_line(source: str) -> None:
    lines = source.splitlines()
    broken = "\n".join(s for s in lines if not s.startswith("- 50 "))
    with pytest.raises(DataError, match=r"paragraph 51 found where 50 was expected") as raised:
        convert(broken)
    assert raised.value.line == next(
        i + 1 for i, s in enumerate(broken.splitlines()) if s.startswith("- 51**")
    )


def test_a_footnote_without_its_marker_is_reported(source: str) -> None:
    with pytest.raises(DataError, match=r"footnote\(s\) \[9\] defined but never marked"):
        convert(source.replace("Essential Standards<sup>9</sup>", "Essential Standards"))
