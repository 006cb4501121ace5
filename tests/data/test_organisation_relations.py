"""Must act and also concerns (data/organisations.py), checked against a reading of all 58 by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from safeguarding_site.base.errors import DataError, DataErrors, Problems
from safeguarding_site.data.organisations import Organisations, load_organisations, who_must_act
from safeguarding_site.data.recommendations import load_recommendations
from safeguarding_site.data.registers import load_cross_link_data
from safeguarding_site.data.site_data import SiteData, load_site_data

NAME = "cross_refs/organisations.yaml"


@pytest.fixture(scope="module")
def expected(root: Path) -> dict:
    return yaml.safe_load((root / "tests/fixtures/organisation_relations.yaml").read_text(encoding="utf-8"))


def test_both_relations_match_the_hand_written_reading(data: SiteData, organisations: Organisations,
                                                       expected: dict) -> None:
    found = who_must_act(data.recommendations, organisations)
    assert sorted(expected) == list(range(1, 59))
    got = {n: (list(f.keys), set(f.also)) for n, f in found.items()}
    want = {n: (e["must_act"], set(e["also_concerns"])) for n, e in expected.items()}
    assert {n: (got[n], want[n]) for n in want if got[n] != want[n]} == {}


def test_the_rule_alone_needs_the_editors_only_where_the_fixture_says_so(data: SiteData,
                                                                         organisations: Organisations) -> None:
    # Recommendation 37 names Ofsted's framework only as a model: the editors' also_concerns leaves Ofsted out.
    found = who_must_act(data.recommendations, organisations)
    assert [r.id for r in data.recommendations if r.also_concerns is not None] == [37]
    assert "ofsted" in found[37].also_derived and found[37].also_by_editors
    assert all(set(f.also) == set(f.also_derived) for n, f in found.items() if n != 37)


def test_the_police_are_concerned_by_the_recommendations_about_their_services(data: SiteData,
                                                                               organisations: Organisations) -> None:
    found = who_must_act(data.recommendations, organisations)
    must = [n for n, f in found.items() if "police" in f.keys]
    also = [n for n, f in found.items() if "police" in f.also]
    assert must == [6, 20]
    assert {19, 36, 54, 37, 38, 48} <= set(also)
    assert found[36].also_named_as["police"] == ("police",)
    assert found[48].also_named_as["police"] == ("Association of Chief Police Officers",)
    assert found[37].through == {"police": "hmic", "probation": "hmi-probation"}


def test_authors_and_conditions_concern_nobody(data: SiteData, organisations: Organisations) -> None:
    found = who_must_act(data.recommendations, organisations)
    assert "dcsf" not in found[23].also  # "Information Sharing Guidance published by the Department for ..."
    assert "adult-mental-health-services" not in found[21].also  # "adult mental health problems"
    assert found[22].also_named_as["adult-mental-health-services"] == ("adult mental health",)


def test_also_concerns_never_repeats_who_must_act(data: SiteData, organisations: Organisations) -> None:
    found = who_must_act(data.recommendations, organisations, overrides={36: ["home-office", "police"]})
    assert found[36].keys == ("home-office", "police") and "police" not in found[36].also


@pytest.mark.parametrize(("text", "message"), [
    ("  also_concerns: police\n", "also_concerns must be a list of organisation keys"),
    ("  also_concerns: [police, police]\n", "also_concerns lists an organisation twice ('police')"),
    ("  addressed_to: [dcsf, dcsf]\n", "addressed_to lists an organisation twice ('dcsf')"),
])
def test_a_malformed_override_is_a_file_line_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "recommendations.yaml"
    path.write_text("schema: 1\nrecommendations:\n- id: 1\n" + text + "  recommendation: The Home Office should "
                    "act.\n  response_2009: ''\n  progress_2010: ''\n", encoding="utf-8")
    problems = Problems()
    load_recommendations(path, "cross_refs/recommendations.yaml", set(range(1, 13)), problems)
    assert [str(e) for e in problems.errors if message in str(e)] != []
    assert all(str(e).startswith("cross_refs/recommendations.yaml:4: recommendation 1: " + message)
               for e in problems.errors if message in str(e))


def test_an_unknown_also_concerns_key_is_a_file_line_error(tmp_path: Path, root: Path) -> None:
    cross_refs = tmp_path / "cross_refs"
    shutil.copytree(root / "cross_refs", cross_refs)
    recs = cross_refs / "recommendations.yaml"
    recs.write_text(recs.read_text(encoding="utf-8").replace(
        "  also_concerns: [police, probation]\n", "  also_concerns: [police, constabulary]\n"), encoding="utf-8")
    line = recs.read_text(encoding="utf-8").splitlines().index("  also_concerns: [police, constabulary]") + 1
    # The loader checks the keys as it reads the entry (data/recommendations.validate_organisation_keys).
    with pytest.raises((DataError, DataErrors)) as raised:
        load_site_data(cross_refs, display_root=tmp_path)
    assert f"cross_refs/recommendations.yaml:{line}: recommendation 37: also_concerns: 'constabulary' not a key" \
        in str(raised.value)


def test_inspects_must_name_known_organisations(tmp_path: Path, root: Path) -> None:
    path = tmp_path / "organisations.yaml"
    path.write_text((root / NAME).read_text(encoding="utf-8").replace("inspects: [police]", "inspects: [polise]"),
                    encoding="utf-8")
    problems = Problems()
    load_organisations(path, NAME, problems)
    line = path.read_text(encoding="utf-8").splitlines().index("  inspects: [polise]") + 1
    assert [str(e) for e in problems.errors] == [
        f"{NAME}:{line}: hmic: inspects: 'polise' not an organisation key in this file"]


def test_every_list_says_which_relation_it_shows(data: SiteData, organisations: Organisations) -> None:
    from safeguarding_site.pages.organisations import INDEX, organisation_pages, who_must_act_section
    found = who_must_act(data.recommendations, organisations)
    pages = organisation_pages(organisations, data.recommendations, found)
    police = pages["organisations/police.md"]
    must, also = police.split("## Also concerns { #also-concerns }")
    assert "## Must act { #recommendations }" in must
    assert "[Recommendation 6]" in must and "[Recommendation 20]" in must and "[Recommendation 36]" not in must
    for n in (19, 36, 54):
        assert f"- [Recommendation {n}](../recommendations/{n}.md):" in also
    assert "(named as “police”)" in also
    assert "(through HMI Constabulary, which inspects it)" in also
    assert "(named as “Association of Chief Police Officers”)" in also
    assert "(listed by the site's editors)" in also  # 37: the editors' also_concerns
    index = pages[INDEX]
    assert "- [Police](police.md): must act on 2 ([6](../recommendations/6.md), [20](../recommendations/20.md)); " \
           "also concerned by 11 (" in index
    assert "- [Strategic Health Authorities](strategic-health-authorities.md): must act on none; " \
           "also concerned by 3 (" in index
    section = who_must_act_section(data.recommendations[35], found[36], organisations)
    assert "**Must act:** this recommendation is addressed to [Home Office](../organisations/home-office.md)." \
        in section
    assert "**Also concerns:** [Police](../organisations/police.md): the wording names it, or a service it runs, " \
           "without asking it to act." in section
    section = who_must_act_section(data.recommendations[37], found[38], organisations)
    assert "[Police](../organisations/police.md) (through HMI Constabulary, which inspects it) and " in section


def test_open_data_carries_both_relations(root: Path, data: SiteData) -> None:
    import csv
    import io
    import json

    import jsonschema
    from safeguarding_site.pages.open_data import CSV_FILE, JSON_FILE
    from safeguarding_site.pages.open_data_schema import SCHEMA, SCHEMA_VERSION
    from safeguarding_site.pages.registers import build_cross_links
    from source_pages import source_pages
    links, _ = build_cross_links(data, load_cross_link_data(root / "cross_refs", data), source_pages(root))
    table = json.loads(links.generated[JSON_FILE])
    jsonschema.Draft202012Validator(SCHEMA).validate(table)
    since_1_2 = tuple(map(int, SCHEMA_VERSION.split("."))) >= (1, 2, 0)  # also_concerns came in 1.2
    assert since_1_2 and "also_concerns" in SCHEMA["properties"]["recommendations"]["items"]["required"]
    rec36 = table["recommendations"][35]
    assert [a["key"] for a in rec36["addressed_to"]] == ["home-office"]
    assert [a["key"] for a in rec36["also_concerns"]] == ["police"] and rec36["also_concerns_source"] == "wording"
    assert table["recommendations"][36]["also_concerns_source"] == "editors"
    rows = list(csv.DictReader(io.StringIO(links.generated[CSV_FILE])))
    assert rows[35]["also_concerns"] == "police" and rows[35]["also_concerns_names"] == "Police"
