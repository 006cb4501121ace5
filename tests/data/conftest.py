"""Fixtures for the data tests: the live content under the short names they use, loaded once a session."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from safeguarding_site.data.glossary import Glossary
    from safeguarding_site.data.guidance import Register
    from safeguarding_site.data.organisations import Organisations
    from safeguarding_site.data.registers import CrossLinkData
    from safeguarding_site.data.site_data import SiteData


@pytest.fixture(scope="session")
def data(real_data: SiteData) -> SiteData:
    return real_data


@pytest.fixture(scope="session")
def pages(real_document_pages: dict[str, str]) -> dict[str, str]:
    return real_document_pages


@pytest.fixture(scope="session")
def glossary(real_registers: CrossLinkData) -> Glossary:
    return real_registers.glossary


@pytest.fixture(scope="session")
def register(real_registers: CrossLinkData) -> Register:
    return real_registers.register


@pytest.fixture(scope="session")
def organisations(real_registers: CrossLinkData) -> Organisations:
    return real_registers.organisations
