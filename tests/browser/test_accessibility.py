"""WCAG 2.2 AA: axe-core in Chromium on every page, and the keyboard, heading and naming checks axe cannot do."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served_site import html_pages, new_page, serve  # noqa: E402

# axe-core comes from the pinned PyPI package axe-playwright-python, which ships axe.min.js: installed with
# the other requirements, nothing is fetched at test time. We use only its copy of axe, not its wrapper.
try:
    from axe_playwright_python.base import AXE_FILE_PATH
except ImportError:  # reported by the `axe` fixture, as a failure in CI
    AXE_FILE_PATH = None

ROOT = Path(__file__).resolve().parents[2]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Two pages are checked at a time, each in its own context (its own renderer process), one per core:
# axe's colour-contrast rule takes seconds on the long pages.
AT_ONCE = 2
RUN_AXE = ("() => { window.__axeResult = axe.run(document, {runOnly: {type: 'tag', values: %s},"
           " resultTypes: ['violations']}); }")
SAMPLE = ["index.html", "guide/index.html", "recommendations/11.html", "one-year-on/chapter-2.html",
          "working-together/chapter-5.html", "accessibility.html", "one-year-on/annex-a.html"]
# A long page's sections are laid out only near the screen (content-visibility: auto, text/render_when_seen.py),
# and axe cannot judge the colour contrast of text the browser has not laid out (it would call 280 of
# Annex A's elements "incomplete", not violations): everything is laid out before axe runs.
LAY_OUT_ALL = ("() => document.querySelectorAll('.render-when-seen')"
               ".forEach((section) => { section.style.contentVisibility = 'visible'; })")


@pytest.fixture(scope="module")
def axe_source(browser) -> str:
    if AXE_FILE_PATH is None or not Path(AXE_FILE_PATH).is_file():
        message = "axe-core is missing: install the pinned requirements (axe-playwright-python ships it)"
        if os.environ.get("CI"):
            pytest.fail(message + ". CI must run the accessibility tests.", pytrace=False)
        pytest.skip(message)
    return Path(AXE_FILE_PATH).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def axe_version(source: str) -> str:
    match = re.match(r"/\*! axe v(\d+\.\d+\.\d+)", source)
    assert match, "axe.min.js no longer starts with its version banner"
    return match.group(1)


def _report(results: dict[str, list[dict]]) -> str:
    lines = []
    for page, violations in results.items():
        for v in violations:
            nodes = "; ".join(n["html"][:120].replace("\n", " ") for n in v["nodes"][:3])
            lines.append(f"{page}: {v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} -- {nodes}")
    return "\n".join(lines)


def run_axe(pages_and_urls: list[tuple[str, str]], tabs: list, axe_source: str) -> dict[str, list[dict]]:
    results: dict[str, list[dict]] = {}
    for start in range(0, len(pages_and_urls), len(tabs)):
        batch = list(zip(tabs, pages_and_urls[start:start + len(tabs)], strict=False))
        for tab, (_, url) in batch:  # start axe in every tab, then collect: the tabs work in parallel
            tab.goto(url)
            tab.evaluate(LAY_OUT_ALL)
            tab.evaluate(axe_source)
            tab.evaluate(RUN_AXE % WCAG_TAGS)
        for tab, (name, _) in batch:
            results[name] = tab.evaluate("() => window.__axeResult")["violations"]
    return results


def test_axe_finds_no_wcag_22_aa_violations_on_any_page(browser, built_site: Path, site_url: str,
                                                         axe_source: str) -> None:
    pages = html_pages(built_site)
    assert len(pages) >= 90, f"only {len(pages)} pages built"
    tabs = [new_page(browser, site_url) for _ in range(AT_ONCE)]
    results = run_axe([(p, site_url + p) for p in pages], tabs, axe_source)
    assert set(results) == set(pages)  # every page was checked
    assert not any(results.values()), "axe found WCAG violations:\n" + _report(results)


def test_axe_finds_none_on_a_phone_screen_either(browser, site_url: str, axe_source: str) -> None:
    tabs = [new_page(browser, site_url, width=375, height=740)]
    results = run_axe([(p, site_url + p) for p in SAMPLE], tabs, axe_source)
    assert not any(results.values()), _report(results)


def test_axe_finds_none_in_the_open_search_dialog_with_results(browser, site_url: str, axe_source: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "guide/index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type("supervision")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")
    page.evaluate(axe_source)
    page.evaluate(RUN_AXE % WCAG_TAGS)
    violations = page.evaluate("() => window.__axeResult")["violations"]
    assert not violations, _report({"search dialog": violations})
    # Named dialog (4.1.2) and a result count a screen reader hears as it changes (4.1.3).
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Search"
    meta = page.locator(".md-search-result__meta")
    assert meta.get_attribute("role") == "status" and meta.get_attribute("aria-live") == "polite"
    assert re.search(r"\d+ matching documents?", meta.inner_text())


def test_the_statement_names_the_axe_version_the_tests_use(axe_source: str) -> None:
    statement = (ROOT / "docs" / "accessibility.md").read_text(encoding="utf-8")
    assert f"axe-core {axe_version(axe_source)}" in statement, "update 'How we tested' in docs/accessibility.md"


# --- headings, titles and names, from the built HTML ------------------------------------------------------

class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False if tag == "title" else self._in_title

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def test_every_page_has_one_h1_headings_in_order_and_its_own_title(built_site: Path) -> None:
    problems, titles = [], {}
    for name in html_pages(built_site):
        outline = _Outline()
        outline.feed((built_site / name).read_text(encoding="utf-8"))
        levels = outline.headings
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{name}: {levels.count(1)} h1 elements (headings {levels[:6]}...)")
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        if skips:
            problems.append(f"{name}: heading levels skip {skips}")
        title = " ".join(outline.title.split())
        if not title.endswith("Working Together to Safeguard Children (2010)"):
            problems.append(f"{name}: title {title!r} does not name the site")
        titles.setdefault(title, []).append(name)
    problems += [f"title {t!r} is shared by {', '.join(n)}" for t, n in titles.items() if len(n) > 1]
    assert not problems, "\n".join(problems)


def test_a_source_documents_chapter_title_names_the_document(built_site: Path) -> None:
    html = (built_site / "chief-adviser" / "chapter-3.html").read_text(encoding="utf-8")
    assert re.search(r"<title>Chapter 3 - The Chief Adviser's first annual report - ", html.replace("&#39;", "'"))


# --- keyboard ---------------------------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return {tag: e.tagName, name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60),
          href: e.getAttribute('href'), outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth),
          onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                    && r.top < innerHeight && r.left < innerWidth,
          underHeader: !e.closest('.md-header') && !e.classList.contains('md-skip') && r.top < header.bottom};
}"""


def _tab_through(page, count: int) -> list[dict]:
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    return stops


def test_the_first_tab_stop_is_a_skip_link_to_the_main_heading(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "recommendations/11.html")
    first = _tab_through(page, 1)[0]
    assert first["name"] == "Skip to content" and first["onScreen"]
    target = first["href"].lstrip("#")
    assert page.locator(f"h1#{target}").count() == 1


@pytest.mark.parametrize("width", [1280, 375])
def test_every_tab_stop_is_visible_focused_and_clear_of_the_header(browser, site_url: str, width: int) -> None:
    page = new_page(browser, site_url, width=width, height=800)
    page.goto(site_url + "guide/index.html")
    stops = _tab_through(page, 60)
    hidden = [s for s in stops if not s["onScreen"] and s["tag"] != "BODY"]
    assert not hidden, f"focus went to things off the screen: {hidden[:5]}"
    unmarked = [s for s in stops if s["tag"] != "BODY" and (s["outline"] == "none" or s["outlineWidth"] < 2)]
    assert not unmarked, f"no visible focus indicator on: {unmarked[:5]}"
    obscured = [s for s in stops if s["underHeader"]]
    assert not obscured, f"focused things hidden under the sticky header: {obscured[:5]}"
    assert any(s["name"].startswith("One Year On, paragraph") for s in stops), "never reached the guide's links"


@pytest.mark.parametrize("key", ["Enter", " "])
def test_on_a_phone_the_menu_and_search_buttons_work_from_the_keyboard(browser, site_url: str, key: str) -> None:
    page = new_page(browser, site_url, width=375, height=740)
    page.goto(site_url + "guide/index.html")
    stops = _tab_through(page, 2)
    assert stops[1]["tag"] == "SPAN" and stops[1]["name"] == "Navigation"
    page.keyboard.press(key)
    assert page.evaluate("document.getElementById('__drawer').checked"), "the menu did not open"
    nav_link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Home").first
    nav_link.wait_for(state="visible")
    page.goto(site_url + "guide/index.html")
    stops = _tab_through(page, 3)
    assert stops[2]["name"] == "Search"
    page.keyboard.press(key)
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("referral")
    page.wait_for_function("document.querySelectorAll('.md-search-result__item').length > 0")


def test_navigation_section_toggles_have_a_name_and_state(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "working-together/chapter-5.html")  # its section is open in the navigation
    toggle = page.locator("label > [role=button][aria-label='Pages in Working Together']")
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle.focus()
    page.keyboard.press(" ")
    assert toggle.get_attribute("aria-expanded") == "false"
    page.locator(".md-sidebar--primary a[href='chapter-6.html']").wait_for(state="hidden")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.locator(".md-sidebar--primary a[href='chapter-6.html']").wait_for(state="visible")


def test_text_shown_on_hover_is_the_browsers_own(browser, site_url: str) -> None:
    """1.4.13: Material's own tooltips cannot be dismissed with Escape or hovered, so the site uses none."""
    page = new_page(browser, site_url)
    page.goto(site_url + "one-year-on/chapter-2.html")
    number = page.locator("a.para-num").nth(5)
    number.scroll_into_view_if_needed()
    number.hover()
    page.wait_for_timeout(700)
    assert page.locator(".md-tooltip2--active, .md-tooltip--active").count() == 0
    assert number.get_attribute("title") == "Link to paragraph 18"


def test_links_in_text_are_underlined_and_the_footer_text_has_contrast(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "guide/index.html")
    decoration = page.locator("article a[href*='para-23']").first.evaluate(
        "e => getComputedStyle(e).textDecorationLine")
    assert "underline" in decoration
    colour = page.locator(".md-copyright").evaluate("e => getComputedStyle(e).color")
    assert colour != "rgba(255, 255, 255, 0.45)"  # Material's 4.47:1 footer text
