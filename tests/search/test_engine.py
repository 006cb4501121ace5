"""The Python port of Material's search: tokenizer, separator and query handling behave as Material's do."""

from __future__ import annotations

import re

from safeguarding_site.search.engine import MaterialSearch, compile_separator, split, tokenize, transform_query
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
