"""pages/site.py: the one pipeline the build and `check` both call, so they see, and report, the same pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from editing import add_to_progress_update
from mkdocs.utils.meta import get_data
from safeguarding_site.checks.project import check_project, read_project
from safeguarding_site.commands.main import main
from safeguarding_site.data.registers import load_cross_link_data
from safeguarding_site.data.site_data import load_site_data
from safeguarding_site.pages.site import assemble_site

BUILD_INPUTS = ("cross_refs", "docs", "overrides", "mkdocs.yml")


@pytest.fixture()
def project(tmp_path: Path, root: Path) -> Path:
    """A copy of everything `check` and `mkdocs build` read."""
    for name in BUILD_INPUTS:
        if (root / name).is_dir():
            shutil.copytree(root / name, tmp_path / name)
        else:
            shutil.copy(root / name, tmp_path / name)
    return tmp_path


def sources(root: Path) -> dict[str, str]:
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def assembled(root: Path):
    data = load_site_data(root / "cross_refs", display_root=root)
    cross = load_cross_link_data(root / "cross_refs", data, display_root=root)
    return assemble_site(data, cross, sources(root), read_meta=get_data)


def test_every_page_generated_and_source_alike_gets_its_final_markdown(root: Path) -> None:
    site = assembled(root)
    generated = {path for path, page in site.pages.items() if page.generated}
    assert {"recommendations/1.md", "recommendations/58.md", "working-together/chapter-5.md",
            "one-year-on/annex-a.md", "glossary/index.md", "download.md"} <= generated
    assert set(sources(root)) == {path for path, page in site.pages.items() if not page.generated}
    assert {"data/recommendations.json", "recommendations/1.md"} <= set(site.generated)
    page = site.pages["recommendations/3.md"]
    # The sections go above the closing rule and source note, as readers see them; "Referred to in" too.
    sections = [page.final.index(heading) for heading in ("## Who must act", "## Referred to in")
                if heading in page.final]
    assert sections and max(sections) < page.final.rindex("\n---\n") < page.final.index("Source: [Annex A]")
    # References in the source pages are links, made by the same pass.
    letter = site.pages["chief-adviser/index.md"]
    assert "](../one-year-on/index.md)" in letter.final and "](../one-year-on/index.md)" not in letter.markdown


def test_check_sees_the_pages_the_build_renders(root: Path, built_site: Path) -> None:
    """The anchors `check` believes in are in the built HTML, the "Referred to in" sections' too."""
    project = read_project(root)
    assert project.assembled is not None
    page = project.site.pages["recommendations/3.md"]
    assert page.markdown == project.assembled.pages["recommendations/3.md"].final
    assert "referred-to-in" in page.anchor_ids or "Referred to in" not in page.markdown
    html = (built_site / "recommendations/3.html").read_text(encoding="utf-8")
    assert all(f'id="{anchor}"' in html for anchor in page.anchor_ids)


def test_a_page_in_docs_may_not_hide_a_generated_one(root: Path) -> None:
    data = load_site_data(root / "cross_refs", display_root=root)
    cross = load_cross_link_data(root / "cross_refs", data, display_root=root)
    with pytest.raises(Exception) as caught:
        assemble_site(data, cross, {**sources(root), "recommendations/3.md": "# Mine\n"}, read_meta=get_data)
    assert "docs/recommendations/3.md: this page has the same path as a page the site generates" in str(caught.value)


# ----- check and build report the same problems -----


def check_lines(project: Path) -> list[str]:
    return [str(problem) for problem in check_project(project)]


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    """The plugin on its own, without `build.py build`'s check in front of it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                           "-d", str(project / "out")], cwd=project, capture_output=True, text=True, env=env)


def test_a_script_in_a_page_is_the_same_problem_to_check_and_to_the_build(
        project: Path, capfd: pytest.CaptureFixture[str]) -> None:
    page = project / "docs/one-year-on/chapter-1.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- x --!><script>alert(1)</script><!-- -->\n",
                    encoding="utf-8")
    checked = check_lines(project)
    assert len(checked) == 1 and checked[0].startswith("docs/one-year-on/chapter-1.md:")
    message = checked[0].split(": ", 1)[1]
    assert "raw HTML <script> is not allowed" in message
    assert main(["--root", str(project), "build"]) == 1
    assert checked[0] in capfd.readouterr().err
    built = mkdocs_build(project)
    assert built.returncode != 0
    assert f"docs/one-year-on/chapter-1.md: {message}" in built.stderr


def test_a_bad_quote_is_the_same_problem_to_check_and_to_the_build(
        project: Path, capfd: pytest.CaptureFixture[str]) -> None:
    recs = project / "cross_refs/recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    quote = text.index("    quote: ", text.index("  implemented_by:\n  - chapter:")) + len("    quote: ")
    recs.write_text(text[:quote] + "XYZZY " + text[quote:], encoding="utf-8")
    checked = check_lines(project)
    assert len(checked) == 1, checked  # the cause only, none of what follows from it
    assert re.match(r"cross_refs/recommendations.yaml:\d+: recommendation \d+: implemented_by\[0\]: quote "
                    r"'XYZZY .*'… does not occur in", checked[0])
    assert main(["--root", str(project), "build"]) == 1
    assert checked[0] in capfd.readouterr().err
    built = mkdocs_build(project)
    assert built.returncode != 0 and checked[0] in built.stderr


def test_a_broken_link_is_a_problem_to_check_and_to_the_build(
        project: Path, capfd: pytest.CaptureFixture[str]) -> None:
    page = project / "docs/one-year-on/chapter-1.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the missing annex](annex-z.md).\n", encoding="utf-8")
    checked = check_lines(project)
    assert len(checked) == 1 and checked[0].startswith(
        f"docs/one-year-on/chapter-1.md:{lines + 2}: the link 'annex-z.md' leads nowhere: there is no "
        "docs/one-year-on/annex-z.md; did you mean"), checked
    assert main(["--root", str(project), "build"]) == 1
    assert checked[0] in capfd.readouterr().err
    # MkDocs words its own warning, but fails the strict build on the same link.
    built = mkdocs_build(project)
    assert built.returncode != 0
    assert "contains a link 'annex-z.md', but the target 'one-year-on/annex-z.md' is not found" in built.stderr


def test_markup_from_a_data_field_is_found_on_its_page_and_named_at_its_line(project: Path) -> None:
    """The loader lets `jav&#x09;ascript:` through; the pages made from it are where it is caught."""
    line = add_to_progress_update(project / "cross_refs/recommendations.yaml", 7,
                                  "See [the plan](jav&#x09;ascript:alert(1)).")
    unsafe = [p for p in check_lines(project) if "javascript: URL" in p]
    assert unsafe and all(p.startswith(f"cross_refs/recommendations.yaml:{line}: ") for p in unsafe), unsafe
    assert any("(on the generated page " in p for p in unsafe), unsafe
    built = mkdocs_build(project)
    assert built.returncode != 0 and "(generated): a javascript: URL is not allowed" in built.stderr


def test_a_wrong_quote_reports_its_cause_and_nothing_that_follows(project: Path) -> None:
    """Issue 16, item 8: no nav entries to remove, no 'fault in the page generator'."""
    recs = project / "cross_refs/recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    recs.write_text(text.replace("    quote: Chapter 3 of *Working", "    quote: XYZZY Chapter 3 of *Working", 1),
                    encoding="utf-8")
    checked = check_lines(project)
    assert len(checked) == 1, checked
    assert "quote 'XYZZY Chapter 3" in checked[0]
    assert not any("mkdocs.yml" in p or "page generator" in p for p in checked)
