"""Checks every cross_refs/ loader makes the same way, worded once: the schema number and unknown fields."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..base.errors import Problems
from ..base.known_fields import check_known_fields
from ..base.yaml_lines import LineDict, load_yaml

SCHEMA = 1  # the version every data file declares with ``schema: 1``


def check_schema(data: LineDict, name: str, problems: Problems) -> None:
    if data.get("schema") != SCHEMA:
        problems.add(name, f"schema must be {SCHEMA}, not {data.get('schema')!r}", line=data.line_of("schema"))



def load_data_file(path: Path, name: str, fields: Iterable[str], lists: tuple[str, ...],
                   problems: Problems) -> LineDict | None:
    """The file's top-level mapping, its unknown fields and schema checked, if it holds each of ``lists`` as a
    list; otherwise None, with the problem reported once (not again when a misspelt list name was reported)."""
    data = load_yaml(path, name)
    suggested = check_known_fields(data, fields, name, problems) if isinstance(data, LineDict) else set()
    if not isinstance(data, LineDict) or not all(isinstance(data.get(key), list) for key in lists):
        if not suggested & set(lists):
            problems.add(name, f"expected a mapping with {_lists(lists)}", line=1)
        return None
    check_schema(data, name, problems)
    return data


def _lists(names: tuple[str, ...]) -> str:
    """"a 'terms:' list", "an 'entries:' list", "'sectors:' and 'organisations:' lists"."""
    if len(names) == 1:
        return f"{'an' if names[0][0] in 'aeiou' else 'a'} '{names[0]}:' list"
    return " and ".join(f"'{name}:'" for name in names) + " lists"


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
