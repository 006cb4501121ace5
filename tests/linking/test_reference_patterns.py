"""The autolinker's rows find exactly what their regexes find, though they only try where a match may begin."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from project_paths import ROOT, SMALL_SITE
from safeguarding_site.base.errors import Problems
from safeguarding_site.data.documents import load_documents
from safeguarding_site.linking.reference_patterns import TABLE, compiled_table
from safeguarding_site.linking.targets import TITLE_VARIANTS, WORKING_TOGETHER_TITLES
from safeguarding_site.text.protected_spans import masked

WT_TITLES = WORKING_TOGETHER_TITLES
DOCUMENTS = load_documents(SMALL_SITE / "cross_refs/documents.yaml", "documents.yaml", Problems())
DOCUMENT_TITLES = tuple(title for key, document in DOCUMENTS.items()
                        for title in (document.title, *TITLE_VARIANTS.get(key, ()))) + \
    ("’Quoted title", "'Another quoted title")

# Pieces of the phrases the rows look for, pieces that only look like them, and what sits around them.
TOKENS = ["see", "foresee", "response", "to", "Rec", "rec", "Recs", "Record", "Recommendation", "recommendations",
          "Chapter", "chapters", "XChapter", "of", "the", "revised", "Annex", "xAnnex", "Para", "paras.", "paragraph",
          "Working", "Together", "Safeguard", "Children", "*", "**", "_", "__", "Lord", "Laming", "'", "’",
          "Quoted", "title", "One", "Year", "On", "3", "12", "58", "2009", "4.5", "%", "and", "or", "–", "-", ",",
          ":", ".", " ", " ", " ", "\n", "\n\n", "\x00"] + [t for title in DOCUMENT_TITLES for t in title.split()[:2]]
# Whole phrases of each row, which random tokens would seldom put together.
PHRASES = ["see response to Rec 5", "see response to recommendation 54", "Recommendations 13–15", "recs 3, 4 and 7",
           "Chapter 8 of Working Together", "chapters 2 and 4 of the revised *Working Together*",
           "*Working Together to Safeguard Children*, Chapter 3: Serious Case Reviews", "__Working Together__",
           "Chapter 12", "Annex B", "paragraph 52 of this report", "paras. 3-4", *DOCUMENT_TITLES]


def _spans(regex_or_row, text: str) -> list[tuple[int, int, dict]]:
    return [(m.start(), m.end(), m.groupdict()) for m in regex_or_row.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS) | st.sampled_from(PHRASES), max_size=60)
       .map(lambda ts: " ".join(ts) if len(ts) % 2 else "".join(ts)))
def test_each_row_finds_what_its_regex_finds(text: str) -> None:
    for row in compiled_table(WT_TITLES, DOCUMENT_TITLES):
        assert _spans(row, text) == _spans(row.regex, text), (row.row.kind, text)


@pytest.mark.real_content
def test_each_row_finds_what_its_regex_finds_on_every_page() -> None:
    table = compiled_table(WT_TITLES, DOCUMENT_TITLES)
    found = 0
    for page in sorted((ROOT / "docs").rglob("*.md")):
        view = masked(page.read_text(encoding="utf-8"))
        for row in table:
            expected = _spans(row.regex, view)
            assert _spans(row, view) == expected, (page, row.row.kind)
            found += len(expected)
    assert found > 50  # the pages do refer to things, so the comparison compared something


def test_every_row_says_where_its_matches_begin() -> None:
    assert all(row.starts for row in TABLE)
    # The start patterns are literal alternatives: that is what lets the regex engine skip ahead.
    for row in compiled_table(WT_TITLES, DOCUMENT_TITLES):
        assert "(?" not in row.starts.pattern and "\\b" not in row.starts.pattern, row.row.kind
