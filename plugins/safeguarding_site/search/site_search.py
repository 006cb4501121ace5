"""The site's search over search_index.json: lunr with stemming, ranked by how much of the query an entry has.

The browser runs the same steps in overrides/assets/javascripts/search/worker.js (which replaces Material's
search worker); tests/search/test_worker_agrees.py checks that both give the same ranked pages.

Ranking, for each entry (a page's head or one of its sections), in order of importance:
1. how many of the query's concepts it matches (all words present first);
2. whether the words stand together as the query has them (a quoted phrase, or the whole query);
3. lunr's BM25 score summed over the concepts (title boost in proportion, register pages damped);
4. its place in the index, so that ties fall the same way in both engines.
Pages are listed in the order of their best entry; a recommendation shortcut puts its page first.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lunr.builder import Builder
from lunr.query import Query
from lunr.pipeline import Pipeline
from lunr.stemmer import porter_stemmer, stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token

from .engine import SearchGroup, SearchItem, compile_separator, tokenize
from .query import MIN_FUZZY, Concept, Plan, plan

PREFIX_BOOST = 0.5  # a word the user is still typing: its completions count, but less than the word itself
B = 0.75  # lunr's length normalisation (Material turns it off): a long section no longer wins by length


@dataclass
class Match:
    order: int
    coverage: int
    phrase: int
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
        builder = Builder()
        builder.b(B)
        # lunr.js's trimmer, stopWordFilter and stemmer as one cached step: the same words, a third of the time.
        builder.pipeline.add(index_pipeline)
        builder.search_pipeline.add(stemmer)
        builder.ref("location")
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=self._extractor(name))
        for doc in index["docs"]:
            builder.add(doc, {"boost": doc["boost"]} if doc.get("boost") is not None else {})
        self.index = builder.build()
        self._sequences: dict[str, list[str]] = {}

    @classmethod
    def from_site(cls, site_dir: Path) -> SiteSearch:
        path = site_dir / "search" / "search_index.json"
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _extractor(self, name: str) -> Callable[[dict], list[str] | None]:
        def extract(doc: dict) -> list[str] | None:
            value = doc.get(name)
            return None if value is None else tokenize(value, self.separator)

        return extract

    def stem(self, word: str) -> str:
        terms = self.index.pipeline.run_string(word)
        return terms[0] if terms else ""

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
        """The entry's words as the index has them (stemmed, stop words out), title then text."""
        if ref not in self._sequences:
            doc = self.docs[ref]
            words = tokenize(doc.get("title"), self.separator) + [""] + tokenize(doc.get("text"), self.separator)
            self._sequences[ref] = [self._index_form(w) for w in words]
        return self._sequences[ref]

    def _index_form(self, word: str) -> str:
        if not word:
            return ""
        return index_form(word) or "\x00skip"

    def _has_phrase(self, ref: str, concepts: list[Concept]) -> bool:
        wanted = [({self.stem(f) for f in c.forms}, c.prefix) for c in concepts]
        words = [w for w in self._sequence(ref) if w != "\x00skip"]
        for start in range(len(words) - len(wanted) + 1):
            if all(words[start + i] in stems or (prefix and words[start + i].startswith(prefix))
                   for i, (stems, prefix) in enumerate(wanted)):
                return True
        return False

    def _rank(self, planned: Plan) -> list[tuple[str, Match]]:
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
            phrase = 0
            if phrases and coverage == len(planned.concepts):
                phrase = int(all(self._has_phrase(ref, [planned.concepts[i] for i in members]) for members in phrases))
            terms = {c.word: ref in scores for c, scores in zip(planned.concepts, per_concept, strict=True)}
            ranked.append((ref, Match(self.order[ref], coverage, phrase, score, terms)))
        ranked.sort(key=lambda item: (-item[1].coverage, -item[1].phrase, -item[1].score, item[1].order))
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
                ranked = self._rank(planned)
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
    """A word as the index stores it: trimmed, None if a stop word, stemmed (lunr.js's index pipeline)."""
    word = trimmer_text(word)
    if not word or not stop_word_filter(word):
        return None
    return porter_stemmer.stem(word)


def index_pipeline(token: Token, i: int | None = None, tokens: list | None = None) -> Token | None:
    form = index_form(str(token))
    return None if form is None else token.update(lambda _s, _m=None: form)


Pipeline.register_function(index_pipeline, "siteIndexForm")
