"""commands/build.py and commands/main.py under faults: each ends in one sentence, a non-zero exit, site/ unchanged."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from build_runs import leftovers, tree
from project_copy import copy_project
from safeguarding_site.commands import build, site_lock, site_swap
from safeguarding_site.commands.main import main


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path, ("cross_refs", "docs", "overrides", "mkdocs.yml"))
    (project / "site/assets").mkdir(parents=True)
    (project / "site/index.html").write_text("the published site", encoding="utf-8")
    return project


def full_disk(*args, **kwargs):  # noqa: ANN002, ANN003
    raise OSError(errno.ENOSPC, "No space left on device", "/project/.site-staging-x")


def fake_mkdocs(root: Path, staging: Path, extra: list[str]) -> int:
    (staging / "index.html").write_text("a new site", encoding="utf-8")
    return 0


def only_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("check:")]
    assert len(lines) == 1, err
    return lines[0]


def test_a_full_disk_before_building_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capfd: pytest.CaptureFixture[str]) -> None:
    before = tree(project / "site")
    monkeypatch.setattr(site_swap.tempfile, "mkdtemp", full_disk)
    assert main(["--root", str(project), "build"]) == 1
    assert only_line(capfd.readouterr().err) == (
        f"build: cannot write beside {project / 'site'}: /project/.site-staging-x: No space left on device; "
        f"{project / 'site'} is unchanged.")
    assert tree(project / "site") == before and leftovers(project) == []


def test_a_full_disk_while_swapping_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    before = tree(project / "site")
    monkeypatch.setattr(build, "_mkdocs_build", fake_mkdocs)
    monkeypatch.setattr(build, "swap_in", full_disk)
    assert main(["--root", str(project), "build"]) == 1
    assert only_line(capfd.readouterr().err) == (
        "build: could not put the new site in place (/project/.site-staging-x: No space left on device); "
        f"{project / 'site'} is unchanged.")
    assert tree(project / "site") == before and leftovers(project) == []


def test_a_read_only_project_folder_is_one_line(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                capfd: pytest.CaptureFixture[str]) -> None:
    def read_only(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(site_lock, "_open_lock_file", read_only)
    assert main(["--root", str(project), "build"]) == 1
    err = capfd.readouterr().err
    assert only_line(err) == (f"build: cannot write beside {project / 'site'}: {project / '.site.lock'}: "
                              f"Read-only file system; {project / 'site'} is unchanged.")


def test_ctrl_c_while_mkdocs_runs_cleans_up_and_exits_130(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capfd: pytest.CaptureFixture[str]) -> None:
    before = tree(project / "site")

    def interrupted(root: Path, staging: Path, extra: list[str]) -> int:
        (staging / "half.html").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_mkdocs_build", interrupted)
    assert main(["--root", str(project), "build"]) == 130
    assert only_line(capfd.readouterr().err) == f"build: interrupted; {project / 'site'} is unchanged."
    assert tree(project / "site") == before and leftovers(project) == []


def test_ctrl_c_elsewhere_is_one_line_and_130(project: Path, monkeypatch: pytest.MonkeyPatch,
                                              capfd: pytest.CaptureFixture[str]) -> None:
    def interrupted(root: Path) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("safeguarding_site.commands.check.check_project", interrupted)
    assert main(["--root", str(project), "check"]) == 130
    assert only_line(capfd.readouterr().err) == "build.py check: interrupted."


def test_an_unexpected_fault_is_one_line_asking_for_a_report(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capfd: pytest.CaptureFixture[str]) -> None:
    def broken(root: Path) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("safeguarding_site.commands.check.check_project", broken)
    assert main(["--root", str(project), "check"]) == 1
    assert only_line(capfd.readouterr().err) == ("build.py check: unexpected error (ZeroDivisionError: division by "
                                                 "zero): please report it, with the command you ran")


def test_a_page_that_is_not_utf8_is_reported_by_line_and_column(project: Path,
                                                                capfd: pytest.CaptureFixture[str]) -> None:
    page = project / "docs/guide/index.md"
    lines = page.read_bytes().split(b"\n")
    lines[4] = b"caf\xe9 " + lines[4]
    page.write_bytes(b"\n".join(lines))
    assert main(["--root", str(project), "check"]) == 1
    assert "docs/guide/index.md:5:4: not UTF-8 text (byte 0xe9" in capfd.readouterr().err


def test_a_build_after_a_killed_one_recovers(project: Path, monkeypatch: pytest.MonkeyPatch,
                                             capfd: pytest.CaptureFixture[str]) -> None:
    """kill -9 between the two renames of the old swap left no site/ and a .site-previous: put back first."""
    os.rename(project / "site", project / ".site-previous")
    (project / ".site-staging").mkdir()
    monkeypatch.setattr(build, "_mkdocs_build", fake_mkdocs)
    assert main(["--root", str(project), "build"]) == 0
    err = capfd.readouterr().err
    assert "build: restored site/, which an interrupted build had moved aside" in err
    assert (project / "site/index.html").read_text(encoding="utf-8") == "a new site"
    assert leftovers(project) == []
