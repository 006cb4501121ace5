"""The importer (importing/recommendations_yaml.py, run.py) keeps the editors' fields when it regenerates."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from safeguarding_site.importing.fingerprint import without_editor_fields
from safeguarding_site.importing.recommendations_yaml import with_editor_fields
from safeguarding_site.importing.run import RECOMMENDATIONS, edited_since_generated, run_import

GENERATED = ("schema: 1\nrecommendations:\n- id: 1\n  recommendation: |-\n    A.\n"
             "- id: 2\n  recommendation: |-\n    B.\n")


def test_editor_fields_go_back_after_each_id_and_come_out_for_the_fingerprint() -> None:
    existing = GENERATED.replace("- id: 2\n", "- id: 2\n  short_title: Ofsted's reports\n"
                                 "  addressed_to: [dcsf, ofsted]\n  also_concerns:\n  - police\n")
    merged = with_editor_fields(GENERATED, existing, RECOMMENDATIONS)
    assert "- id: 2\n  short_title: Ofsted's reports\n  addressed_to: [dcsf, ofsted]\n  also_concerns: [police]\n" \
        in merged
    assert yaml.safe_load(merged)["recommendations"][1]["also_concerns"] == ["police"]
    assert without_editor_fields(merged) == GENERATED
    assert without_editor_fields(existing) == GENERATED


def test_a_reimport_keeps_short_titles_and_who_must_act(root: Path, tmp_path: Path) -> None:
    shutil.copytree(root / "sources", tmp_path / "sources")
    (tmp_path / "cross_refs").mkdir()
    ours = (root / RECOMMENDATIONS).read_text(encoding="utf-8")
    edited = ours.replace("- id: 56\n", "- id: 56\n  addressed_to: [government]\n")
    (tmp_path / RECOMMENDATIONS).write_text(edited, encoding="utf-8")
    # Adding editors' fields is not an edit of the imported text: the file is not refused ...
    assert not edited_since_generated(RECOMMENDATIONS, edited)
    report = run_import(tmp_path)
    assert report.refused == []
    # ... and the regenerated file still has every one of them.
    after = yaml.safe_load((tmp_path / RECOMMENDATIONS).read_text(encoding="utf-8"))["recommendations"]
    before = yaml.safe_load(ours)["recommendations"]
    assert [r["short_title"] for r in after] == [r["short_title"] for r in before]
    assert len({r["short_title"] for r in after}) == 58
    assert after[55]["addressed_to"] == ["government"] and after[36]["also_concerns"] == ["police", "probation"]
    # An edit of the imported text itself is still refused.
    changed = (tmp_path / RECOMMENDATIONS).read_text(encoding="utf-8").replace("from April 2011", "from May 2011", 1)
    assert edited_since_generated(RECOMMENDATIONS, changed)
