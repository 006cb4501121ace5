"""`build.py import`: deterministic, and it never overwrites a file an editor has changed unless forced."""

from __future__ import annotations

from pathlib import Path

import pytest
from safeguarding_site.importing import run
from safeguarding_site.importing.run import edited_since_generated, generate_all, run_import, stamp

FAKE = {
    "docs/a/page.md": "---\ntitle: A\ndocument: one-year-on\n---\n\n# A\n\nText.\n",
    "cross_refs/data.yaml": "schema: 1\nitems: []\n",
}


@pytest.fixture()
def fake_outputs(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    outputs = dict(FAKE)
    monkeypatch.setattr(run, "generate_all", lambda sources: dict(outputs))
    return outputs


@pytest.mark.parametrize("path", sorted(FAKE))
def test_stamp_detects_any_edit(path: str) -> None:
    stamped = stamp(path, FAKE[path])
    assert not edited_since_generated(path, stamped)
    assert edited_since_generated(path, stamped.replace("1", "2", 1) if "yaml" in path else
                                  stamped.replace("Text.", "Text!"))
    assert edited_since_generated(path, FAKE[path])  # no marker: written by hand


def test_import_writes_then_leaves_unchanged_files_alone(tmp_path: Path, fake_outputs: dict[str, str]) -> None:
    first = run_import(tmp_path)
    assert sorted(first.written) == sorted(FAKE)
    second = run_import(tmp_path)
    assert second.written == [] and sorted(second.unchanged) == sorted(FAKE)


def test_edited_file_is_refused_and_nothing_is_written(tmp_path: Path, fake_outputs: dict[str, str]) -> None:
    run_import(tmp_path)
    page = tmp_path / "docs/a/page.md"
    page.write_text(page.read_text().replace("Text.", "Text, corrected by an editor."))
    fake_outputs["docs/a/page.md"] = FAKE["docs/a/page.md"].replace("Text.", "New import.")
    fake_outputs["cross_refs/data.yaml"] = "schema: 1\nitems: [1]\n"
    before = (tmp_path / "cross_refs/data.yaml").read_text()
    report = run_import(tmp_path)
    assert report.refused == ["docs/a/page.md"]
    assert "corrected by an editor" in page.read_text()
    assert (tmp_path / "cross_refs/data.yaml").read_text() == before  # all or nothing

    forced = run_import(tmp_path, force=True)
    assert "docs/a/page.md" in forced.written
    assert "New import." in page.read_text()


def test_cli_import_names_the_edited_file(tmp_path: Path, fake_outputs: dict[str, str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from safeguarding_site.commands.main import main

    assert main(["--root", str(tmp_path), "import"]) == 0
    page = tmp_path / "docs/a/page.md"
    page.write_text(page.read_text() + "\nAn editor's note.\n")
    fake_outputs["docs/a/page.md"] = FAKE["docs/a/page.md"] + "\nMore.\n"
    assert main(["--root", str(tmp_path), "import"]) == 1
    err = capsys.readouterr().err
    assert "docs/a/page.md: edited since it was imported" in err and "--force" in err


def test_real_import_is_deterministic(root: Path) -> None:
    first = generate_all(root / "sources")
    second = generate_all(root / "sources")
    assert first == second
    assert "cross_refs/recommendations.yaml" in first
    assert sum(path.startswith("docs/") for path in first) == 20
