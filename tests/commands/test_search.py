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
    # Recommendation 12's title holds the words, so its page comes first with no snippet to mark; the
    # passages that hold them come next, with the words marked in their snippets.
    marked = [r["snippet"][a:b].lower() for r in results for a, b in r["highlights"]]
    assert "accident" in marked and "emergency" in marked


def test_text_output_shows_title_location_and_highlighted_snippet(bundled_site, capsys):
    assert main(["Accident and Emergency", "--limit", "2", "--site-dir", str(bundled_site)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Recommendation 12")
    assert "recommendations/12.html" in out
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


@pytest.fixture()
def small_site(tmp_path, bundled_site):
    """A built site's search index reduced to two entries (the real index's config, so the engine reads it)."""
    real = json.loads((bundled_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    index = tmp_path / "site" / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": real["config"], "docs": real["docs"][:2]}), encoding="utf-8")
    return tmp_path / "site"


@pytest.mark.parametrize("query", ["child^x", "child~x", "child:", "^~*+-:\"", "x" * 10_000])
def test_a_query_with_search_syntax_or_noise_is_answered_not_a_traceback(small_site, capsys, query):
    """The query pipeline (search/query.py) reads what people type as words: lunr's syntax never reaches
    lunr's parser, so what once stopped `build.py search` with a traceback is a plain search."""
    assert main([query, "--site-dir", str(small_site)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out


@pytest.mark.parametrize("keep", [0.0, 0.5, 0.99])
def test_a_truncated_index_is_one_line(small_site, capsys, keep):
    index = small_site / "search" / "search_index.json"
    data = index.read_bytes()
    index.write_bytes(data[: int(len(data) * keep)])
    assert main(["child", "--site-dir", str(small_site)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"search: {index} is damaged (not valid JSON at line 1, column ")
    assert err.strip().endswith("build the site again (python build.py build)") and len(err.splitlines()) == 1


def test_an_index_that_is_not_materials_is_one_line(small_site, capsys):
    (small_site / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")
    assert main(["child", "--site-dir", str(small_site)]) == 1
    assert "is damaged (no 'config' in it)" in capsys.readouterr().err
