"""YAML loading that remembers the line of every mapping and key, so errors can name ``FILE:LINE``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


class LineDict(dict):
    """A mapping from YAML that knows its own line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser is ten times faster on recommendations.yaml, which keeps `build.py check` under a second;
# the construction (and so every value and line number) is the same Python code either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {
            str(self.construct_object(key, deep=True)): key.start_mark.line + 1 for key, _ in node.value
        }
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping  # type: ignore[arg-type]
)


def load_yaml(path: Path, display_name: str | None = None) -> Any:
    """Parse ``path``; a syntax error becomes a DataError with the file and line."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(name, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(name, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return load_yaml_text(text, name)


def load_yaml_text(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(filter(None, [exc.problem, exc.context])) or "invalid YAML"
        raise DataError(name, f"YAML syntax error: {problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise DataError(name, f"YAML error: {exc}") from None
