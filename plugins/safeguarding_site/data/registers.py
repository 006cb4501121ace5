"""The registers beside the recommendations: glossary.yaml, guidance.yaml and organisations.yaml, loaded together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base.errors import Problems
from .glossary import Glossary, load_glossary
from .guidance import Register, load_register
from .organisations import Organisations, load_organisations
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
            for key, keys, line in (("addressed_to", rec.addressed_to, rec.addressed_to_line),
                                    ("also_concerns", rec.also_concerns, rec.also_concerns_line)):
                unknown = [k for k in keys or () if k not in known]
                if unknown:
                    problems.add(name("recommendations.yaml"), f"{key}: {', '.join(map(repr, unknown))} not a "
                                 f"key in {ORGANISATIONS_FILE} (known: {', '.join(sorted(known))})",
                                 line=line, entry=f"recommendation {rec.id}")
    problems.raise_if_any()
    return CrossLinkData(glossary, register, organisations, name(GLOSSARY_FILE))
