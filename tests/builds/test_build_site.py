"""A real strict build of the whole site, asserting on the HTML it produces."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from safeguarding_site.data.site_data import load_site_data

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content


class _Page(HTMLParser):
    """Collects ids, links, headings and scripts of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.h1: list[str] = []
        self.scripts: list[str] = []
        self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"] or "")
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")
        if tag == "script":
            self.scripts.append(values.get("src") or "inline")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_h1 and data != "¶":  # the heading's permalink
            self.h1[-1] += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def mapping(root: Path) -> dict[int, list[int]]:
    raw = yaml.safe_load((root / "tests/fixtures/chapter_mapping.yaml").read_text(encoding="utf-8"))
    # The fixture lists only the recommendations that name a chapter; the rest name none.
    return {n: sorted(raw.get(n) or []) for n in range(1, 59)}


def test_58_recommendation_pages_with_their_three_columns(built_site: Path, root: Path) -> None:
    recs = yaml.safe_load((root / "cross_refs/recommendations.yaml").read_text(encoding="utf-8"))["recommendations"]
    for n in range(1, 59):
        page = parse(built_site / f"recommendations/{n}.html")
        assert page.h1 == [f"Recommendation {n}: {recs[n - 1]['short_title']}"]  # the editors' short title
        assert {f"rec-{n}-recommendation", f"rec-{n}-response", f"rec-{n}-progress",
                f"rec-{n}-implemented-in"} <= page.ids
    assert not (built_site / "recommendations/59.html").exists()


def test_12_chapter_pages_and_the_overview(built_site: Path) -> None:
    for n in range(1, 13):
        page = parse(built_site / f"working-together/chapter-{n}.html")
        assert len(page.h1) == 1 and page.h1[0].startswith(f"Chapter {n}: ")
    assert (built_site / "working-together/index.html").exists()


def test_recommendations_and_chapters_link_each_other_as_the_source_says(
        built_site: Path, mapping: dict[int, list[int]]) -> None:
    """The hand-derived mapping (tests/fixtures) is what the built pages link, in both directions."""
    linked_from_chapter: dict[int, set[int]] = {}
    for n in range(1, 13):
        # Only the chapter's own list: recommendations merely named alongside it (42) have a list apart.
        html = (built_site / f"working-together/chapter-{n}.html").read_text(encoding="utf-8")
        section = html[html.index(f'id="chapter-{n}-recommendations"'):]
        section = section[: section.index('id="referred-to-in"')].split(f'id="chapter-{n}-mentioned"')[0]
        for link in re.findall(r'href="([^"]+)"', section):
            if match := re.fullmatch(r"\.\./recommendations/(\d+)\.html", link):
                linked_from_chapter.setdefault(int(match.group(1)), set()).add(n)
    for rec, chapters in mapping.items():
        html = (built_site / f"recommendations/{rec}.html").read_text(encoding="utf-8")
        section = html[html.index(f'id="rec-{rec}-implemented-in"'):]
        section = section[: section.index('<hr')]
        # What the text names without saying it implements (rec 42's Chapter 8) comes after the chapters.
        section = section.split(f'id="rec-{rec}-mentions"')[0]
        linked = sorted({int(c) for c in re.findall(r'href="\.\./working-together/chapter-(\d+)\.html"', section)})
        assert linked == chapters, f"recommendation {rec}"
        assert sorted(linked_from_chapter.get(rec, set())) == chapters, f"chapters linking recommendation {rec}"


def test_recommendation_without_chapter_says_so(built_site: Path, mapping: dict[int, list[int]]) -> None:
    without = [rec for rec, chapters in mapping.items() if not chapters]
    assert without, "the real table has recommendations that name no chapter"
    html = (built_site / f"recommendations/{without[0]}.html").read_text(encoding="utf-8")
    assert "do not say that any chapter of <em>Working Together</em> implements" in html


def test_recommendation_42_is_named_alongside_chapter_8_not_implemented_by_it(built_site: Path) -> None:
    """Issue 13: its only words on Chapter 8 are that Ofsted's framework "will be developed and consulted
    alongside the review of Chapter 8"."""
    rec42 = _article(built_site / "recommendations/42.html")
    implemented = rec42[rec42.index('id="rec-42-implemented-in"'): rec42.index('id="rec-42-mentions"')]
    assert "chapter-8.html" not in implemented
    mentions = rec42[rec42.index('id="rec-42-mentions"'):]
    assert re.search(r'chapter-8\.html">Chapter 8[^<]*</a>, named but not said to implement', mentions)
    assert "developed and consulted alongside the review of Chapter 8" in re.sub(r"<[^>]+>", "", mentions)
    chapter8 = _article(built_site / "working-together/chapter-8.html")
    implements = chapter8[chapter8.index('id="chapter-8-recommendations"'): chapter8.index('id="chapter-8-mentioned"')]
    assert "../recommendations/42.html" not in implements and "../recommendations/48.html" in implements
    alongside = chapter8[chapter8.index('id="chapter-8-mentioned"'): chapter8.index('id="referred-to-in"')]
    assert "../recommendations/42.html" in alongside
    guide = _article(built_site / "guide/index.html")
    chapter8_item = guide[guide.index('href="../working-together/chapter-8.html">Chapter 8</a>:'):]
    chapter8_item = chapter8_item[: chapter8_item.index("</li>")]
    assert "Recommendation" in chapter8_item and "is not among" in chapter8_item


def test_promises_are_shown_as_promises(built_site: Path) -> None:
    rec48 = _article(built_site / "recommendations/48.html")
    assert "promised, not reported as done" in rec48 and "<em>Promised:</em>" in rec48
    rec44 = _article(built_site / "recommendations/44.html")
    assert "<em>Implemented:</em>" in rec44 and "<em>Promised:</em>" not in rec44
    overview = _article(built_site / "working-together/index.html")
    assert re.search(r'48\.html">48</a> \(promised\)', overview)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = {path: parse(path) for path in built_site.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        if path.name == "404.html":
            continue  # served for any missing URL, so its links are root-relative by design
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} -> {href}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path.relative_to(built_site)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken[:40])


def test_numbered_paragraphs_have_permalinks(built_site: Path) -> None:
    one_year_on = "".join((built_site / f"one-year-on/chapter-{n}.html").read_text(encoding="utf-8")
                          for n in (1, 2, 3))
    for n in range(1, 94):
        assert f'id="para-{n}"' in one_year_on, n
        assert f'href="#para-{n}"' in one_year_on, n
    chief = "".join(p.read_text(encoding="utf-8") for p in (built_site / "chief-adviser").glob("*.html"))
    assert all(f'id="para-{n}"' in chief for n in range(1, 82))


def test_source_pages_name_their_document_and_crown_copyright(built_site: Path, root: Path) -> None:
    data = load_site_data(root / "cross_refs")
    for document in data.documents.values():
        html = (built_site / document.path.replace(".md", ".html")).read_text(encoding="utf-8")
        header = re.search(r'<p class="doc-source">(.*?)</p>', html, re.S)
        assert header, document.key
        assert document.date in header.group(1) and "© Crown copyright" in header.group(1)


def test_no_script_or_javascript_url_from_the_data(built_site: Path) -> None:
    for path in list((built_site / "recommendations").glob("*.html")) + [built_site / "one-year-on/annex-a.html"]:
        html = path.read_text(encoding="utf-8")
        article = html[html.index("<article"): html.index("</article>")]
        assert "<script" not in article and "javascript:" not in article.lower(), path


def _article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"): html.index("</article>")]


def test_references_in_prose_are_links_in_the_built_site(built_site: Path) -> None:
    rec1 = _article(built_site / "recommendations/1.html")
    assert '<a href="2.html">Rec 2</a>' in rec1
    chapter2 = _article(built_site / "one-year-on/chapter-2.html")
    assert re.search(r'<a href="\.\./working-together/chapter-8\.html">Chapter 8 of <em>Working Together</em></a>',
                     chapter2)
    rec11 = _article(built_site / "recommendations/11.html")
    assert '<a href="../working-together/chapter-4.html">Chapter 4</a>' in rec11


def test_look_alikes_are_not_links(built_site: Path) -> None:
    rec6 = _article(built_site / "recommendations/6.html")
    assert "section 11 of the Children Act 2004" in rec6
    assert not re.search(r"<a [^>]*>section 11", rec6)
    annex = _article(built_site / "one-year-on/annex-a.html")
    assert "58 Recommendations" in annex and not re.search(r"<a [^>]*>58 Recommendations", annex)


def test_referred_to_in_lists(built_site: Path) -> None:
    rec2 = _article(built_site / "recommendations/2.html")
    section = rec2[rec2.index('id="referred-to-in"'):]
    assert 'href="1.html#rec-1-response"' in section
    chapter8 = _article(built_site / "working-together/chapter-8.html")
    section = chapter8[chapter8.index('id="referred-to-in"'):]
    assert re.search(r'href="\.\./one-year-on/chapter-2\.html#para-24"', section)


def test_annex_a_contents_lists_the_recommendations_and_every_heading_keeps_its_permalink(built_site: Path) -> None:
    """toc_depth: 2 (pages/toc_depth.py): the three headings repeated under each recommendation leave the
    contents, which Material draws twice (side bar and phone menu), but not the page."""
    html = (built_site / "one-year-on/annex-a.html").read_text(encoding="utf-8")
    contents = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', html)
    assert contents == [f"rec-{n}" for n in range(1, 59)] * 2
    article = _article(built_site / "one-year-on/annex-a.html")
    for heading in ("lord-lamings-recommendation-march-2009", "governments-response-may-2009",
                    "progress-update-march-2010"):
        for suffix in [""] + [f"_{i}" for i in range(1, 58)]:
            anchor = heading + suffix
            assert f'id="{anchor}"' in article and f'href="#{anchor}"' in article, anchor


def test_annex_a_recommendations_are_drawn_as_they_are_read(built_site: Path) -> None:
    """render_when_seen (text/render_when_seen.py): each of the 58 sections in a wrapper that site.css lets a
    screen skip while off screen, with its heading outside, and the text itself unchanged."""
    article = _article(built_site / "one-year-on/annex-a.html")
    for n in range(1, 59):
        assert re.search(rf'<h2 id="rec-{n}">.*?</h2>\n<div class="render-when-seen">', article), n
    assert article.count('<div class="render-when-seen">') == 58
    css = (built_site / "stylesheets/site.css").read_text(encoding="utf-8")
    assert re.search(r"@media screen \{\s*\.render-when-seen \{\s*content-visibility: auto;", css)
