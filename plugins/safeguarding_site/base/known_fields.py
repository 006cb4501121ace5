"""Unknown fields in a data file's mapping, each reported at its own line with the nearest known name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

from .errors import Problems


def nearest_field(key: object, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(str(key), sorted(known), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(wanted: object, choices: Iterable[str]) -> str:
    """"did you mean 'title'?" for the nearest of ``choices``, or "" when none is close."""
    nearest = nearest_field(wanted, choices)
    return f"did you mean '{nearest}'?" if nearest else ""


def unknown_field_message(key: object, known: Iterable[str]) -> str:
    """``unknown field 'titel': did you mean 'title'? (…)``: a misspelt field would otherwise be ignored."""
    hint = f"{did_you_mean(key, known)} " if nearest_field(key, known) else ""
    return f"unknown field '{key}': {hint}(expected one of {', '.join(sorted(known))})"


def check_known_fields(mapping: Mapping, known: Iterable[str], name: str, problems: Problems, *,
                       entry: str | None = None) -> set[str]:
    """A problem for each key of ``mapping`` (a LineDict) not in ``known``, at the key's own line.

    Returns the known names suggested instead, so a caller can leave out the follow-on "missing 'terms:'"
    when the editor has written ``term:`` (the cause is reported once, at its line)."""
    known = set(known)
    line_of = getattr(mapping, "line_of", lambda key: None)
    suggested = set()
    for key in mapping:
        if key not in known:
            problems.add(name, unknown_field_message(key, known), line=line_of(str(key)), entry=entry)
            suggested.add(nearest_field(key, known))
    suggested.discard(None)
    if suggested and hasattr(mapping, "misspelt"):
        mapping.misspelt = frozenset(suggested)  # type: ignore[attr-defined]
    return suggested  # type: ignore[return-value]


def misspelt(mapping: Mapping, key: str) -> bool:
    """Whether ``key`` is missing because the editor misspelt it (already reported, at the misspelling's line):
    then "'title' is missing" would report the same mistake twice."""
    return key not in mapping and key in getattr(mapping, "misspelt", ())
