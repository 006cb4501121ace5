"""The pages made from the registers: glossary, supporting guidance, "who must act" and open data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..base.errors import DataError
from ..data.glossary import abbreviation_definitions, check_page_sources
from ..data.organisations import Addressees, who_must_act
from ..data.registers import CrossLinkData
from ..data.site_data import SiteData
from ..linking.citations import Citation, columns_by_recommendation, find_citations
from .glossary import glossary_pages
from .guidance import guidance_section, supporting_guidance_pages
from .open_data import open_data_files
from .organisations import organisation_pages, who_must_act_section


@dataclass(frozen=True)
class CrossLinks:
    generated: dict[str, str]  # path under docs/ -> content: Markdown pages, data files, the filter script
    who_must_act_sections: dict[int, str]  # recommendation id -> its "Who must act" section (Markdown)
    guidance_sections: dict[int, str]  # recommendation id -> its "Supporting guidance" section, or ""
    abbreviations: str  # ``abbr`` definitions to append to every page
    addressees: dict[int, Addressees]
    citations: dict[str, tuple[Citation, ...]]


def build_cross_links(data: SiteData, extra: CrossLinkData, pages: Mapping[str, str], *,
                      use_directory_urls: bool = False) -> tuple[CrossLinks, list[DataError]]:
    """Everything the plugin adds, from the data and the source pages (path under docs/ -> Markdown).

    Returns the result and the problems found in glossary.yaml's page quotes (report them as errors).
    """
    # An editor's ``addressed_to`` list replaces the organisations found in the recommendation's words.
    overrides = {r.id: r.addressed_to for r in data.recommendations if r.addressed_to is not None}
    addressees = who_must_act(data.recommendations, extra.organisations, overrides)
    citations = find_citations(extra.register, data.recommendations, pages, data.documents)
    generated: dict[str, str] = {
        **glossary_pages(extra.glossary, pages, data.documents),
        **supporting_guidance_pages(extra.register, citations, data.documents),
        **organisation_pages(extra.organisations, data.recommendations, addressees),
        **open_data_files(data, extra.organisations, addressees, extra.register, citations, use_directory_urls),
    }
    who = {rec.id: who_must_act_section(rec, addressees[rec.id], extra.organisations) for rec in data.recommendations}
    by_recommendation = columns_by_recommendation(citations)
    guidance = {rec.id: guidance_section(rec, extra.register, citations, data.documents, by_recommendation)
                for rec in data.recommendations}
    links = CrossLinks(generated, who, guidance, abbreviation_definitions(extra.glossary), addressees, citations)
    return links, check_page_sources(extra.glossary, pages, extra.glossary_file)
