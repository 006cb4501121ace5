"""The query table ranks the right pages in the top three, over the site's own index; every page is indexed."""

from __future__ import annotations

import json

import pytest
from safeguarding_site.search.index_extras import KEYWORDS_FIELD, SEPARATOR
from safeguarding_site.search.site_search import SiteSearch
from search_queries import TOP_THREE

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content

# Pages deliberately left out of the index, with the reason.
NOT_INDEXED = {
    "404.html": "the error page",
    "one-year-on/annex-a.html": "the same text as the 58 recommendation pages, which are indexed",
    "editors/index.html": "the editors' guide, kept out of the public navigation and search",
}


@pytest.fixture(scope="module")
def engine(bundled_site):
    return SiteSearch.from_site(bundled_site)


@pytest.fixture(scope="module")
def index(bundled_site):
    return json.loads((bundled_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_the_table_has_at_least_25_queries():
    assert len(TOP_THREE) >= 25


@pytest.mark.parametrize("query", sorted(TOP_THREE))
def test_query_ranks_its_page_in_the_top_three(engine, query):
    top = [group.page for group in engine.search(query)[:3]]
    for page in TOP_THREE[query]:
        assert page in top, f"{query!r}: {page} not in the top three {top}"


def test_accident_and_emergency_puts_recommendation_12_first(engine):
    assert engine.search("Accident and Emergency")[0].page == "recommendations/12.html"


def test_an_abbreviation_finds_text_that_only_spells_it_out(engine, index):
    """"LSCB" also finds sections that say "Local Safeguarding Children Board" and never "LSCB"."""
    spelt_out_only = {
        doc["location"] for doc in index["docs"]
        if "Local Safeguarding Children Board" in doc.get("text", "") and "LSCB" not in doc.get("text", "")
        and "LSCB" not in doc["title"]
    }
    assert spelt_out_only, "expected some sections that spell the name out without the abbreviation"
    found = {item.location for group in engine.search("LSCB") for item in group.items}
    assert spelt_out_only <= found


def test_paragraph_number_opens_the_paragraph_itself(engine):
    best = engine.search("paragraph 64")[0].best
    assert best.location.endswith("#para-64")
    assert best.title == "Paragraph 64"


def test_index_uses_our_separator_and_keywords_field(index):
    assert index["config"]["separator"] == SEPARATOR
    assert KEYWORDS_FIELD in index["config"]["fields"]
    assert any(KEYWORDS_FIELD in doc for doc in index["docs"])


def test_every_page_is_indexed_at_section_level(bundled_site, index):
    indexed = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    pages = {p.relative_to(bundled_site).as_posix() for p in bundled_site.rglob("*.html")}
    missing = sorted(pages - indexed - set(NOT_INDEXED))
    assert missing == [], f"pages missing from the search index: {missing}"
    # Generated pages are in it too: every recommendation and every Working Together chapter.
    assert {f"recommendations/{n}.html" for n in range(1, 59)} <= indexed
    assert {f"working-together/chapter-{n}.html" for n in range(1, 13)} <= indexed
    # Section level: a page's headings are entries of their own, with anchors.
    assert any(doc["location"].startswith("recommendations/12.html#") for doc in index["docs"])
