"""The shared query pipeline (search/query.py): what a typed string asks the index for."""

from __future__ import annotations

from safeguarding_site.search.engine import compile_separator
from safeguarding_site.search.index_extras import SEPARATOR
from safeguarding_site.search.query import plan, spelling_variants

SEP = compile_separator(SEPARATOR)
VOCABULARY = {"multiagency", "organisation", "paediatric", "child", "seen", "alone", "court", "fees"}


def planned(query: str):
    return plan(query, SEP, lambda word: word in VOCABULARY, {"scr", "caf"}, 58)


def test_stop_words_are_dropped_not_wildcarded():
    concepts = planned("a child to be seen ").concepts
    assert [c.word for c in concepts] == ["child", "seen"]
    assert all(not c.prefix for c in concepts)


def test_only_the_last_word_of_an_unfinished_query_gets_a_wildcard():
    concepts = planned("court fe").concepts
    assert [(c.word, c.prefix) for c in concepts] == [("court", ""), ("fe", "fe")]
    assert [c.prefix for c in planned("court fees ").concepts] == ["", ""]
    assert [c.prefix for c in planned("cour* fees ").concepts] == ["cour", ""]


def test_numbers_and_abbreviations_are_exact():
    concepts = planned("SCR 3").concepts
    assert all(c.exact and not c.prefix for c in concepts)


def test_recommendation_shortcuts_pin_the_page():
    for query in ("rec 3", "recommendation 3", "R3", "3", "rec 3 supervision"):
        assert planned(query).pinned == "recommendations/3.html", query
    assert planned("59").pinned == ""
    assert planned("paragraph 3").pinned == ""


def test_spellings_and_joined_words_come_from_the_vocabulary():
    assert "organisation" in planned("organization").concepts[0].forms
    assert "paediatric" in planned("pediatric ").concepts[0].forms
    assert [c.forms for c in planned("multi-agency ").concepts] == [["multiagency"]]
    assert "organisation" in spelling_variants("organization")


def test_unknown_long_words_may_be_one_edit_away():
    assert planned("safegaurding ").concepts[0].fuzzy
    assert not planned("child ").concepts[0].fuzzy


def test_quoted_words_make_a_phrase():
    result = planned('"child seen" alone')
    assert result.phrases == [[0, 1]]
