"""Which Working Together chapters (and other documents) the Annex A text names for each recommendation."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from project_paths import ROOT
from safeguarding_site.importing.chapter_evidence import EVIDENCE_COLUMNS, find_evidence
from safeguarding_site.importing.recommendations_yaml import parse_and_build
from safeguarding_site.text.plain_text import contains_quote

NAME = "sources/2010-03-government-response-to-lord-laming-one-year-on.txt"


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return parse_and_build((ROOT / NAME).read_text(encoding="utf-8"), NAME)


@pytest.fixture(scope="module")
def mapping() -> dict[int, list[int]]:
    """The hand-written reading of the table, independent of the code."""
    return yaml.safe_load((ROOT / "tests/fixtures/chapter_mapping.yaml").read_text(encoding="utf-8"))


def chapters(entry: dict) -> list[int]:
    return sorted({e["chapter"] for e in entry["implemented_by"]})


def evidence(response: str = "", progress: str = "") -> tuple[list[dict], list[dict]]:
    return find_evidence({"recommendation": "R.", "response_2009": response, "progress_2010": progress})


def test_code_agrees_with_the_hand_written_mapping(entries, mapping) -> None:
    assert {e["id"]: chapters(e) for e in entries} == {n: sorted(mapping.get(n, [])) for n in range(1, 59)}


def test_chapters_come_from_the_column_that_names_them(entries) -> None:
    columns = {e["id"]: {(i["chapter"], i["column"]) for i in e["implemented_by"]} for e in entries}
    assert columns[39] == {(8, "response_2009"), (8, "progress_2010")}
    assert columns[42] == set()
    assert columns[48] == {(8, "response_2009")}
    assert columns[19] == {(5, "progress_2010"), (3, "progress_2010")}


def test_every_quote_is_word_for_word_from_its_column(entries) -> None:
    count = 0
    for e in entries:
        for item in e["implemented_by"] + e["mentions"]:
            assert item["column"] in EVIDENCE_COLUMNS
            assert item["quote"] in e[item["column"]], (e["id"], item)
            assert contains_quote(e[item["column"]], item["quote"]), (e["id"], item)
            count += 1
    assert count > 100


def test_chapter_quotes_name_their_chapter(entries) -> None:
    for e in entries:
        for item in e["implemented_by"]:
            assert f"Chapter {item['chapter']}" in item["quote"], (e["id"], item)


def test_recommendations_naming_no_chapter_get_none(entries) -> None:
    for e in entries:
        text = e["response_2009"] + e["progress_2010"]
        if "Chapter" not in text and "chapter" not in text:
            assert e["implemented_by"] == [], e["id"]


def test_sections_of_acts_are_legislation_never_chapters(entries) -> None:
    by_id = {e["id"]: e for e in entries}
    assert chapters(by_id[6]) == [3]  # "section 11 of the Children Act 2004" is in the same column
    assert chapters(by_id[19]) == [3, 5]  # "section 17 of the Children Act 1989" too
    names = {(m["kind"], m.get("name")) for e in entries for m in e["mentions"]}
    assert ("legislation", "Children Act 2004, section 11") in names
    assert ("legislation", "Children Act 1989, section 17") in names
    imp, men = evidence(progress="Local authorities have a duty under section 11 of the Children Act 2004.")
    assert imp == [] and [m["name"] for m in men] == ["Children Act 2004, section 11"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chapter 2 of the Children Act 2004 applies.", []),
        ("*Working Together* is revised. Chapter 4 of the Munro Review says so.", []),
        ("Chapter 3 sets out what LSCBs do.", []),  # bare, and no passage about Working Together
        ("The revised statutory guidance for Children's Trusts is out. Chapter 3 sets out its scope.", []),
        ("The revised *Working Together* is published. Chapter 3 sets out what LSCBs do.", [3]),
        ("The revised *Working Together to Safeguard Children*, Chapter 8: Serious Case Reviews, applies.", [8]),
        ("Chapters 4 and 5 of *Working Together to Safeguard Children* say so.", [4, 5]),
        ("Chapters 2 to 4 of Working Together to Safeguard Children say so.", [2, 3, 4]),
        ("See [Chapter 9](http://example.org/chapter-9-of-working-together). Also section 9.", []),
    ],
)
def test_crafted_chapter_references(text: str, expected: list[int]) -> None:
    imp, _ = evidence(progress=text)
    assert sorted({i["chapter"] for i in imp}) == expected
    for item in imp:
        assert contains_quote(text, item["quote"])


def test_working_together_as_a_whole_is_a_mention_not_a_chapter(entries) -> None:
    by_id = {e["id"]: e for e in entries}
    whole = {(e["id"], m["column"]) for e in entries for m in e["mentions"] if m["kind"] == "working-together"}
    assert (1, "progress_2010") in whole and (52, "progress_2010") in whole
    assert (13, "progress_2010") in whole  # "Working Together to Safeguard Children stresses ..."
    assert (23, "progress_2010") not in whole  # its only reference is the one that names Chapter 2
    assert by_id[1]["implemented_by"] == []


def test_named_guidance_and_legislation(entries) -> None:
    found = {e["id"]: {(m["kind"], m.get("name"), m["column"]) for m in e["mentions"]} for e in entries}
    assert ("guidance", "What To Do If You Are Worried a Child is Being Abused", "progress_2010") in found[11]
    assert ("legislation", "Apprenticeships, Skills, Children and Learning Bill", "response_2009") in found[4]
    assert ("legislation", "Apprenticeships, Skills, Children and Learning Act 2009", "progress_2010") in found[4]
    assert ("legislation", "Local Safeguarding Children Boards (Amendment) Regulations 2010", "progress_2010") in found[
        22
    ]
    assert ("guidance", "Information Sharing Guidance", "progress_2010") in found[23]
    assert ("guidance", "Police Green Paper", "response_2009") in found[38]
    # the progress column writes the same regulations in lower case; it is still the same name
    assert ("legislation", "Performers List Regulations", "progress_2010") in found[34]
    # italic scheme names and a one-word emphasis are not documents
    names = {name for items in found.values() for _, name, _ in items}
    assert not names & {"Graduate Recruitment Scheme", "Step Up to Social Work", "all"}
    assert found[3] == set() and found[58] == set()


def test_evidence_is_deterministic(entries) -> None:
    again = parse_and_build((ROOT / NAME).read_text(encoding="utf-8"), NAME)
    assert again == entries


def test_a_chapter_quote_is_the_clause_or_sentence_that_names_it(entries) -> None:
    by_id = {e["id"]: e for e in entries}
    rec11 = {i["chapter"]: i["quote"] for i in by_id[11]["implemented_by"]}
    assert rec11[4] == "Revisions to Chapter 4 stress the importance of specialist training for these roles"
    assert rec11[2].startswith("Chapter 2 references the local authority's responsibility")
    rec39 = [i["quote"] for i in by_id[39]["implemented_by"] if i["column"] == "progress_2010"]
    # The consultation sentence names Chapter 8 only as what was consulted on: a mention, not evidence.
    assert len(rec39) == 1 and "Chapter 8: Serious Case Reviews, which comes into force today" in rec39[0]


TOKENS = st.sampled_from(
    [
        "Chapter 3",
        "Chapters 2 and 4",
        "chapter 9",
        "of",
        "the",
        "revised",
        "*Working Together*",
        "Working Together",
        "*Working Together to Safeguard Children*,",
        "section 11 of the Children Act 2004",
        "Act",
        "Bill",
        "The",
        "Regulations 2010",
        "Guidance",
        "guidance",
        "for",
        "Children's Trusts",
        "Code of Practice",
        "and",
        ",",
        ".",
        ". ",
        "; ",
        "\n\n",
        "\n- ",
        "*",
        "[x](http://a.b/Chapter 4)",
        "Framework",
        "Ofsted",
        "'Think Family'",
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=40), st.lists(TOKENS, max_size=40))
def test_any_text_gives_evidence_whose_quotes_are_in_their_columns(response, progress) -> None:
    columns = {"recommendation": "R.", "response_2009": " ".join(response), "progress_2010": " ".join(progress)}
    implemented, mentions = find_evidence(columns)
    for item in implemented + mentions:
        assert item["quote"] in columns[item["column"]]
        assert contains_quote(columns[item["column"]], item["quote"])
    for item in implemented:
        assert "hapter" in item["quote"]


def test_a_chapter_named_only_as_the_occasion_for_something_else_is_a_mention(entries) -> None:
    """Rec 42: Ofsted's framework "will be developed and consulted alongside the review of Chapter 8"."""
    by_id = {e["id"]: e for e in entries}
    chapter_mentions = {
        e["id"]: [(m["chapter"], m["column"]) for m in e["mentions"] if m["kind"] == "working-together-chapter"]
        for e in entries
    }
    assert chapter_mentions[42] == [(8, "response_2009")]
    assert chapter_mentions[39] == [(8, "progress_2010")]  # "Public consultation on a revised Chapter 8 ... was held"
    assert not [n for n, found in chapter_mentions.items() if found and n not in (39, 42)]
    assert all("Chapter 8" in m["quote"] for e in (by_id[39], by_id[42]) for m in e["mentions"]
               if m["kind"] == "working-together-chapter")


def test_every_chapter_is_marked_implementing_or_promising(entries) -> None:
    """May 2009 "will" is a promise; a March 2010 update saying the chapter does it is implementing."""
    statuses = {(e["id"], i["chapter"], i["column"]): i["status"] for e in entries for i in e["implemented_by"]}
    assert set(statuses.values()) == {"implements", "promises"}
    for (rec, _, column), status in statuses.items():
        assert status == ("promises" if column == "response_2009" else "implements"), rec
    assert statuses[(48, 8, "response_2009")] == "promises"
    assert statuses[(43, 8, "progress_2010")] == "implements"


def test_a_future_tense_clause_in_the_progress_update_is_a_promise() -> None:
    implemented, _ = evidence(progress="The revised Chapter 4 of *Working Together* will stress training.")
    assert [(i["chapter"], i["status"]) for i in implemented] == [(4, "promises")]
    implemented, _ = evidence(progress="The revised Chapter 4 of *Working Together* stresses training.")
    assert [(i["chapter"], i["status"]) for i in implemented] == [(4, "implements")]
