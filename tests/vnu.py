"""The W3C Nu Html Checker (vnu-jar from npm, pinned in tests/validators/, on the machine's Java).

Shared by the tests that judge built HTML with it. In CI it must run: a missing npm or Java fails there.
What stock Material writes and we leave as it is, with the reason:
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

VALIDATORS = Path(__file__).resolve().parent / "validators"
JAR = VALIDATORS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STOCK_MATERIAL = ("Attribute “autocomplete” is only allowed when the input type is",)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the HTML validity test must run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def jar() -> Path:
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
