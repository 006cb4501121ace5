"""recommendations.yaml as written by the importer: schema, key order, block scalars, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from project_paths import ROOT
from safeguarding_site.base.errors import DataError
from safeguarding_site.importing.recommendations_yaml import (
    dump_recommendations,
    import_recommendations,
    parse_and_build,
)

NAME = "sources/2010-03-government-response-to-lord-laming-one-year-on.txt"


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return parse_and_build((ROOT / NAME).read_text(encoding="utf-8"), NAME)


def test_dump_round_trips_and_follows_the_schema(entries) -> None:
    text = dump_recommendations(entries, source=NAME)
    data = yaml.safe_load(text)
    assert list(data) == ["schema", "source", "recommendations"]
    assert data["schema"] == 1 and data["source"] == NAME
    assert data["recommendations"] == entries
    first = data["recommendations"][0]
    assert list(first) == ["id", "recommendation", "response_2009", "progress_2010", "implemented_by", "mentions"]
    six = data["recommendations"][5]
    assert list(six["implemented_by"][0]) == ["chapter", "status", "column", "quote"]
    assert list(six["mentions"][-1]) == ["kind", "name", "column", "quote"]


def test_markdown_is_written_as_block_scalars_and_unicode_is_kept(entries) -> None:
    text = dump_recommendations(entries, source=NAME)
    assert "  recommendation: |-\n    A National Safeguarding Delivery Unit be established" in text
    assert "  progress_2010: |-\n" in text and "  response_2009: |-\n" in text
    assert "£15 million" in text and "\\u00a3" not in text
    assert "2010–11" in text


def test_dump_is_deterministic(entries) -> None:
    assert dump_recommendations(entries, source=NAME) == dump_recommendations(
        parse_and_build((ROOT / NAME).read_text(encoding="utf-8"), NAME), source=NAME
    )


def test_a_quote_not_in_its_column_is_refused(entries) -> None:
    bad = [dict(e) for e in entries]
    bad[5] = {**bad[5], "implemented_by": [{"chapter": 3, "column": "progress_2010", "quote": "Not there."}]}
    with pytest.raises(DataError, match="recommendation 6: quote not found"):
        dump_recommendations(bad, source=NAME)
    with pytest.raises(DataError, match="ids must run 1..N"):
        dump_recommendations(entries[1:], source=NAME)


def test_import_recommendations_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out" / "recommendations.yaml"
    assert import_recommendations(ROOT / NAME, out) == 58
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["source"] == NAME and len(data["recommendations"]) == 58


def test_import_of_a_broken_table_is_a_data_error(tmp_path: Path) -> None:
    source = tmp_path / "sources" / "broken.txt"
    source.parent.mkdir()
    source.write_text("# A\n\nRef No\ta\tb\tc\n1\tonly two\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        import_recommendations(source, tmp_path / "x.yaml")
    assert str(caught.value).startswith("sources/broken.txt:4: ")
    assert not (tmp_path / "x.yaml").exists()
