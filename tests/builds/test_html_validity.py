"""The W3C Nu Html Checker (vnu, from npm, on the machine's Java) over every page of the built site.

Zero errors of our own making. What stock Material writes and we leave as it is, with the reason:
- ``autocomplete="off"`` on its hidden toggle checkboxes (drawer, search), in its base.html: Material sets
  it so that Firefox does not restore an open drawer or search box when a reader comes back to a page.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VALIDATORS = Path(__file__).resolve().parents[1] / "validators"
JAR = VALIDATORS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STOCK_MATERIAL = ("Attribute “autocomplete” is only allowed when the input type is",)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the HTML validity test must run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if not JAR.is_file():
        npm = shutil.which("npm")
        if npm is None:
            _unavailable("npm is not installed, so vnu-jar cannot be installed")
        result = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=VALIDATORS, capture_output=True,
                                text=True)
        if result.returncode != 0 or not JAR.is_file():
            _unavailable(f"npm ci in {VALIDATORS} failed: {result.stderr[-500:]}")
    if shutil.which("java") is None:
        _unavailable("java is not installed (vnu runs on it)")
    return JAR


def vnu_errors(jar: Path, site: Path) -> list[dict]:
    result = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True)
    return [m for m in json.loads(result.stderr)["messages"] if m["type"] == "error"]


def ours(errors: list[dict]) -> list[str]:
    return [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors
            if not m["message"].startswith(STOCK_MATERIAL)]


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
