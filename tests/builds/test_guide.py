"""The practitioner guide: every paragraph and list item links to a source place that exists; 800-2,000 words."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from project_paths import ROOT

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content

GUIDE_MD = ROOT / "docs" / "guide" / "index.md"
GUIDE_HTML = "guide/index.html"
# The places a statement may rest on: the documents and the pages generated from their data.
SOURCE_FOLDERS = ("one-year-on/", "chief-adviser/", "correspondence/", "recommendations/", "working-together/")
MIN_WORDS, MAX_WORDS = 800, 2000


class _Blocks(HTMLParser):
    """The guide's article: each <p> and <li> with the links in its own text (not in lists nested in it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []  # {"tag", "text", "links", "classes"}
        self._open: list[dict] = []  # the <p>/<li> being read, innermost last
        self._depth = 0  # inside <article>
        self._skip = 0  # inside a heading permalink
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "article":
            self._depth += 1
        if not self._depth:
            return
        if tag == "a" and "headerlink" in (attr.get("class") or "").split():
            self._skip += 1
            return
        if tag in ("p", "li"):
            block = {"tag": tag, "text": "", "links": [], "classes": (attr.get("class") or "").split()}
            self.blocks.append(block)
            self._open.append(block)
        elif tag == "a" and self._open and attr.get("href"):
            self._open[-1]["links"].append(attr["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1
        elif tag == "a" and self._skip:
            self._skip -= 1
        elif tag in ("p", "li") and self._open and self._open[-1]["tag"] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if not self._depth or self._skip:
            return
        self.words += data.split()
        if self._open:
            self._open[-1]["text"] += data


def _ids(html: str) -> set[str]:
    return set(re.findall(r'\sid="([^"]+)"', html))


@pytest.fixture(scope="module")
def guide(built_site: Path) -> _Blocks:
    parser = _Blocks()
    html = (built_site / GUIDE_HTML).read_text(encoding="utf-8")
    # What every page carries (the edition line; the abbreviations listed for print) is the site's, not the
    # guide's: the guide's statements, and its words, are the rest of the article.
    html = re.sub(r'<p class="edition-line">.*?</p>|<aside class="abbreviation-list".*?</aside>', "", html,
                  flags=re.DOTALL)
    parser.feed(html)
    return parser


def _source_target(built_site: Path, href: str) -> tuple[Path, str] | None:
    """The built file and anchor a guide link points to, if it is a page of a source; else None."""
    url = urlparse(urljoin("https://site.invalid/" + GUIDE_HTML, href))
    if url.netloc != "site.invalid":
        return None  # an outside address is not a source place on this site
    path = unquote(url.path).lstrip("/")
    if not path.startswith(SOURCE_FOLDERS):
        return None
    return built_site / path, unquote(url.fragment)


def _top(guide: _Blocks, count: int = 2) -> list[str]:
    """The first ``count`` blocks of text above any section: the notes at the guide's top."""
    return [b["text"] for b in guide.blocks if "admonition-title" not in b["classes"]][:count]


def test_the_guide_is_marked_as_our_summary(guide: _Blocks) -> None:
    summary = next(t for t in _top(guide) if "summary by the site's editors" in t)
    assert "linked sources are authoritative" in summary


def test_the_guide_says_at_its_top_that_it_describes_the_duties_of_march_2010_since_replaced() -> None:
    markdown = GUIDE_MD.read_text(encoding="utf-8")
    top = markdown[: markdown.index("\n## ")]
    note = re.search(r'!!! warning "([^"]*)"\n((?:    .*\n)+)', top)
    assert note, "no warning note above the guide's first section"
    assert re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", note.group(1)), "the note is not dated"
    text = " ".join(note.group(2).split())
    assert "duties as they stood in March 2010" in text
    assert "Later editions of *Working Together* and later legislation have replaced them" in text


def test_every_paragraph_and_list_item_links_to_a_source_place_that_exists(built_site: Path, guide: _Blocks) -> None:
    statements = [b for b in guide.blocks if "admonition-title" not in b["classes"] and b["text"].strip()]
    assert len(statements) >= 40, "the guide seems to have lost most of its points"
    anchors: dict[Path, set[str]] = {}
    unsupported, broken = [], []
    for block in statements:
        targets = [t for t in (_source_target(built_site, h) for h in block["links"]) if t is not None]
        if not targets:
            unsupported.append(block["text"].strip()[:90])
        for file, anchor in targets:
            if not file.is_file():
                broken.append(f"{file.relative_to(built_site)} (no such page)")
                continue
            if anchor:
                ids = anchors.setdefault(file, _ids(file.read_text(encoding="utf-8")))
                if anchor not in ids:
                    broken.append(f"{file.relative_to(built_site)}#{anchor} (no such anchor)")
    assert not unsupported, "these statements link to no source:\n" + "\n".join(unsupported)
    assert not broken, "these links point nowhere:\n" + "\n".join(sorted(set(broken)))


def test_the_markdown_links_resolve_to_pages_the_site_has() -> None:
    """The same check on the source: each relative .md link names a page in docs/ or a generated one."""
    generated = {f"recommendations/{n}.md" for n in range(1, 59)} | {
        f"working-together/chapter-{n}.md" for n in range(1, 13)} | {
        "recommendations/index.md", "working-together/index.md", "one-year-on/annex-a.md"}
    markdown = GUIDE_MD.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", markdown)
    assert links
    missing = []
    for link in links:
        page = link.split("#")[0]
        resolved = (GUIDE_MD.parent / page).resolve().relative_to(ROOT / "docs").as_posix()
        if not (ROOT / "docs" / resolved).is_file() and resolved not in generated:
            missing.append(link)
    assert not missing, missing


def test_numbered_paragraph_links_name_the_paragraph_they_point_to(guide: _Blocks) -> None:
    """Link text such as "One Year On, paragraph 23" must point to #para-23, so a reader lands where it says."""
    markdown = GUIDE_MD.read_text(encoding="utf-8")
    pairs = re.findall(r"\[[^\]]*paragraph (\d+)\]\([^)#]*#para-(\d+)\)", markdown)
    assert len(pairs) >= 25
    assert all(text == anchor for text, anchor in pairs), [p for p in pairs if p[0] != p[1]]


def test_the_guide_is_800_to_2000_words(guide: _Blocks) -> None:
    count = len([w for w in guide.words if re.search(r"\w", w)])
    assert MIN_WORDS <= count <= MAX_WORDS, f"{count} words"


def test_where_the_sources_are_silent_the_guide_says_so_and_points_to_the_official_text(guide: _Blocks) -> None:
    silent = [b for b in guide.blocks if "sources" in b["text"] and "do not" in b["text"]]
    assert len(silent) >= 4
    for block in silent:
        assert any("working-together/chapter-" in h for h in block["links"]), block["text"][:80]
