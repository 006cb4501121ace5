"""pages/misprints.py and checks/hosts.py: a misprinted look-alike domain never becomes a live link."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from safeguarding_site.commands.main import main
from safeguarding_site.data.guidance import Register
from safeguarding_site.pages.misprints import unlink_misprints

REGISTER = Register(entries={}, retired_domains=("ofsted.gov.uk",), official_domains=("gov.uk",),
                    misprints={"ofstedgov.com": "www.ofsted.gov.uk"})
ON = dt.date(2010, 3, 17)
ARCHIVED = "https://webarchive.nationalarchives.gov.uk/ukgwa/20100317000000/https://www.ofsted.gov.uk/reports/x"


@pytest.mark.parametrize("markdown", [
    "Read it at <https://ofstedgov.com/reports/x>.",
    "Read [the report](https://ofstedgov.com/reports/x).",
    "Read [the report](<https://ofstedgov.com/reports/x>){ .external-link }.",
    "Read [the report](https://www.ofstedgov.com/reports/x \"Ofsted\").",
])
def test_a_link_to_a_misprinted_host_becomes_text_with_the_editors_note(markdown: str) -> None:
    out = unlink_misprints(markdown, REGISTER, ON)
    assert "](https://ofstedgov" not in out and "<https://ofstedgov" not in out and "](https://www.ofstedgov" not in out
    assert "Editors' note: ofstedgov.com is a misprint" in out or "Editors' note: www.ofstedgov.com" in out
    assert ARCHIVED in out


def test_other_links_are_left_alone() -> None:
    text = "See <https://www.gov.uk/x> and [Ofsted](https://www.ofsted.gov.uk/)."
    assert unlink_misprints(text, REGISTER, ON) == text


def test_the_register_sorts_hosts_onto_the_editors_lists() -> None:
    assert REGISTER.host_list("https://www.ofsted.gov.uk/a") == "retired"
    assert REGISTER.host_list("https://ofstedgov.com/a") == "misprint"
    assert REGISTER.host_list("www.gov.uk/x") == "official"
    assert REGISTER.host_list("https://ofsted.gov.uk.example.com/") is None  # a look-alike is on no list
    assert REGISTER.meant("https://ofstedgov.com/a?b=1") == "https://www.ofsted.gov.uk/a?b=1"


@pytest.mark.real_content
def test_no_page_links_the_misprinted_domain_and_each_mention_carries_the_note(built_site: Path) -> None:
    mentions = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'href="[^"]*ofstedgov', html), page
        if "ofstedgov.com/" in html:
            mentions += 1
            assert "Editors' note: ofstedgov.com is a misprint" in html, page
            assert "ukgwa/20100317000000/https://www.ofsted.gov.uk/Ofsted-home/" in html, page
    assert mentions >= 3  # the report's chapter 4, recommendation 49 and the supporting-guidance register


@pytest.fixture()
def project(tmp_path: Path, root: Path) -> Path:
    for folder in ("cross_refs", "docs"):
        shutil.copytree(root / folder, tmp_path / folder)
    shutil.copy(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_an_address_on_no_list_fails_check_with_its_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = project / "docs/one-year-on/chapter-3.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(20, "See www.ofsted-gov.co for more.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "docs/one-year-on/chapter-3.md:21: the address www.ofsted-gov.co is on a host (www.ofsted-gov.co)" in err


def test_a_register_address_on_no_list_fails_check(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "cross_refs/guidance.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("- url: https://ofstedgov.com/", "- url: https://ofstedgovv.com/", 1)
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "ofstedgovv.com" in row)
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    where = "learning-lessons-from-scrs-year-2: urls[0]"
    assert f"cross_refs/guidance.yaml:{line}: {where}: the host ofstedgovv.com" in err
