"""`build.py serve`: the mkdocs command it runs."""

from __future__ import annotations

from pathlib import Path

from safeguarding_site.commands.serve import serve_command


def test_build_py_serve_renders_only_what_changes_unless_told_otherwise(tmp_path: Path) -> None:
    assert serve_command(tmp_path, "127.0.0.1:8000")[-1] == "--dirty"
    assert "--dirty" not in serve_command(tmp_path, "127.0.0.1:8000", full=True)
