"""Small things that looked broken to practitioners (issue: what a practitioner meets, item 7)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served_site import new_page, serve  # noqa: E402

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def test_the_sector_filter_names_sectors_without_the_permalink_sign(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "organisations/index.html")
    options = page.locator("#org-filter-sector option").all_text_contents()
    assert "Police" in options and not any("¶" in o for o in options), options


def test_any_filter_hides_the_recommendations_that_name_no_one(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "organisations/index.html")
    unnamed = page.locator("#no-one-named")
    assert unnamed.is_visible()
    page.locator("#org-filter-sector").select_option(label="Police")
    assert not unnamed.is_visible()
    page.locator("#org-filter-sector").select_option(label="All sectors")
    assert unnamed.is_visible()
    page.locator("#org-filter-name").fill("ofsted")
    assert not unnamed.is_visible()


@pytest.mark.parametrize("path", ["index.html", "working-together/index.html", "recommendations/index.html",
                                  "working-together/chapter-8.html", "organisations/index.html"])
def test_no_table_is_wider_than_a_phone(browser, site_url: str, path: str) -> None:
    page = new_page(browser, site_url, **PHONE)
    page.goto(site_url + path)
    overflowing = page.evaluate("""() => [...document.querySelectorAll('article .md-typeset__scrollwrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1).map(w => w.scrollWidth - w.clientWidth)""")
    assert overflowing == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_recommendations_index_gives_the_number_column_only_a_numbers_width(browser, site_url: str) -> None:
    page = new_page(browser, site_url, **PHONE)
    page.goto(site_url + "recommendations/index.html")
    share = page.evaluate("""() => { const t = document.querySelector('article table');
        return t.querySelector('th').getBoundingClientRect().width / t.getBoundingClientRect().width; }""")
    assert share < 0.17, share


@pytest.mark.parametrize("path", ["recommendations/index.html", "working-together/chapter-1.html",
                                  "one-year-on/chapter-3.html", "chief-adviser/executive-summary.html"])
def test_a_hidden_permalink_never_adds_a_line_to_a_title(browser, site_url: str, path: str) -> None:
    page = new_page(browser, site_url, **PHONE)
    page.goto(site_url + path)
    grows = page.evaluate("""() => [...document.querySelectorAll('article :is(h1, h2)')].filter(h => {
        const link = h.querySelector('.headerlink'); if (!link) return false;
        const with_ = h.getBoundingClientRect().height; link.style.display = 'none';
        const without = h.getBoundingClientRect().height; link.style.display = '';
        return with_ > without + 1; }).map(h => h.textContent.trim())""")
    assert grows == []


def test_a_thing_named_twice_is_listed_once(built_site: Path) -> None:
    html = (built_site / "recommendations/13.html").read_text(encoding="utf-8")
    section = html[html.index('id="rec-13-mentions"'):html.index('id="rec-13-who-must-act"')]
    assert section.count("as a whole") == 1 and section.count("— from the") == 2
