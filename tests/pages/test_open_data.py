"""Open data: the JSON validates against its schema, the CSV round-trips, and the page documents every field.

Made from the small site (tests/pages/golden/small_site): recommendations 1-6."""

from __future__ import annotations

import copy
import csv
import io
import json

import jsonschema
import pytest
from project_paths import SMALL_SITE
from safeguarding_site.data.registers import CrossLinkData
from safeguarding_site.data.site_data import SiteData
from safeguarding_site.pages.open_data import (
    CSV_COLUMNS,
    CSV_FILE,
    DATA_PAGE,
    JSON_FILE,
    SCHEMA_FILE,
    open_data_link,
    page_url,
)
from safeguarding_site.pages.open_data_schema import SCHEMA, SCHEMA_VERSION
from safeguarding_site.pages.registers import build_cross_links
from source_pages import source_pages


@pytest.fixture(scope="module")
def files(small_data: SiteData, small_registers: CrossLinkData) -> dict[str, str]:
    links, problems = build_cross_links(small_data, small_registers, source_pages(SMALL_SITE))
    assert problems == []
    return links.generated


def test_json_validates_against_the_published_schema(files: dict[str, str]) -> None:
    schema = json.loads(files[SCHEMA_FILE])
    assert schema == SCHEMA
    jsonschema.Draft202012Validator.check_schema(schema)
    table = json.loads(files[JSON_FILE])
    jsonschema.Draft202012Validator(schema).validate(table)
    assert table["schema_version"] == SCHEMA_VERSION
    assert [r["id"] for r in table["recommendations"]] == list(range(1, 7))


def test_the_schema_rejects_what_it_should(files: dict[str, str]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    table = json.loads(files[JSON_FILE])
    broken = copy.deepcopy(table)
    del broken["recommendations"][0]["id"]
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(table)
    broken["recommendations"][5]["addressed_to"][0]["colour"] = "red"
    assert not validator.is_valid(broken)
    broken = copy.deepcopy(table)
    broken["schema_version"] = "0.9.0"
    assert not validator.is_valid(broken)


def test_json_carries_the_cross_references(files: dict[str, str], small_data: SiteData) -> None:
    recs = {r["id"]: r for r in json.loads(files[JSON_FILE])["recommendations"]}
    six = recs[6]
    assert six["url"] == "recommendations/6.html"
    assert six["recommendation"] == small_data.recommendations[5].recommendation  # Markdown, as published
    assert [c["chapter"] for c in six["working_together_chapters"]] == [3]
    assert six["working_together_chapters"][0]["url"] == "working-together/chapter-3.html"
    assert [a["key"] for a in six["addressed_to"]] == ["directors-of-childrens-services", "pcts", "police"]
    assert six["addressed_to"][2] == {"key": "police", "name": "Police", "sector": "Police",
                                      "url": "organisations/police.html"}
    assert six["addressed_to_source"] == "wording"
    assert {g["id"] for g in six["guidance"]} == {"childrens-trusts-statutory-guidance", "children-act-2004"}
    assert six["guidance"][0]["url"].startswith("supporting-guidance/index.html#")
    assert any(m["kind"] == "legislation" for m in six["mentions"])


@pytest.fixture(scope="module")
def real_files(real_data: SiteData, real_registers: CrossLinkData, real_document_pages: dict[str, str]
               ) -> dict[str, str]:
    links, problems = build_cross_links(real_data, real_registers, real_document_pages)
    assert problems == []
    return links.generated


@pytest.mark.real_content
def test_recommendation_42_is_a_mention_of_chapter_8_and_promises_are_marked(real_files: dict[str, str]) -> None:
    """Issue 13: rec 42's Chapter 8 is named only as what Ofsted's framework was developed alongside; a May
    2009 "will" is a promise, a March 2010 update saying the chapter does it is implementing."""
    files = real_files
    recs = {r["id"]: r for r in json.loads(files[JSON_FILE])["recommendations"]}
    assert recs[42]["working_together_chapters"] == []
    [mention] = [m for m in recs[42]["mentions"] if m["kind"] == "working-together-chapter"]
    assert mention["chapter"] == 8 and "alongside the review of Chapter 8" in mention["quote"]
    assert [(c["chapter"], c["status"]) for c in recs[48]["working_together_chapters"]] == [(8, "promises")]
    [chapter8] = recs[43]["working_together_chapters"]
    assert chapter8["status"] == "implements"
    assert [e["status"] for e in chapter8["evidence"]] == ["promises", "implements"]
    validator = jsonschema.Draft202012Validator(SCHEMA)
    broken = copy.deepcopy(json.loads(files[JSON_FILE]))
    broken["recommendations"][47]["working_together_chapters"][0]["evidence"][0]["status"] = "mentions"
    assert not validator.is_valid(broken)


def test_csv_round_trips_with_the_documented_header(files: dict[str, str]) -> None:
    text = files[CSV_FILE]
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    table = json.loads(files[JSON_FILE])["recommendations"]
    assert len(rows) == 6
    for row, rec in zip(rows, table, strict=True):
        assert int(row["id"]) == rec["id"]
        for column in ("short_title", "url", "recommendation", "response_2009", "progress_2010",
                       "addressed_to_source"):
            assert row[column] == rec[column]  # Markdown kept, line breaks and all
        assert _listed(row["addressed_to"]) == [a["key"] for a in rec["addressed_to"]]
        assert _listed(row["addressed_to_names"]) == [a["name"] for a in rec["addressed_to"]]
        chapters = rec["working_together_chapters"]
        assert _listed(row["working_together_chapters"]) == [str(c["chapter"]) for c in chapters]
        assert _listed(row["working_together_status"]) == [c["status"] for c in chapters]
        assert _listed(row["guidance"]) == [g["id"] for g in rec["guidance"]]


@pytest.mark.real_content
def test_csv_says_which_chapters_implement_and_which_were_only_promised(real_files: dict[str, str]) -> None:
    """The JSON's status, in the CSV too (issue 13's distinction was once in the JSON only)."""
    rows = {int(row["id"]): row for row in csv.DictReader(io.StringIO(real_files[CSV_FILE], newline=""))}
    assert (rows[48]["working_together_chapters"], rows[48]["working_together_status"]) == ("8", "promises")
    assert (rows[43]["working_together_chapters"], rows[43]["working_together_status"]) == ("8", "implements")
    assert rows[42]["working_together_status"] == ""  # a mention, not a chapter that implements it
    for row in rows.values():
        chapters, status = _listed(row["working_together_chapters"]), _listed(row["working_together_status"])
        assert len(status) == len(chapters) and set(status) <= {"implements", "promises"}, row["id"]


def _listed(cell: str) -> list[str]:
    return cell.split("; ") if cell else []


def test_output_is_deterministic(small_data: SiteData, small_registers: CrossLinkData, files: dict[str, str]) -> None:
    again, _ = build_cross_links(small_data, small_registers, source_pages(SMALL_SITE))
    for name in (JSON_FILE, CSV_FILE, SCHEMA_FILE, DATA_PAGE):
        assert again.generated[name] == files[name]


def test_data_page_documents_every_field_and_column(files: dict[str, str]) -> None:
    page = files[DATA_PAGE]
    for field in ("schema_version", "recommendations[].id", "recommendations[].working_together_chapters[].evidence",
                  "recommendations[].addressed_to[].sector", "recommendations[].guidance[].columns"):
        assert f"| `{field}` |" in page
    for column in CSV_COLUMNS:
        assert f"| `{column}` |" in page
    assert "[recommendations.json](recommendations.json)" in page
    assert "[recommendations.schema.json](recommendations.schema.json)" in page
    assert f"Schema version {SCHEMA_VERSION}." in page
    assert open_data_link("recommendations/index.md") == ("The whole table is also available as "
                                                          "[open data](../data/index.md) (JSON and CSV).")


@pytest.mark.parametrize(("src", "directory_urls", "url"), [
    ("recommendations/6.md", False, "recommendations/6.html"),
    ("recommendations/6.md", True, "recommendations/6/"),
    ("supporting-guidance/index.md", False, "supporting-guidance/index.html"),
    ("supporting-guidance/index.md", True, "supporting-guidance/"),
    ("index.md", True, ""),
])
def test_page_urls_follow_the_sites_url_style(src: str, directory_urls: bool, url: str) -> None:
    assert page_url(src, directory_urls) == url
