"""Golden files: each generated page of a small site, compared with its expected Markdown in tests/pages/golden/.

Each case is a folder tests/pages/golden/<case>/ holding a small cross_refs/ and the docs/ pages its data
quotes, and expected/: every file the generators make (pages, open data, the sections added to each
recommendation page), exactly. After a deliberate change to a generator, run
`pytest tests/pages/test_golden.py --regenerate-golden` and review the diff of expected/ in git.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from safeguarding_site.data.registers import load_cross_link_data
from safeguarding_site.data.site_data import load_site_data
from safeguarding_site.pages.recommendations import recommendation_pages
from safeguarding_site.pages.registers import build_cross_links
from safeguarding_site.pages.working_together import working_together_pages
from source_pages import source_pages

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "cross_refs").is_dir())

# The pages the test insists each case has, so a generator that silently stops making one fails here.
EXPECTED_PAGES = (
    "recommendations/index.md", "recommendations/1.md", "one-year-on/annex-a.md", "working-together/index.md",
    "working-together/chapter-1.md", "working-together/chapter-5.md", "glossary/index.md",
    "supporting-guidance/index.md", "organisations/index.md", "data/index.md",
)


def generated_files(case: Path) -> dict[str, str]:
    """Everything the generators make from the case's data and pages: path under expected/ -> text.

    Written against the page functions themselves; when the pipeline gains one function that assembles the
    site, this is the one place to call it instead.
    """
    data = load_site_data(case / "cross_refs", display_root=case)
    extra = load_cross_link_data(case / "cross_refs", data, display_root=case)
    links, problems = build_cross_links(data, extra, source_pages(case))
    assert problems == [], problems
    files = {**recommendation_pages(data), **working_together_pages(data), **links.generated}
    for rec in data.recommendations:  # the sections the pipeline adds to each recommendation page
        files[f"sections/recommendation-{rec.id}.md"] = (
            links.who_must_act_sections[rec.id] + "\n" + links.guidance_sections[rec.id])
    files["sections/abbreviations.md"] = links.abbreviations
    return files


def written(folder: Path) -> dict[str, str]:
    # Bytes, not text mode: the CSV's CRLF line ends are part of what is compared.
    return {p.relative_to(folder).as_posix(): p.read_bytes().decode("utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def regenerate(folder: Path, files: dict[str, str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(text.encode("utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_generated_pages_match_the_golden_files(case: str, request: pytest.FixtureRequest) -> None:
    made = generated_files(GOLDEN / case)
    expected_folder = GOLDEN / case / "expected"
    if request.config.getoption("regenerate_golden"):
        regenerate(expected_folder, made)
    expected = written(expected_folder)
    assert sorted(made) == sorted(expected), "generated files differ from expected/ (--regenerate-golden to accept)"
    for path in sorted(made):
        if made[path] != expected[path]:
            diff = difflib.unified_diff(expected[path].splitlines(keepends=True), made[path].splitlines(keepends=True),
                                        f"expected/{path}", f"generated/{path}")
            pytest.fail(f"{case}: {path} differs from its golden file (--regenerate-golden to accept):\n"
                        + "".join(diff), pytrace=False)


@pytest.mark.parametrize("case", CASES)
def test_each_case_covers_every_kind_of_generated_page(case: str) -> None:
    assert set(EXPECTED_PAGES) <= set(written(GOLDEN / case / "expected"))
