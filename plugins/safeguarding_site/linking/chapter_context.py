"""Whether a bare "Chapter N" means Working Together's: its sentence names it, or the data quotes it."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?][”’\"')\]*_]*(?=\s)")
_WORD = re.compile(r"\w+")
_NOT_WORDS = re.compile(r"\]\([^()\n]*\)|\{[^{}\n]*\}")  # link targets and attr lists are not prose


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (a reflowed paragraph or list item) around ``text[start:end]``."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, never reaching past its line."""
    line_start, line_end = line_around(text, start, end)
    ends = [e.end() for e in _SENTENCE_END.finditer(text, line_start, start)]
    after = _SENTENCE_END.search(text, end, line_end)
    return text[ends[-1] if ends else line_start: after.end() if after else line_end]


def quote_covers(text: str, quotes: tuple[str, ...], position: int) -> bool:
    """True when one of ``quotes`` occurs word for word in the line of ``text`` around ``position``.

    Words only are compared (markup, link targets and punctuation ignored), because evidence quotes are
    recorded as the editor copied them, with or without the asterisks, and a page may already hold links.
    """
    if not quotes:
        return False
    line_start, line_end = line_around(text, position, position)
    line = _NOT_WORDS.sub(lambda x: " " * len(x.group(0)), text[line_start:line_end])
    words = [(w.group(0).lower(), line_start + w.start(), line_start + w.end()) for w in _WORD.finditer(line)]
    for quote in quotes:
        wanted = [w.lower() for w in _WORD.findall(quote)]
        for i in range(len(words) - len(wanted) + 1 if wanted else 0):
            if words[i][1] <= position < words[i + len(wanted) - 1][2] and \
                    all(words[i + j][0] == w for j, w in enumerate(wanted)):
                return True
    return False
