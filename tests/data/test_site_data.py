"""The data loader: real data loads; each kind of editor mistake is reported with file, line and entry.

Mistakes are made in a copy of the small site (tests/pages/golden/small_site), so a change to the real
content fails only the test marked real_content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from editing import edit, line_of
from safeguarding_site.base.errors import DataErrors
from safeguarding_site.data.recommendations import check_markdown_safety
from safeguarding_site.data.site_data import load_site_data


@pytest.fixture()
def cross_refs(small_site: Path) -> Path:
    return small_site / "cross_refs"


def _errors(cross_refs: Path) -> list[str]:
    with pytest.raises(DataErrors) as info:
        load_site_data(cross_refs, display_root=cross_refs.parent)
    return [str(e) for e in info.value.errors]


@pytest.mark.real_content
def test_real_data_loads(root: Path) -> None:
    data = load_site_data(root / "cross_refs")
    assert [r.id for r in data.recommendations] == list(range(1, 59))
    assert sorted(data.working_together.chapters) == list(range(1, 13))
    assert set(data.documents) == {"one-year-on", "chief-adviser", "letter-2008-11-17", "letter-2009-02-03",
                                   "letter-2010-03-17"}


def test_an_unknown_official_text_document_names_its_line_and_the_keys_to_use(cross_refs: Path) -> None:
    line = edit(cross_refs / "working-together.yaml", "  document: letter-2010-03-17\n", "  document: letter-2010\n")
    assert _errors(cross_refs) == [
        f"cross_refs/working-together.yaml:{line}: official_text: document 'letter-2010' is not a key in "
        "documents.yaml: use one of chief-adviser, letter-2008-11-17, letter-2009-02-03, letter-2010-03-17, "
        "one-year-on"]


def test_duplicate_id_names_file_line_and_entry(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    edit(recs, "- id: 5\n", "- id: 4\n")
    line = line_of(recs, "- id: 4", occurrence=2)
    errors = _errors(cross_refs)
    assert any(e.startswith(f"cross_refs/recommendations.yaml:{line}: recommendation 4: duplicate id 4")
               for e in errors), errors


def test_chapter_13_is_rejected_with_the_valid_range(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    edit(recs, "  - chapter: 3\n", "  - chapter: 13\n")
    line = line_of(recs, "chapter: 13")
    errors = _errors(cross_refs)
    assert any(f"recommendations.yaml:{line}:" in e and "no chapter 13 in Working Together: chapters are 1–5" in e
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
    edit(recs, "- id: 5\n", "- id: 4\n")
    edit(recs, "  - chapter: 3\n", "  - chapter: 13\n")
    edit(cross_refs / "documents.yaml", "  short_title: One Year On\n", "")
    errors = _errors(cross_refs)
    assert any("duplicate id 4" in e for e in errors)
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
    recs = cross_refs / "recommendations.yaml"
    edit(recs, "- id: 5\n", "- id: 5\n  addressed_to: [ofsted, nobody-such]\n")
    line = line_of(recs, "addressed_to: [ofsted")
    # The loader checks the keys as it reads the entry: there is no later, separate check to forget.
    assert any(e.startswith(f"cross_refs/recommendations.yaml:{line}: recommendation 5: addressed_to: "
                            "'nobody-such' not a key") for e in _errors(cross_refs))


def test_an_implemented_by_entry_without_a_status_is_reported_with_file_and_line(cross_refs: Path) -> None:
    recs = cross_refs / "recommendations.yaml"
    line = line_of(recs, "status: implements")
    edit(recs, "    status: implements\n", "    status: done\n")
    errors = _errors(cross_refs)
    assert any(e.startswith(f"cross_refs/recommendations.yaml:{line}: recommendation ")
               and "status must be 'implements'" in e and "not 'done'" in e for e in errors), errors
