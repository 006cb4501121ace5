"""One regex for many phrases, shaped as a trie: shared beginnings are tried once, not once per phrase."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    end: str | None = None  # the suffix of the phrase that ends here (often ""), or None


def alternation(phrases: Iterable[tuple[Sequence[str], str]]) -> str:
    """A regex that matches exactly what ``"|".join("".join(symbols) + suffix for symbols, suffix in phrases)``
    matches, preferring the same phrase wherever several could match.

    Each phrase is a sequence of symbols (small regexes, such as ``a``, ``\\.`` or ``\\s+``) and a suffix
    for its end (such as ``/?``). The flat alternation tries phrases in the order given; the trie tries,
    along the one path a text can take, the longest phrase first. The two agree when (a) symbols that
    follow the same beginning never match at the same place (distinct letters, say), which is the
    caller's promise, and (b) a phrase that another phrase extends comes after it in the order given,
    which is checked here: if it does not hold, the flat alternation is returned instead.
    """
    phrases = [(tuple(symbols), suffix) for symbols, suffix in phrases]
    root = _Node()
    for symbols, suffix in phrases:
        node = root
        for symbol in symbols:
            if node.end is not None:  # a shorter phrase, tried earlier than this longer one
                return _flat(phrases)
            node = node.children.setdefault(symbol, _Node())
        if node.end is None:
            node.end = suffix
        elif node.end != suffix:
            return _flat(phrases)
    return _regex(root) if phrases else ""


def _flat(phrases: Sequence[tuple[Sequence[str], str]]) -> str:
    return "|".join("".join(symbols) + suffix for symbols, suffix in phrases)


def _regex(node: _Node) -> str:
    branches = []
    for symbol, child in node.children.items():
        # A chain of single children is written as one run of symbols.
        while len(child.children) == 1 and child.end is None:
            (next_symbol, child), = child.children.items()
            symbol += next_symbol
        branches.append(symbol + _regex(child))
    if node.end is not None:
        branches.append(node.end)  # last, so a longer phrase through this node wins
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"
