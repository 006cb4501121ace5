"""lunr.js's English stemmer in Python: lunr.py's Porter stemmer where lunr.js differs from it.

Both engines must stem alike or they rank differently. lunr.js 2.3.9 departs from the Porter algorithm
that lunr.py follows in two places: it turns a final "y" into "i" only after a consonant that is not the
word's first letter ("day" stays "day", "trying" becomes "tri"; Porter looks for any vowel before it),
and its suffix rules want at least one letter before "sses" and "ies". tests/search/test_worker_agrees.py
stems the site's whole vocabulary with both and compares.
"""

from __future__ import annotations

import functools

from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.token import Token

VOWELS = "aeiou"


class LunrJsStemmer(PorterStemmer):
    def step1c(self) -> None:
        if self.ends("y") and self.k >= 2 and self.b[self.k - 1] not in VOWELS:
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_stemmer = LunrJsStemmer()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    if word in ("sses", "ies"):  # nothing before the suffix: lunr.js's rule 1a does not apply
        return word[:-1]
    return _stemmer.stem(word)


def js_stemmer(token: Token, i: int | None = None, tokens: list | None = None) -> Token:
    """A lunr.py pipeline function that stems as lunr.js does."""
    return token.update(lambda word, _metadata=None: stem(word))


Pipeline.register_function(js_stemmer, "lunrJsStemmer")
