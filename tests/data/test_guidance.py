"""The supporting-guidance register: complete, archived by rule, and cited where the texts name it."""

from __future__ import annotations

import datetime
import re
import shutil
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
from editing import edit, line_of
from safeguarding_site.base.errors import Problems
from safeguarding_site.data.guidance import Register, archive_url, is_retired, load_register
from safeguarding_site.data.site_data import SiteData
from safeguarding_site.linking.citations import (
    Citation,
    cited_in,
    columns_by_recommendation,
    find_citations,
    phrase_pattern,
    phrase_table,
)
from safeguarding_site.pages.guidance import PAGE, guidance_section, supporting_guidance_page
from safeguarding_site.text.blocks import page_anchors

NAME = "cross_refs/guidance.yaml"
_URL = re.compile(r"https?://[^\s<>()\[\]]+")


# About what the site publishes, and marked real_content, but for the dates and the editor's-mistake tests.


@pytest.fixture(scope="module")
def citations(register: Register, data: SiteData, pages: dict[str, str]) -> dict[str, tuple[Citation, ...]]:
    return find_citations(register, data.recommendations, pages, data.documents)


@pytest.mark.real_content
def test_every_web_address_in_the_sources_is_in_the_register(register: Register, data: SiteData,
                                                             pages: dict[str, str]) -> None:
    texts = [*pages.values()] + [rec.column(c) for rec in data.recommendations
                                 for c in ("recommendation", "response_2009", "progress_2010")]
    printed = {url.rstrip(".,") for text in texts for url in _URL.findall(text)}
    registered = {link.url for entry in register.entries.values() for link in entry.links}
    assert printed - registered == set()
    assert registered - printed == set()


@pytest.mark.real_content
def test_every_guidance_or_legislation_mention_is_a_register_entry(register: Register, data: SiteData) -> None:
    table = phrase_table(register)
    pattern = phrase_pattern(table)
    unmatched = [(rec.id, m.name) for rec in data.recommendations for m in rec.mentions
                 if m.kind in ("guidance", "legislation") and not cited_in(m.name, table, pattern)]
    assert unmatched == []


@pytest.mark.real_content
def test_every_entry_is_cited_somewhere(citations: dict[str, tuple[Citation, ...]]) -> None:
    assert [entry_id for entry_id, places in citations.items() if not places] == []


@pytest.mark.real_content
@pytest.mark.parametrize(("entry", "page", "anchor"), [
    ("children-act-1989", "chief-adviser/chapter-3.md", "para-42"),  # "section 20 of the Children Act (1989)"
    ("vawg-strategy", "one-year-on/chapter-2.md", "fn:11"),  # a footnote that is only a web address
    ("nsdu-web-pages", "one-year-on/chapter-2.md", "health"),  # in the Portsmouth case study, under "Health"
    ("swtf-implementation-plan", "chief-adviser/chapter-2.md", "para-17"),  # "Social Work Reform Board ..."
    ("laming-progress-report", "chief-adviser/index.md", ""),  # the covering letter, on the report's first page
    ("swtf-final-report", "recommendations/24.md", "rec-24-progress"),  # "In its final report, the ... Task Force"
])
def test_citations_found_where_the_texts_name_the_entry(citations: dict[str, tuple[Citation, ...]], entry: str,
                                                        page: str, anchor: str) -> None:
    assert (page, anchor) in {(c.page, c.anchor) for c in citations[entry]}


@pytest.mark.real_content
def test_look_alikes_are_not_citations(register: Register) -> None:
    table = phrase_table(register)
    pattern = phrase_pattern(table)
    # A longer address is not its shorter prefix; a longer name is not the shorter one inside it.
    assert cited_in("see [www.dcsf.gov.uk/nsdu/research.shtml](http://www.dcsf.gov.uk/nsdu/research.shtml)",
                    table, pattern) == [("neglected-adolescents-guide", "www.dcsf.gov.uk/nsdu/research.shtml")]
    assert [e for e, _ in cited_in("at www.dcsf.gov.uk/nsdu.", table, pattern)] == ["nsdu-web-pages"]
    assert [e for e, _ in cited_in("the Code of Practice for Social Workers", table, pattern)] == [
        "gscc-codes-of-practice"]
    assert [e for e, _ in cited_in("The Children's Plan: Two Years On", table, pattern)] == [
        "childrens-plan-two-years-on"]
    assert cited_in("the children's planning process", table, pattern) == []
    # An address two entries share (a department's index page) cites neither by itself.
    assert "www.dcsf.gov.uk/everychildmatters/informationsharing" not in table


@pytest.mark.real_content
def test_retired_domains_get_an_archive_address_built_from_the_citing_documents_date(register: Register) -> None:
    entry = register.entries["laming-progress-report"]
    (link,) = entry.links
    assert link.given_in == "chief-adviser"
    assert link.archive == ("https://webarchive.nationalarchives.gov.uk/ukgwa/20100317000000/" + link.url)
    one_year_on = register.entries["vawg-strategy"].links[0]
    assert one_year_on.archive is not None
    assert "/ukgwa/20100301000000/http://www.homeoffice.gov.uk/" in one_year_on.archive
    # Live sites get none; the source's misprinted "ofstedgov.com" gets the archive's copy of what it meant.
    assert all(link.archive is None for link in register.entries["cafcass-care-demand-figures"].links)
    (misprint,) = register.entries["learning-lessons-from-scrs-year-2"].links
    assert misprint.meant and misprint.meant.startswith("https://www.ofsted.gov.uk/")
    assert misprint.archive == "https://webarchive.nationalarchives.gov.uk/ukgwa/20100317000000/" + misprint.meant
    domains = register.retired_domains
    assert is_retired("http://publications.dcsf.gov.uk/x", domains)
    assert not is_retired("http://notdcsf.gov.uk/x", domains)
    assert not is_retired("https://ofstedgov.com/x", domains)


def test_archive_addresses() -> None:
    # Document dates are read by base.dates.parse_document_date (tests/test_status_line.py).
    assert archive_url("http://www.dh.gov.uk/a?b=c&", datetime.date(2009, 2, 3)) == \
        "https://webarchive.nationalarchives.gov.uk/ukgwa/20090203000000/http://www.dh.gov.uk/a?b=c&"


@pytest.mark.real_content
def test_supporting_guidance_page_lists_every_entry_with_working_links(register: Register, citations, data: SiteData,
                                                                       pages: dict[str, str]) -> None:
    md = supporting_guidance_page(register, citations, data.documents)
    for entry_id in register.entries:
        assert f"{{ #{entry_id} }}" in md
    assert "## Legislation { #legislation }" in md
    assert "- [The Chief Adviser's first annual report, paragraph 42](../chief-adviser/chapter-3.md#para-42)" in md
    for target, anchor in re.findall(r"\]\(\.\./([^)#]+\.md)#([^)]+)\)", md):
        if target in pages:
            assert anchor in page_anchors(pages[target]), (target, anchor)
        else:
            assert re.fullmatch(r"recommendations/\d+\.md", target) and re.fullmatch(r"rec-\d+-\w+", anchor)
    html = markdown.markdown(md.split("---\n", 2)[2], extensions=["attr_list", "abbr", "toc"])
    assert ('<a class="external-link" href="https://webarchive.nationalarchives.gov.uk/ukgwa/20100317000000/'
            'http://publications.everychildmatters.gov.uk/') in html
    assert '<em class="visually-hidden">(external link)</em></a>' in html
    assert html.count('class="external-link"') == html.count('class="visually-hidden"')


@pytest.mark.real_content
def test_recommendation_section_links_the_guidance_its_text_names(register: Register, citations,
                                                                  data: SiteData) -> None:
    rec = data.recommendations[10]  # recommendation 11
    assert [entry for entry, _ in columns_by_recommendation(citations)[11]] == [
        "childrens-trusts-statutory-guidance", "what-to-do-if-worried"]
    section = guidance_section(rec, register, citations, data.documents)
    assert section.startswith("## Supporting guidance { #rec-11-guidance }")
    assert ("- [What To Do If You Are Worried a Child is Being Abused](../supporting-guidance/index.md"
            "#what-to-do-if-worried): Guidance · publisher not named in the documents · no date given in the "
            "documents; named in the progress update (March 2010).") in section
    assert guidance_section(data.recommendations[0], register, citations, data.documents) == ""  # names none
    assert PAGE == "supporting-guidance/index.md"


@pytest.mark.real_content
def test_guidance_by_recommendation_is_what_each_recommendation_names_in_register_order(citations) -> None:
    by_recommendation = columns_by_recommendation(citations)
    for rec_id, named in by_recommendation.items():
        # The same as asking each entry's citations about this recommendation, entry by entry.
        assert named == [(entry, columns) for entry, places in citations.items()
                         if (columns := [c.column for c in places if c.recommendation == rec_id and c.column])]
    assert 1 not in by_recommendation  # recommendation 1's text names no entry
    assert len(by_recommendation) > 5


@pytest.mark.parametrize(("old", "new", "at", "message"), [
    ("  kind: legislation\n  publisher: null\n  date: null\n", "  kind: law\n  publisher: null\n  date: null\n",
     "  kind: law", "children-act-2004: kind must be one of guidance, legislation, report, web page"),
    ("  - ASCL Bill\n", "  - ASCL Bill\n  - Children Act 2004\n", "- id: ascl-act-2009",
     "ascl-act-2009: 'Children Act 2004' already names 'children-act-2004'"),
    ("    given_in: one-year-on\n", "    given_in: one-year\n", "    given_in: one-year\n",
     "nsdu-interim-progress-report: urls[0]: given_in must be the key of the source document"),
    ("  - url: http://www.dcsf.gov.uk/nsdu\n", "  - url: www.dcsf.gov.uk/nsdu\n", "  - url: www.dcsf.gov.uk/nsdu",
     "nsdu-interim-progress-report: urls[0]: url must be an http"),
    ("    given_in: one-year-on\n", "    given-in: one-year-on\n", "    given-in:",
     "nsdu-interim-progress-report: urls[0]: unknown field 'given-in'"),
    ("- id: children-act-2004\n", "- id: Children\n", "- id: Children", "'id' must be lower-case words"),
    ("  title: Children Act 2004\n", "  title: Children <b>Act</b> 2004\n", "  title: Children <b>",
     "children-act-2004: 'title' must be one line of plain text"),
])
def test_register_mistakes_name_file_line_and_entry(small_site: Path, small_data: SiteData, old: str, new: str,
                                                    at: str, message: str) -> None:
    path = small_site / "cross_refs/guidance.yaml"
    edit(path, old, new)
    problems = Problems()
    load_register(path, NAME, small_data.documents, problems)
    line = line_of(path, at.rstrip("\n"))
    errors = [str(e) for e in problems.errors]
    assert any(e.startswith(f"{NAME}:{line}: ") and message in e for e in errors), (line, errors)


def test_a_citing_document_date_the_archive_rule_cannot_read_asks_for_an_archive_date(
        root: Path, tmp_path: Path, data: SiteData) -> None:
    # The date is read as the home page's status line reads it (base.dates): "spring 2010" is no date.
    documents = {**data.documents, "chief-adviser": replace(data.documents["chief-adviser"], date="spring 2010")}
    path = tmp_path / "guidance.yaml"
    shutil.copy(root / "cross_refs/guidance.yaml", path)
    problems = Problems()
    register = load_register(path, NAME, documents, problems)
    assert register.entries["laming-progress-report"].links[0].archive is None
    assert any("laming-progress-report: urls[0]: the date of 'chief-adviser' in documents.yaml ('spring 2010') is "
               "not a date such as '17 March 2010': give this url an archive_date" in str(e) for e in problems.errors)
