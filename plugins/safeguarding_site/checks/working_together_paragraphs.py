"""Paragraphs recorded in ``implemented_by`` must be paragraphs of the chapter's imported text."""

from __future__ import annotations

import re

from ..base.errors import DataError
from ..data.site_data import RECOMMENDATIONS_FILE, SiteData
from .pages import Site

_ANCHOR = re.compile(r"\{ #para-(\d+)-(\d+) \.numbered \}")


def imported_paragraphs(markdown: str) -> list[str]:
    return [f"{a}.{b}" for a, b in _ANCHOR.findall(markdown)]


def check_implemented_paragraphs(data: SiteData | None, site: Site) -> list[DataError]:
    problems: list[DataError] = []
    if data is None:
        return problems
    name = f"cross_refs/{RECOMMENDATIONS_FILE}"
    for rec in data.recommendations:
        for i, ref in enumerate(rec.implemented_by):
            if not ref.paragraphs:
                continue
            where = f"recommendation {rec.id}: implemented_by[{i}]"
            page = site.pages.get(data.working_together.chapters[ref.chapter].page)
            found = imported_paragraphs(page.markdown) if page is not None else []
            if not found:
                problems.append(DataError(name, f"paragraphs: chapter {ref.chapter}'s text has not been imported, "
                                          "so its paragraphs cannot be checked: run build.py "
                                          "import-working-together first, or remove 'paragraphs'",
                                          line=ref.paragraphs_line, entry=where))
                continue
            for paragraph in ref.paragraphs:
                if paragraph not in found:
                    problems.append(DataError(name, f"paragraphs: {paragraph} is not a paragraph of chapter "
                                              f"{ref.chapter}'s imported text, whose paragraphs run {found[0]}–"
                                              f"{found[-1]}", line=ref.paragraphs_line, entry=where))
    return problems
