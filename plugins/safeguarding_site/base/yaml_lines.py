"""YAML loading that remembers the line of every mapping and key, so errors can name ``FILE:LINE``.

Stricter than YAML itself where YAML's leniency hurts editors: a key given twice is an error (YAML keeps
the second silently, which once replaced a published response), and anchors and aliases (``&a``, ``*a``)
are refused, because nine levels of nine aliases expand to 387 million values ("billion laughs").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .text_files import read_utf8


class LineDict(dict):
    """A mapping from YAML that knows its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[str, int]
    misspelt: frozenset[str] = frozenset()  # known keys that unknown ones here are near (see known_fields.py)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser is ten times faster on recommendations.yaml, which keeps `build.py check` under a second;
# the construction (and so every value and line number) is the same Python code either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        self.flatten_mapping(node)  # `<<:` merge keys (which need an alias, so are refused before this)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain word, not a list or mapping", key_node.start_mark) from None
            if key in mapping:
                first = mapping.key_lines.get(str(key), mapping.line)
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}' (first given on line {first}): YAML would silently keep "
                    "only this one; remove one of them", key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[str(key)] = key_node.start_mark.line + 1
        return mapping


LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, LineLoader.construct_mapping  # type: ignore[arg-type]
)


def load_yaml(path: Path, display_name: str | None = None) -> Any:
    """Parse ``path``; a syntax error becomes a DataError with the file and line."""
    name = display_name or str(path)
    return load_yaml_text(read_utf8(path, name), name)


def refuse_aliases(text: str, name: str, loader: type = _SafeLoader) -> None:
    """DataError at the first anchor or alias: data files write every value out (see the module's docstring).

    Events only, never nodes or values, so an alias bomb is refused in milliseconds before anything expands.
    """
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise DataError(name, f"YAML anchor or alias '{sign}{event.anchor}' is not allowed in data files: "
                            "write the value out in full", line=event.start_mark.line + 1)


def load_yaml_text(text: str, name: str, loader: type = LineLoader) -> Any:
    """``text`` parsed with line numbers; DataError with FILE:LINE for bad YAML, a duplicate key or an alias."""
    try:
        refuse_aliases(text, name)
        return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, name) from None
    except yaml.YAMLError as exc:
        raise DataError(name, f"YAML error: {exc}") from None
    except RecursionError:
        raise DataError(name, "nested too deeply (thousands of levels of [ or {): is a bracket missing?",
                        line=1) from None


def syntax_error(exc: yaml.MarkedYAMLError, name: str) -> DataError:
    """The error at the line an editor must look at: where an unclosed quote or block opened, not where the
    parser ran out of file hundreds of lines later."""
    context = exc.context or ""
    if exc.context_mark is not None and context.startswith(("while scanning a quoted scalar",
                                                            "while scanning a block scalar")):
        return DataError(name, "YAML syntax error: this quote is never closed (the text runs on to line "
                         f"{exc.problem_mark.line + 1 if exc.problem_mark else '?'}): add the closing quote",
                         line=exc.context_mark.line + 1, column=exc.context_mark.column + 1)
    mark = exc.problem_mark or exc.context_mark
    problem = " ".join(filter(None, [exc.problem, exc.context])) or "invalid YAML"
    return DataError(name, f"YAML syntax error: {problem}", line=mark.line + 1 if mark else None)
