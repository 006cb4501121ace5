"""Checks every cross_refs/ loader makes the same way, worded once: the schema number and unknown fields."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..base.errors import Problems
from ..base.yaml_lines import LineDict

SCHEMA = 1  # the version every data file declares with ``schema: 1``


def check_schema(data: LineDict, name: str, problems: Problems) -> None:
    if data.get("schema") != SCHEMA:
        problems.add(name, f"schema must be {SCHEMA}, not {data.get('schema')!r}", line=data.line_of("schema"))


def check_fields(entry: LineDict, known: Collection[str], name: str, label: str, problems: Problems) -> None:
    """Report each field of ``entry`` that is not in ``known`` (a misspelt key would otherwise be ignored)."""
    for key in (k for k in entry if k not in known):
        problems.add(name, f"unknown field '{key}' (expected one of {', '.join(sorted(known))})",
                     line=entry.line_of(key), entry=label)


def not_one_of(field: str, choices: Iterable[str], value: object) -> str:
    """The message for a value that must be one of a fixed list."""
    return f"{field} must be one of {', '.join(choices)}, not {value!r}"


def misquoted(quote: str, where: str, text: str) -> str:
    """The message for a quotation that is not in the text it says it is from (``text``: "page", "column")."""
    return f"quote {quote[:60]!r}… does not occur in {where}: copy the words exactly from that {text}"
