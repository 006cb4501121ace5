"""Checks every cross_refs/ loader makes the same way, worded once: the schema number and unknown fields."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..base.errors import Problems
from ..base.yaml_lines import LineDict

SCHEMA = 1  # the version every data file declares with ``schema: 1``


def check_schema(data: LineDict, name: str, problems: Problems) -> None:
    if data.get("schema") != SCHEMA:
        problems.add(name, f"schema must be {SCHEMA}, not {data.get('schema')!r}", line=data.line_of("schema"))



def entry_key(entry: object, field: str, pattern: re.Pattern[str], purpose: str, name: str, label: str,
                problems: Problems, fields: str) -> str | None:
    """The entry's identifying ``field``, if the entry is a mapping (of ``fields``) and the value matches
    ``pattern`` (lower-case words joined by hyphens, for an address); otherwise None, with the problem reported."""
    if not isinstance(entry, LineDict):
        problems.add(name, f"expected a mapping with {fields}", entry=label)
        return None
    value = entry.get(field)
    if not isinstance(value, str) or not pattern.fullmatch(value):
        problems.add(name, f"'{field}' must be lower-case words joined by hyphens ({purpose}), not {value!r}",
                     line=entry.line_of(field), entry=label)
        return None
    return value


def not_one_of(field: str, choices: Iterable[str], value: object) -> str:
    """The message for a value that must be one of a fixed list."""
    return f"{field} must be one of {', '.join(choices)}, not {value!r}"


def misquoted(quote: str, where: str, text: str) -> str:
    """The message for a quotation that is not in the text it says it is from (``text``: "page", "column")."""
    return f"quote {quote[:60]!r}… does not occur in {where}: copy the words exactly from that {text}"


def not_text(field: str) -> str:
    """The message for a field that must hold some text and does not."""
    return f"'{field}' must be non-empty text"
