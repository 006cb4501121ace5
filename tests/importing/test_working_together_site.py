"""A real strict build with imported sample chapters, in a copy of the project (never in docs/ itself)."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import vnu
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
    # References to an appendix: inside Working Together (a sentence planted in its imported chapter 5), and on
    # another document's page, bare (that document's own appendix: not linked) and naming Working Together.
    chapter_5 = project / "docs" / "working-together" / "chapter-5.md"
    chapter_5.write_text(chapter_5.read_text(encoding="utf-8").replace(
        "\n[5.2](#para-5-2)", "\nSample reference: see Appendix 2 for more.\n\n[5.2](#para-5-2)", 1), encoding="utf-8")
    other = project / "docs" / "one-year-on" / "chapter-2.md"
    other.write_text(other.read_text(encoding="utf-8") + "\n\nSample reference: see Appendix 2 for more. Sample "
                     "reference: see Appendix 3 of Working Together to Safeguard Children.\n", encoding="utf-8")
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


PARTS = ["executive-summary", "preface", "glossary"]


def test_the_imported_parts_have_pages_with_their_text_anchors_and_copyright(built) -> None:
    _, site, drawn = built
    parts = [p for sample in drawn for p in sample.parts]
    assert {p.slug for p in parts} >= {*PARTS, "appendix-1", "appendix-2", "appendix-3"}
    for part in parts:
        html = (site / "working-together" / f"{part.slug}.html").read_text(encoding="utf-8")
        assert "Crown copyright 2010" in html and "SAMPLE TEXT – not guidance." in html
        assert html.count("<h1") == 1 and "not yet included" not in html
        ids = re.findall(r'id="(para-[\d-]+)"', html)
        assert ids == ["para-" + n.replace(".", "-") for n in part.paragraphs]
        for term in part.terms:  # the glossary: a definition list
            assert f"<dt>{term}</dt>" in html
    glossary = (site / "working-together" / "glossary.html").read_text(encoding="utf-8")
    assert "<dl>" in glossary
    # The navigation line leads through the parts to chapter 1.
    preface = (site / "working-together" / "preface.html").read_text(encoding="utf-8")
    assert '<a href="executive-summary.html">← Executive summary</a>' in preface
    assert '<a href="glossary.html">Glossary →</a>' in preface
    assert '<a href="chapter-1.html">Chapter 1 →</a>' in glossary
    overview = (site / "working-together" / "index.html").read_text(encoding="utf-8")
    before = overview[overview.index('id="before-part-1"'):overview.index('id="part-1"')]
    assert re.findall(r'<a href="([a-z-]+)\.html">', before) == PARTS


def test_the_menu_lists_the_parts_where_the_publication_has_them(built) -> None:
    _, site, _ = built
    html = (site / "working-together" / "index.html").read_text(encoding="utf-8")
    order = re.findall(r'<a href="((?:executive-summary|preface|glossary|chapter-\d+|appendix-\d)\.html)" '
                       r'class="md-nav__link', html)
    expected = [f"{p}.html" for p in PARTS] + [f"chapter-{n}.html" for n in range(1, 13)] + \
        [f"appendix-{n}.html" for n in range(1, 4)]
    assert order == expected


def test_appendix_n_links_on_working_together_pages_only(built) -> None:
    _, site, _ = built
    chapter = (site / "working-together" / "chapter-5.html").read_text(encoding="utf-8")
    assert '<a href="appendix-2.html">Appendix 2</a> for more.' in chapter
    other = (site / "one-year-on" / "chapter-2.html").read_text(encoding="utf-8")
    assert "see Appendix 2 for more." in other  # another document's appendix: left as text
    assert re.search(r'<a href="\.\./working-together/appendix-3\.html">Appendix 3 of Working Together to '
                     r'Safeguard Children</a>', other), other[-3000:]


def test_the_imported_pages_are_valid_html(built) -> None:
    """Tables, boxes, diagram text, the glossary's definition list: vnu finds no error of our own making."""
    _, site, _ = built
    pages = site / "working-together"
    errors = vnu.vnu_errors(vnu.jar(), pages)
    # Stock Material's two known errors are on every page: so vnu read them all.
    assert {m["url"].rsplit("/", 1)[-1] for m in errors} == {p.name for p in pages.glob("*.html")}
    assert vnu.ours(errors) == []
