"""Where the project is, for tests in any folder under tests/ (the folder holding mkdocs.yml and cross_refs/)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
# A small valid site cut from the real content (see tests/pages/golden/README.md), for unit tests' data.
SMALL_SITE = ROOT / "tests" / "pages" / "golden" / "small_site"
