"""Shared fixtures: paths, a copy of the project to edit, and one real build of the site per test session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from project_paths import ROOT, SMALL_SITE

if TYPE_CHECKING:
    from safeguarding_site.data.registers import CrossLinkData
    from safeguarding_site.data.site_data import SiteData

# The package is imported inside the fixtures that use it, so that a broken module fails the tests that
# need it, not the collection of every test.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regenerate-golden", action="store_true", default=False,
                     help="write the generated pages of tests/pages/golden/*/ as their new expected files")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# What `mkdocs build` and `build.py check` read.
BUILD_INPUTS = ("cross_refs", "docs", "overrides", "mkdocs.yml")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A copy of everything the build reads, in tmp_path/project, for an editor's changes to be made in."""
    copy = tmp_path / "project"
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, copy / name)
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy(ROOT / name, copy / name)
    return copy


@pytest.fixture()
def small_site(tmp_path: Path) -> Path:
    """A copy of the small site's cross_refs/ and docs/ in tmp_path/small_site: valid data to build on or break."""
    copy = tmp_path / "small_site"
    for name in ("cross_refs", "docs"):
        shutil.copytree(SMALL_SITE / name, copy / name)
    return copy


@pytest.fixture(scope="session")
def small_data() -> SiteData:
    """The small site's core data (read only: copy it with the small_site fixture to change it)."""
    from safeguarding_site.data.site_data import load_site_data

    return load_site_data(SMALL_SITE / "cross_refs", display_root=SMALL_SITE)


@pytest.fixture(scope="session")
def small_registers(small_data: SiteData) -> CrossLinkData:
    """The small site's glossary, guidance register and organisations."""
    from safeguarding_site.data.registers import load_cross_link_data

    return load_cross_link_data(SMALL_SITE / "cross_refs", small_data, display_root=SMALL_SITE)


# The live content, for the tests marked real_content: those about what the site publishes.
@pytest.fixture(scope="session")
def real_data() -> SiteData:
    from safeguarding_site.data.site_data import load_site_data

    return load_site_data(ROOT / "cross_refs", display_root=ROOT)


@pytest.fixture(scope="session")
def real_registers(real_data: SiteData) -> CrossLinkData:
    from safeguarding_site.data.registers import load_cross_link_data

    return load_cross_link_data(ROOT / "cross_refs", real_data, display_root=ROOT)


@pytest.fixture(scope="session")
def real_document_pages() -> dict[str, str]:
    """The live pages of the five documents (those whose front matter names one), as the registers read them."""
    from safeguarding_site.text.front_matter import document_key
    from source_pages import source_pages

    return {path: text for path, text in source_pages(ROOT).items() if document_key(text)}


@pytest.fixture(scope="session")
def bundled_site() -> Path:
    """The real site as `build.py bundle` publishes it (built once per session by offline_support)."""
    from offline_support import bundled  # here, not above: only the tests that need the bundle load its code

    return bundled().site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site
