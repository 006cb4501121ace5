"""Numbered-paragraph self-links are announced as "Paragraph 23" / "Item 3", keeping the visible number."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from safeguarding_site.text.paragraph_labels import label_paragraph_numbers

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "admonition", "abbr", "tables", "def_list"]


def test_the_markdown_convention_gets_a_name_that_contains_the_number() -> None:
    md = ('[23](#para-23){ .para-num title="Link to paragraph 23" } The text.\n{ #para-23 .numbered }\n\n'
          '[3](#item-3){ .para-num title="Link to item 3" } An item.\n{ #item-3 .numbered }\n')
    html = label_paragraph_numbers(markdown.markdown(md, extensions=EXTENSIONS))
    assert '<a aria-label="Paragraph 23"' not in html  # attributes are appended, the tag is otherwise kept
    assert '<a class="para-num" href="#para-23" title="Link to paragraph 23" aria-label="Paragraph 23">23</a>' in html
    assert '<a class="para-num" href="#item-3" title="Link to item 3" aria-label="Item 3">3</a>' in html


def test_other_links_and_labelled_links_are_left_alone() -> None:
    html = ('<a href="#para-2">see paragraph 2</a> <a class="headerlink" href="#x">¶</a> '
            '<a class="para-num" href="#para-4" aria-label="Already named">4</a> '
            '<a class="para-number" href="#para-5">5</a> <a class="para-num" href="../x.html#para-6">6</a>')
    assert label_paragraph_numbers(html) == html


@pytest.mark.real_content
def test_every_numbered_paragraph_in_the_built_site_is_named_after_its_number(built_site: Path) -> None:
    count = 0
    for page in built_site.rglob("*.html"):
        for tag, text in re.findall(r'(<a\b[^>]*\bclass="para-num"[^>]*>)([^<]*)</a>', page.read_text("utf-8")):
            count += 1
            kind = "Paragraph" if 'href="#para-' in tag else "Item"
            assert f'aria-label="{kind} {text}"' in tag, (page.name, tag)
    assert count > 150  # One Year On alone has 93 numbered paragraphs
