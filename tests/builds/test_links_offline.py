"""LinkChecker over the built site, offline: every internal link and asset exists, every anchor between pages too.

LinkChecker is the independent, CI-grade tool; tests/test_build_site.py has a quick checker of our own.
Both exist because LinkChecker's anchor check downloads and parses a page once per distinct URL#anchor:
on this site's 1,000-odd same-page anchors (paragraph self-links, permalinks, contents) that takes about
five minutes. So LinkChecker checks every link and asset (recursively), and the anchors of every link
from one page to another (about 150); the same-page anchors are left to the quick checker, which parses
each page once.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
SETTINGS = """\
[checking]
threads=2
[filtering]
checkextern=0
[output]
status=0
"""
# Anchor checking runs in one thread: with two, LinkChecker may check b.html#x and b.html#y as one cached
# page and skip the second anchor (seen once in CI as a missed broken anchor in the negative control).
ANCHOR_SETTINGS = SETTINGS.replace("threads=2", "threads=0") + "[AnchorCheck]\n"
_HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')


@pytest.fixture(scope="module")
def readable_site(built_site: Path) -> Iterator[Path]:
    """A copy anyone may read: LinkChecker run as root drops to user nobody, who cannot enter pytest's folders."""
    folder = Path(tempfile.mkdtemp(prefix="linkcheck-"))
    folder.chmod(0o755)
    shutil.copytree(built_site, folder / "site")
    yield folder / "site"
    shutil.rmtree(folder)


# Run as root (as CI is), LinkChecker switches to the user nobody, who may be unable to read its own
# plugins when the checkout lies under a private folder (mktemp -d): then it silently checks no anchors.
# The tests run it as the user running them instead.
_RUN_WITHOUT_DROPPING_PRIVILEGES = (
    "import sys; import linkcheck.command.linkchecker as lc; lc.drop_privileges = lambda: None; "
    "sys.argv[0] = 'linkchecker'; sys.exit(lc.linkchecker())"
)


def linkchecker(urls: list[str], config: str, recursion: int, scratch: Path) -> tuple[int, list[dict[str, str]]]:
    """LinkChecker's exit status and the links it reports (CSV rows: only warnings and errors are logged).

    ``scratch`` must be readable by anyone, like the site: LinkChecker reads its settings from there.
    """
    assert LINKCHECKER.exists(), "LinkChecker comes with requirements.txt"
    rc_file = scratch / "linkcheckerrc"
    rc_file.write_text(config, encoding="utf-8")
    rc_file.chmod(0o644)
    result = subprocess.run([sys.executable, "-c", _RUN_WITHOUT_DROPPING_PRIVILEGES, "-f", str(rc_file), "--no-status",
                             "-o", "csv", "-r", str(recursion), *urls], capture_output=True, text=True, timeout=900)
    assert result.returncode in (0, 1), result.stderr  # 2 and above: LinkChecker itself failed
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    return result.returncode, list(csv.DictReader(rows, delimiter=";"))


def describe(rows: list[dict[str, str]]) -> str:
    return "\n".join(f"{r['parentname']} -> {r['urlname']}: {r['result']} {r['warningstring']}" for r in rows[:30])


def links_to_other_pages_with_anchors(site: Path) -> list[str]:
    found: set[str] = set()
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served at any address, so its links are written from the site root
        base = page.as_uri()
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            url = urljoin(base, href)
            target, fragment = urldefrag(url)
            if fragment and target != base:
                found.add(url)
    return sorted(found)


def test_every_link_and_asset_of_the_site_exists(readable_site: Path) -> None:
    status, rows = linkchecker([(readable_site / "index.html").as_uri()], SETTINGS, -1, readable_site.parent)
    assert rows == [], describe(rows)
    assert status == 0


def test_every_anchor_linked_from_another_page_exists(readable_site: Path) -> None:
    urls = links_to_other_pages_with_anchors(readable_site)
    assert len(urls) > 100, "the recommendation, chapter and annex pages link to each other's anchors"
    status, rows = linkchecker(urls, ANCHOR_SETTINGS, 0, readable_site.parent)
    assert rows == [], describe(rows)
    assert status == 0


def test_linkchecker_reports_a_missing_page_and_a_missing_anchor(readable_site: Path) -> None:
    """The negative control: with these settings LinkChecker really does report both kinds of breakage."""
    site = readable_site.parent / "broken"
    site.mkdir(mode=0o755)
    (site / "index.html").write_text('<h1 id="top">Home</h1><a href="b.html#there">fine</a> '
                                     '<a href="b.html#nowhere">bad anchor</a> <a href="gone.html">gone</a>',
                                     encoding="utf-8")
    (site / "b.html").write_text('<p id="there">B</p>', encoding="utf-8")
    for page in site.iterdir():
        page.chmod(0o644)
    _, rows = linkchecker([(site / "index.html").as_uri()], SETTINGS, -1, site)
    assert [r["urlname"] for r in rows] == ["gone.html"]
    status, rows = linkchecker([(site / "b.html").as_uri() + "#there", (site / "b.html").as_uri() + "#nowhere"],
                               ANCHOR_SETTINGS, 0, site)
    assert status == 1
    assert [(r["urlname"].split("#")[1], "not found" in r["warningstring"]) for r in rows] == [("nowhere", True)]


def test_every_search_result_leads_to_a_page_and_anchor(built_site: Path) -> None:
    """Search results link to headings by anchor; no link checker follows them, because they live in JSON."""
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    ids: dict[Path, set[str]] = {}
    broken = []
    for doc in index["docs"]:
        path, _, fragment = doc["location"].partition("#")
        page = built_site / unquote(path or "index.html")
        if not page.is_file():
            broken.append(doc["location"])
            continue
        if page not in ids:
            ids[page] = set(_ID.findall(page.read_text(encoding="utf-8")))
        if fragment and unquote(fragment) not in ids[page]:
            broken.append(doc["location"])
    assert len(index["docs"]) > 500
    assert not broken, broken[:20]
