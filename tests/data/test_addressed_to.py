"""``addressed_to`` is checked once, by the recommendations loader: `check`, `build` and MkDocs itself all fail
on a duplicate or unknown organisation, naming the file and the line of the entry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from safeguarding_site.commands.main import main

RECS = "cross_refs/recommendations.yaml"


@pytest.fixture()
def project(tmp_path: Path, root: Path) -> Path:
    """A copy of what `check` and `mkdocs build` read, for an editor's mistake to be made in."""
    for folder in ("cross_refs", "docs", "overrides"):
        shutil.copytree(root / folder, tmp_path / folder)
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def _override(project: Path, keys: str) -> int:
    """Give recommendation 5 ``addressed_to: [keys]``; return the line the entry is on."""
    path = project / RECS
    text = path.read_text(encoding="utf-8")
    assert "\n- id: 5\n" in text, "recommendation 5 has moved: the test's fixture text has changed"
    path.write_text(text.replace("\n- id: 5\n", f"\n- id: 5\n  addressed_to: [{keys}]\n", 1), encoding="utf-8")
    return text[: text.index("\n- id: 5\n")].count("\n") + 3


@pytest.mark.parametrize(("keys", "message"), [
    ("dcsf, dcsf", "addressed_to lists an organisation twice ('dcsf'): list each organisation once"),
    ("dcsf, ofstead", "addressed_to: 'ofstead' not a key in organisations.yaml (known: "),
])
def test_check_and_build_fail_naming_file_and_line(project: Path, keys: str, message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    expected = f"{RECS}:{_override(project, keys)}: recommendation 5: {message}"

    assert main(["--root", str(project), "check"]) == 1
    assert expected in capsys.readouterr().err

    site = project / "site-out"
    assert main(["--root", str(project), "build", "--site-dir", str(site)]) == 1
    assert expected in capsys.readouterr().err
    assert not site.exists()


def test_mkdocs_build_alone_fails_too(project: Path) -> None:
    """Without `build.py`'s check in front: the plugin's own loading refuses the duplicate."""
    expected = f"{RECS}:{_override(project, 'dcsf, dcsf')}: recommendation 5: addressed_to lists an organisation twice"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(project / "site-out")], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert expected in result.stderr + result.stdout

