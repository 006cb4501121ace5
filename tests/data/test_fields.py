"""data/fields.py: what every cross_refs/ loader says, the same way, about a file without its lists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from safeguarding_site.base.errors import Problems
from safeguarding_site.data.documents import load_documents
from safeguarding_site.data.fields import load_data_file
from safeguarding_site.data.guidance import load_register
from safeguarding_site.data.organisations import load_organisations


def _problems(tmp_path: Path, text: str, load: Callable[..., object], *args: object) -> list[str]:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    load(path, "cross_refs/data.yaml", *args, problems)
    return [str(p) for p in problems.errors]


@pytest.mark.parametrize(("load", "args", "message"), [
    (load_documents, (), "expected a mapping with a 'documents:' list"),
    (load_register, ({},), "expected a mapping with an 'entries:' list"),
    (load_organisations, (), "expected a mapping with 'sectors:' and 'organisations:' lists"),
], ids=["documents", "guidance", "organisations"])
def test_a_file_without_its_lists_is_reported_at_line_1(tmp_path: Path, load: Callable[..., object], args: tuple,
                                                        message: str) -> None:
    assert _problems(tmp_path, "schema: 1\n", load, *args) == [f"cross_refs/data.yaml:1: {message}"]
    assert _problems(tmp_path, "- just a list\n", load, *args) == [f"cross_refs/data.yaml:1: {message}"]


def test_a_misspelt_list_is_reported_once_at_its_own_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, "schema: 1\ndocument:\n- key: x\n", load_documents)
    assert len(problems) == 1 and problems[0].startswith("cross_refs/data.yaml:2: "), problems
    assert "documents" in problems[0]


def test_documents_yaml_declares_schema_1_like_every_data_file(tmp_path: Path) -> None:
    assert _problems(tmp_path, "schema: 2\ndocuments: []\n", load_documents) == [
        "cross_refs/data.yaml:1: schema must be 1, not 2"]


def test_the_file_is_returned_when_it_holds_its_lists(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text("schema: 1\nsectors: []\norganisations: []\n", encoding="utf-8")
    problems = Problems()
    data = load_data_file(path, "data.yaml", ("schema", "sectors", "organisations"), ("sectors", "organisations"),
                          problems)
    assert data == {"schema": 1, "sectors": [], "organisations": []} and problems.errors == []
