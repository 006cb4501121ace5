"""The home page's status line and the editors' notice banner: computed from the data, shown when set."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from project_paths import ROOT
from safeguarding_site.base.dates import content_last_updated, format_date, parse_document_date, published_month
from safeguarding_site.base.errors import DataError
from safeguarding_site.data.documents import Document
from safeguarding_site.data.site_data import load_site_data
from safeguarding_site.pages.front_door import CHAPTERS_MARKER, fill_front_door
from safeguarding_site.pages.status_line import (
    MARKER,
    SITE_FILE,
    Notice,
    notice_problems,
    read_notice,
    status_line_markdown,
)


def _doc(key: str, date: str) -> Document:
    return Document(key=key, title=key, short_title=key, author="A", date=date, source="s", path=f"{key}.md",
                    copyright="© Crown copyright")


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


# --- dates -------------------------------------------------------------------------------------------------

def test_document_dates_are_read_as_documents_yaml_prints_them() -> None:
    assert parse_document_date("17 March 2010") == dt.date(2010, 3, 17)
    assert parse_document_date("March 2010") == dt.date(2010, 3, 1)
    with pytest.raises(ValueError):
        parse_document_date("2010-03-17")
    assert format_date(dt.date(2026, 11, 5)) == "5 November 2026"
    assert published_month("2010-03") == "March 2010"
    assert published_month("spring 2010") == "spring 2010"


# --- the status line ---------------------------------------------------------------------------------------

def test_status_line_states_the_edition_and_last_update_from_the_data() -> None:
    docs = [_doc("a", "March 2010"), _doc("b", "17 March 2010"), _doc("c", "17 November 2008")]
    line = status_line_markdown(docs, "2010-03", dt.date(2026, 11, 25))
    assert line == (
        "**Status:** up to date with *Working Together to Safeguard Children* (March 2010) and the 3 related "
        "documents published on or before 17 March 2010. Later revisions of the guidance are not included. "
        "Content last updated on 25 November 2026.\n{ .status-line }")


def test_status_line_follows_the_data_when_it_changes() -> None:
    docs = [_doc("a", "17 March 2010")]
    later = status_line_markdown([*docs, _doc("new", "1 April 2011")], "2010-03", None)
    assert "2 related documents published on or before 1 April 2011" in later
    assert "1 related document published on or before 17 March 2010" in status_line_markdown(docs, "2010-03", None)
    assert "(June 2012)" in status_line_markdown(docs, "2012-06", None)


def test_without_a_last_update_date_the_line_says_so_rather_than_guessing() -> None:
    line = status_line_markdown([_doc("a", "17 March 2010")], "2010-03", None)
    assert "The date of the last update is not recorded in this copy of the site." in line
    assert "last updated on" not in line


def test_a_document_date_the_line_cannot_read_is_an_error_not_a_wrong_line() -> None:
    with pytest.raises(ValueError, match="Spring 2010"):
        status_line_markdown([_doc("a", "Spring 2010")], "2010-03", None)


# --- the last update: git history of docs/ and cross_refs/, with a stable fallback --------------------------

@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_last_update_is_the_last_commit_touching_the_content(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _git(tmp_path, "init", "-q")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "content", when="2026-01-02T10:00:00+00:00")
    (tmp_path / "build.py").write_text("# code, not content\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "code", when="2026-06-30T10:00:00+00:00")
    assert content_last_updated(tmp_path) == dt.date(2026, 1, 2)
    (tmp_path / "cross_refs").mkdir()
    (tmp_path / "cross_refs" / "site.yaml").write_text("notice:\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "data", when="2026-08-01T23:30:00+00:00")
    assert content_last_updated(tmp_path) == dt.date(2026, 8, 1)


def test_without_git_history_the_fallback_is_source_date_epoch_then_none(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # tmp_path is not in any repository
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert content_last_updated(tmp_path) is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1268784000")
    assert content_last_updated(tmp_path) == dt.date(2010, 3, 17)
    monkeypatch.setenv("PATH", str(tmp_path))  # no git program at all
    assert content_last_updated(tmp_path) == dt.date(2010, 3, 17)


# --- the notice banner's data ------------------------------------------------------------------------------

def _notice(tmp_path: Path, text: str) -> Notice | None:
    path = tmp_path / SITE_FILE
    path.write_text(text, encoding="utf-8")
    return read_notice(path, "cross_refs/site.yaml")


def test_no_file_no_notice_or_empty_text_means_no_banner(tmp_path: Path) -> None:
    assert read_notice(tmp_path / "absent.yaml") is None
    assert _notice(tmp_path, "") is None
    assert _notice(tmp_path, "notice:\n") is None
    assert _notice(tmp_path, 'notice:\n  text: ""\n  link: ""\n  link_text: ""\n') is None


def test_a_notice_with_an_outside_link_or_a_site_page(tmp_path: Path) -> None:
    notice = _notice(tmp_path, "notice:\n  text: A newer edition exists.\n  link: https://www.gov.uk/\n"
                               "  link_text: Current guidance\n")
    assert notice == Notice("A newer edition exists.", "https://www.gov.uk/", "Current guidance")
    assert notice.for_template() == {"text": "A newer edition exists.", "link": "https://www.gov.uk/",
                                     "link_text": "Current guidance"}
    page = _notice(tmp_path, "notice:\n  text: Read the guide.\n  link: guide/index.md\n")
    assert page.for_template() == {"text": "Read the guide.", "link": "guide/index.html", "link_text": "guide/index.md"}
    anchor = _notice(tmp_path, "notice:\n  text: See.\n  link: recommendations/11.md#rec-11-progress\n")
    assert anchor.for_template()["link"] == "recommendations/11.html#rec-11-progress"


@pytest.mark.parametrize(("text", "message", "line"), [
    ("notice:\n  text: Hi\n  link: javascript:alert(1)\n", "'link' must be an http(s) address", 3),
    ("notice:\n  link: https://www.gov.uk/\n", "a link needs a 'text'", 2),
    ("notice:\n  text: Hi\n  colour: red\n", "unknown field 'colour'", 3),
    ("notice:\n  text: [a, b]\n", "'text' must be text", 2),
    ("notice: yes\n", "'notice' must be a mapping", 1),
    ("notice:\n  text: Hi\n  link_text: Go\n", "'link_text' needs a 'link'", 3),
])
def test_mistakes_in_the_notice_name_the_file_and_line(tmp_path: Path, text: str, message: str, line: int) -> None:
    with pytest.raises(DataError) as caught:
        _notice(tmp_path, text)
    assert message in str(caught.value)
    assert caught.value.file == "cross_refs/site.yaml" and caught.value.line == line


@pytest.mark.real_content
def test_the_projects_own_site_yaml_is_valid() -> None:
    read_notice(ROOT / "cross_refs" / SITE_FILE)  # raises on a mistake


# --- the home page's markers -------------------------------------------------------------------------------

@pytest.mark.real_content
def test_home_page_markers_are_filled_from_the_data() -> None:
    data = load_site_data(ROOT / "cross_refs", display_root=ROOT)
    home = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert MARKER in home and CHAPTERS_MARKER in home
    filled = fill_front_door(home, data, dt.date(2026, 11, 25))
    assert MARKER not in filled and CHAPTERS_MARKER not in filled
    assert "Content last updated on 25 November 2026." in filled
    for number, chapter in data.working_together.chapters.items():
        flag = "" if chapter.confirmed else " (title unconfirmed)"
        assert f"- [Chapter {number}: {chapter.title}{flag}](working-together/chapter-{number}.md)" in filled
    assert fill_front_door("no markers here", data, None) == "no markers here"


# --- the built site ----------------------------------------------------------------------------------------

@pytest.mark.real_content
def test_built_home_page_shows_the_status_line_computed_from_the_data(built_site: Path) -> None:
    data = load_site_data(ROOT / "cross_refs", display_root=ROOT)
    updated = content_last_updated(ROOT)
    expected = status_line_markdown(data.documents.values(), data.working_together.published, updated)
    html = (built_site / "index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="status-line">(.*?)</p>', html, re.S)
    assert line, "the home page has no status line"
    text = re.sub(r"<[^>]+>", "", line.group(1))
    assert text == re.sub(r"[*]", "", expected.split("\n")[0])
    assert MARKER not in html and "<!-- working-together-chapters -->" not in html


@pytest.mark.real_content
def test_built_site_has_no_banner_while_the_notice_is_empty(built_site: Path) -> None:
    if read_notice(ROOT / "cross_refs" / SITE_FILE) is not None:
        pytest.skip("the editors have set a notice; the banner test below covers it")
    for page in ("index.html", "guide/index.html", "recommendations/11.html"):
        assert 'class="md-banner' not in (built_site / page).read_text(encoding="utf-8"), page


@pytest.fixture(scope="module")
def site_with_notice(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with a notice set, built: the banner must appear on every page."""
    copy = tmp_path_factory.mktemp("notice") / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "site", "node_modules",
                                                               "__pycache__", ".pytest_cache"))
    (copy / "cross_refs" / SITE_FILE).write_text(
        "notice:\n  text: This is the 2010 edition & a newer one <exists>.\n"
        "  link: recommendations/11.md\n  link_text: Read recommendation 11\n", encoding="utf-8")
    site = copy / "built"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(copy / "mkdocs.yml"),
                             "-d", str(site)], cwd=copy, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.real_content
def test_banner_shows_the_notice_on_every_page_with_a_working_link(site_with_notice: Path) -> None:
    for page, link in (("index.html", "recommendations/11.html"), ("guide/index.html", "../recommendations/11.html"),
                       ("recommendations/11.html", "11.html")):
        html = (site_with_notice / page).read_text(encoding="utf-8")
        banner = re.search(r'<aside class="md-banner">(.*?)</aside>', html, re.S)
        assert banner, page
        assert "This is the 2010 edition &amp; a newer one &lt;exists&gt;." in banner.group(1)  # escaped
        assert f'<a href="{link}">Read recommendation 11</a>' in banner.group(1), page
        assert (site_with_notice / page).parent.joinpath(link).resolve().is_file()


@pytest.mark.real_content
def test_a_copy_without_git_history_says_the_date_is_not_recorded(site_with_notice: Path) -> None:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        pytest.skip("SOURCE_DATE_EPOCH is set, so the copy has a date")
    html = (site_with_notice / "index.html").read_text(encoding="utf-8")
    assert "The date of the last update is not recorded in this copy of the site." in html


@pytest.mark.parametrize(("text", "message", "line"), [
    ("notice:\n  text: [This edition is old., See GOV.UK.]\n", "'text' must be text (one or two sentences on one "
     "line), not a list", 2),
    ("notice:\n  text: Hi\n  lnk: guide/index.md\n", "unknown field 'lnk': did you mean 'link'?", 3),
    ("notise:\n  text: Hi\n", "unknown field 'notise': did you mean 'notice'?", 1),
    ("notice:\n  text: Hi\n  link: guide/indx.md\n", "'link' 'guide/indx.md' is not a page of this site: did you "
     "mean guide/index.md?", 3),
    ("notice:\n  text: Hi\n  text: Again\n", "duplicate key 'text' (first given on line 2)", 3),
])
def test_check_reports_each_mistake_in_site_yaml(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / SITE_FILE
    path.write_text(text, encoding="utf-8")
    (problem,) = notice_problems(path, "cross_refs/site.yaml", {"guide/index.md", "index.md"})
    assert message in problem.message and (problem.file, problem.line) == ("cross_refs/site.yaml", line)


def test_a_link_to_a_page_that_exists_passes(tmp_path: Path) -> None:
    path = tmp_path / SITE_FILE
    path.write_text("notice:\n  text: Hi\n  link: guide/index.md#start\n", encoding="utf-8")
    assert notice_problems(path, "cross_refs/site.yaml", {"guide/index.md"}) == []
    assert notice_problems(tmp_path / "absent.yaml", "cross_refs/site.yaml", set()) == []


def test_build_py_check_fails_on_a_notice_linking_to_a_missing_page(tmp_path: Path,
                                                                   capfd: pytest.CaptureFixture[str]) -> None:
    from project_copy import copy_project
    from safeguarding_site.commands.main import main

    project = copy_project(tmp_path, ("cross_refs", "docs", "overrides", "mkdocs.yml"))
    (project / "cross_refs" / SITE_FILE).write_text("notice:\n  text: Hi\n  link: guide/missing.md\n",
                                                    encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    assert "cross_refs/site.yaml:3: notice: 'link' 'guide/missing.md' is not a page of this site" in \
        capfd.readouterr().err
