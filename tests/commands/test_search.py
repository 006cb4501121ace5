"""`build.py search`: the browser's ranking from the command line, as text or JSON, with no network."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from offline_support import ROOT
from safeguarding_site.commands.main import main as build_main

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content


def main(argv):
    return build_main(["search", *argv])


def test_json_lists_recommendation_12_in_the_top_three(bundled_site, capsys):
    assert main(["Accident and Emergency", "--json", "--site-dir", str(bundled_site)]) == 0
    results = json.loads(capsys.readouterr().out)
    assert {"title", "location", "score"} <= set(results[0])
    assert "recommendations/12.html" in [r["page"] for r in results[:3]]
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    first = next(r for r in results if r["page"] == "recommendations/12.html")
    marked = [first["snippet"][a:b].lower() for a, b in first["highlights"]]
    assert "accident" in marked and "emergency" in marked


def test_text_output_shows_title_location_and_highlighted_snippet(bundled_site, capsys):
    assert main(["Accident and Emergency", "--limit", "2", "--site-dir", str(bundled_site)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Recommendation 12")
    assert "recommendations/12.html#" in out
    assert "**Accident** and **Emergency**" in out
    assert "\n3. " not in out


def test_paragraph_entries_get_their_text_as_snippet(bundled_site, capsys):
    assert main(["paragraph 64", "--json", "--limit", "1", "--site-dir", str(bundled_site)]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["location"].endswith("#para-64")
    assert hit["snippet"].startswith("64 ")


def test_no_results_and_missing_index(bundled_site, tmp_path, capsys):
    assert main(["qwertyuiopzz", "--site-dir", str(bundled_site)]) == 0
    assert "No results" in capsys.readouterr().out
    assert main(["anything", "--site-dir", str(tmp_path)]) == 1
    assert "build the site first" in capsys.readouterr().err


def test_build_py_runs_search(bundled_site):
    """The command the issue names, end to end: `python build.py search "Accident and Emergency" --json`."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "search", "Accident and Emergency", "--json",
         "--site-dir", str(bundled_site)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    pages = [r["page"] for r in json.loads(result.stdout)]
    assert "recommendations/12.html" in pages[:3]
