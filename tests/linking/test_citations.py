"""The guidance phrases' trie-shaped pattern finds what the flat alternation finds."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from safeguarding_site.linking.citations import _ADDRESS, _TRIE_SAFE, phrase_pattern


def flat_pattern(table: dict[str, str]) -> re.Pattern[str]:
    """phrase_pattern as first written: one alternative per phrase, the longest first."""
    alternatives = []
    for phrase in sorted(table, key=len, reverse=True):
        escaped = re.escape(phrase)
        alternatives.append(escaped + "/?" if _ADDRESS.match(phrase) else escaped)
    return re.compile(rf"(?<![\w/.-])(?:{'|'.join(alternatives)})(?![\w/-]|\.\w)", re.IGNORECASE)


def test_no_character_matches_two_trie_safe_characters_ignoring_case() -> None:
    # The trie's premise: distinct characters after the same beginning never match at the same place.
    any_safe = re.compile(f"[{re.escape(''.join(sorted(_TRIE_SAFE)))}]", re.IGNORECASE)
    singles = {c: re.compile(re.escape(c), re.IGNORECASE) for c in _TRIE_SAFE}
    for code in range(0x110000):
        x = chr(code)
        if any_safe.fullmatch(x):
            assert sum(1 for p in singles.values() if p.fullmatch(x)) == 1, hex(code)


WORDS = ["children", "child", "act", "act 1989", "the children act", "www.dcsf.gov.uk", "www.dcsf.gov.uk/x",
         "dcsf.gov.uk/everychildmatters", "climbié", "report", "a.b", "x-y", "victoria climbié inquiry report"]
TEXT_PIECES = [*WORDS, *(w.upper() for w in WORDS), " ", "/", ".", "-", "x", "_", "\n", "CLIMBIÉ", "İ", "K"]


def phrases_and_text() -> st.SearchStrategy[tuple[list[str], str]]:
    """Phrases, and a text made of them (so that a phrase and a longer one both match) and other pieces."""
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=8, unique=True).flatmap(
        lambda phrases: st.tuples(st.just(phrases), st.lists(
            st.one_of(st.sampled_from(phrases), st.sampled_from(TEXT_PIECES)), max_size=12).map("".join)))


@settings(max_examples=800, deadline=None)
@given(phrases_and_text())
@example((["act", "act 1989", "www.dcsf.gov.uk", "www.dcsf.gov.uk/x"], "the Act 1989, www.dcsf.gov.uk/ or /x"))
def test_trie_pattern_finds_what_the_flat_pattern_finds(phrases_text: tuple[list[str], str]) -> None:
    phrases, text = phrases_text
    table = {p: f"entry-{i}" for i, p in enumerate(phrases)}
    ascii_table = {p: e for p, e in table.items() if p.isascii()}
    for t in (table, ascii_table):
        assert [m.group(0) for m in phrase_pattern(t).finditer(text)] == [
            m.group(0) for m in flat_pattern(t).finditer(text)]
