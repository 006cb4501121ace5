"""Print: no navigation, header, search or footer; outside link addresses written out; a PDF that renders."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served_site import new_page, serve  # noqa: E402

PAGES = ["guide/index.html", "recommendations/11.html"]
HIDDEN_IN_PRINT = {
    "navigation": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "header": ".md-header",
    "search": ".md-search",
    "footer": ".md-footer",
    "skip link": ".md-skip",
}


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def _printed(browser, site_url: str, path: str):
    page = new_page(browser, site_url)
    page.goto(site_url + path)
    page.emulate_media(media="print")
    return page


def _display(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).display")


@pytest.mark.parametrize("path", PAGES)
def test_print_hides_navigation_header_search_and_footer(browser, site_url: str, path: str) -> None:
    page = _printed(browser, site_url, path)
    for what, selector in HIDDEN_IN_PRINT.items():
        assert page.locator(selector).count() >= 1, f"{what} ({selector}) is missing from {path}"
        assert _display(page, selector) == "none", f"{what} is printed on {path}"
    assert _display(page, "article h1") != "none"
    page.emulate_media(media="screen")  # and it is only print: on screen the navigation is there
    assert _display(page, ".md-header") != "none"


def test_print_hides_the_previous_and_next_links_of_a_recommendation(browser, site_url: str) -> None:
    page = _printed(browser, site_url, "recommendations/11.html")
    assert _display(page, ".rec-nav") == "none"


def test_outside_links_print_their_address_once(browser, site_url: str) -> None:
    page = _printed(browser, site_url, "accessibility.html")
    after = "e => getComputedStyle(e, '::after').content"
    named = page.locator("article a[href='https://www.equalityadvisoryservice.com/']")
    assert named.evaluate(after) == '" (https://www.equalityadvisoryservice.com/)"'
    inside = page.locator("article a[href='guide/index.html']").first
    assert inside.evaluate(after) in ("none", "normal")
    page = _printed(browser, site_url, "one-year-on/chapter-2.html")
    address = page.locator("article a[href='http://www.dcsf.gov.uk/nsdu']").first
    assert address.inner_text() == "www.dcsf.gov.uk/nsdu"
    assert address.evaluate(after) in ("none", "normal"), "the address would be printed twice"


def test_print_keeps_headings_with_the_text_that_follows(browser, site_url: str) -> None:
    page = _printed(browser, site_url, "recommendations/11.html")
    for heading in ("h1", "h2#rec-11-recommendation", "h2#rec-11-progress"):
        assert page.locator(f"article {heading}").evaluate("e => getComputedStyle(e).breakAfter") == "avoid"
    assert page.locator("article p").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"


@pytest.mark.parametrize("path", PAGES)
def test_a_pdf_of_the_page_is_made(browser, site_url: str, path: str, tmp_path: Path) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + path)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 1 <= pages <= (8 if path.startswith("guide") else 6), f"{pages} pages"
