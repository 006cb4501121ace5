"""The pages generated from cross_refs/ data, in one place, so that the build and ``build.py check`` agree."""

from __future__ import annotations

from .offline_bundle import DOWNLOAD_PAGE, download_page
from .pages_recommendations import recommendation_pages
from .pages_working_together import working_together_pages
from .site_data import SiteData


def generated_pages(data: SiteData) -> dict[str, str]:
    """Every page that exists only at build time: its path relative to docs/, and its Markdown."""
    return {
        **recommendation_pages(data),
        **working_together_pages(data),
        DOWNLOAD_PAGE: download_page()[0],
    }
