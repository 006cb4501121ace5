"""Anchors and aliases in cross_refs/, found from the parser's events before any file is loaded or walked.

Nine levels of nine aliases expand to 387 million values: every later step (loading, the unsafe-markup walk
over each text) would take minutes. The check stops here instead, in milliseconds.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..base.errors import DataError
from ..base.text_files import read_utf8
from ..base.yaml_lines import refuse_aliases


def aliased_data(root: Path) -> list[DataError]:
    """One problem per cross_refs/*.yaml file that uses an anchor or alias (a file that cannot be parsed is
    left to its loader, which reports the syntax error)."""
    problems = []
    for path in sorted((root / "cross_refs").glob("*.yaml")):
        name = path.relative_to(root).as_posix()
        try:
            text = read_utf8(path, name)
        except DataError:
            continue  # its loader reports it
        try:
            refuse_aliases(text, name)
        except DataError as exc:
            problems.append(exc)
        except yaml.YAMLError:
            continue  # a syntax error: its loader reports it, with the line
    return problems
