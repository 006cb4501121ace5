"""A page's front matter: the YAML between ``---`` lines at its top, found exactly as MkDocs finds it."""

from __future__ import annotations

import re
from typing import Any

import yaml

# mkdocs.utils.meta.YAML_RE, character for character: the build takes front matter off with it, so every
# reader here must agree with it (tests/text/test_front_matter.py compares the two).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
# MultiMarkdown-style metadata, which MkDocs also reads from a page without --- lines (mkdocs.utils.meta).
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DOCUMENT_KEY = re.compile(r"^document:[ \t]*['\"]?([\w.-]+)['\"]?[ \t]*$", re.MULTILINE)


def front_matter(text: str) -> tuple[str | None, int]:
    """The front matter's YAML (or None) and the number of lines it takes, closing line included."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, 0
    return match.group(1), match.group(0).count("\n")


def front_matter_end(text: str) -> int:
    """Where the text after the front matter's closing line starts (0 when there is none)."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


def body_offset(text: str) -> int:
    """Where the page's Markdown starts once MkDocs has taken its front matter off (blank lines after it too)."""
    end = front_matter_end(text)
    return len(text) - len(text[end:].lstrip("\n")) if end else 0


def document_key(text: str) -> str | None:
    """The ``document:`` key of the page's front matter, without a YAML parser (the key is one word)."""
    match = FRONT_MATTER.match(text)
    found = _DOCUMENT_KEY.search(match.group(1)) if match else None
    return found.group(1) if found else None


def read_page(text: str) -> tuple[str, dict[str, Any]]:
    """A page's Markdown and metadata exactly as MkDocs 1.6's ``get_data`` gives them to the build.

    ``build.py check`` must see the pages as the build does, without importing MkDocs (the core does not);
    tests/text/test_front_matter.py compares the two on every page of docs/ and on awkward cases.
    """
    if match := FRONT_MATTER.match(text):
        try:
            data = yaml.load(match.group(1), _Loader)  # noqa: S506 - the safe loader, as MkDocs uses
        except Exception:  # noqa: BLE001 - MkDocs keeps a page whose front matter it cannot read, as text
            return text, {}
        if isinstance(data, dict):
            return text[match.end():].lstrip("\n"), data
        return text, {}
    data: dict[str, Any] = {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if first := _META.match(line):
            key = first.group("key").lower().strip()
            value = first.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := _META_MORE.match(line)) and key:
            data[key] += " " + more.group("value").strip()
        else:
            lines.insert(0, line)
            break
    return "\n".join(lines).lstrip("\n"), data
