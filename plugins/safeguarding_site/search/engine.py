"""Material for MkDocs' tokenizer reproduced in Python (separator split, text between tags), and result types.

The site's search itself is site_search.py, which the browser's worker repeats; Material's own query
transform (a wildcard on every word) and post-query boosts are what it replaced (issue 14).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# Material 9.7's worker (src/templates/assets/javascripts/integrations/search) is the reference for the
# tokenizer; each function names the TypeScript function it follows so a Material upgrade can be checked.


@dataclass
class SearchItem:
    """One entry of the index (a page or one of its sections) that matched; scores fall down the list."""

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
