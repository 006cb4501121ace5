"""The trie-shaped alternation matches exactly what the flat alternation of the same phrases matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from safeguarding_site.base.regex_trie import alternation
from safeguarding_site.linking.reference_patterns import _alternatives, _title_key

WORDS = ["Working", "Together", "Work", "to", "Safeguard", "Safeguarding", "Children", "Children's", "Children’s",
         "Child", "The", "Government's", "Response", "–", "One", "Year", "On", "On:", "a", "a.b", "(x)", "*"]
SPACES = [" ", "  ", "\n", " \n ", "\t", "\u00a0"]


def flat_loose(title: str) -> str:
    """The title patterns as first written: one alternative per title, the longest first."""
    return r"\s+".join(re.sub("['’]", "['’]", re.escape(word)) for word in title.split())


def flat_alternatives(titles: tuple[str, ...]) -> str:
    return "|".join(flat_loose(t) for t in sorted(set(titles), key=lambda t: (-len(t), t)))


TITLE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
GAPS = st.sampled_from([" ", "  ", "\t", "      ", "        "])
# Titles as an editor might mistype them, which the trie must not reorder (it falls back to the flat form).
ODD_TITLE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).flatmap(
    lambda words: st.lists(GAPS, min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(g + w for g, w in zip(gaps, words, strict=True))))
TEXT = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SPACES), st.sampled_from(["x", "'s", ",", "_"])),
                max_size=30).map("".join)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


def texts_around(titles: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Text made of the titles themselves (so that a title and a longer one both match), words and spaces."""
    written = [" ".join(t.split()) for t in titles]
    return st.lists(st.one_of(st.sampled_from(written), st.sampled_from(WORDS), st.sampled_from(SPACES),
                              st.sampled_from(["x", "'s", ",", "_", "*", "**"])), max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(TITLE, TITLE, ODD_TITLE), min_size=1, max_size=8).map(tuple).flatmap(
    lambda titles: st.tuples(st.just(titles), texts_around(titles))))
def test_titles_trie_matches_what_the_flat_alternation_matches(titles_and_text: tuple[tuple[str, ...], str]) -> None:
    titles, text = titles_and_text
    trie, flat = _alternatives(titles), flat_alternatives(titles)
    for around in ("{}", r"(?<!\w)(?:{})(?!\w)", r"(?P<em>\*\*?|__?)?(?<![^\W_])(?:{})(?![^\W_])(?(em)(?P=em))"):
        assert spans(around.format(trie), text) == spans(around.format(flat), text)
    assert bool(re.fullmatch(trie, text)) == bool(re.fullmatch(flat, text))


@settings(max_examples=300, deadline=None)
@given(st.lists(TITLE, min_size=1, max_size=6).map(tuple), TEXT)
def test_a_text_has_a_titles_key_exactly_when_it_matches_the_title_in_full(titles: tuple[str, ...], text: str) -> None:
    for title in titles:
        assert (re.fullmatch(flat_loose(title), text) is not None) == (_title_key(text) == _title_key(title))


PHRASES = st.lists(st.text(alphabet="abc./", min_size=1, max_size=6), max_size=10, unique=True)


@settings(max_examples=600, deadline=None)
@given(PHRASES, st.text(alphabet="abcABC./ ", max_size=30))
def test_alternation_keeps_each_phrases_suffix_and_the_longest_phrase_first(phrases: list[str], text: str) -> None:
    ordered = sorted(phrases, key=len, reverse=True)
    items = [([re.escape(c) for c in p], "/?" if p.startswith("a.") else "") for p in ordered]
    trie = alternation(items)
    flat = "|".join(re.escape(p) + suffix for p, (_, suffix) in zip(ordered, items, strict=True))
    wrapped = r"(?<![\w/.-])(?:{})(?![\w/-]|\.\w)"
    assert [m.group(0) for m in re.finditer(wrapped.format(trie), text, re.IGNORECASE)] == [
        m.group(0) for m in re.finditer(wrapped.format(flat), text, re.IGNORECASE)]


def test_alternation_shares_beginnings_and_falls_back_when_a_shorter_phrase_comes_first() -> None:
    assert alternation([("abc", ""), ("ab", ""), ("x", "")]) == "(?:ab(?:c|)|x)"
    assert alternation([("ab", ""), ("abc", "")]) == "ab|abc"  # the order given is kept
    assert alternation([]) == ""


def test_regex_whitespace_is_str_whitespace() -> None:
    # _title_key splits with str.split, the patterns with \s: they must agree on every character.
    assert all((re.fullmatch(r"\s", chr(c)) is not None) == chr(c).isspace() for c in range(0x110000))
