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
def data(root: Path) -> SiteData:
    return load_site_data(root / "cross_refs")


@pytest.fixture(scope="module")
def organisations(root: Path) -> Organisations:
    problems = Problems()
    found = load_organisations(root / "cross_refs/organisations.yaml", NAME, problems)
    assert problems.errors == []
    return found


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
    ("  also_concerns: [police, police]\n", "also_concerns lists 'police' more than once"),
    ("  addressed_to: [dcsf, dcsf]\n", "addressed_to lists 'dcsf' more than once"),
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
    data = load_site_data(cross_refs)
    with pytest.raises((DataError, DataErrors)) as raised:
        load_cross_link_data(cross_refs, data, display_root=tmp_path)
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
