"""The Python port of Material's search: tokenizer, separator and query handling behave as Material's do."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from safeguarding_site.search.engine import (
    MaterialSearch,
    QueryError,
    compile_separator,
    split,
    tokenize,
    transform_query,
)
from safeguarding_site.search.index_extras import SEPARATOR

OURS = compile_separator(SEPARATOR)
MATERIAL_DEFAULT = compile_separator(r"[\s\-]+")


def words(text: str, separator=OURS) -> list[str]:
    return [text[a:b] for a, b in split(text, separator)]


def test_separator_splits_punctuation_and_keeps_what_must_stay_whole():
    text = "Lord Laming’s report (LSCBs). ‘Do it now’, children; A&amp;E e.g. 1.1 and/or parents’ 2009.)"
    assert words(text) == ["Lord", "Laming", "report", "LSCBs", "Do", "it", "now", "children", "A&amp;E",
                           "e.g", "1.1", "and", "or", "parents", "2009"]


def test_material_default_separator_is_what_made_punctuation_stick():
    assert words("(LSCBs). and, 12:", MATERIAL_DEFAULT) == ["(LSCBs).", "and,", "12:"]


def test_split_handles_zero_length_matches_like_javascript():
    assert words("abc", re.compile("(?=b)")) == ["a", "bc"]


def test_tokenize_reads_only_text_between_tags():
    assert tokenize('<p>Staff in <a href="x.html">A&amp;E</a> departments</p>', OURS) == [
        "staff", "in", "a&amp;e", "departments"]


def test_transform_query_matches_material():
    # Material's transform: trailing wildcard on every term; quoted parts become required, exact terms.
    assert transform_query("Accident and Emergency", OURS) == "Accident* and* Emergency*"
    assert transform_query('"recommendation 5"', OURS) == "+recommendation +5"
    assert transform_query("Laming's report", OURS) == "Laming* report*"
    assert transform_query("  ", OURS) == ""


def index(*docs: dict) -> dict:
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
    return {"config": {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"], "fields": fields},
            "docs": list(docs)}


def test_results_are_grouped_by_page_with_material_boosts():
    engine = MaterialSearch(index(
        {"location": "a.html", "title": "Alpha", "text": "<p>nothing here</p>"},
        {"location": "a.html#s", "title": "Section", "text": "<p>neglect of children</p>"},
        {"location": "b.html", "title": "Neglect", "text": "<p>about neglect</p>"},
    ))
    groups = engine.search("neglect")
    assert [g.page for g in groups] == ["b.html", "a.html"]
    # A page's own entry is boosted above its sections (1 + (1 + 1)^2 against 1 + 1^2).
    a = groups[1]
    assert [item.location for item in a.items] == ["a.html#s", "a.html"]
    assert a.items[1].score == 0.0  # the page entry is added, unscored, so that every group has one


def test_stop_words_are_not_counted_as_missing():
    engine = MaterialSearch(index({"location": "a.html", "title": "A", "text": "<p>Accident and Emergency</p>"}))
    (group,) = engine.search("Accident and Emergency")
    assert group.best.terms == {"accident": True, "emergency": True}


SMALL = index(
    {"location": "a.html", "title": "Child protection", "text": "<p>Social work with children and families</p>"},
    {"location": "a.html#s", "title": "Neglect", "text": "<p>neglect of children: ~ ^ * + - : signs</p>"},
)


@pytest.mark.parametrize(("query", "position", "reason"), [
    ("child^x", 6, "'^' must be followed by a whole number (a boost, as in child^2)"),
    ("child~x", 6, "'~' must be followed by a whole number"),
    ("social work child^^2", 18, "'^' must be followed by a whole number"),
])
def test_a_query_lunr_cannot_read_is_a_query_error_at_its_place(query: str, position: int, reason: str) -> None:
    with pytest.raises(QueryError) as info:
        MaterialSearch(SMALL).search(query)
    assert info.value.position == position
    assert str(info.value).startswith(f"the query cannot be read at character {position} ")
    assert reason in str(info.value)


def test_ten_thousand_random_characters_are_a_query_error_or_results() -> None:
    chance = random.Random(16)
    engine = MaterialSearch(SMALL)
    for _ in range(5):
        query = "".join(chr(chance.randint(32, 0x2FFF)) for _ in range(10_000))
        try:
            engine.search(query)
        except QueryError as exc:
            assert exc.position is None or 1 <= exc.position <= len(query)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("child^~*+-:\"' 2x")) | st.characters(), max_size=40))
def test_any_query_gives_results_or_a_query_error(query: str) -> None:
    try:
        MaterialSearch(SMALL).search(query)
    except QueryError as exc:
        assert exc.position is None or 1 <= exc.position <= len(query)
