"""The query pipeline shared by the browser and `build.py search`: what a typed string asks the index for.

overrides/assets/javascripts/search/worker.js does the same steps in the same order (function ``plan``);
tests/search/test_worker_agrees.py runs both on the same strings. Change one, change the other.

Steps: a recommendation shortcut ("rec 3", "recommendation 3", "R3", a bare number in range) pins that
page first; quoted parts are phrases; the rest is split with the index's separator and lower-cased; stop
words are dropped; numbers and abbreviations match exactly; a wildcard only where typed, or on the last
word while it is still being typed (the string does not end in a space); American spellings become the
British ones the sources use when the index knows them; two words whose join the index knows
("multi agency") become that word ("multiagency").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lunr.stop_word_filter import stop_word_filter

from .engine import split

# "rec 3", "recs 3", "rec. 3", "recommendation 3", "R3" at the start; or the whole query a number.
SHORTCUT = re.compile(r"^\s*(?:rec(?:ommendation)?s?\.?\s*|r)(\d{1,3})(?![\d.])", re.IGNORECASE)
BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
NUMBER = re.compile(r"^\d+(?:\.\d+)*$")

# American -> British endings and beginnings; a variant is used only if the index has the British word.
SPELLINGS: tuple[tuple[str, str], ...] = (
    ("ization", "isation"), ("izations", "isations"), ("ize", "ise"), ("izes", "ises"), ("ized", "ised"),
    ("izing", "ising"), ("yze", "yse"), ("yzed", "ysed"), ("yzing", "ysing"), ("ior", "iour"),
    ("iors", "iours"), ("or", "our"), ("ors", "ours"), ("ense", "ence"), ("enses", "ences"), ("ter", "tre"),
    ("ters", "tres"), ("gram", "gramme"), ("grams", "grammes"), ("eling", "elling"), ("eled", "elled"),
    ("eler", "eller"), ("elers", "ellers"), ("og", "ogue"), ("ogs", "ogues"),
)
PREFIX_SPELLINGS: tuple[tuple[str, str], ...] = (("pedi", "paedi"), ("pedo", "paedo"),
                                                  ("fetu", "foetu"), ("feta", "foeta"), ("anem", "anaem"),
                                                  ("anest", "anaest"), ("hemo", "haemo"), ("hema", "haema"))
MIN_FUZZY = 5


@dataclass
class Concept:
    """One thing the query asks for: any of ``forms`` (whole words), or words beginning ``prefix``."""

    word: str
    forms: list[str]
    prefix: str = ""
    exact: bool = False  # numbers and abbreviations: never a wildcard, never a near miss
    fuzzy: bool = False  # the index knows none of the forms: allow one edit
    corrected: bool = False  # the engine has added the index's words one edit away to the forms


@dataclass
class Plan:
    pinned: str = ""
    concepts: list[Concept] = field(default_factory=list)
    phrases: list[list[int]] = field(default_factory=list)  # indexes into concepts, each a quoted phrase


def spelling_variants(word: str) -> list[str]:
    out = []
    for american, british in SPELLINGS:
        if word.endswith(american) and len(word) > len(american) + 2:
            out.append(word[: -len(american)] + british)
    for american, british in PREFIX_SPELLINGS:
        if word.startswith(american) and american != british:
            out.append(british + word[len(american):])
    return out


def plan(query: str, separator: re.Pattern[str], knows: Callable[[str], bool], abbreviations: set[str],
         recommendations: int) -> Plan:
    """``knows(word)``: whether the index has the word (after stemming); ``abbreviations`` lower-case."""
    result = Plan()
    shortcut = SHORTCUT.match(query) or BARE_NUMBER.match(query)
    if shortcut and 1 <= int(shortcut.group(1)) <= recommendations:
        result.pinned = f"recommendations/{int(shortcut.group(1))}.html"
    unfinished = bool(query) and not query[-1].isspace() and query[-1] != '"'
    words: list[tuple[str, bool, int]] = []  # (word, typed wildcard, quoted group or -1)
    for number, part in enumerate(query.split('"')):
        quoted = number % 2 == 1
        lowered = part.lower()
        for a, b in split(lowered, separator):
            token = lowered[a:b]
            wildcard = token.endswith("*")
            token = token.strip("*+-~^")
            if token and stop_word_filter(token):
                words.append((token, wildcard, number if quoted else -1))
    groups: dict[int, list[int]] = {}
    index = 0
    while index < len(words):
        token, wildcard, group = words[index]
        last = index == len(words) - 1
        joined = token + words[index + 1][0] if not last else ""
        if joined and group == words[index + 1][2] and not NUMBER.match(joined) and knows(joined):
            concept = Concept(word=f"{token} {words[index + 1][0]}", forms=[joined])
            index += 1
            last = index == len(words) - 1
        elif NUMBER.match(token) or token in abbreviations:
            concept = Concept(word=token, forms=[token], exact=True)
        else:
            forms = [token] + [v for v in spelling_variants(token) if knows(v)]
            concept = Concept(word=token, forms=forms)
            if wildcard or (last and unfinished and group == -1 and len(token) >= 2):
                concept.prefix = token
            elif len(token) >= MIN_FUZZY and not any(knows(f) for f in forms):
                concept.fuzzy = True
        if group >= 0:
            groups.setdefault(group, []).append(len(result.concepts))
        result.concepts.append(concept)
        index += 1
    result.phrases = [members for members in groups.values() if len(members) > 1]
    return result
