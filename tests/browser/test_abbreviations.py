"""Abbreviations open by tap and by keyboard (docs/javascripts/abbreviations.js), and are listed in print."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served_site import new_page, serve  # noqa: E402

PAGE = "recommendations/12.html"  # its text uses SHA, CQC, CfH and A&E


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


def test_tapping_an_abbreviation_on_a_phone_shows_its_expansion(browser, site_url: str) -> None:
    page = new_page(browser, site_url, width=390, height=844)
    page.goto(site_url + PAGE)
    sha = page.locator("article abbr", has_text="SHA").first
    sha.click()
    tip = page.locator(".abbr-tip[role=status]")
    assert tip.text_content() == "SHA: Strategic Health Authority"
    box = tip.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box  # on the screen
    page.locator("h1").click()  # a press elsewhere closes it
    assert tip.count() == 0


def test_the_keyboard_reaches_an_abbreviation_and_escape_closes_it(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + PAGE)
    sha = page.locator("article abbr[role=button]", has_text="SHA")
    assert sha.count() == 1  # the first use only: later ones are not tab stops of their own
    assert sha.get_attribute("tabindex") == "0"
    sha.focus()
    page.keyboard.press("Enter")
    assert page.locator(".abbr-tip").text_content() == "SHA: Strategic Health Authority"
    assert sha.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.locator(".abbr-tip").count() == 0
    assert sha.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.textContent") == "SHA"


def test_the_words_of_the_text_are_unchanged(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + PAGE)
    before = page.locator("article").inner_text()
    page.locator("article abbr", has_text="SHA").first.click()
    page.locator(".abbr-tip").wait_for()
    page.locator("h1").click()
    assert page.locator("article").inner_text() == before


def test_print_lists_the_pages_abbreviations(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + PAGE)
    listing = page.locator(".abbreviation-list")
    assert not listing.is_visible()
    page.emulate_media(media="print")
    assert listing.is_visible()
    assert "SHA" in listing.inner_text() and "Strategic Health Authority" in listing.inner_text()
