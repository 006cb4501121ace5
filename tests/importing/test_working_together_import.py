"""``build.py import-working-together``: what it writes, what it refuses, and its errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import working_together_samples as samples
import yaml
from safeguarding_site.commands.main import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "cross_refs").mkdir(parents=True)
    shutil.copy(ROOT / "cross_refs" / "working-together.yaml", root / "cross_refs")
    (root / "sources").mkdir()
    shutil.copy(ROOT / "sources" / "working-together-2010-outline.yaml", root / "sources")
    return root


def run(project: Path, path: Path, *extra: str) -> int:
    return main(["--root", str(project), "import-working-together", str(path), *extra])


def data(project: Path) -> dict:
    return yaml.safe_load((project / "cross_refs" / "working-together.yaml").read_text(encoding="utf-8"))


def with_contents_entry_retitled(tmp_path: Path, wanted, title: str) -> tuple[Path, int]:
    """Sample 7's text with the first contents entry ``wanted`` picks retitled, keeping its page number; and
    the entry's index among the lines."""
    lines = samples.generate(7).text.split("\n")
    entry = next(i for i, line in enumerate(lines) if wanted(line) and "\t" in line)
    lines[entry] = f"{title}\t" + lines[entry].split("\t")[1]
    source = tmp_path / "wt.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    return source, entry


def test_writes_one_page_per_chapter_and_fills_the_sections(project: Path, tmp_path: Path) -> None:
    sample = samples.generate(7)  # chapters 4 and 8: 8's title is unconfirmed in the outline
    assert run(project, samples.write_text(sample, tmp_path / "wt.txt")) == 0
    out = project / "docs" / "working-together"
    assert [p.slug for p in sample.parts] == ["preface", "appendix-1", "appendix-2", "appendix-3"]
    assert sorted(p.name for p in out.iterdir()) == ["appendix-1.md", "appendix-2.md", "appendix-3.md",
                                                     "chapter-4.md", "chapter-8.md", "preface.md"]
    page = (out / "chapter-8.md").read_text(encoding="utf-8")
    assert page.startswith("---\ngenerated_sha256: ")
    for number in sample.chapter(8).paragraphs:
        assert f"{{ #para-{number.replace('.', '-')} .numbered }}" in page
    chapters = {c["number"]: c for c in data(project)["chapters"]}
    assert chapters[8]["confirmed"] is True and chapters[8]["title"] == sample.chapter(8).title
    assert chapters[8]["sections_complete"] is True
    assert [(s["title"], s["paragraphs"]) for s in chapters[8]["sections"]] == sample.chapter(8).sections
    assert chapters[1]["sections"][0]["paragraphs"] == "1.1-1.3"  # chapters not in the file are untouched


def test_a_confirmed_title_in_other_letter_case_is_recorded_as_the_publication_prints_it(
        project: Path, tmp_path: Path) -> None:
    sample = samples.generate(10)  # chapter 8's heading in title case; the data records "Serious case reviews"
    assert sample.chapter(8).title == "Serious Case Reviews"
    assert {c["number"]: c for c in data(project)["chapters"]}[8]["title"] == "Serious case reviews"
    assert run(project, samples.write_text(sample, tmp_path / "wt.txt")) == 0
    assert {c["number"]: c for c in data(project)["chapters"]}[8]["title"] == "Serious Case Reviews"


def test_a_confirmed_title_with_other_words_is_an_error_at_the_heading(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "cross_refs" / "working-together.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Serious case reviews",
                                                              "title: Serious case audits"), encoding="utf-8")
    before = path.read_bytes()
    sample = samples.generate(7)
    source = samples.write_text(sample, tmp_path / "wt.txt")
    assert run(project, source) != 0
    # The heading in the body: the last line to start so (the first is its contents entry).
    line = [i for i, text in enumerate(source.read_text(encoding="utf-8").split("\n"), 1)
            if text.startswith("Chapter 8")][-1]
    err = capsys.readouterr().err
    assert f"wt.txt:{line}" in err and "Serious case audits" in err
    assert path.read_bytes() == before and not (project / "docs").exists()


def test_pdf_input_and_out_option(project: Path, tmp_path: Path) -> None:
    if not samples.fonts_available():
        pytest.skip("the sample PDFs need the DejaVu fonts")
    sample = samples.generate(3)
    assert run(project, samples.write_pdf(sample, tmp_path / "wt.pdf"), "--out", str(tmp_path / "out")) == 0
    page = (tmp_path / "out" / "chapter-11.md").read_text(encoding="utf-8")
    assert "*Sample Handbook of Imaginary Procedures*" in page  # italics, as the PDF shows them


def test_a_second_run_changes_nothing_and_an_edited_page_is_not_overwritten(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = samples.write_text(samples.generate(7), tmp_path / "wt.txt")
    assert run(project, source) == 0
    assert run(project, source) == 0
    assert "0 written, 7 unchanged" in capsys.readouterr().out
    page = project / "docs" / "working-together" / "chapter-4.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    other = samples.write_text(samples.generate(8), tmp_path / "other.txt")  # chapter 7 only
    before = data(project)
    assert run(project, source) == 1
    err = capsys.readouterr().err
    assert "chapter-4.md: edited since it was imported" in err and "nothing written" in err
    assert "An editor's note." in page.read_text(encoding="utf-8")
    assert run(project, other) == 0  # another chapter: the edited page is not touched
    assert (project / "docs" / "working-together" / "chapter-7.md").exists()
    assert "An editor's note." in page.read_text(encoding="utf-8")
    assert data(project)["chapters"][3] == before["chapters"][3]
    assert run(project, source, "--force") == 0
    assert "An editor's note." not in page.read_text(encoding="utf-8")


def test_a_contents_list_that_disagrees_is_an_error_naming_page_and_line(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, entry = with_contents_entry_retitled(
        tmp_path, lambda line: line.startswith("Sample"), "A section the body does not have")
    assert run(project, source) == 1
    err = capsys.readouterr().err
    line = entry + 1
    assert f"{source}:{line}: chapter 8: the contents list (page 2) names section 'A section the body does not " \
           "have', which is not among the chapter's headings" in err, err
    assert not (project / "docs").exists()


def test_a_section_range_that_disagrees_with_the_outline_is_an_error(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = samples.generate(10)  # chapter 1, whose sections and ranges the outline records
    assert 1 in [c.number for c in sample.chapters]
    text = (project / "cross_refs" / "working-together.yaml").read_text(encoding="utf-8")
    (project / "cross_refs" / "working-together.yaml").write_text(
        text.replace("paragraphs: 1.1-1.3", "paragraphs: 1.1-1.4"), encoding="utf-8")
    assert run(project, samples.write_text(sample, tmp_path / "wt.txt")) == 1
    err = capsys.readouterr().err
    assert re.search(r":\d+: chapter 1: section 'Supporting children and families' \(page \d+\) holds paragraphs "
                     r"1.1-1.3, but cross_refs/working-together.yaml records 1.1-1.4", err), err
    assert not (project / "docs").exists()


def test_a_lost_word_fails_the_word_for_word_check(monkeypatch: pytest.MonkeyPatch, project: Path,
                                                   tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from safeguarding_site.importing import working_together_markdown

    real = working_together_markdown._inline
    monkeypatch.setattr(working_together_markdown, "_inline", lambda text: real(text.replace(" plan ", " ")))
    assert run(project, samples.write_text(samples.generate(7), tmp_path / "wt.txt")) == 1
    assert "word-for-word check of the text failed at word" in capsys.readouterr().err
    assert not (project / "docs").exists()


@pytest.mark.parametrize("content", [b"", b"\xff\xfe not utf-8 \x80", b"just some text\nwithout chapters\n"])
def test_bad_input_ends_in_one_line(content: bytes, project: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "wt.txt"
    source.write_bytes(content)
    assert run(project, source) == 1
    err = capsys.readouterr().err.strip().split("\n")
    assert len(err) == 2 and err[0].startswith(str(source)) and err[1].endswith("nothing written.")


def test_build_py_import_keeps_the_sections_read_from_the_publication(project: Path, tmp_path: Path) -> None:
    from safeguarding_site.importing.run import run_import

    shutil.copytree(ROOT / "sources", project / "sources", dirs_exist_ok=True)
    assert run(project, samples.write_text(samples.generate(7), tmp_path / "wt.txt")) == 0
    after_pdf = (project / "cross_refs" / "working-together.yaml").read_text(encoding="utf-8")
    report = run_import(project)
    assert report.kept == ["cross_refs/working-together.yaml"] and not report.refused
    assert (project / "cross_refs" / "working-together.yaml").read_text(encoding="utf-8") == after_pdf


def test_the_parts_around_the_chapters_get_pages_with_the_same_protections(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = samples.generate(30)  # executive summary, preface, glossary, appendix 2; chapters 1, 6, 11
    source = samples.write_text(sample, tmp_path / "wt.txt")
    assert run(project, source) == 0
    assert "chapters 1, 6, 11 and executive-summary, preface, glossary, appendix-2;" in capsys.readouterr().out
    out = project / "docs" / "working-together"
    for part in sample.parts:
        page = (out / f"{part.slug}.md").read_text(encoding="utf-8")
        assert page.startswith("---\ngenerated_sha256: ") and "generated_by: build.py import-working-together" in page
        for number in part.paragraphs:
            assert f"{{ #para-{number.replace('.', '-')} .numbered }}" in page
    glossary = (out / "glossary.md").read_text(encoding="utf-8")
    assert "# Glossary\n" in glossary and all(f"\n{t}\n:   " in glossary for t in sample.parts[2].terms)
    appendix = (out / "appendix-2.md").read_text(encoding="utf-8")
    assert "title: 'Appendix 2: " in appendix and "\nappendix: 2\n" in appendix
    # The appendix's title, as the publication prints it, is now confirmed in cross_refs/.
    recorded = {a["number"]: a for a in data(project)["appendices"]}
    assert recorded[2] == {"number": 2, "title": sample.parts[3].title, "confirmed": True}
    assert recorded[1]["confirmed"] is False  # not in the input: as it was
    # An editor's change to a part's page is never overwritten, and then nothing is written.
    preface = out / "preface.md"
    preface.write_text(preface.read_text(encoding="utf-8") + "\nAn editor's note.\n", encoding="utf-8")
    assert run(project, source) == 1
    err = capsys.readouterr().err
    assert "preface.md: edited since it was imported" in err and "nothing written" in err


def test_a_lost_word_of_a_part_fails_the_word_for_word_check(
        monkeypatch: pytest.MonkeyPatch, project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from safeguarding_site.importing import working_together_markdown

    real = working_together_markdown._block

    def losing(block, ids, reserved):  # a glossary definition loses a word; nothing else changes
        lines = real(block, ids, reserved)
        return [lines[0], lines[1].replace(" the ", " ", 1), *lines[2:]] if block.kind == "entry" else lines

    monkeypatch.setattr(working_together_markdown, "_block", losing)
    assert run(project, samples.write_text(samples.generate(30), tmp_path / "wt.txt")) == 1
    assert "word-for-word check of the text failed at word" in capsys.readouterr().err
    assert not (project / "docs").exists()


def test_a_contents_list_that_disagrees_with_an_appendix_is_an_error_naming_page_and_line(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Seed 7: appendices 1, 2 and 3 after chapters 4 and 8.
    source, entry = with_contents_entry_retitled(
        tmp_path, lambda line: line.startswith("Appendix 1 – "), "Appendix 1 – A title the body does not have")
    assert run(project, source) == 1
    err = capsys.readouterr().err
    assert f"{source}:{entry + 1}: appendix 1: the contents list (page 2) gives the title 'A title the body does " \
           "not have' but the appendix heading" in err, err
    assert not (project / "docs").exists()
