"""A real strict build with imported sample chapters, in a copy of the project (never in docs/ itself)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import working_together_samples as samples
from safeguarding_site.commands.main import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[samples.Sample]]:
    project = tmp_path_factory.mktemp("project")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in tracked.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    # Chapters 2, 6, 7, 10; 5 (with a flow chart), 8, 12; between them tables (one with a wrapped cell, kept as
    # words), boxes and diagram text.
    drawn = [samples.generate(5), samples.generate(26)]
    folder = tmp_path_factory.mktemp("sources")
    for sample in drawn:
        source = samples.write_text(sample, folder / f"{sample.seed}.txt")
        if sample.seed == 26 and samples.fonts_available():
            source = samples.write_pdf(sample, folder / f"{sample.seed}.pdf")
        assert main(["--root", str(project), "import-working-together", str(source)]) == 0
    # An editor records the paragraph of chapter 5 that implements recommendation 11.
    recs = project / "cross_refs" / "recommendations.yaml"
    recs.write_text(recs.read_text(encoding="utf-8").replace(
        "  - chapter: 5\n    status: implements\n    column: progress_2010\n",
        "  - chapter: 5\n    status: implements\n    paragraphs: [\"5.2\"]\n    column: progress_2010\n", 1),
        encoding="utf-8")
    site = tmp_path_factory.mktemp("site") / "site"
    assert main(["--root", str(project), "build", "--site-dir", str(site)]) == 0  # check, then a strict build
    return project, site, drawn


def test_every_paragraph_of_the_samples_has_its_anchor_on_the_built_page(built) -> None:
    _, site, drawn = built
    for sample in drawn:
        for chapter in sample.chapters:
            html = (site / "working-together" / f"chapter-{chapter.number}.html").read_text(encoding="utf-8")
            ids = re.findall(r'id="(para-\d+-\d+)"', html)
            assert ids == ["para-" + n.replace(".", "-") for n in chapter.paragraphs]
            assert "Crown copyright 2010" in html and "SAMPLE TEXT – not guidance." in html
            assert html.count("<h1") == 1  # the imported heading is not repeated
            assert f'id="chapter-{chapter.number}-recommendations"' in html


def test_a_chapter_without_imported_text_keeps_its_generated_page(built) -> None:
    _, site, _ = built
    html = (site / "working-together" / "chapter-1.html").read_text(encoding="utf-8")
    assert "The text of this chapter is not yet included" in html and "Crown copyright 2010" not in html


def test_paragraphs_recorded_in_implemented_by_link_to_the_paragraph(built) -> None:
    _, site, _ = built
    html = (site / "recommendations" / "11.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./working-together/chapter-5\.html#para-5-2">5\.2</a>', html), html


def test_a_paragraph_not_in_the_imported_text_fails_check(built, capsys: pytest.CaptureFixture[str]) -> None:
    project, _, _ = built
    recs = project / "cross_refs" / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    line = text[: text.index('paragraphs: ["5.2"]')].count("\n") + 1
    try:
        recs.write_text(text.replace('paragraphs: ["5.2"]', 'paragraphs: ["5.99"]'), encoding="utf-8")
        assert main(["--root", str(project), "check"]) == 1
        out = capsys.readouterr()
        assert f"cross_refs/recommendations.yaml:{line}: recommendation 11: implemented_by[0]: paragraphs: 5.99 " \
               "is not a paragraph of chapter 5's imported text" in out.out + out.err
    finally:
        recs.write_text(text, encoding="utf-8")


def test_paragraph_links_are_named_and_searchable(built) -> None:
    _, site, _ = built
    html = (site / "working-together" / "chapter-5.html").read_text(encoding="utf-8")
    assert 'href="#para-5-2" aria-label="Paragraph 5.2"' in html.replace(' title="Link to paragraph 5.2"', "")
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"working-together/chapter-5.html#para-5-2","title":"Paragraph 5.2"' in index


class _TableTags(HTMLParser):
    """The page's table and block tags, checked for nesting as it goes: a stray or unclosed one is an error."""

    NESTING = {"thead": {"table"}, "tbody": {"table"}, "tr": {"thead", "tbody"}, "th": {"tr"}, "td": {"tr"}}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.header_cells = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("table", "div", *self.NESTING):
            if tag in self.NESTING and (not self.stack or self.stack[-1] not in self.NESTING[tag]):
                self.errors.append(f"<{tag}> inside {self.stack[-1:]}")
            self.header_cells += tag == "th"
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("table", "div", *self.NESTING):
            if not self.stack or self.stack.pop() != tag:
                self.errors.append(f"</{tag}> does not close the open element")


def test_tables_boxes_and_diagram_text_are_labelled_and_tables_have_a_header_row(built) -> None:
    from safeguarding_site.importing.working_together_blocks import DIAGRAM_LABEL, TABLE_LABEL, UNRECOGNISED_LABEL

    _, site, drawn = built
    seen = set()
    for sample in drawn:
        for chapter in sample.chapters:
            html = (site / "working-together" / f"chapter-{chapter.number}.html").read_text(encoding="utf-8")
            tags = _TableTags()
            tags.feed(html)
            assert not tags.errors and not tags.stack, tags.errors[:3]
            for kind in ("table", "box", "diagram", "unrecognised"):
                count = sum(1 for b in chapter.set_apart if b.kind == kind)
                assert html.count(f' wt-{kind}">') == count, (chapter.number, kind)
                seen |= {kind} if count else set()
            tables = [b for b in chapter.set_apart if b.kind == "table"]
            found = re.findall(r'<div class="admonition note wt-table">\s*<p class="admonition-title">(.*?)</p>\s*'
                               r"<table>\s*<thead>\s*<tr>\s*((?:<th>[^<]*</th>\s*)+)</tr>\s*</thead>", html)
            assert len(found) == len(tables)
            for block, (title, header) in zip(tables, found, strict=True):
                assert title == (block.caption or TABLE_LABEL)
                cells = block.markdown[0].strip(" |").split(" | ")
                assert re.findall(r"<th>([^<]*)</th>", header) == cells
            assert html.count(f">{DIAGRAM_LABEL}</p>") == sum(1 for b in chapter.set_apart if b.kind == "diagram")
            assert html.count(f"{UNRECOGNISED_LABEL}</p>") == \
                sum(1 for b in chapter.set_apart if b.kind == "unrecognised")
    assert seen == {"table", "box", "diagram", "unrecognised"}
