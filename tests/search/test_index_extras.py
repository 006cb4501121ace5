"""What we add to the search index: abbreviations both ways (all from the sources) and paragraph entries."""

from __future__ import annotations

import json
import re

import pytest
from offline_support import ROOT
from safeguarding_site.search.index_extras import (
    ABBREVIATIONS,
    KEYWORDS_FIELD,
    NUMBERED_BOOST,
    enrich_search_index,
    keywords_for,
    numbered_entries,
)


def source_text() -> str:
    """All sources, with only extraction damage undone: HTML tags, entities, tabs, U+FFFD, curly quotes."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sources").glob("*.txt")))
    text = re.sub(r"<[^>]+>", " ", text).replace("&amp;", "&").replace("\ufffd", " ").replace("’", "'")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS, ids=lambda a: a.short)
def test_every_expansion_is_spelled_out_in_a_source(abbreviation):
    """No expansion is ours: each appears as "expansion (ABBR)" in a source (plural forms allowed)."""
    pattern = abbreviation.expansion_pattern.pattern.replace("\\'", "'")
    spelled = re.compile(rf"{pattern}\s*\({re.escape(abbreviation.short)}s?\)", re.IGNORECASE)
    assert spelled.search(source_text()), f"{abbreviation.expansion} ({abbreviation.short}) is not in sources/"


def test_keywords_give_both_forms_whichever_the_text_uses():
    assert keywords_for("the LSCBs met") == "LSCB Local Safeguarding Children Board"
    assert keywords_for("Local Safeguarding Children Boards met") == "LSCB Local Safeguarding Children Board"
    assert "A&E Accident and Emergency" in keywords_for("staff in A&E departments")
    assert keywords_for("Multi Agency Risk Assessment Conference") == (
        "MARAC Multi-Agency Risk Assessment Conference")
    assert keywords_for("they go home; a cafe; the scrutiny") == ""


def test_numbered_paragraphs_become_title_only_entries():
    page = ('<p class="numbered" id="para-23"><a class="para-num" href="#para-23">23</a> Text.</p>'
            '<p class="numbered" id="item-2"><a class="para-num" href="#item-2">2</a> Item.</p>')
    assert numbered_entries(page, "x/y.html") == [
        {"location": "x/y.html#para-23", "title": "Paragraph 23", "text": "", "boost": NUMBERED_BOOST},
        {"location": "x/y.html#item-2", "title": "Item 2", "text": "", "boost": NUMBERED_BOOST},
    ]


def test_enrich_rewrites_the_index_keeping_each_page_together(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "a.html").write_text('<p class="numbered" id="para-1">1 The LSCB.</p>', encoding="utf-8")
    docs = [{"location": "a.html", "title": "A", "text": "<p>1 The LSCB.</p>"},
            {"location": "a.html#s", "title": "S", "text": "<p>nothing</p>"},
            {"location": "b.html", "title": "B", "text": "<p>none</p>"}]
    path = tmp_path / "search" / "search_index.json"
    path.write_text(json.dumps({"config": {"fields": {}}, "docs": docs}), encoding="utf-8")
    enrich_search_index(tmp_path)
    out = json.loads(path.read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in out] == ["a.html", "a.html#s", "a.html#para-1", "b.html"]
    assert out[0][KEYWORDS_FIELD] == "LSCB Local Safeguarding Children Board"
    assert KEYWORDS_FIELD not in out[1]
