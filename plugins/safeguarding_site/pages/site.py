"""The pages generated from cross_refs/ data, in one place, so that the build and ``build.py check`` agree."""

from __future__ import annotations

from ..base.dates import build_moment
from ..data.site_data import SiteData
from .download import DOWNLOAD_PAGE, download_page
from .recommendations import recommendation_pages
from .working_together import working_together_pages


def generated_pages(data: SiteData, offline_bundle: str = "") -> dict[str, str]:
    """Every page that exists only at build time: its path relative to docs/, and its Markdown."""
    return {
        **recommendation_pages(data),
        **working_together_pages(data),
        DOWNLOAD_PAGE: download_page(offline_bundle, build_moment())[0],
    }
