"""Fixtures for the tests that run whole builds in a copy of the project: one copy and one good build a module."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_runs import start_build, tree
from project_copy import copy_project


# Module-scoped, not per test: a build takes a while, so the tests of one module share a copy and its good
# build; each test ends with a good build in the copy, as it checks with tree() and leftovers().
@pytest.fixture(scope="module")
def build_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project for one test module's builds (not the function-scoped ``project`` of tests/)."""
    return copy_project(tmp_path_factory.mktemp("builds") / "project")


@pytest.fixture(scope="module")
def good_site(build_copy: Path) -> dict[str, str]:
    """What an uninterrupted build of ``build_copy`` publishes: every later build must publish the same."""
    build = start_build(build_copy)
    _, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    return tree(build_copy / "site")
