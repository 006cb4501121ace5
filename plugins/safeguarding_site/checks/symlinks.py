"""Symbolic links that leave the project: the build would publish (and index) a file of the build machine.

``ln -s /etc/passwd docs/secrets.txt`` is copied into site/ by MkDocs as if it were a page's image; a link to
``/dev/zero`` would never finish reading. So these are found before anything in the project is read.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..base.errors import DataError

# Every folder the build or the importer reads; mkdocs.yml names docs/ and overrides/ (theme custom_dir).
SCANNED = ("docs", "cross_refs", "overrides", "sources")


def symlinks_leaving(root: Path) -> list[DataError]:
    """``FILE: a symbolic link to TARGET, outside the project`` for each such link (files and folders)."""
    project = root.resolve()
    problems = []
    for folder in SCANNED:
        top = root / folder
        if top.is_symlink():
            problems += _outside(top, root, project)
            continue
        for current, dirs, files in os.walk(top):  # followlinks=False: a linked folder is judged, not entered
            for entry in sorted([*dirs, *files]):
                path = Path(current) / entry
                if path.is_symlink():
                    problems += _outside(path, root, project)
    return problems


def _outside(path: Path, root: Path, project: Path) -> list[DataError]:
    name = path.relative_to(root).as_posix()
    try:
        target = path.resolve(strict=False)
    except (OSError, RuntimeError):
        return [DataError(name, "a symbolic link that points to itself (a loop): replace it with the file itself")]
    if target == project or project in target.parents:
        return []
    return [DataError(name, f"a symbolic link to {os.readlink(path)}, outside the project: the build would "
                      "publish that file from this computer; copy the file into the project instead")]
