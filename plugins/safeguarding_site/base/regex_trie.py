"""One regex for many phrases, shaped as a trie: shared beginnings are tried once, not once per phrase."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# A trie node is a dict from each next symbol to its node; the key None holds the suffix of a phrase that
# ends there. Plain dicts, since a register's phrases make thousands of nodes.
_Node = dict


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
    root: _Node = {}
    for symbols, suffix in phrases:
        node = root
        for symbol in symbols:
            if None in node:  # a shorter phrase, tried earlier than this longer one
                return _flat(phrases)
            child = node.get(symbol)
            if child is None:
                child = node[symbol] = {}
            node = child
        if None not in node:
            node[None] = suffix
        elif node[None] != suffix:
            return _flat(phrases)
    return _regex(root) if phrases else ""


def _flat(phrases: Sequence[tuple[Sequence[str], str]]) -> str:
    return "|".join("".join(symbols) + suffix for symbols, suffix in phrases)


def _regex(node: _Node) -> str:
    branches = []
    for symbol, child in node.items():
        if symbol is None:
            continue
        # A chain of single children is written as one run of symbols.
        while len(child) == 1 and None not in child:
            (next_symbol, child), = child.items()
            symbol += next_symbol
        branches.append(symbol + _regex(child))
    if None in node:
        branches.append(node[None])  # last, so a longer phrase through this node wins
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"
