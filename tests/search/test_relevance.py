"""Search relevance on the real site: held-aside figures in both engines, identical lists, snippets, size.

The browser's engine is overrides/assets/javascripts/search/worker.js run in Node (tests/search/
run_worker.js) on the same search_index.json that `build.py search` reads.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.search_quality import RUNNER, WORKER, report  # noqa: E402
from benchmarks.site_stats import text_stats  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the search worker")


@pytest.fixture(scope="module")
def figures(built_site):
    return report(built_site)


def test_held_aside_questions_meet_the_bar_in_both_engines(figures):
    for engine in ("cli", "browser"):
        held = figures["sets"]["held-aside"][engine]
        assert held["questions"] >= 30
        assert held["success@5"] >= 0.95, (engine, held)
        assert held["success@1"] >= 0.75, (engine, held)


def test_both_engines_list_the_same_pages(figures):
    assert figures["differ"] == []


def worker_answer(site: Path, query: str) -> list:
    out = subprocess.run(["node", str(RUNNER), str(WORKER), str(site / "search" / "search_index.json")],
                         input=json.dumps([query]), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["results"][0]["items"]


def test_snippet_is_short_and_shows_a_match_far_into_the_section(built_site):
    # "substance misuse" ends rec 13's progress update, more than 300 characters in.
    items = worker_answer(built_site, "substance misuse domestic violence mental illness")
    progress = "recommendations/13.html#rec-13-progress"
    best = next(item for group in items for item in group if item["location"] == progress)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    section = next(d for d in index["docs"] if d["location"] == best["location"])
    assert section["text"].find("substance misuse") > 300
    text = re.sub(r"</?mark>", "", best["text"])
    assert len(text) <= 160, text
    assert "<mark>substance</mark> <mark>misuse</mark>" in best["text"]


def test_the_index_stays_within_one_and_a_half_times_the_text(built_site):
    size = (built_site / "search" / "search_index.json").stat().st_size
    assert size <= 1.5 * text_stats(built_site).indexed_text_bytes


def test_fast_tokenizer_gives_the_words_materials_tokenizer_gives(built_site):
    from safeguarding_site.search.engine import compile_separator, tokenize
    from safeguarding_site.search.site_search import fast_tokenize

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    separator = compile_separator(index["config"]["separator"])
    for doc in index["docs"]:
        for name in ("title", "text", "keywords"):
            if doc.get(name) is not None:
                assert fast_tokenize(doc[name], separator) == tokenize(doc[name], separator), doc["location"]


def test_cli_snippets_fit_in_160_characters(built_site):
    from safeguarding_site.search.results import hits
    from safeguarding_site.search.site_search import SiteSearch

    engine = SiteSearch.from_site(built_site)
    found = hits(engine, built_site, "substance misuse domestic violence", 10)
    assert found and all(len(hit.snippet) <= 160 for hit in found)
    assert any("substance misuse" in hit.snippet for hit in found)
