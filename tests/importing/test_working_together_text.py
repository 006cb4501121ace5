"""The Working Together importer on seeded samples of plain text: every paragraph, word and footnote."""

from __future__ import annotations

from pathlib import Path

import pytest
import working_together_samples as samples
import yaml
from safeguarding_site.importing.working_together_markdown import chapter_page, markdown_words, part_page
from safeguarding_site.importing.working_together_text import Parsed, parse
from test_working_together_blocks import assert_set_apart_matches

ROOT = Path(__file__).resolve().parents[2]
FIXED_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 26]  # 26 draws chapter 5 with a flow chart


def outline_titles() -> dict[int, str]:
    data = yaml.safe_load((ROOT / "cross_refs" / "working-together.yaml").read_text(encoding="utf-8"))
    return {c["number"]: c["title"] for c in data["chapters"]}


def parse_sample(text: str) -> Parsed:
    """As the importer calls the parser: with the outline's chapter and appendix titles and front matter."""
    data = yaml.safe_load((ROOT / "cross_refs" / "working-together.yaml").read_text(encoding="utf-8"))
    return parse(text, source="sample.txt", outline_titles=outline_titles(),
                 appendix_titles={a["number"]: a["title"] for a in data["appendices"]},
                 front_matter=samples.outline()["front_matter"])


def assert_parts_match(sample: samples.Sample, parsed: Parsed, *, whole: bool) -> None:
    """Executive summary, preface, glossary and appendices: present, titled, anchored and word for word."""
    wanted = [p for p in sample.parts if whole or p.number is not None]  # an extract from chapter 1 on
    assert [p.slug for p in parsed.parts] == [p.slug for p in wanted]
    for want, got in zip(wanted, parsed.parts, strict=True):
        markdown = part_page(got).markdown()
        assert got.title == want.title
        assert [b.text for b in got.blocks if b.kind == "heading"] == want.sections
        for number in want.paragraphs:
            anchor = "para-" + number.replace(".", "-")
            assert f"[{number}](#{anchor})" in markdown and f"{{ #{anchor} .numbered }}" in markdown, number
        assert markdown.count(".numbered }") == len(want.paragraphs)
        words, notes = markdown_words(markdown)
        assert [w.replace("*", "") for w in words] == want.words, want.slug
        assert notes == [w for n in sorted(want.footnotes) for w in want.footnotes[n]]
        for term in want.terms:  # a definition list: the term, then its definition on a line of its own
            assert f"\n{term}\n:   " in markdown
    if whole:
        assert parsed.set_aside == []  # every line is imported, or listed as debris


def assert_matches_sample(sample: samples.Sample, text: str, *, whole: bool = True) -> None:
    """The importer's pages against what the generator laid out (never against the importer itself)."""
    parsed = parse_sample(text)
    assert_parts_match(sample, parsed, whole=whole)
    assert [c.number for c in parsed.chapters] == [c.number for c in sample.chapters]
    for want, got in zip(sample.chapters, parsed.chapters, strict=True):
        markdown = chapter_page(got).markdown()
        assert got.title == want.title
        for number in want.paragraphs:
            anchor = "para-" + number.replace(".", "-")
            assert f"[{number}](#{anchor})" in markdown and f"{{ #{anchor} .numbered }}" in markdown, number
        assert markdown.count(".numbered }") == len(want.paragraphs)
        words, notes = markdown_words(markdown)
        assert [w.replace("*", "") for w in words] == want.words
        assert notes == [w for n in sorted(want.footnotes) for w in want.footnotes[n]]
        for n in want.footnotes:
            assert f"[^{n}]: " in markdown  # the publication's own footnote number
        assert_set_apart_matches(want, markdown)  # tables, boxes, diagram text


@pytest.mark.parametrize("seed", FIXED_SEEDS)
def test_sample_text_imports_word_for_word(seed: int) -> None:
    sample = samples.generate(seed)
    assert_matches_sample(sample, sample.text)


def test_a_wrapped_line_starting_with_the_next_paragraph_number_stays_text() -> None:
    # Seed 3 draws "about" / "11.5 per cent …" before the real paragraph 11.5.
    sample = samples.generate(3)
    assert "about\n11.5 per cent" in sample.text
    parsed = parse(sample.text, source="s", outline_titles=outline_titles())
    paras = {b.number: b.text for b in parsed.chapters[0].paragraphs()}
    assert "about 11.5 per cent of the sample rows." in paras["11.4"]
    assert paras["11.5"].startswith("This filler sentence")


def test_running_headers_glued_page_numbers_and_contents_do_not_reach_the_pages() -> None:
    sample = samples.generate(3)
    assert "2Working Together to Safeguard Children" in sample.text  # a page number glued to the header
    parsed = parse_sample(sample.text)
    markdown = chapter_page(parsed.chapters[0]).markdown()
    assert samples.ODD_HEADER not in markdown and "Contents" not in markdown
    assert "\t" not in markdown and "•" not in markdown
    assert [e.title for e in parsed.contents if e.chapter][:1] == [
        "Safeguarding and promoting the welfare of children who may be particularly vulnerable"]


def test_bullets_and_lettered_items_become_list_items() -> None:
    for seed in FIXED_SEEDS:
        sample = samples.generate(seed)
        parsed = parse_sample(sample.text)
        markdown = "\n".join([*(chapter_page(c).markdown() for c in parsed.chapters),
                              *(part_page(p).markdown() for p in parsed.parts)])
        items = markdown.count("\n- ") + markdown.count("\n    - ")  # a box's bullets are inside the box
        assert items == sample.text.count("\n•\t") + sample.text.count("\n(")


def test_every_feature_is_drawn_by_the_fixed_seeds() -> None:
    texts = [samples.generate(seed).text for seed in FIXED_SEEDS]
    assert any("\n•\t" in t for t in texts) and any("\n(a)\t" in t for t in texts)
    assert any("Flow chart 1:" in t for t in texts)
    assert any("\n2008 " in t or "\n2009 " in t or "\n2004 " in t for t in texts)
    assert any("\t" not in line[:8] for t in texts for line in t.split("\n") if line[:1].isdigit() and "  " in line)
    assert any(line.startswith("Chapter") and "\t" not in line and len(line) < 60 for t in texts
               for line in t.split("\n"))
    assert any(samples.ODD_HEADER + " " in t for t in texts)
    # Footnotes numbered afresh in each chapter (seed 9: chapters 7 and 11 both have a footnote 1).
    assert all(1 in c.footnotes for c in samples.generate(9).chapters)


def test_unseen_seeds(request: pytest.FixtureRequest) -> None:
    """20 seeds never used while the importer was written (see working_together_seeds.py)."""
    from working_together_seeds import unseen_seeds

    failures = []
    for seed in unseen_seeds():
        sample = samples.generate(seed)
        try:
            assert_matches_sample(sample, sample.text)
            assert_matches_sample(sample, part_of(sample), whole=False)
        except Exception as error:  # collect them all: one seed's failure should not hide another's
            failures.append(f"seed {seed}: {type(error).__name__}: {str(error)[:300]}")
    assert not failures, "\n".join(failures)


def part_of(sample: samples.Sample) -> str:
    """The sample from its first chapter on: no cover and no contents list, as a two-chapter extract has."""
    lines = sample.text.split("\n")
    first = next(i for i, line in enumerate(lines) if i > 3 and line.startswith("Chapter ") and "\t" not in line
                 and (samples.ODD_HEADER in lines[i - 1] or samples.EVEN_HEADER in lines[i - 1]))
    return "\n".join(lines[first - 1:])  # from the running header of the chapter's first page


@pytest.mark.parametrize("seed", FIXED_SEEDS)
def test_a_part_without_its_contents_list_finds_its_headings_by_layout(seed: int) -> None:
    sample = samples.generate(seed)
    text = part_of(sample)
    assert "Contents" not in text
    assert_matches_sample(sample, text, whole=False)


def test_every_part_and_its_features_are_drawn_by_the_fixed_seeds() -> None:
    drawn = [p for seed in FIXED_SEEDS for p in samples.generate(seed).parts]
    assert {p.slug for p in drawn} >= {"executive-summary", "preface", "glossary", "appendix-1", "appendix-2",
                                       "appendix-3"}
    assert any(p.paragraphs for p in drawn) and any(not p.paragraphs and p.slug != "glossary" for p in drawn)
    assert any("." in n for p in drawn for n in p.paragraphs)  # an appendix numbering 2.1, 2.2 …
    assert any(p.footnotes for p in drawn)
    texts = [samples.generate(seed).text for seed in FIXED_SEEDS]
    assert any("\nAppendix 1\n" in t or "\nAppendix 2\n" in t or "\nAppendix 3\n" in t for t in texts)
    assert any("\nAppendix 2 – " in t or "\nAppendix 1 – " in t or "\nAppendix 3 – " in t for t in texts)
    assert any("\nWorking Together to Safeguard\nChildren: Executive Summary\n" in t for t in texts)  # wrapped


@pytest.mark.parametrize("seed", FIXED_SEEDS)
def test_parts_of_the_sample_text_import_word_for_word(seed: int) -> None:
    sample = samples.generate(seed)
    parsed = parse_sample(sample.text)
    assert_parts_match(sample, parsed, whole=True)
    # The word-for-word check of the whole publication covers the parts too.
    assert len(parsed.source_words) == sum(len(c.words) for c in sample.chapters) + sum(
        len(p.words) for p in sample.parts)


def test_a_paragraph_numbered_like_a_footnote_on_the_same_page_stays_a_paragraph() -> None:
    # Seed 30's preface numbers its paragraphs 1, 2 …: paragraph 2 and footnote 2 start lines of one page.
    sample = samples.generate(30)
    assert "\n2 The sample keeps" in sample.text and "\n2 Sample note" in sample.text
    preface = next(p for p in parse_sample(sample.text).parts if p.slug == "preface")
    assert [b.number for b in preface.paragraphs()][:3] == ["1", "2", "3"]
    assert preface.footnotes[2].startswith("Sample note")


def from_the_front_matter(sample: samples.Sample) -> str:
    """The sample without its cover and contents list: from the first page after the contents on."""
    lines = sample.text.split("\n")
    contents = lines.index("Contents")
    first = next(i for i, line in enumerate(lines) if i > contents and (samples.ODD_HEADER in line
                                                                        or samples.EVEN_HEADER in line))
    return "\n".join(lines[first:])


@pytest.mark.parametrize("seed", [1, 26, 30])
def test_the_front_matter_without_its_contents_list_takes_its_sections_from_the_outline(seed: int) -> None:
    sample = samples.generate(seed)
    text = from_the_front_matter(sample)
    assert "Contents" not in text and any(p.number is None for p in sample.parts)
    assert_parts_match(sample, parse_sample(text), whole=True)
