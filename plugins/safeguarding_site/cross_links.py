"""The glossary, supporting guidance, "who must act" and open data, loaded and built in two calls for the plugin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .addressees import Addressees, Organisations, load_organisations, who_must_act
from .errors import DataError, Problems
from .glossary import Glossary, abbreviation_definitions, check_page_sources, load_glossary
from .guidance import Register, load_register
from .guidance_citations import Citation, columns_by_recommendation, find_citations
from .open_data import open_data_files
from .pages_glossary import glossary_pages
from .pages_guidance import guidance_section, supporting_guidance_pages
from .pages_organisations import FILTER_SCRIPT, ORGANISATION_FILTER_JS, organisation_pages, who_must_act_section
from .site_data import SiteData, display_name

GLOSSARY_FILE = "glossary.yaml"
GUIDANCE_FILE = "guidance.yaml"
ORGANISATIONS_FILE = "organisations.yaml"


@dataclass(frozen=True)
class CrossLinkData:
    glossary: Glossary
    register: Register
    organisations: Organisations
    glossary_file: str  # as error messages name it


@dataclass(frozen=True)
class CrossLinks:
    generated: dict[str, str]  # path under docs/ -> content: Markdown pages, data files, the filter script
    who_must_act_sections: dict[int, str]  # recommendation id -> its "Who must act" section (Markdown)
    guidance_sections: dict[int, str]  # recommendation id -> its "Supporting guidance" section, or ""
    abbreviations: str  # ``abbr`` definitions to append to every page
    addressees: dict[int, Addressees]
    citations: dict[str, tuple[Citation, ...]]


def load_cross_link_data(cross_refs: Path, data: SiteData, *, display_root: Path | None = None) -> CrossLinkData:
    """Load and check glossary.yaml, guidance.yaml and organisations.yaml; raise DataErrors listing every problem."""
    problems = Problems()

    def name(file: str) -> str:
        return display_name(cross_refs / file, display_root)

    guarded = problems.guarded

    glossary = guarded(load_glossary, cross_refs / GLOSSARY_FILE, name(GLOSSARY_FILE), data.recommendations, problems)
    register = guarded(load_register, cross_refs / GUIDANCE_FILE, name(GUIDANCE_FILE), data.documents, problems)
    organisations = guarded(load_organisations, cross_refs / ORGANISATIONS_FILE, name(ORGANISATIONS_FILE), problems)
    if organisations is not None:
        known = set(organisations.organisations)
        for rec in data.recommendations:
            unknown = [k for k in rec.addressed_to or () if k not in known]
            if unknown:
                problems.add(name("recommendations.yaml"), f"addressed_to: {', '.join(map(repr, unknown))} not a "
                             f"key in {ORGANISATIONS_FILE} (known: {', '.join(sorted(known))})",
                             line=rec.addressed_to_line, entry=f"recommendation {rec.id}")
    problems.raise_if_any()
    return CrossLinkData(glossary, register, organisations, name(GLOSSARY_FILE))


def editors_overrides(data: SiteData) -> dict[int, tuple[str, ...]]:
    """The editors' ``addressed_to`` lists by recommendation id: the plugin and ``check`` must pass the same."""
    return {r.id: r.addressed_to for r in data.recommendations if r.addressed_to is not None}


def build_cross_links(data: SiteData, extra: CrossLinkData, pages: Mapping[str, str], *,
                      overrides: Mapping[int, Sequence[str]] | None = None,
                      use_directory_urls: bool = False) -> tuple[CrossLinks, list[DataError]]:
    """Everything the plugin adds, from the data and the source pages (path under docs/ -> Markdown).

    Returns the result and the problems found in glossary.yaml's page quotes (report them as errors).
    ``overrides`` are the editors' ``addressed_to`` lists by recommendation id.
    """
    addressees = who_must_act(data.recommendations, extra.organisations, overrides)
    citations = find_citations(extra.register, data.recommendations, pages, data.documents)
    generated: dict[str, str] = {
        **glossary_pages(extra.glossary, pages, data.documents),
        **supporting_guidance_pages(extra.register, citations, data.documents),
        **organisation_pages(extra.organisations, data.recommendations, addressees),
        FILTER_SCRIPT: ORGANISATION_FILTER_JS,
        **open_data_files(data, extra.organisations, addressees, extra.register, citations, use_directory_urls),
    }
    who = {rec.id: who_must_act_section(rec, addressees[rec.id], extra.organisations) for rec in data.recommendations}
    by_recommendation = columns_by_recommendation(citations)
    guidance = {rec.id: guidance_section(rec, extra.register, citations, data.documents, by_recommendation)
                for rec in data.recommendations}
    links = CrossLinks(generated, who, guidance, abbreviation_definitions(extra.glossary), addressees, citations)
    return links, check_page_sources(extra.glossary, pages, extra.glossary_file)
