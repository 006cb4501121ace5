"""text/front_matter.py reads a page as MkDocs does, so `build.py check` sees what the build sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import YAML_RE, get_data
from safeguarding_site.text.front_matter import FRONT_MATTER, read_page

CASES = [
    "---\ntitle: A\n---\n\n# A\n",
    "---\ntitle: A\n...\nBody\n",
    "---\n- a list\n---\nBody\n",  # not a mapping: MkDocs keeps it as text
    "---\ntitle: [unclosed\n---\nBody\n",  # not YAML: kept as text
    "---\n---\nBody\n",
    "Title: Multi\nAuthor: One\n    Two\n\nBody\n",  # MultiMarkdown metadata
    "Not: meta\nplain line\n\nBody\n",
    "# Just a heading\n",
    "",
    "\r\nkey: v\r\n\r\nBody",
]


@pytest.mark.parametrize("text", CASES)
def test_reads_awkward_pages_as_mkdocs_does(text: str) -> None:
    assert read_page(text) == get_data(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("-.:ab \t\n#[]'\"")), max_size=60))
def test_reads_any_text_as_mkdocs_does(text: str) -> None:
    assert read_page(text) == get_data(text)


def test_the_pattern_is_mkdocs_own() -> None:
    assert FRONT_MATTER.pattern == YAML_RE.pattern and FRONT_MATTER.flags == YAML_RE.flags


@pytest.mark.real_content
def test_every_page_of_docs_reads_the_same(root: Path) -> None:
    pages = sorted((root / "docs").rglob("*.md"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert read_page(text) == get_data(text), page
