"""pages/navigation.py and the templates: every page says where it is (breadcrumb, highlighted section)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from safeguarding_site.pages.navigation import section_index

NAV = {"index.md", "recommendations/index.md", "organisations/index.md", "one-year-on/index.md",
       "one-year-on/chapter-2.md"}


@pytest.mark.parametrize(("page", "section"), [
    ("recommendations/12.md", "recommendations/index.md"),
    ("organisations/police.md", "organisations/index.md"),
    ("one-year-on/annex-a.md", "one-year-on/index.md"),
    ("recommendations/index.md", None),  # a section's own index is not its own section
    ("editors/index.md", None),
    ("download.md", None),
])
def test_a_page_outside_the_navigation_belongs_to_the_nearest_listed_index(page: str, section: str | None) -> None:
    assert section_index(page, NAV) == section


def _breadcrumb(html: str) -> list[str]:
    found = re.search(r'<nav class="md-path" aria-label="Breadcrumb">(.*?)</nav>', html, re.S)
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(r'<span class="md-ellipsis">(.*?)</span>',
                                                                       found.group(1), re.S)] if found else []


@pytest.mark.real_content
@pytest.mark.parametrize(("page", "trail", "highlighted"), [
    ("recommendations/12.html", ["Home", "Recommendations",
                                 "Recommendation 12: Child protection information in Accident and Emergency "
                                 "departments"], "Recommendations"),
    ("organisations/police.html", ["Home", "Who must act", "Police"], "Who must act"),
    ("one-year-on/chapter-2.html", ["Home", "One Year On", "2. Progress"], None),
])
def test_breadcrumb_and_highlighted_section(built_site: Path, page: str, trail: list[str],
                                            highlighted: str | None) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert _breadcrumb(html) == trail
    if highlighted:
        current = re.findall(r'<a [^>]*aria-current="location"[^>]*>\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
                             html)
        assert current == [highlighted]


@pytest.mark.real_content
def test_the_home_page_shows_the_navigation(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--primary"[^>]*>', html)
    assert sidebar and "hidden" not in sidebar.group(0)
    for entry in ("Who must act", "Glossary", "Supporting guidance", "Open data"):
        assert re.search(rf'class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*{entry}\s*</span>', html), entry
