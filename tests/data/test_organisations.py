"""Who must act: the organisations each recommendation addresses, by rule, checked against a reading by hand.

The rules on the small site (tests/pages/golden/small_site); the reading of all 58 on the real content."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from project_paths import ROOT
from safeguarding_site.base.errors import Problems
from safeguarding_site.base.yaml_lines import load_yaml_text
from safeguarding_site.data.organisations import (
    Organisations,
    load_organisations,
    subjects,
    who_must_act,
)
from safeguarding_site.data.recommendations import validate_addressed_to
from safeguarding_site.data.registers import CrossLinkData
from safeguarding_site.data.site_data import SiteData
from safeguarding_site.pages.organisations import (
    INDEX,
    organisation_pages,
    who_must_act_section,
)

NAME = "cross_refs/organisations.yaml"


@pytest.fixture(scope="module")
def small_organisations(small_registers: CrossLinkData) -> Organisations:
    return small_registers.organisations


@pytest.mark.real_content
def test_derived_addressees_match_the_hand_written_reading(root: Path, data: SiteData,
                                                           organisations: Organisations) -> None:
    expected = yaml.safe_load((root / "tests/fixtures/addressees.yaml").read_text(encoding="utf-8"))
    derived = {n: list(found.keys) for n, found in who_must_act(data.recommendations, organisations).items()}
    assert sorted(expected) == list(range(1, 59))
    mismatches = {n: (derived[n], expected[n]) for n in expected if derived[n] != expected[n]}
    assert mismatches == {}


def test_each_addressee_is_backed_by_the_words_that_name_it(small_data: SiteData,
                                                            small_organisations: Organisations) -> None:
    data = small_data
    found = who_must_act(data.recommendations, small_organisations)
    assert found[6].named_as["police"] == ("Police Area Commanders",)
    assert found[1].named_as["dh"] == ("Secretaries of State for Children, Schools and Families, Health and Justice",)
    for rec in data.recommendations:
        for key in found[rec.id].keys:
            for phrase in found[rec.id].named_as[key]:
                assert phrase.casefold() in rec.recommendation.casefold()


@pytest.mark.parametrize(("text", "expected"), [
    ("Ofsted should revise the framework.", ["Ofsted"]),
    ("X must act, and Y must also act.", ["X", "Y"]),
    ("X should include partners, who should attend regularly.", ["X", ""]),
    ("X should plan and should report.", ["X"]),  # the second verb shares the first one's subject
    ("A Unit be established to report. It should have a remit.", ["A Unit", "It"]),
    ("Whether or not it is done, the Office should act.", ["Whether or not it is done, the Office"]),
    ("The Task Force should:\n\n- develop a strategy; and\n- report", ["The Task Force"]),
    ("Nobody is told to do anything here.", []),
])
def test_subjects_of_obligations(text: str, expected: list[str]) -> None:
    assert subjects(text) == expected


@pytest.mark.real_content
def test_objects_and_passives_do_not_make_addressees(organisations: Organisations, data: SiteData) -> None:
    found = who_must_act(data.recommendations, organisations)
    assert "pcts" not in found[5].keys  # "responsibilities of Strategic Health Authorities for ... Primary Care Trusts"
    assert found[47].keys == ("ofsted",)  # "share ... with HMI Constabulary, the Care Quality Commission ..."
    assert found[56].keys == ()  # "A national annual report should be published": nobody named
    assert found[45].keys == ("dcsf",)  # no subject names anyone: the agent "provided by the DCSF" does


@pytest.mark.real_content
def test_editors_override_replaces_the_derived_list(data: SiteData, organisations: Organisations) -> None:
    found = who_must_act(data.recommendations, organisations, {56: ["government"]})
    assert found[56].keys == ("government",) and found[56].by_editors and found[56].derived == ()
    assert not found[55].by_editors
    rec = data.recommendations[55]
    section = who_must_act_section(rec, found[56], organisations)
    assert "[The Government](../organisations/government.md)" in section
    assert "The site's editors made the “must act” list" in section
    pages = organisation_pages(organisations, data.recommendations, found)
    assert "- [Recommendation 56](../recommendations/56.md):" in pages["organisations/government.md"]
    assert "(listed by the site's editors)" in pages["organisations/government.md"]


def _entry(text: str):
    return load_yaml_text(text, "cross_refs/recommendations.yaml")["recommendations"][0]


@pytest.mark.parametrize(("text", "result", "message"), [
    ("recommendations:\n- id: 1\n  addressed_to: [dcsf, ofsted]\n", ("dcsf", "ofsted"), None),
    ("recommendations:\n- id: 1\n  addressed_to: []\n", (), None),
    ("recommendations:\n- id: 1\n", None, None),
    ("recommendations:\n- id: 1\n  addressed_to: [dcsf, ofstead]\n", None,
     "cross_refs/recommendations.yaml:3: recommendation 1: addressed_to: 'ofstead' not a key in organisations.yaml"),
    ("recommendations:\n- id: 1\n  addressed_to: dcsf\n", None,
     "cross_refs/recommendations.yaml:3: recommendation 1: addressed_to must be a list of organisation keys"),
    ("recommendations:\n- id: 1\n  addressed_to: [dcsf, dcsf]\n", None,
     "cross_refs/recommendations.yaml:3: recommendation 1: addressed_to lists an organisation twice"),
])
def test_validate_addressed_to(small_organisations: Organisations, text: str, result, message: str | None) -> None:
    problems = Problems()
    got = validate_addressed_to(_entry(text), file="cross_refs/recommendations.yaml", label="recommendation 1",
                                organisations=small_organisations.organisations, problems=problems)
    assert got == result
    errors = [str(e) for e in problems.errors]
    assert (errors == []) if message is None else (len(errors) == 1 and errors[0].startswith(message)), errors


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ("- key: ofsted\n  name: Ofsted\n  sector: inspectorates\n", "- key: ofsted\n  name: Ofsted\n  sector: schools\n",
     "  sector: schools", "ofsted: sector 'schools' is not one of the sectors"),
    ("- key: cwdc\n", "- key: CWDC\n", "- key: CWDC", "organisations[25]: 'key' must be lower-case words"),
    ("- key: probation\n  name: Probation\n  sector: probation\n", "- key: police\n  name: Probation\n  sector: "
     "probation\n", "- key: police\n  name: Probation\n  sector: probation", "police: duplicate key 'police'"),
    ("  named_as: [probation]\n", "  named_as: []\n", "  named_as: []", "probation: 'named_as' must list the words"),
])
@pytest.mark.real_content
def test_organisation_mistakes_name_file_line_and_entry(root: Path, tmp_path: Path, old: str, new: str, at: str,
                                                        message: str) -> None:
    path = tmp_path / "organisations.yaml"
    text = (root / "cross_refs/organisations.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    load_organisations(path, NAME, problems)
    line = text[:text.index(at)].count("\n") + 1
    assert [str(e).split(": ", 1)[0] for e in problems.errors] == [f"{NAME}:{line}"]
    assert message in str(problems.errors[0])


@pytest.mark.real_content
def test_pages_list_organisations_by_sector_and_recommendations_by_organisation(
        data: SiteData, organisations: Organisations) -> None:
    found = who_must_act(data.recommendations, organisations)
    pages = organisation_pages(organisations, data.recommendations, found)
    assert set(pages) == {INDEX, *(o.page for o in organisations.organisations.values())}
    index = pages[INDEX]
    assert '<section class="org-sector" data-sector="police" markdown>' in index
    assert "## Police { #sector-police }" in index
    assert "- [Police](police.md): must act on 2 ([6](../recommendations/6.md), " \
           "[20](../recommendations/20.md)); also concerned by " in index
    assert "names no organisation that must act: [56](../recommendations/56.md)." in index
    police = pages["organisations/police.md"]
    assert "- [Recommendation 6](../recommendations/6.md):" in police
    assert "(named as “Police Area Commanders”)" in police
    assert "[Recommendation 7]" not in police
    # Every organisation the recommendations are addressed to has at least one recommendation on its page.
    assert all("- [Recommendation " in pages[o.page] for o in organisations.organisations.values())


ORGANISATION_FILTER_JS = (ROOT / "docs/javascripts/organisation-filter.js").read_text(
    encoding="utf-8")


def test_filter_script_is_self_contained_and_valid_javascript(tmp_path: Path) -> None:
    assert "fetch(" not in ORGANISATION_FILTER_JS and "http" not in ORGANISATION_FILTER_JS
    assert "XMLHttpRequest" not in ORGANISATION_FILTER_JS
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = ROOT / "docs/javascripts/organisation-filter.js"
    result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
