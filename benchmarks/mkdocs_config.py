"""Edits to a copy of mkdocs.yml made as text, so that comments and any custom YAML tags survive."""

from __future__ import annotations

import re

import yaml


def _block(text: str, key: str) -> tuple[int, int] | None:
    """The character span of the top-level ``key:`` and everything indented under it."""
    match = re.search(rf"(?m)^{re.escape(key)}:.*\n?", text)
    if not match:
        return None
    # The next top-level key (a line starting "- " at column 0 still belongs to this key's list).
    following = re.compile(r"(?m)^[^\s#-]").search(text, match.end())
    return match.start(), following.start() if following else len(text)


def remove_plugin(text: str, name: str) -> str:
    """``text`` without the plugins entry ``- name`` (and its options, if it has any)."""
    span = _block(text, "plugins")
    if span is None:
        raise ValueError("mkdocs.yml has no plugins:")
    lines = text[span[0]:span[1]].splitlines(keepends=True)
    kept: list[str] = []
    dropping_below: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if dropping_below is not None:
            if line.strip() and indent > dropping_below:
                continue
            dropping_below = None
        if re.fullmatch(rf"\s*-\s*{re.escape(name)}\s*:?\s*(#.*)?\n?", line):
            dropping_below = indent
            continue
        kept.append(line)
    if len(kept) == len(lines):
        raise ValueError(f"mkdocs.yml has no plugin entry '- {name}'")
    return text[:span[0]] + "".join(kept) + text[span[1]:]


def add_hook(text: str, path: str) -> str:
    span = _block(text, "hooks")
    item = f"  - {path}\n"
    if span is None:
        return text.rstrip("\n") + "\n\nhooks:\n" + item
    block = text[span[0]:span[1]].rstrip("\n") + "\n"
    return text[:span[0]] + block + item + "\n" + text[span[1]:]


def add_not_in_nav(text: str, patterns: list[str]) -> str:
    span = _block(text, "not_in_nav")
    lines = "".join(f"  {p}\n" for p in patterns)
    if span is None:
        return text.rstrip("\n") + "\n\nnot_in_nav: |\n" + lines
    block = text[span[0]:span[1]].rstrip("\n") + "\n"
    return text[:span[0]] + block + lines + "\n" + text[span[1]:]


def add_theme_feature(text: str, feature: str) -> str:
    """Add ``feature`` to ``theme: features:`` (used to try Material's navigation.prune)."""
    match = re.search(r"(?m)^(\s+)features:\s*\n((?:\1\s*- .*\n)+)", text)
    if not match:
        raise ValueError("mkdocs.yml has no theme features: list")
    items = match.group(2)
    indent = re.match(r"\s*", items).group(0)
    return text[:match.end()] + f"{indent}- {feature}\n" + text[match.end():]


def read_nav(text: str) -> list:
    span = _block(text, "nav")
    if span is None:
        raise ValueError("mkdocs.yml has no nav:")
    return yaml.safe_load(text[span[0]:span[1]])["nav"]


class _IndentedDumper(yaml.SafeDumper):
    """Lists indented under their key, as mkdocs.yml writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def replace_nav(text: str, nav: list) -> str:
    span = _block(text, "nav")
    if span is None:
        raise ValueError("mkdocs.yml has no nav:")
    dumped = yaml.dump({"nav": nav}, Dumper=_IndentedDumper, sort_keys=False, allow_unicode=True, width=1000)
    return text[:span[0]] + dumped + text[span[1]:]
