"""The glossary: every abbreviation the sources use is listed, with the expansion the sources print, or none."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from editing import edit, line_of
from safeguarding_site.base.errors import Problems
from safeguarding_site.data.glossary import (
    Glossary,
    abbreviation_definitions,
    append_abbreviations,
    check_page_sources,
    load_glossary,
)
from safeguarding_site.data.site_data import SiteData
from safeguarding_site.pages.glossary import GLOSSARY, glossary_page
from safeguarding_site.text.blocks import comparable, page_anchors
from safeguarding_site.text.front_matter import document_key
from source_pages import source_pages

NAME = "cross_refs/glossary.yaml"
# Upper-case words in the sources that are not abbreviations, and why.
NOT_ABBREVIATIONS = {
    "ED", "BALLS",  # "ED BALLS MP": the signature printed in capitals
    "PROGRESS", "REPORT", "ON", "SAFEGUARDING",  # "PROGRESS REPORT ON SAFEGUARDING": the 2008 letter's subject line
    "SW1A", "SW1P", "OPW",  # postcodes ("SW1A OPW" has a letter O for a zero)
    "ContactPoint",  # a system's name, written in camel case
}
# A word with two capitals or a capital after a lower-case letter: LSCB, C4EO, CfH, IdeA, eCAF, MoJ, A&E.
_ABBREVIATION = re.compile(
    r"(?<![\w&])(?=[\w&]*[A-Z][\w&]*[A-Z]|[a-z]+[A-Z])[A-Za-z][A-Za-z0-9&]*(?:\([A-Z]+\))?(?![\w&])")
_NOT_TEXT = re.compile(r"(?:https?://|www\.)\S+|\]\([^)]*\)|\{[^{}\n]*\}|<[^>\n]*>|^---\n.*?\n---\n", re.DOTALL)


# About what the site publishes, and marked real_content, but for the editor's-mistake tests at the end.


@pytest.mark.real_content
def test_every_abbreviation_in_the_sources_is_in_the_glossary(glossary: Glossary, data: SiteData,
                                                              pages: dict[str, str]) -> None:
    texts = [*pages.values()] + [rec.column(c) for rec in data.recommendations
                                 for c in ("recommendation", "response_2009", "progress_2010")]
    used = {word for text in texts for word in _ABBREVIATION.findall(_NOT_TEXT.sub(" ", text))}
    listed = {form for term in glossary.terms for form in term.forms}
    assert used - NOT_ABBREVIATIONS - listed == set()
    # And the glossary lists nothing the sources do not use. "HMI Probation" is two words; Cafcass and
    # Ofsted are abbreviations written as names, which the pattern above cannot tell from words.
    written_as_words = {"HMI Probation", "Cafcass", "Ofsted"}
    assert all(re.search(rf"\b{re.escape(w)}\b", " ".join(texts)) for w in written_as_words)
    assert listed - used - written_as_words == set()


@pytest.mark.real_content
def test_page_quotes_occur_on_their_pages(glossary: Glossary, pages: dict[str, str]) -> None:
    assert check_page_sources(glossary, pages, NAME) == []


@pytest.mark.real_content
def test_expansions_come_from_the_sources_and_unexpanded_terms_get_none(glossary: Glossary) -> None:
    terms = {t.term: t for t in glossary.terms}
    assert terms["LSCB"].expansion == "Local Safeguarding Children Board"
    assert terms["LSCB"].other_forms == ("LSCBs",)
    assert terms["LSCB"].source is not None and terms["LSCB"].source.recommendation == 19
    # The brief names Cafcass; the sources never expand it, so neither do we.
    for unexpanded in ("Cafcass", "NHS", "DH", "NSPCC", "Ofsted", "NDSU", "LCSB"):
        assert terms[unexpanded].expansion is None and terms[unexpanded].source is None
    for term in glossary.terms:
        if term.source:
            assert comparable(term.expansion or "") in comparable(term.source.quote)


@pytest.mark.real_content
def test_abbr_definitions_cover_every_form_of_expanded_terms_only(glossary: Glossary) -> None:
    definitions = abbreviation_definitions(glossary)
    lines = definitions.splitlines()
    assert "*[LSCB]: Local Safeguarding Children Board" in lines
    assert "*[LSCBs]: Local Safeguarding Children Board" in lines
    assert "*[A&E]: Accident and Emergency" in lines
    assert not any(line.startswith(("*[Cafcass]", "*[NHS]", "*[NDSU]")) for line in lines)
    assert len(lines) == sum(len(t.forms) for t in glossary.terms if t.expansion)
    assert abbreviation_definitions(glossary) == definitions  # deterministic


@pytest.mark.real_content
def test_appended_definitions_become_tooltips_in_the_html(glossary: Glossary) -> None:
    page = "The LSCBs and the NSDU met. Cafcass attended. A&E staff too.\n\n- a list item about SCRs"
    html = markdown.markdown(append_abbreviations(page, abbreviation_definitions(glossary)),
                             extensions=["abbr", "attr_list"])
    assert '<abbr title="Local Safeguarding Children Board">LSCBs</abbr>' in html
    assert '<abbr title="National Safeguarding Delivery Unit">NSDU</abbr>' in html
    assert '<abbr title="Accident and Emergency">A&amp;E</abbr>' in html
    assert '<abbr title="Serious Case Review">SCRs</abbr>' in html
    assert "Cafcass attended" in html and "*[" not in html
    assert append_abbreviations(page, "") == page


@pytest.mark.real_content
def test_glossary_page_lists_each_term_with_a_working_source_link(glossary: Glossary, data: SiteData,
                                                                  pages: dict[str, str]) -> None:
    md = glossary_page(glossary, pages, data.documents)
    assert "LSCB, LSCBs { #lscb }\n:   Local Safeguarding Children Board" in md
    assert "Cafcass { #cafcass }\n:   *Not expanded in the sources.*" in md
    assert "[One Year On, paragraph 64](../one-year-on/chapter-2.md#para-64)" in md
    assert "[Recommendation 19, the progress update (March 2010)](../recommendations/19.md#rec-19-progress)" in md
    for target, anchor in re.findall(r"\]\(\.\./([^)#]+)#([^)]+)\)", md):
        if not target.startswith("recommendations/"):
            assert anchor in page_anchors(pages[target]), (target, anchor)
    html = markdown.markdown(md.split("---\n", 2)[2], extensions=["def_list", "attr_list", "abbr"])
    assert '<dt id="lscb">LSCB, LSCBs</dt>' in html
    assert GLOSSARY == "glossary/index.md"


@pytest.mark.parametrize(("old", "new", "needle", "offset", "message"), [
    ("    quote: The cross-Government National Safeguarding Delivery Unit (NSDU)\n",
     "    quote: The cross-Government National Safeguarding Delivery Unit\n",
     "quote: The cross-Government", 0, "NSDU: the quote must contain both 'NSDU' and its expansion"),
    ("- term: Cafcass\n  expansion: null\n",
     "- term: Cafcass\n  expansion: null\n  source:\n    page: x.md\n    quote: Cafcass\n",
     "- term: Cafcass", 2, "Cafcass: an abbreviation with 'expansion: null' has no source"),
    ("- term: NHS\n", "- term: Cafcass\n", "- term: NHS", 0, "Cafcass: 'Cafcass' is already listed"),
    ("quote: asking all Primary Care Trusts (PCTs) and Trust Boards to assure",
     "quote: asking all Primary Care Trusts (PCTs) and Trust Boards to ensure",
     "quote: asking all Primary Care Trusts", 0, "PCTs: quote 'asking all Primary Care Trusts (PCTs) and Trust Boards"),
    ("  expansion: National Safeguarding Delivery Unit\n",
     "  expansion: National Safeguarding Delivery Unit\n  expanded: yes\n",
     "expansion: National Safeguarding Delivery Unit", 1, "NSDU: unknown field 'expanded'"),
])
def test_mistakes_name_file_line_and_term(small_site: Path, small_data: SiteData, old: str, new: str,
                                          needle: str, offset: int, message: str) -> None:
    path = small_site / "cross_refs/glossary.yaml"
    line = line_of(path, needle) + offset
    edit(path, old, new)
    problems = Problems()
    load_glossary(path, NAME, small_data.recommendations, problems)
    errors = [str(e) for e in problems.errors]
    assert any(e.startswith(f"{NAME}:{line}: ") and message in e for e in errors), (line, errors)


def test_a_page_quote_that_is_not_on_the_page_is_reported(small_site: Path, small_data: SiteData) -> None:
    path = small_site / "cross_refs/glossary.yaml"
    edit(path, "quote: The cross-Government National Safeguarding Delivery Unit (NSDU)",
         "quote: The National Safeguarding Delivery Unit (NSDU)")
    pages = {page: text for page, text in source_pages(small_site).items() if document_key(text)}
    problems = Problems()
    errors = check_page_sources(load_glossary(path, NAME, small_data.recommendations, problems), pages, NAME)
    assert problems.errors == []
    assert [str(e) for e in errors] == [
        f"{NAME}:{line_of(path, '- term: NSDU')}: NSDU: quote 'The National Safeguarding Delivery Unit (NSDU)'… does "
        "not occur in one-year-on/chapter-1.md: copy the words exactly from that page"]
