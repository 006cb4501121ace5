"""`build.py import-recommendations`: the same protection as `import` (it once overwrote an editor's edits)."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_copy import ROOT
from safeguarding_site.commands.main import main
from safeguarding_site.importing.fingerprint import without_editor_fields

SOURCE = ROOT / "sources/2010-03-government-response-to-lord-laming-one-year-on.txt"


def run(out: Path, *extra: str) -> int:
    return main(["import-recommendations", str(SOURCE), "--out", str(out), *extra])


def test_the_file_it_writes_carries_the_fingerprint_and_matches_import(tmp_path: Path) -> None:
    out = tmp_path / "recommendations.yaml"
    assert run(out) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# generated_sha256: ")
    # The same as `build.py import` writes, but for the editors' own fields (short titles, who must act), which
    # a fresh file cannot have; the fingerprint leaves them out, so it is the same line.
    real = (ROOT / "cross_refs/recommendations.yaml").read_text(encoding="utf-8")
    assert text == without_editor_fields(real)
    assert run(out) == 0 and out.read_text(encoding="utf-8") == text  # a second run: unchanged


def test_an_edited_file_is_refused_by_name_and_left_alone(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cross_refs" / "recommendations.yaml"
    assert run(out) == 0
    edited = out.read_text(encoding="utf-8").replace("response_2009: |-\n", "response_2009: |-\n    Edited.\n", 1)
    out.write_text(edited, encoding="utf-8")
    capfd.readouterr()
    assert run(out) == 1
    err = capfd.readouterr().err
    assert f"{out}: edited since it was imported; not overwritten (use --force to replace it" in err
    assert out.read_text(encoding="utf-8") == edited
    assert sorted(p.name for p in out.parent.iterdir()) == ["recommendations.yaml"]  # no temporary file left
    assert run(out, "--force") == 0
    real = (ROOT / "cross_refs/recommendations.yaml").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == without_editor_fields(real)


def test_a_hand_written_file_without_the_fingerprint_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "recommendations.yaml"
    out.write_text("schema: 1\nrecommendations: []\n", encoding="utf-8")
    assert run(out) == 1
    assert out.read_text(encoding="utf-8") == "schema: 1\nrecommendations: []\n"


def test_a_source_that_is_not_utf8_is_reported_by_line_and_column(tmp_path: Path,
                                                                  capfd: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "sources" / "table.txt"
    source.parent.mkdir()
    source.write_bytes(b"# Annex A\n\nRef No\tcaf\xe9\n")
    assert main(["import-recommendations", str(source), "--out", str(tmp_path / "x.yaml")]) == 1
    assert "sources/table.txt:3:11: not UTF-8 text (byte 0xe9" in capfd.readouterr().err
    assert not (tmp_path / "x.yaml").exists()
