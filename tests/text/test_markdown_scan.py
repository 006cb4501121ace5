"""The page checks' parts: reading links and anchors from Markdown, and finding markup no page may publish."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify as markdown_slugify
from safeguarding_site.checks.project import read_project
from safeguarding_site.text.markdown_scan import anchors, heading_words, links, slugify, without_code
from safeguarding_site.text.safety import unsafe_markup

# Ids the plugin adds while building (the "Referred to in" section): they are not in any page's Markdown.
ADDED_BY_THE_PLUGIN = {"referred-to-in"}


def ids(markdown: str) -> list[str]:
    return [a.id for a in anchors(without_code(markdown), markdown)]


def test_links_inline_reference_and_image_with_lines() -> None:
    text = "# T\n\nSee [a](a.md#x) and ![pic](img/p.png \"title\").\n\n[ref]: ../b.md\n[b [nested]](c.md)\n"
    assert [(link.target, link.line) for link in links(text)] == [
        ("a.md#x", 3), ("img/p.png", 3), ("../b.md", 5), ("c.md", 6)]


def test_code_is_neither_a_link_nor_markup() -> None:
    text = "Text `[x](nowhere.md)` and\n\n```html\n<script>alert(1)</script>\n[y](gone.md)\n```\n<!-- <iframe> -->\n"
    assert links(without_code(text)) == []
    assert unsafe_markup(text) == []
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
    assert slugify(heading_words(heading)) == expected
    assert markdown_slugify(heading_words(heading), "-") == expected


@pytest.mark.real_content
def test_anchors_agree_with_the_built_site(built_site: Path, root: Path) -> None:
    """Every anchor check believes in is in the built page; every numbered paragraph, footnote and heading too."""
    project = read_project(root)
    assert project.problems == [] and project.generated
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


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<iframe src="https://example.org"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    "<img src=x onerror=alert(1)>",
    '<a href="#" ONCLICK="steal()">x</a>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JavaScript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    '[x](#){ onclick="alert(1)" }',
    "Para.\n{ onmouseover=alert(1) }",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '<svg onload="alert(1)"></svg>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<form action="javascript:alert(1)"><button>Go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<style>body { display: none }</style>',
    '<iframe srcdoc="<p>hi</p>"></iframe>',
])
def test_hostile_markup_is_found_with_its_line(hostile: str) -> None:
    found = unsafe_markup(f"# Page\n\nSome text.\n\n{hostile}\n")
    assert found, hostile
    assert found[0].line == 5 + hostile.count("\n")  # the line holding the hostile part
    assert all("not allowed" in u.message for u in found)


@pytest.mark.parametrize("harmless", [
    "See [the letter](https://www.dcsf.gov.uk/x) and <http://www.dcsf.gov.uk/nsdu>.",
    "Mail [us](mailto:someone@example.org).",
    '<div class="note" markdown>\nText\n</div>',
    '<form class="rec-finder" action="recommendations/index.html"><input name="n"><button>Go</button></form>',
    "[23](#para-23){ .para-num title=\"Link to paragraph 23\" }",
    "The data: 2,140 inspections; online safety and the Internet.",
    "Write `<script>` or `[x](javascript:alert(1))` in code to show them.",
    "An abbreviation list { see below } in prose.",
])
def test_harmless_markup_passes(harmless: str) -> None:
    assert unsafe_markup(harmless) == []


@pytest.mark.real_content
def test_every_real_page_is_free_of_unsafe_markup(root: Path) -> None:
    for page in (root / "docs").rglob("*.md"):
        assert unsafe_markup(page.read_text(encoding="utf-8")) == [], page
