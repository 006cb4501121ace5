"""The W3C Nu Html Checker (vnu, from npm, on the machine's Java) over every page of the built site.

Zero errors of our own making; what stock Material writes and we leave as it is is listed in tests/vnu.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from vnu import jar, ours, vnu_errors


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    return jar()


def test_no_page_has_an_html_error_of_our_own_making(vnu_jar: Path, built_site: Path) -> None:
    errors = vnu_errors(vnu_jar, built_site)
    assert len({m["url"] for m in errors}) > 100 or not errors  # it read every page
    assert ours(errors) == []


def test_the_checker_finds_a_label_with_a_role(vnu_jar: Path, tmp_path: Path) -> None:
    """The errors the header once had are errors to this checker, so the test above can fail."""
    (tmp_path / "page.html").write_text(
        '<!doctype html><html lang="en"><title>t</title><input type="checkbox" id="x">'
        '<label for="x" role="button" tabindex="0" aria-label="Menu">m</label></html>', encoding="utf-8")
    messages = ours(vnu_errors(vnu_jar, tmp_path))
    assert any("“role” attribute must not be used on any “label” element" in m for m in messages), messages
