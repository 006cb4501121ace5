"""text/footnote_labels.py: a footnote shows the number the source gives it, on every page."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

EXTENSIONS = ["footnotes", "safeguarding_site.text.footnote_labels"]
REF = re.compile(r'<sup id="fnref:(\w+)"><a class="footnote-ref" href="#fn:\w+">([^<]*)</a>')
ITEM = re.compile(r'<li id="fn:(\w+)"(?: value="(\d+)")?>')
BACK = re.compile(r'href="#fnref:(\w+)" title="Jump back to footnote (\d+) in the text"')


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_a_page_whose_footnotes_start_at_6_shows_6_not_1() -> None:
    html = render("First.[^6] Second.[^7]\n\n[^6]: Six.\n[^7]: Seven.\n")
    assert REF.findall(html) == [("6", "6"), ("7", "7")]
    assert ITEM.findall(html) == [("6", "6"), ("7", "7")]
    assert BACK.findall(html) == [("6", "6"), ("7", "7")]


def test_a_label_that_is_not_a_number_keeps_python_markdowns_number() -> None:
    html = render("A note.[^aside]\n\n[^aside]: Ours.\n")
    assert REF.findall(html) == [("aside", "1")]
    assert ITEM.findall(html) == [("aside", "")]


@pytest.mark.parametrize(("document", "expected"), [("one-year-on", range(1, 12)), ("chief-adviser", range(1, 17))])
def test_all_27_footnotes_of_the_two_reports_show_the_sources_number(built_site: Path, document: str,
                                                                        expected: range) -> None:
    shown: dict[str, str] = {}
    listed: dict[str, str] = {}
    for page in sorted((built_site / document).glob("*.html")):
        html = page.read_text(encoding="utf-8")
        shown.update(REF.findall(html))
        listed.update((label, value) for label, value in ITEM.findall(html))
    assert sorted(map(int, shown)) == list(expected)  # every footnote of the report, each once
    assert all(number == label for label, number in shown.items()), shown
    assert all(value == label for label, value in listed.items()), listed
