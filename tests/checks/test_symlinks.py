"""checks/symlinks.py: a symbolic link out of the project is refused by check and build, before MkDocs runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from project_copy import copy_project
from safeguarding_site.checks.symlinks import symlinks_leaving
from safeguarding_site.commands.main import main


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", ("cross_refs", "docs", "overrides", "mkdocs.yml"))


@pytest.mark.parametrize(("link", "target"), [
    ("docs/secrets.txt", "/etc/passwd"),
    ("docs/about-this-machine.md", "/etc/os-release"),
    ("cross_refs/extra.yaml", "/etc/hostname"),
    ("overrides/partials/evil.html", "/etc/passwd"),
    ("docs/guide/etc", "/etc"),
    ("docs/up.md", "../../outside.md"),
])
def test_a_link_out_of_the_project_fails_check_and_build(project: Path, capfd: pytest.CaptureFixture[str],
                                                         link: str, target: str) -> None:
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, project / link)
    assert main(["--root", str(project), "check"]) == 1
    err = capfd.readouterr().err
    assert f"{link}: a symbolic link to {target}, outside the project" in err
    site = project / "site"
    assert main(["--root", str(project), "build", "--site-dir", str(site)]) == 1
    assert f"{link}: a symbolic link to {target}" in capfd.readouterr().err
    assert not site.exists()


def test_links_inside_the_project_are_allowed(project: Path) -> None:
    os.symlink("../guide/index.md", project / "docs/one-year-on/guide-copy.md")
    assert symlinks_leaving(project) == []


def test_a_looping_link_is_reported(project: Path) -> None:
    os.symlink("loop.md", project / "docs/loop.md")
    assert [str(p) for p in symlinks_leaving(project)] == [
        "docs/loop.md: a symbolic link that points to itself (a loop): replace it with the file itself"]
