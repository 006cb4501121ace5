"""base/known_fields.py in every data loader: a misspelt field is an error at its own line, with a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_copy import copy_project
from safeguarding_site.base.known_fields import unknown_field_message
from safeguarding_site.commands.main import main

# (file, text to find, replacement, the line's expected message)
MISSPELT = {
    "implemented_by in a recommendation": (
        "recommendations.yaml", "\n  implemented_by:\n  -", "\n  implemeted_by:\n  -",
        "recommendation 6: unknown field 'implemeted_by': did you mean 'implemented_by'?"),
    "the recommendations list": (
        "recommendations.yaml", "\nrecommendations:\n", "\nrecomendations:\n",
        "unknown field 'recomendations': did you mean 'recommendations'?"),
    "title of Working Together": (
        "working-together.yaml", "\ntitle: ", "\ntitel: ", "unknown field 'titel': did you mean 'title'?"),
    "title of a chapter": (
        "working-together.yaml", "  title: 'Introduction", "  titel: 'Introduction",
        "chapters[0]: unknown field 'titel': did you mean 'title'?"),
    "a document's title": (
        "documents.yaml", "  title: \"The Government", "  titel: \"The Government",
        "documents[0]: unknown field 'titel': did you mean 'title'?"),
    "a glossary term's source": (
        "glossary.yaml", "\n    quote:", "\n    qoute:", "A&E: source: unknown field 'qoute': did you mean 'quote'?"),
    "the guidance entries": (
        "guidance.yaml", "\nentries:\n", "\nentires:\n", "unknown field 'entires': did you mean 'entries'?"),
    "an organisation's sector list": (
        "organisations.yaml", "\nsectors:\n", "\nsector:\n", "unknown field 'sector': did you mean 'sectors'?"),
    "a mention's kind": (
        "recommendations.yaml", "  - kind: ", "  - knd: ", "unknown field 'knd': did you mean 'kind'?"),
}


@pytest.mark.parametrize("case", sorted(MISSPELT))
def test_a_misspelt_field_is_reported_at_its_line_with_a_suggestion(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], case: str) -> None:
    file, old, new, message = MISSPELT[case]
    project = copy_project(tmp_path, ("cross_refs", "docs", "overrides", "mkdocs.yml"))
    path = project / "cross_refs" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    line = text[: text.index(old) + (1 if old.startswith("\n") else 0)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    err = capfd.readouterr().err
    prefix = f"cross_refs/{file}:{line}: "
    assert any(row.startswith(prefix) and message in row for row in err.splitlines()), err
    # The cause once: no follow-on "expected a mapping" at line 1 or "'title' must be non-empty text".
    assert [row for row in err.splitlines() if row.startswith(f"cross_refs/{file}:")] == \
        [row for row in err.splitlines() if row.startswith(prefix)], err


def test_no_suggestion_when_nothing_is_close() -> None:
    assert unknown_field_message("colour", {"id", "title"}) == "unknown field 'colour': (expected one of id, title)"
