"""The home page's routes: the recommendation number box (with and without JavaScript) and the search button."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from served_site import new_page, serve  # noqa: E402


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.mark.parametrize("typed", ["11", " 58 ", "1", "07"])
def test_the_number_box_goes_to_that_recommendation(browser, site_url: str, typed: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "index.html")
    page.get_by_label("Recommendation number").fill(typed)
    page.get_by_role("button", name="Go to recommendation").click()
    page.wait_for_url(f"{site_url}recommendations/{int(typed)}.html")
    # The heading is "Recommendation 11: <its short title>".
    assert page.locator("h1").inner_text().rstrip("¶").strip().startswith(f"Recommendation {int(typed)}:")


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Enter a recommendation number, from 1 to 58."),
    ("59", "Enter a whole number from 1 to 58."),
    ("0", "Enter a whole number from 1 to 58."),
    ("eleven", "Enter a whole number from 1 to 58."),
    ("1.5", "Enter a whole number from 1 to 58."),
])
def test_a_number_out_of_range_gets_an_error_message_and_stays(browser, site_url: str, typed: str,
                                                              message: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "index.html")
    box = page.get_by_label("Recommendation number")
    box.fill(typed)
    box.press("Enter")
    error = page.locator("#rec-number-error")
    error.wait_for(state="visible")
    assert error.inner_text() == message and error.get_attribute("role") == "alert"
    assert box.get_attribute("aria-invalid") == "true"
    assert "rec-number-error" in box.get_attribute("aria-describedby")
    assert page.url == site_url + "index.html"
    assert page.evaluate("document.activeElement.id") == "rec-number"
    box.fill("3")
    box.press("Enter")
    page.wait_for_url(f"{site_url}recommendations/3.html")


def test_without_javascript_the_box_is_hidden_and_the_index_link_remains(browser, site_url: str) -> None:
    page = new_page(browser, site_url, javascript=False)
    page.goto(site_url + "index.html")
    assert not page.locator("form[data-rec-finder]").is_visible()
    assert not page.locator("[data-open-search]").is_visible()
    link = page.get_by_role("link", name="browse all 58 recommendations")
    link.click()
    page.wait_for_url(f"{site_url}recommendations/index.html")


def test_the_home_page_routes(browser, site_url: str) -> None:
    page = new_page(browser, site_url)
    page.goto(site_url + "index.html")
    assert page.get_by_role("link", name="practitioner guide").first.get_attribute("href") == "guide/index.html"
    chapters = page.locator("article a[href^='working-together/chapter-']")
    assert [chapters.nth(i).get_attribute("href") for i in range(chapters.count())] == [
        f"working-together/chapter-{n}.html" for n in range(1, 13)]
    assert page.locator(".status-line").inner_text().startswith("Status: up to date with")
    page.get_by_role("button", name="Search the site").click()
    page.wait_for_function("document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
