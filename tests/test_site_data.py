"""The data loader: real data loads; each kind of editor mistake is reported with file, line and entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from safeguarding_site.base.errors import DataErrors
from safeguarding_site.data.recommendations import check_markdown_safety
from safeguarding_site.data.site_data import load_site_data


@pytest.fixture()
def cross_refs(tmp_path: Path, root: Path) -> Path:
    target = tmp_path / "cross_refs"
    shutil.copytree(root / "cross_refs", target)
    return target


def _errors(cross_refs: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_site_data(cross_refs, display_root=cross_refs.parent)
    return [str(e) for e in info.value.errors]


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    seen = 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            seen += 1
            if seen == occurrence:
                return number
    raise AssertionError(needle)


def test_real_data_loads(root: Path) -> None:
    data = load_site_data(root / "cross_refs")
    assert [r.id for r in data.recommendations] == list(range(1, 59))
    assert sorted(data.working_together.chapters) == list(range(1, 13))
    assert set(data.documents) == {"one-year-on", "chief-adviser", "letter-2008-11-17", "letter-2009-02-03",
                                   "letter-2010-03-17"}


def test_duplicate_id_names_file_line_and_entry(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    _edit(recs, "- id: 13\n", "- id: 12\n")
    line = _line_of(recs, "- id: 12", occurrence=2)
    errors = _errors(cross_refs)
    assert any(e.startswith(f"cross_refs/recommendations.yaml:{line}: recommendation 12: duplicate id 12")
               for e in errors), errors


def test_chapter_13_is_rejected_with_the_valid_range(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    _edit(recs, "  - chapter: 3\n", "  - chapter: 13\n")
    line = _line_of(recs, "chapter: 13")
    errors = _errors(cross_refs)
    assert any(f"recommendations.yaml:{line}:" in e and "no chapter 13 in Working Together: chapters are 1–12" in e
               for e in errors), errors


def test_yaml_syntax_error_names_file_and_line(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8").splitlines(keepends=True)
    target = next(i for i, line in enumerate(text) if line.startswith("- id: 5"))
    text[target] = "- id: [5\n"
    recs.write_text("".join(text), encoding="utf-8")
    errors = _errors(cross_refs)
    assert len(errors) == 1
    assert errors[0].startswith("cross_refs/recommendations.yaml:") and "YAML syntax error" in errors[0]
    reported = int(errors[0].split(":")[1])
    assert abs(reported - (target + 1)) <= 1, errors


def test_quote_must_occur_in_its_column(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    start = text.index("    quote: ", text.index("implemented_by:\n  - chapter"))
    end = text.index("\n", start)
    recs.write_text(text[:start] + "    quote: words that are in no column at all" + text[end:], encoding="utf-8")
    errors = _errors(cross_refs)
    assert any("does not occur in" in e and "words that are in no column" in e for e in errors), errors


def test_all_problems_reported_in_one_run(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    _edit(recs, "- id: 13\n", "- id: 12\n")
    _edit(recs, "  - chapter: 3\n", "  - chapter: 13\n")
    _edit(cross_refs / "documents.yaml", "  short_title: One Year On\n", "")
    errors = _errors(cross_refs)
    assert any("duplicate id 12" in e for e in errors)
    assert any("no chapter 13" in e for e in errors)
    assert any(e.startswith("cross_refs/documents.yaml:") and "short_title" in e for e in errors)


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    '<iframe src="http://example.org"></iframe>',
    "<img src=x onerror=alert(1)>",
    "[x](JavaScript :alert(1))",
])
def test_hostile_markup_in_data_is_rejected(cross_refs: Path, hostile: str) -> None:
    recs = cross_refs / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    start = text.index("  recommendation: ")
    end = text.index("\n  response_2009", start) + 1
    recs.write_text(text[:start] + f"  recommendation: {json.dumps(hostile)}\n" + text[end:], encoding="utf-8")
    errors = _errors(cross_refs)
    assert any("recommendation 1: recommendation contains" in e for e in errors), errors


def test_markdown_safety_accepts_autolinks_and_plain_markdown() -> None:
    assert check_markdown_safety("See <http://www.dcsf.gov.uk/nsdu> and [DH](https://www.dh.gov.uk) *now*.") is None
    assert check_markdown_safety("a < b and c > d") is None


def test_addressed_to_override_must_name_known_organisations(cross_refs: Path) -> None:
    from safeguarding_site.data.registers import load_cross_link_data

    recs = cross_refs / "recommendations.yaml"
    _edit(recs, "- id: 56\n", "- id: 56\n  addressed_to: [ofsted, nobody-such]\n")
    line = _line_of(recs, "addressed_to: [ofsted")
    data = load_site_data(cross_refs, display_root=cross_refs.parent)
    assert data.recommendations[55].addressed_to == ("ofsted", "nobody-such")
    with pytest.raises(DataErrors) as info:
        load_cross_link_data(cross_refs, data, display_root=cross_refs.parent)
    assert any(str(e).startswith(f"cross_refs/recommendations.yaml:{line}: recommendation 56: addressed_to: "
                                 "'nobody-such' not a key") for e in info.value.errors), info.value.errors


def test_an_implemented_by_entry_without_a_status_is_reported_with_file_and_line(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    line = _line_of(recs, "status: implements")
    _edit(recs, "    status: implements\n", "    status: done\n")
    errors = _errors(cross_refs)
    assert any(e.startswith(f"cross_refs/recommendations.yaml:{line}: recommendation ")
               and "status must be 'implements'" in e and "not 'done'" in e for e in errors), errors


def test_a_chapter_mention_needs_a_chapter_of_working_together(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    _edit(recs, "  - kind: working-together-chapter\n    chapter: 8\n",
          "  - kind: working-together-chapter\n    chapter: 13\n")
    line = _line_of(recs, "chapter: 13")
    errors = _errors(cross_refs)
    assert any(f"recommendations.yaml:{line}:" in e and "working-together-chapter mention needs 'chapter'" in e
               for e in errors), errors
