"""The Annex A table parser: the real table (58 recommendations, no lost words) and crafted tables."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from project_paths import ROOT
from safeguarding_site.base.errors import DataError
from safeguarding_site.importing.annex_table import COLUMNS, parse_annex_table
from site_markdown import EXTENSIONS

SOURCE = ROOT / "sources" / "2010-03-government-response-to-lord-laming-one-year-on.txt"
NAME = "sources/2010-03-government-response-to-lord-laming-one-year-on.txt"
HEADER = "Ref No\tLord Laming's Recommendation March 2009\tGovernment's Response May 2009\tProgress update March 2010"
# The Markdown extensions the site uses: the text must survive every one of them.


@pytest.fixture(scope="module")
def rows():
    return parse_annex_table(SOURCE.read_text(encoding="utf-8"), source=NAME)


def rendered_words(md: str) -> list[str]:
    """The words a reader sees once the Markdown is rendered (tags dropped, entities decoded)."""
    rendered = markdown.markdown(md, extensions=EXTENSIONS)
    return html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split()


def source_words(cell: str) -> list[str]:
    """The words of one raw source cell. Debris removed: the literal "●" that starts every <li> (in the
    site the Markdown list marker is the bullet). Tags become spaces, entities are decoded."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", cell)).replace("\u25cf", " ")
    return text.split()


def source_rows() -> dict[int, list[tuple[int, list[str]]]]:
    """An independent, deliberately simple reading of the table: ref -> [(line, cells)] for every row."""
    lines = SOURCE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("# Annex A"))
    table: dict[int, list[tuple[int, list[str]]]] = {}
    current = None
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if line.startswith("#"):
            break
        if not line.strip() or line.startswith("Ref No\t"):
            continue
        cells = line.split("\t")
        if cells[0].strip():
            current = int(cells[0])
            table[current] = []
        table[current].append((number, cells[1:]))
    return table


# ---- the real table ---------------------------------------------------------------------------------


def test_real_table_gives_58_recommendations_in_order(rows) -> None:
    assert [row.ref for row in rows] == list(range(1, 59))
    assert all(row.recommendation and row.response_2009 and row.progress_2010 for row in rows)


def test_every_source_row_is_used_once(rows) -> None:
    expected = source_rows()
    assert sum(len(v) for v in expected.values()) == 68  # 58 numbered rows + 10 continuation rows (NOTES.md)
    assert {row.ref: [n for n, _ in expected[row.ref]] for row in rows} == {row.ref: list(row.lines) for row in rows}


@pytest.mark.parametrize("column", COLUMNS)
def test_no_word_of_any_cell_is_lost_or_added(rows, column: str) -> None:
    expected = source_rows()
    position = COLUMNS.index(column)
    for row in rows:
        words = [w for _, cells in expected[row.ref] for w in source_words(cells[position])]
        assert rendered_words(row.column(column)) == words, f"recommendation {row.ref}, {column}"


def test_the_three_mid_sentence_page_breaks_are_joined_and_no_others(rows) -> None:
    assert {row.ref: row.joined for row in rows if row.joined} == {
        2: ("response_2009",),
        19: ("progress_2010",),
        37: ("progress_2010",),
    }
    by_ref = {row.ref: row for row in rows}
    for ref, column, phrase in [
        (2, "response_2009", "for the protection of children and young people for frontline services."),
        (19, "progress_2010", "or alternatively preparing a written report and delegating a colleague"),
        (37, "progress_2010", "These inspections will also give important feedback to the forces concerned"),
    ]:
        assert any(phrase in line for line in by_ref[ref].column(column).split("\n")), (ref, phrase)


def test_page_breaks_between_sentences_keep_their_paragraphs(rows) -> None:
    by_ref = {row.ref: row for row in rows}
    assert "as well as the young carers.\n\nThe NSDU interim work programme" in by_ref[21].progress_2010
    assert "protect children and young people from abuse.\n\nLord Laming also recommended" in by_ref[36].response_2009
    assert "30 November 2009.\n\nThe Chief Inspector" not in by_ref[37].response_2009  # different columns
    assert "where necessary.\n\nFrom 2010, the new regulatory" in by_ref[37].response_2009


def test_a_list_split_by_a_page_break_stays_one_list(rows) -> None:
    rec2 = rows[1].recommendation.split("\n\n")
    assert len(rec2) == 2 and rec2[1].count("\n- ") == 9 and rec2[1].startswith("- working with the Cabinet")
    rec24 = rows[23].recommendation.split("\n\n")
    assert len(rec24) == 2 and rec24[1].count("\n- ") == 3


def test_html_becomes_markdown(rows) -> None:
    by_ref = {row.ref: row for row in rows}
    # nested list of rec 24's response, bullet glyph gone
    assert "including:\n    - a national marketing and recruitment campaign" in by_ref[24].response_2009
    assert "\u25cf" not in "".join(row.column(c) for row in rows for c in COLUMNS)
    # links keep their URL; entities decoded
    assert (
        "[www.dh.gov.uk/en/Publicationsandstatistics/Lettersandcirculars/Dearcolleagueletters/DH_102864]"
        "(http://www.dh.gov.uk/en/Publicationsandstatistics/Lettersandcirculars/Dearcolleagueletters/DH_102864)"
        in by_ref[5].progress_2010
    )
    assert "An Interim Progress Report & Work Programme" in by_ref[2].progress_2010
    # source quirk kept: a space before the comma after the italic title, and emphasis still works
    assert "*Working Together to Safeguard Children* , published today" in by_ref[7].progress_2010
    assert "<em>Working Together to Safeguard Children</em> , published today" in markdown.markdown(
        by_ref[7].progress_2010
    )
    for row in rows:
        for column in COLUMNS:
            assert not re.search(r"<[a-zA-Z/!?]", row.column(column)), (row.ref, column)


def test_bare_text_cells_and_mixed_rows(rows) -> None:
    rec36 = rows[35].response_2009.split("\n\n")
    assert rec36[0].startswith("Working with the Association of Chief Police Officers") and len(rec36) == 2
    assert rows[0].recommendation.startswith("The Home Secretary and the Secretaries of State")


def test_parsing_is_deterministic() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert parse_annex_table(text, source=NAME) == parse_annex_table(text, source=NAME)


# ---- crafted tables ---------------------------------------------------------------------------------


def table(*rows: str, before: str = "# Annex A\n\n", after: str = "") -> str:
    return before + "\n".join(rows) + "\n" + after


def row(*cells: str) -> str:
    return "\t".join(cells)


def test_a_recommendation_over_three_rows_with_a_header_repeated_inside_it() -> None:
    text = table(
        HEADER,
        row("1", "<p>First part.</p>", "<p>Response one.</p>", "<p>Progress one.</p>"),
        "",
        HEADER,
        row("", "<p>Second part.</p>", "", "<p>Progress two.</p>"),
        HEADER,
        row("", "<p>Third part.</p>", "<p>Response two.</p>", ""),
        row("2", "Next.", "R.", "P."),
        after="# Annex B\n\nrow\tafter\tthe\ttable\n",
    )
    parsed = parse_annex_table(text, source="t.md")
    assert [r.ref for r in parsed] == [1, 2]
    assert parsed[0].recommendation == "First part.\n\nSecond part.\n\nThird part."
    assert parsed[0].response_2009 == "Response one.\n\nResponse two."
    assert parsed[0].progress_2010 == "Progress one.\n\nProgress two."
    assert parsed[0].lines == (4, 7, 9) and parsed[1].lines == (10,)


def test_a_continuation_mid_sentence_is_joined_to_its_paragraph() -> None:
    text = table(
        HEADER,
        row("1", "Rec.", "<p>One.</p> <p>The Unit will support the protection of children</p>", "P."),
        HEADER,
        row("", "", "<p>and young people.</p> <p>Next paragraph.</p>", ""),
    )
    parsed = parse_annex_table(text, source="t.md")[0]
    assert parsed.response_2009 == (
        "One.\n\nThe Unit will support the protection of children and young people.\n\nNext paragraph."
    )
    assert parsed.joined == ("response_2009",)


def test_bare_text_and_html_cells_mixed() -> None:
    text = table(
        HEADER,
        row("1", "Bare <i>italic</i> text &amp; more", "<p>Para one.</p><ul><li>\u25cf item</li></ul>", "Plain."),
        row("", "", "<p>Para two.</p>", "<p>Second.</p>"),
    )
    parsed = parse_annex_table(text, source="t.md")[0]
    assert parsed.recommendation == "Bare *italic* text & more"
    assert parsed.response_2009 == "Para one.\n\n- item\n\nPara two."
    assert parsed.progress_2010 == "Plain.\n\nSecond."


def test_script_and_javascript_links_do_not_survive_but_link_text_does() -> None:
    text = table(
        HEADER,
        row(
            "1",
            '<p>Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a> there</p>',
            '<a href="https://ok.example/a">safe</a> <a href="data:text/html,hi">d</a>',
            '<style>p{}</style><iframe src="http://e.vil">inside</iframe><a href="mailto:a@b.c">mail</a>',
        ),
    )
    parsed = parse_annex_table(text, source="t.md")[0]
    assert parsed.recommendation == "Hi x there"
    assert parsed.response_2009 == "[safe](https://ok.example/a) d"
    assert parsed.progress_2010 == "[mail](mailto:a@b.c)"
    everything = parsed.recommendation + parsed.response_2009 + parsed.progress_2010
    assert "alert" not in everything and "javascript" not in everything and "inside" not in everything


@pytest.mark.parametrize(
    ("rows_", "line", "message"),
    [
        ([HEADER, row("1", "a", "b")], 4, "3 tab-separated cell(s), expected 4"),
        ([HEADER, row("1", "a", "b", "c", "d")], 4, "5 tab-separated cell(s), expected 4"),
        ([HEADER, row("1", "a", "b", "c"), "a stray line"], 5, "1 tab-separated cell(s)"),
        ([HEADER, row("1a", "a", "b", "c")], 4, "Ref No '1a' is not a number"),
        ([HEADER, row("1", "a", "b", "c"), row("1", "a", "b", "c")], 5, "duplicate Ref No 1"),
        ([HEADER, row("2", "a", "b", "c")], 4, "Ref No 2 skips recommendation(s) 1-1"),
        ([HEADER, row("1", "a", "b", "c"), row("2", "a", "b", "c"), row("1", "a", "b", "c")], 6, "duplicate"),
        ([HEADER, row("", "a", "b", "c")], 4, "continuation row (empty Ref No) before any recommendation"),
        ([HEADER, row("1", "", "b", "c")], 4, "the recommendation has no text"),
    ],
)
def test_bad_tables_give_a_data_error_naming_file_and_line(rows_: list[str], line: int, message: str) -> None:
    with pytest.raises(DataError) as caught:
        parse_annex_table(table(*rows_), source="t.md")
    assert caught.value.file == "t.md" and caught.value.line == line
    assert message in str(caught.value) and str(caught.value).startswith(f"t.md:{line}:")


def test_out_of_order_ref_is_named() -> None:
    rows_ = [HEADER, row("1", "a", "b", "c"), row("2", "a", "b", "c"), row("3", "a", "b", "c")]
    rows_[3] = row("2", "a", "b", "c")
    with pytest.raises(DataError, match="duplicate Ref No 2"):
        parse_annex_table(table(*rows_), source="t.md")
    rows_ = [HEADER, row("1", "a", "b", "c"), row("3", "a", "b", "c")]
    with pytest.raises(DataError, match=r"t\.md:5: recommendation 3: Ref No 3 skips"):
        parse_annex_table(table(*rows_), source="t.md")


def test_no_table_is_a_data_error() -> None:
    with pytest.raises(DataError, match="no Annex table found"):
        parse_annex_table("# Just a heading\n\nSome text.\n", source="t.md")
    with pytest.raises(DataError):
        parse_annex_table("", source="t.md")


def test_windows_line_endings_and_the_table_ending_at_a_heading() -> None:
    text = table(HEADER, row("1", "a", "b", "c"), after="## Next\n" + row("x", "y", "z", "w")).replace("\n", "\r\n")
    parsed = parse_annex_table(text, source="t.md")
    assert [(r.ref, r.recommendation, r.progress_2010) for r in parsed] == [(1, "a", "c")]
