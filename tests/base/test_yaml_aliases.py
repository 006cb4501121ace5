"""checks/yaml_aliases.py: an alias bomb in cross_refs/ stops check in well under a second, at its line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from project_copy import copy_project
from safeguarding_site.commands.main import main

BOMB = ["lol0: &l0 [lol]", *(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10))]


@pytest.mark.parametrize("file", ["glossary.yaml", "site.yaml", "recommendations.yaml"])
def test_nine_levels_of_nine_aliases_fail_check_at_once(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                                                        file: str) -> None:
    project = copy_project(tmp_path, ("cross_refs", "docs", "overrides", "mkdocs.yml"))
    path = project / "cross_refs" / file
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + "\n".join(BOMB) + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    started = time.perf_counter()
    assert main(["--root", str(project), "check"]) == 1
    assert time.perf_counter() - started < 1
    err = capfd.readouterr().err
    assert f"cross_refs/{file}:{line}: YAML anchor or alias '&l0' is not allowed in data files" in err
