"""The page checks' parts: reading links and anchors from Markdown (the safety check: tests/test_safety.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify as markdown_slugify
from safeguarding_site.checks.project import read_project
from safeguarding_site.text.headings import heading_text, slugify
from safeguarding_site.text.markdown_scan import anchors, links, without_code

# Ids the plugin adds while building: check's pages are the assembled ones, so it knows them all.
ADDED_BY_THE_PLUGIN: set[str] = set()


def ids(markdown: str) -> list[str]:
    return [a.id for a in anchors(without_code(markdown), markdown)]


def test_links_inline_reference_and_image_with_lines() -> None:
    text = "# T\n\nSee [a](a.md#x) and ![pic](img/p.png \"title\").\n\n[ref]: ../b.md\n[b [nested]](c.md)\n"
    assert [(link.target, link.line) for link in links(text)] == [
        ("a.md#x", 3), ("img/p.png", 3), ("../b.md", 5), ("c.md", 6)]


def test_code_is_not_a_link() -> None:
    text = "Text `[x](nowhere.md)` and\n\n```html\n<script>alert(1)</script>\n[y](gone.md)\n```\n<!-- <iframe> -->\n"
    assert links(without_code(text)) == []
    assert len(without_code(text)) == len(text)  # offsets, and so line numbers, are unchanged


def test_anchors_from_attr_lists_headings_html_and_footnotes() -> None:
    text = ("---\ntitle: T\n---\n\n# 1. Introduction\n\n## *Working* Together { #wt }\n\n"
            "[5](#para-5){ .para-num } Text.[^2]\n{ #para-5 .numbered }\n\n## Introduction\n\n## 1. Introduction\n\n"
            '<div id="box" markdown>\n<a name="old">x</a> <input name="field">\n</div>\n\n[^2]: A note.\n')
    assert set(ids(text)) == {"1-introduction", "wt", "para-5", "introduction", "1-introduction_1", "box", "old",
                              "fn:2", "fnref:2"}


@pytest.mark.parametrize("heading", [
    "1. Introduction", "Do it now, do it right, intervene early", "*Working Together* (2010)",
    "Children’s Trusts – the [new](x.md) duty", "A&amp;E and `code`", "Café ‘quotes’ — “more”", "Q&A: what's new?",
])
def test_slugs_match_python_markdown(heading: str) -> None:
    import markdown

    html = markdown.markdown(f"# {heading}", extensions=["toc"])
    expected = re.search(r'id="([^"]*)"', html).group(1)
    assert slugify(heading_text(heading)) == expected
    assert markdown_slugify(heading_text(heading), "-") == expected


@pytest.mark.real_content
def test_anchors_agree_with_the_built_site(built_site: Path, root: Path) -> None:
    """Every anchor check believes in is in the built page; every numbered paragraph, footnote and heading too."""
    project = read_project(root)
    assert project.problems == [] and project.assembled is not None
    compared = 0
    for path, markdown in ((path, page.markdown) for path, page in project.site.pages.items()):
        html = (built_site / path.replace(".md", ".html")).read_text(encoding="utf-8")
        article = html[html.index("<article"): html.index("</article>")]
        built = set(re.findall(r'\sid="([^"]+)"', article))
        expected = set(ids(markdown))
        assert expected <= built, f"{path}: check believes in {sorted(expected - built)}, the page lacks them"
        headings = set(re.findall(r'<h[1-6][^>]*\sid="([^"]+)"', article))
        numbered = {i for i in built if re.match(r"(para|item)-\d+$|fn(ref\d*)?:", i)}
        unknown = (headings | numbered) - expected - ADDED_BY_THE_PLUGIN
        assert not unknown, f"{path}: links to {sorted(unknown)} would be reported as broken by check"
        compared += 1
    assert compared > 90
