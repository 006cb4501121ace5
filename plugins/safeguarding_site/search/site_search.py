"""The site's search over search_index.json: lunr with stemming, ranked by how much of the query an entry has.

The browser runs the same steps in overrides/assets/javascripts/search/worker.js (which replaces Material's
search worker); tests/search/test_worker_agrees.py checks that both give the same ranked pages.

Ranking, for each entry (a page's head or one of its sections), in order of importance:
1. how many of the query's concepts it matches (all words present first);
2. whether the words stand together as the query has them (a quoted phrase, or the whole query);
3. whether its title has all the query's concepts (a title with one of them counts for nothing here;
   nor does a register page's title);
4. lunr's BM25 score summed over the concepts (title boost in proportion, register pages damped);
5. its place in the index, so that ties fall the same way in both engines.
Pages are listed in the order of their best entry; a recommendation shortcut puts its page first.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.query import Query
from lunr.stop_word_filter import stop_word_filter

from .engine import SearchGroup, SearchItem, compile_separator, tokenize
from .query import MIN_FUZZY, Concept, Plan, plan
from .stemmer import js_stemmer, stem

PREFIX_BOOST = 0.5  # a word the user is still typing: its completions count, but less than the word itself
B = 0.75  # lunr's length normalisation (Material turns it off): a long section no longer wins by length


@dataclass
class Match:
    order: int
    coverage: int
    phrase: int
    titled: int
    score: float
    terms: dict[str, bool]


class SiteSearch:
    def __init__(self, index: dict) -> None:
        config = index["config"]
        self.config = config
        self.separator = compile_separator(config["separator"])
        self.abbreviations = {a.lower() for a in config.get("abbreviations", [])}
        self.recommendations = int(config.get("recommendations", 0))
        self.docs: dict[str, dict] = {}
        self.parents: dict[str, str | None] = {}
        self.order: dict[str, int] = {}
        for number, doc in enumerate(index["docs"]):
            path = doc["location"].split("#", 1)[0]
            self.order.setdefault(doc["location"], number)
            if path not in self.docs:
                self.docs[path] = doc
                self.parents[path] = None
            else:
                self.docs[doc["location"]] = doc
                self.parents[doc["location"]] = path
        self.words: set[str] = set()  # every word of the index as written (lower case), for typo corrections
        self._field_words: dict[tuple[str, str], list[str]] = {}
        builder = WordsBuilder()
        builder.b(B)
        builder.search_pipeline.add(js_stemmer)
        builder.ref("location")
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=self._extractor(name))
        for doc in index["docs"]:
            builder.add(doc, {"boost": doc["boost"]} if doc.get("boost") is not None else {})
        self.index = builder.build()
        self._sequences: dict[str, list[str]] = {}
        self._titles: dict[str, set[str]] = {}
        self._stems: dict[str, str] = {}

    @classmethod
    def from_site(cls, site_dir: Path) -> SiteSearch:
        path = site_dir / "search" / "search_index.json"
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _extractor(self, name: str) -> Callable[[dict], list[str] | None]:
        def extract(doc: dict) -> list[str] | None:
            value = doc.get(name)
            if value is None:
                return None
            words = fast_tokenize(value, self.separator)
            self.words.update(words)
            if name in ("title", "text"):  # kept for the phrase test, so that no query tokenizes again
                self._field_words.setdefault((doc["location"], name), words)
            return words

        return extract

    def stem(self, word: str) -> str:
        if word not in self._stems:
            terms = self.index.pipeline.run_string(word)
            self._stems[word] = terms[0] if terms else ""
        return self._stems[word]

    def knows(self, word: str) -> bool:
        return self.stem(word) in self.index.inverted_index

    def plan(self, query: str) -> Plan:
        return plan(query, self.separator, self.knows, self.abbreviations, self.recommendations)

    def _concept_scores(self, concept: Concept) -> dict[str, float]:
        query = self.index.create_query()
        for form in concept.forms:
            query.clause(form, edit_distance=1 if concept.fuzzy else 0)
        if concept.prefix:
            query.clause(concept.prefix, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=PREFIX_BOOST)
        return {result["ref"]: result["score"] for result in self.index.query(query)}

    def _sequence(self, ref: str) -> list[str]:
        """The entry's words as the index has them (stemmed, stop words out), title, "", then text."""
        if ref not in self._sequences:
            words = self._field_words.get((ref, "title"), []) + [""] + self._field_words.get((ref, "text"), [])
            self._sequences[ref] = [f for f in map(self._index_form, words) if f != "\x00skip"]
        return self._sequences[ref]

    def _index_form(self, word: str) -> str:
        if not word:
            return ""
        return index_form(word) or "\x00skip"

    def _title_has_all(self, ref: str, concepts: list[Concept]) -> bool:
        if ref not in self._titles:
            self._titles[ref] = {form for w in tokenize(self.docs[ref].get("title"), self.separator)
                                 if (form := index_form(w))}
        words = self._titles[ref]
        return all(any(self.stem(f) in words for f in c.forms)
                   or (c.prefix and any(w.startswith(c.prefix) for w in words)) for c in concepts)

    def _has_phrase(self, ref: str, concepts: list[Concept]) -> bool:
        wanted = [({self.stem(f) for f in c.forms}, c.prefix) for c in concepts]
        words = self._sequence(ref)
        first, prefix = wanted[0]
        for start in range(len(words) - len(wanted) + 1):
            if words[start] not in first and not (prefix and words[start].startswith(prefix)):
                continue
            if all(words[start + i] in stems or (prefix and words[start + i].startswith(prefix))
                   for i, (stems, prefix) in enumerate(wanted)):
                return True
        return False

    def corrections(self, word: str) -> list[str]:
        """The index's words one edit (a letter added, dropped, changed, or two swapped) from ``word``."""
        return sorted(w for w in one_edit(word) if w in self.words and w != word)

    def _rank(self, planned: Plan) -> list[tuple[str, Match]]:
        for concept in planned.concepts:
            if concept.fuzzy and not concept.corrected:
                concept.forms += [w for w in self.corrections(concept.word) if w not in concept.forms]
                concept.corrected = True
        per_concept = [self._concept_scores(c) for c in planned.concepts]
        refs = sorted({ref for scores in per_concept for ref in scores}, key=lambda r: self.order[r])
        phrases = planned.phrases or ([list(range(len(planned.concepts)))] if len(planned.concepts) > 1 else [])
        ranked = []
        for ref in refs:
            if ref not in self.docs:
                continue
            coverage = sum(1 for scores in per_concept if ref in scores)
            score = 0.0
            for scores in per_concept:
                score += scores.get(ref, 0.0)
            phrase = titled = 0
            if coverage == len(planned.concepts):
                # Register pages are damped (their boost is below 1): their titles do not lift them.
                if self.docs[ref].get("boost", 1) >= 1 and self._title_has_all(ref, planned.concepts):
                    titled = 1 if self.parents[ref] else 2  # a page's own title says more than a section's
                if phrases:
                    phrase = int(all(self._has_phrase(ref, [planned.concepts[i] for i in members])
                                     for members in phrases))
            terms = {c.word: ref in scores for c, scores in zip(planned.concepts, per_concept, strict=True)}
            ranked.append((ref, Match(self.order[ref], coverage, phrase, titled, score, terms)))
        ranked.sort(key=lambda item: (-item[1].coverage, -item[1].phrase, -item[1].titled, -item[1].score,
                                           item[1].order))
        return ranked

    def search(self, query: str) -> list[SearchGroup]:
        planned = self.plan(query)
        ranked = self._rank(planned) if planned.concepts else []
        if len({self.parents[r] or r for r, _ in ranked}) < 3:
            widened = [c for c in planned.concepts if not c.exact and not c.fuzzy and len(c.word) >= MIN_FUZZY
                       and " " not in c.word]
            if widened:
                for concept in widened:
                    concept.fuzzy = True
                # What matched as typed stays first; near misses follow.
                found = {ref for ref, _ in ranked}
                ranked += [(ref, match) for ref, match in self._rank(planned) if ref not in found]
        groups: dict[str, SearchGroup] = {}
        total = len(ranked)
        for rank, (ref, match) in enumerate(ranked):
            doc = self.docs[ref]
            parent = self.parents[ref]
            page = parent or ref
            groups.setdefault(page, SearchGroup(page=page)).items.append(SearchItem(
                location=ref, title=doc["title"], text=doc.get("text", ""), score=float(total - rank),
                terms=match.terms, parent=parent))
        if planned.pinned and planned.pinned in self.docs:
            pinned = groups.pop(planned.pinned, None) or SearchGroup(page=planned.pinned)
            groups = {planned.pinned: pinned, **groups}
        for page, group in groups.items():
            if not any(item.location == page for item in group.items):
                doc = self.docs[page]
                group.items.append(SearchItem(location=page, title=doc["title"], text=doc.get("text", ""),
                                              score=0.0, terms={}, parent=None))
        # Scores that fall down the list: Material's dialog opens the highest score on Enter.
        left = sum(len(group.items) for group in groups.values())
        for group in groups.values():
            for item in group.items:
                item.score = float(left)
                left -= 1
        return list(groups.values())

    def page_title(self, page: str) -> str:
        return self.docs[page]["title"]


_TRIM = re.compile(r"^\W+|\W+$", re.ASCII)  # JavaScript's \W is ASCII-only


def trimmer_text(word: str) -> str:
    """lunr.js's trimmer on a plain string (non-word characters off both ends)."""
    return _TRIM.sub("", word)


@functools.lru_cache(maxsize=65536)
def index_form(word: str) -> str | None:
    """A word as lunr.js's index pipeline (trimmer, stopWordFilter, stemmer) stores it; None if a stop word.

    A word that trims to nothing stays, as "": lunr.js's stop word filter lets an empty token through.
    """
    word = trimmer_text(word)
    if word and not stop_word_filter(word):
        return None
    return stem(word) if word else ""


LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in splits if b}
            | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
            | {a + c + b[1:] for a, b in splits if b for c in LETTERS}
            | {a + c + b for a, b in splits for c in LETTERS})


_ANGLE = re.compile(r"[<>]")


def fast_text_blocks(html: str) -> list[str]:
    """engine.text_blocks (Material's extract), visiting only the angle brackets instead of every character."""
    blocks = []
    start = 0
    for match in _ANGLE.finditer(html):
        end = match.start()
        if match.group() == "<":
            if end > start:
                blocks.append(html[start:end])
                start = end
        else:
            start = end + 1
    if len(html) > start:
        blocks.append(html[start:])
    return blocks


def fast_tokenize(value: str | list[str], separator: re.Pattern[str]) -> list[str]:
    """engine.tokenize's words, faster: the separator never matches an empty string, so re.split will do."""
    tokens: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        for block in fast_text_blocks(item):
            tokens.extend(word.lower() for word in separator.split(block) if word)
    return tokens


class WordsBuilder(Builder):
    """lunr.py's Builder.add, given finished words: no Token objects, the index pipeline cached.

    The postings, field lengths and term frequencies are the ones Builder.add makes (no metadata is kept).
    """

    def add(self, doc: dict, attributes: dict | None = None) -> None:
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name, spec in self._fields.items():
            terms = [form for form in map(index_form, spec.extractor(doc) or []) if form is not None]
            field_ref = str(FieldRef(doc_ref, field_name))
            counts: dict[str, int] = defaultdict(int)
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(terms)
            for term in terms:
                counts[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = {}  # no metadata kept; a plain dict copies fast
