"""Tables, boxes and diagram text in the Working Together importer (importing/working_together_blocks.py).

The seeded samples draw them (working_together_sample_blocks.py) and say what each must become; every
sample test of the importer checks them through ``assert_set_apart_matches``.
"""

from __future__ import annotations

import re

import pytest
import working_together_samples as samples
from safeguarding_site.importing import working_together_blocks as blocks
from safeguarding_site.importing.working_together_markdown import chapter_page, check_word_for_word, markdown_words
from safeguarding_site.importing.working_together_text import Parsed, parse

ADMONITION = {"table": "!!! note wt-table", "box": "!!! quote wt-box", "diagram": "!!! note wt-diagram",
              "unrecognised": "!!! info wt-unrecognised"}


def assert_set_apart_matches(want: samples.ExpectedChapter, markdown: str) -> None:
    """Each table, box and diagram the generator laid out is on the page, labelled, in the generator's order."""
    found = re.findall(r"^!!! \w+ wt-(\w+) \"(.*)\"$", markdown, flags=re.MULTILINE)
    assert [kind for kind, _ in found] == [b.kind for b in want.set_apart]
    at = 0
    for block, (_, title) in zip(want.set_apart, found, strict=True):
        if block.caption:
            assert title.startswith(block.caption), (title, block.caption)  # the publication's caption kept
        heading = f'{ADMONITION[block.kind]} "{title}"\n\n'
        at = markdown.index(heading, at) + len(heading)
        if block.markdown:  # the Markdown table, header row first, right under its label
            assert markdown[at:].startswith("\n".join(block.markdown) + "\n\n"), block.markdown


# --- what is and is not recognised, on hand-made lines of our own ----------------------------------------

def parsed_with(*lines: str) -> Parsed:
    """A one-page part of chapter 11 with ``lines`` between its paragraphs 11.1 and 11.2."""
    text = "\n".join([f"{samples.ODD_HEADER} 3", "Chapter 11 – Safeguarding and promoting the welfare",
                      "of children who may be particularly vulnerable", "Sample timetables",
                      "11.1\tThis sample paragraph ends with a full stop.", *lines,
                      "11.2\tA second sample paragraph follows the lines.", ""])
    return parse(text, source="sample.txt", outline_titles=outline_titles())


def outline_titles() -> dict[int, str]:
    from test_working_together_text import outline_titles as titles

    return titles()


def kinds(parsed: Parsed) -> list[str]:
    return [block.kind for block in parsed.chapters[0].blocks]


def page(parsed: Parsed) -> str:
    pages = [chapter_page(chapter) for chapter in parsed.chapters]
    check_word_for_word(parsed, pages, "sample.txt")  # every word, in order, whatever the block
    return pages[0].markdown()


def test_a_captioned_table_with_tabs_becomes_a_markdown_table_with_its_caption_as_label() -> None:
    parsed = parsed_with("Table 1: Sample doors", "Sample item\tSample colour", "a door\tblue", "a gate\tgreen")
    assert kinds(parsed) == ["heading", "para", "table", "para"]
    assert '!!! note wt-table "Table 1: Sample doors"\n\n    | Sample item | Sample colour |\n    | --- | --- |\n' \
           "    | a door | blue |\n    | a gate | green |\n" in page(parsed)


def test_rows_lined_up_with_spaces_are_a_table_and_an_uncaptioned_one_is_labelled_as_ours() -> None:
    parsed = parsed_with("Sample item    Sample colour", "a door         blue", "a gate         green")
    assert kinds(parsed) == ["heading", "para", "table", "para"]
    assert f'!!! note wt-table "{blocks.TABLE_LABEL}"\n\n    | Sample item | Sample colour |' in page(parsed)


def test_prose_with_double_spaces_that_do_not_line_up_is_not_a_table() -> None:
    parsed = parsed_with("Sample prose of our own.  It has two spaces after its full stop and goes on",
                         "over a second line.  Which again has two spaces, elsewhere in the line.")
    assert "table" not in kinds(parsed) and "unrecognised" not in kinds(parsed)


def test_a_wrapped_cell_is_not_guessed_into_cells_but_kept_in_order_and_labelled() -> None:
    parsed = parsed_with("Table 2: Sample tasks", "Sample day\tSample task", "Tuesday\ta sample task that wraps",
                         "\tonto a second line", "Friday\tanother task")
    assert kinds(parsed) == ["heading", "para", "unrecognised", "para"]
    markdown = page(parsed)
    assert f'!!! info wt-unrecognised "Table 2: Sample tasks – {blocks.UNRECOGNISED_LABEL}"' in markdown
    assert "    Tuesday a sample task that wraps\n\n    onto a second line\n" in markdown
    assert "| --- |" not in markdown


def test_uncaptioned_rows_of_different_widths_with_tabs_are_kept_in_order_and_labelled() -> None:
    parsed = parsed_with("Sample day\tSample task\tSample place", "Tuesday\tsample watering")
    assert kinds(parsed) == ["heading", "para", "unrecognised", "para"]
    assert f'"{blocks.UNRECOGNISED_LABEL}"' in page(parsed)


def test_a_cell_cannot_break_the_table_or_inject_html() -> None:
    parsed = parsed_with("Table 3: Sample | pipes", "Sample a | b\tSample <script>x</script>", "c\td_e")
    markdown = page(parsed)
    assert "    | Sample a \\| b | Sample &lt;script>x&lt;/script> |\n    | --- | --- |\n    | c | d\\_e |" in markdown
    html = render(markdown)
    assert "<script" not in html and "&lt;script&gt;" in html and "<th>Sample a | b</th>" in html
    assert "Sample | pipes" in html


def test_a_box_keeps_its_caption_as_label_and_its_bullets_and_sentences_in_order() -> None:
    parsed = parsed_with("Box 1: Sample points", "A sample sentence inside the box that wraps onto",
                         "a second line.", "•\tsample apples;", "•\tsample pears.", "A closing sample sentence.")
    assert kinds(parsed) == ["heading", "para", "box", "para"]
    assert '!!! quote wt-box "Box 1: Sample points"\n\n    A sample sentence inside the box that wraps onto a ' \
           "second line.\n\n    - sample apples;\n\n    - sample pears.\n\n    A closing sample sentence.\n" \
           in page(parsed)


def test_short_lines_between_paragraphs_are_diagram_text_not_part_of_the_paragraph() -> None:
    parsed = parsed_with("Sample start", "Sample decision?", "Yes", "No", "Sample end")
    assert kinds(parsed) == ["heading", "para", "diagram", "para"]
    assert parsed.chapters[0].blocks[1].text == "This sample paragraph ends with a full stop."
    assert f'!!! note wt-diagram "{blocks.DIAGRAM_LABEL}"\n\n    Sample start\n\n    Sample decision?\n' \
           in page(parsed)


def test_short_sentences_or_a_wrapped_line_are_not_diagram_text() -> None:
    assert "diagram" not in kinds(parsed_with("A short sample.", "Another one.", "And a third."))
    assert "diagram" not in kinds(parsed_with("since", "2004 the sample", "has grown"))


def test_our_labels_are_not_counted_as_words_of_the_publication() -> None:
    parsed = parsed_with("Sample start", "Sample middle", "Sample end")
    words, _ = markdown_words(page(parsed))
    assert "Diagram" not in words and "extracted" not in words
    assert "stop. Sample start Sample middle Sample end 11.2 A second" in " ".join(words)


def render(markdown: str) -> str:
    import markdown as python_markdown

    body = markdown.split("\n---\n", 1)[1]
    return python_markdown.markdown(body, extensions=["admonition", "attr_list", "md_in_html", "tables",
                                                      "footnotes"])


def test_every_kind_is_drawn_by_the_fixed_seeds() -> None:
    from test_working_together_pdf import PDF_SEEDS
    from test_working_together_text import FIXED_SEEDS

    def drawn(seeds: list[int]) -> set[tuple[str, bool]]:
        return {(b.kind, bool(b.caption)) for seed in seeds for c in samples.generate(seed).chapters
                for b in c.set_apart}

    everything = {("table", True), ("table", False), ("unrecognised", True), ("box", True), ("diagram", False)}
    assert drawn(FIXED_SEEDS) == everything
    assert drawn(PDF_SEEDS) == everything
    texts = "\n".join(samples.generate(seed).text for seed in FIXED_SEEDS)
    assert "\nBox 1\n" in texts or "\nBox 2\n" in texts  # a box with no title after its number
    assert re.search(r"\n•\t.*\n(?:.*\n)*?The words in this box", texts)  # bullets inside a box
    assert re.search(r"\nSample item {3,}Sample colour {3,}Sample place\n", texts)  # lined up with spaces
    assert "\nSample item\tSample colour\tSample place\n" in texts  # separated by tabs


def test_text_that_looks_like_html_shows_as_the_source_has_it_in_paragraphs_too() -> None:
    # Python-Markdown has no backslash escape for "<": the writer once let "<b>" through as a tag.
    parsed = parsed_with("A sample line with <b>bold</b> and &amp; in it.")
    html = render(page(parsed))
    assert "<b>" not in html and "&lt;b&gt;bold&lt;/b&gt; and &amp;amp; in it." in html


def test_a_pdf_table_row_reads_across_as_cells_separated_by_tabs(tmp_path) -> None:
    """pdfminer.six's own layout analysis would read a table column by column; the reader keeps rows whole."""
    from safeguarding_site.importing.working_together_pdf import pdf_to_text

    if not samples.fonts_available():
        pytest.skip("the sample PDFs need the DejaVu fonts")
    sample = samples.generate(26)  # an uncaptioned table whose third column starts past the page's middle
    text = pdf_to_text(samples.write_pdf(sample, tmp_path / "sample.pdf"))
    assert "\nSample item\tSample colour\tSample place\n" in text
    assert "\nSample item\n" not in text and "\nSample place\n" not in text  # not read as two columns
