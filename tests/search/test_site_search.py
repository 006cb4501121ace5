"""search/site_search.py on small indexes: ranking order, grouping, shortcuts, corrections, stemming."""

from __future__ import annotations

from safeguarding_site.search.index_extras import SEPARATOR
from safeguarding_site.search.site_search import SiteSearch


def engine(*docs: dict) -> SiteSearch:
    fields = {"title": {"boost": 3}, "text": {"boost": 1.0}}
    return SiteSearch({"config": {"lang": ["en"], "separator": SEPARATOR, "fields": fields,
                                  "abbreviations": ["SCR"], "recommendations": 58},
                       "docs": list(docs)})


def pages(search: SiteSearch, query: str) -> list[str]:
    return [group.page for group in search.search(query)]


def test_a_section_with_all_the_words_beats_a_title_with_one():
    search = engine(
        {"location": "shell.html", "title": "Alone", "text": ""},
        {"location": "rec.html", "title": "Recommendation", "text": ""},
        {"location": "rec.html#p", "title": "Progress", "text": "<p>the child is seen alone by the worker</p>"},
    )
    assert pages(search, "child seen alone") == ["rec.html", "shell.html"]


def test_words_together_rank_above_words_apart():
    search = engine(
        {"location": "apart.html", "title": "A", "text": "<p>police work; child care; protection teams</p>"},
        {"location": "together.html", "title": "B", "text": "<p>police child protection teams</p>"},
    )
    assert pages(search, "police child protection teams")[0] == "together.html"


def test_every_page_keeps_its_own_entry_and_scores_fall():
    search = engine(
        {"location": "a.html", "title": "Alpha", "text": "<p>nothing here</p>"},
        {"location": "a.html#s", "title": "Section", "text": "<p>neglect of children</p>"},
    )
    (group,) = search.search("neglect")
    assert [item.location for item in group.items] == ["a.html#s", "a.html"]
    assert group.items[0].score > group.items[1].score


def test_a_recommendation_number_goes_first():
    search = engine(
        {"location": "recommendations/3.html", "title": "Recommendation 3", "text": ""},
        {"location": "recommendations/30.html", "title": "Recommendation 30", "text": "<p>rec 3 rec 3</p>"},
    )
    for query in ("rec 3", "R3", "3", "recommendation 3"):
        assert pages(search, query)[0] == "recommendations/3.html", query


def test_stemming_and_a_typo_find_the_word():
    search = engine({"location": "a.html", "title": "A", "text": "<p>Safeguarding boards and organisations</p>"})
    assert pages(search, "safegaurding") == ["a.html"]
    assert pages(search, "organizations") == ["a.html"]
    assert pages(search, "board ") == ["a.html"]


def test_an_abbreviation_is_a_whole_word():
    search = engine({"location": "a.html", "title": "A", "text": "<p>scripted</p>"},
                    {"location": "b.html", "title": "B", "text": "<p>an SCR panel</p>"})
    assert pages(search, "SCR") == ["b.html"]


def test_stop_words_are_not_counted_as_missing():
    search = engine({"location": "a.html", "title": "A", "text": "<p>Accident and Emergency</p>"})
    (group,) = search.search("Accident and Emergency")
    assert group.best.terms == {"accident": True, "emergency": True}
