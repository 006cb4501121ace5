"""`build.py import` (commands/import_documents.py): a bad source or page is one sentence, and nothing is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from project_copy import copy_project
from safeguarding_site.commands.main import main

ONE_YEAR_ON = "sources/2010-03-government-response-to-lord-laming-one-year-on.txt"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path, ("cross_refs", "docs", "sources"))


def hashes(project: Path) -> dict[str, str]:
    return {p.relative_to(project).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(project.rglob("*")) if p.is_file()}


def run_import(project: Path, capfd: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    status = main(["--root", str(project), "import", *extra])
    return status, capfd.readouterr().err


def test_a_deleted_source_is_named(project: Path, capfd: pytest.CaptureFixture[str]) -> None:
    (project / ONE_YEAR_ON).unlink()
    before = hashes(project)
    status, err = run_import(project, capfd)
    assert status == 1 and "Traceback" not in err
    assert f"{ONE_YEAR_ON}: file not found" in err and err.strip().endswith("import: nothing written.")
    assert hashes(project) == before


# (The outline cut at half is still a valid, shorter outline: nothing can tell it from an edit.)
@pytest.mark.parametrize(("source", "fraction"), [
    (ONE_YEAR_ON, 0.1), (ONE_YEAR_ON, 0.5), (ONE_YEAR_ON, 0.9),
    ("sources/2010-03-chief-adviser-first-annual-report.txt", 0.1),
    ("sources/2010-03-chief-adviser-first-annual-report.txt", 0.9),
    ("sources/working-together-2010-outline.yaml", 0.1), ("sources/working-together-2010-outline.yaml", 0.9),
])
def test_a_truncated_source_is_named(project: Path, capfd: pytest.CaptureFixture[str], source: str,
                                     fraction: float) -> None:
    data = (project / source).read_bytes()
    (project / source).write_bytes(data[: int(len(data) * fraction)])
    before = hashes(project)
    status, err = run_import(project, capfd)
    assert status == 1 and "Traceback" not in err
    assert err.startswith(f"{source}") and err.strip().endswith("import: nothing written."), err
    assert hashes(project) == before


def test_a_source_that_is_not_utf8_is_reported_by_line_and_column(project: Path,
                                                                  capfd: pytest.CaptureFixture[str]) -> None:
    path = project / ONE_YEAR_ON
    path.write_bytes(path.read_bytes().replace(b"Lord Laming", b"Lord Lam\xe9ing", 1))
    status, err = run_import(project, capfd)
    assert status == 1 and err.startswith(f"{ONE_YEAR_ON}:") and "not UTF-8 text (byte 0xe9" in err


def test_a_page_saved_in_another_encoding_is_refused_as_edited(project: Path,
                                                               capfd: pytest.CaptureFixture[str]) -> None:
    page = project / "docs/one-year-on/chapter-1.md"
    page.write_bytes(page.read_bytes().replace(b"Lord Laming", b"Lord Lam\xe9ing", 1))
    before = hashes(project)
    status, err = run_import(project, capfd)
    assert status == 1 and "Traceback" not in err
    assert "docs/one-year-on/chapter-1.md: edited since it was imported; not overwritten" in err
    assert hashes(project) == before
    status, _ = run_import(project, capfd, "--force")
    assert status == 0 and b"Lord Laming" in page.read_bytes()


def test_a_full_disk_leaves_no_half_written_file(project: Path, capfd: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    for name in ("docs/one-year-on/chapter-1.md", "docs/one-year-on/chapter-2.md"):
        page = project / name
        page.write_text(page.read_text(encoding="utf-8").replace("the", "teh", 1), encoding="utf-8")
    before = hashes(project)
    real_write = Path.write_text
    written: list[Path] = []

    def fills_the_disk(path: Path, *args, **kwargs):  # noqa: ANN002, ANN003
        if written:  # the first file fits; the second does not
            real_write(path, "half a fi", encoding="utf-8")
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        return real_write(path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", fills_the_disk)
    status, err = run_import(project, capfd, "--force")
    assert status == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1].endswith("No space left on device"), err
    assert hashes(project) == before
