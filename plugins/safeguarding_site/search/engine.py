"""Material for MkDocs' in-browser search, reproduced in Python with lunr over the site's search_index.json."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lunr.builder import Builder
from lunr.exceptions import BaseLunrException
from lunr.query import Query, QueryPresence
from lunr.query_lexer import QueryLexer
from lunr.query_parser import QueryParser
from lunr.stemmer import stemmer
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

# Material 9.7's worker (src/templates/assets/javascripts/integrations/search) is the reference for every
# step below; each function names the TypeScript function it follows so a Material upgrade can be checked.
PIPELINE_FUNCTIONS = {"trimmer": trimmer, "stopWordFilter": stop_word_filter, "stemmer": stemmer}
SEARCH_FIELDS = ("title", "text", "tags")


@dataclass
class SearchItem:
    """One entry of the index (a page or one of its sections) that matched, with Material's final score."""

    location: str
    title: str
    text: str
    score: float
    terms: dict[str, bool]
    parent: str | None

    @property
    def page(self) -> str:
        return self.location.split("#", 1)[0]


@dataclass
class SearchGroup:
    """The results for one page, best first, as Material lists them under one heading."""

    page: str
    items: list[SearchItem] = field(default_factory=list)

    @property
    def best(self) -> SearchItem:
        return max(self.items, key=lambda item: item.score)


def split(text: str, separator: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Ranges between separator matches, like Material's ``split`` (a global RegExp walked with exec)."""
    index = 0
    position = 0
    while True:
        match = separator.search(text, position) if position <= len(text) else None
        until = match.start() if match else len(text)
        if index < until:
            yield index, until
        if match is None:
            return
        index = match.end()
        # A zero-length match must not match again at the same place (JavaScript moves lastIndex on).
        position = match.end() if match.end() > match.start() else match.start() + 1


def text_blocks(html: str) -> Iterator[str]:
    """The text between tags, like Material's ``extract``: the index stores HTML, only text is tokenised."""
    start = 0
    depth = 0
    end = 0
    for end, char in enumerate(html):
        if char == "<" and end > start:
            yield html[start:end]
            start = end
        elif char == ">":
            if html[start + 1 : start + 2] == "/":
                depth -= 1
            elif html[end - 1] != "/":
                depth += 1
            start = end + 1
    if len(html) > start:
        yield html[start:]


def tokenize(value: str | list[str] | None, separator: re.Pattern[str]) -> list[str]:
    """Material's ``tokenize``: split the text parts of the HTML with the configured separator, lower-cased."""
    if value is None:
        return []
    tokens: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        for block in text_blocks(item):
            tokens.extend(block[a:b].lower() for a, b in split(block, separator))
    return tokens


def compile_separator(pattern: str) -> re.Pattern[str]:
    # JavaScript's RegExp without the u flag; Python's re is close enough for the character classes we use.
    return re.compile(pattern)


def transform(query: str, visit: Callable[[str], list[str]]) -> str:
    """Material's ``transform``: quoted parts become required terms, every other term gets a trailing ``*``."""
    parts = re.split(r'"([^"]+)"', query.strip())
    query = "".join(
        re.sub(r"^\b|^(?![^\x00-\x7F]|$)|\s+", " +", part, flags=re.ASCII) if i & 1 else part
        for i, part in enumerate(parts)
    )
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query)
    terms: list[str] = []
    for part in re.split(r"\s+", query):
        terms.extend(visit(part))
    terms = [f"{t}1" if re.search(r"[~^]$", t) else t for t in terms]
    terms = [t if re.search(r"^[+-]|[~^]\d+$", t) else f"{t}*" for t in terms]
    return " ".join(terms)


def transform_query(query: str, separator: re.Pattern[str]) -> str:
    """Material's ``transformSearchQuery``: split each term with the index's own separator."""

    def visit(part: str) -> list[str]:
        terms: list[str] = []
        lexer = QueryLexer(part)
        lexer.run()
        for lexeme in lexer.lexemes:
            kind, term, start, end = lexeme["type"], lexeme["string"], lexeme["start"], lexeme["end"]
            if kind == QueryLexer.FIELD:
                if term not in SEARCH_FIELDS:
                    part = part[:end] + " " + part[end + 1 :]
            elif kind == QueryLexer.TERM:
                for a, b in split(term, separator):
                    terms.append(part[:start] + term[a:b] + part[end:])
        return terms

    return transform(query, visit)


def parse_clauses(query: str) -> list:
    """Material's ``parseSearchQuery``: the clauses, wildcards stripped, for the matched-terms analysis."""
    parsed = Query(list(SEARCH_FIELDS))
    QueryParser(query, parsed).parse()
    for clause in parsed.clauses:
        clause.use_pipeline = True
        if clause.term.startswith("*"):
            clause.term = clause.term[1:]
        if clause.term.endswith("*"):
            clause.term = clause.term[:-1]
    return parsed.clauses


def query_terms(clauses: list, matched: list[str]) -> dict[str, bool]:
    """Material's ``getSearchQueryTerms``: which query terms a result matched; stop words are not counted."""
    pending = list(clauses)
    result: dict[str, bool] = {}
    for term in matched:
        for clause in list(pending):
            if term.startswith(clause.term):
                result[clause.term] = True
                pending.remove(clause)
    for clause in pending:
        if stop_word_filter(clause.term):
            result[clause.term] = False
    return result


class QueryError(ValueError):
    """A query lunr cannot read (the browser's search box shows no results for it): where, and why."""

    def __init__(self, query: str, reason: str, position: int | None) -> None:
        self.query, self.reason, self.position = query, reason, position
        where = f"at character {position} ({query[position - 1: position + 9]!r})" if position else ""
        super().__init__(" ".join(filter(None, ["the query cannot be read", where])) + f": {reason}")


# lunr's messages, in the editors' words; the character each is about, to find it in the query as typed.
_OPERATORS = {
    "Boost must be numeric": ("^", "'^' must be followed by a whole number (a boost, as in child^2)"),
    "Edit distance must be numeric": ("~", "'~' must be followed by a whole number (how many letters may "
                                           "differ, as in child~1)"),
}


def query_error(query: str, exc: BaseLunrException) -> QueryError:
    """The error at its place in the query as typed (lunr reports none, and parses a transformed query)."""
    message = str(exc)
    operator, reason = _OPERATORS.get(message, (None, None))
    if operator:
        match = re.search(re.escape(operator) + r"(?!\d)", query)
        return QueryError(query, reason, match.start() + 1 if match else None)
    match = re.search(r"[:^~+\-*]", query)
    return QueryError(query, f"{message} (search for words, or quote a phrase: \"social work\")",
                      match.start() + 1 if match else None)


class MaterialSearch:
    """A lunr index built exactly as Material's search worker builds it, from the same search_index.json."""

    def __init__(self, index: dict) -> None:
        config = index["config"]
        self.config = config
        self.separator = compile_separator(config["separator"])
        self.docs: dict[str, dict] = {}
        self.parents: dict[str, str | None] = {}
        for doc in index["docs"]:
            # setupSearchDocumentMap: the first entry of a page is the article, the rest are its sections.
            path = doc["location"].split("#", 1)[0]
            if path not in self.docs:
                self.docs[path] = doc
                self.parents[path] = None
            else:
                self.docs[doc["location"]] = doc
                self.parents[doc["location"]] = path
        builder = Builder()
        builder.b(0)
        # lunr() installs trimmer, stopWordFilter and stemmer; Material removes those its config omits.
        names = [name for name in ("trimmer", "stopWordFilter", "stemmer") if name in config["pipeline"]]
        builder.pipeline.add(*(PIPELINE_FUNCTIONS[name] for name in names))
        if "stemmer" in names:
            builder.search_pipeline.add(stemmer)
        builder.ref("location")
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=self._extractor(name))
        self.fields = list(config["fields"])
        for doc in index["docs"]:
            builder.add(doc, {"boost": doc["boost"]} if doc.get("boost") is not None else {})
        self.index = builder.build()

    @classmethod
    def from_site(cls, site_dir: Path) -> MaterialSearch:
        path = site_dir / "search" / "search_index.json"
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def _extractor(self, name: str) -> Callable[[dict], list[str] | None]:
        def extract(doc: dict) -> list[str] | None:
            value = doc.get(name)
            # Handing lunr a list of finished tokens is how we substitute Material's tokenizer for lunr's.
            return None if value is None else tokenize(value, self.separator)

        return extract

    def search(self, query: str) -> list[SearchGroup]:
        """Results grouped by page, in the order Material's search dialog shows them; QueryError for a query
        lunr cannot read (``child^x``)."""
        typed = query
        try:
            query = transform_query(query, self.separator)
            if not query:
                return []
            clauses = [c for c in parse_clauses(query) if c.presence != QueryPresence.PROHIBITED]
            results = self.index.search(query)
        except BaseLunrException as exc:
            raise query_error(typed, exc) from None
        items: list[SearchItem] = []
        for result in results:
            ref = result["ref"]
            doc = self.docs.get(ref)
            if doc is None:
                continue
            terms = query_terms(clauses, list(result["match_data"].metadata))
            parent = self.parents[ref]
            matched = sum(1 for value in terms.values() if value)
            # Material divides by the number of terms; with none (only stop words) the score would be NaN.
            boost = (0 if parent else 1) + (matched / len(terms) if terms else 0.0)
            items.append(SearchItem(location=ref, title=doc["title"], text=doc.get("text", ""),
                                    score=result["score"] * (1 + boost**2), terms=terms, parent=parent))
        items.sort(key=lambda item: item.score, reverse=True)
        groups: dict[str, SearchGroup] = {}
        for item in items:
            page = item.parent or item.location
            groups.setdefault(page, SearchGroup(page=page)).items.append(item)
        for page, group in groups.items():
            if not any(item.location == page for item in group.items):
                doc = self.docs[page]
                group.items.append(SearchItem(location=page, title=doc["title"], text=doc.get("text", ""),
                                              score=0.0, terms={}, parent=None))
        return list(groups.values())

    def page_title(self, page: str) -> str:
        return self.docs[page]["title"]
