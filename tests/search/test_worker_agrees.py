"""The browser's search worker and `build.py search` agree: same pages, same order, partial strings included.

overrides/assets/javascripts/search/worker.js is lunr.js 2.3.9, unchanged, followed by our code; the lunr
part is pinned by its SHA-256 so that an edit to it cannot slip in unnoticed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from safeguarding_site.search.site_search import SiteSearch

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search" / "worker.js"
RUNNER = Path(__file__).with_name("run_worker.js")
LUNR_SHA256 = "9431726f05c0eae2a6e54dc197709422869f25cad44f2430d2fb7ddae80cc717"
OURS = "\n/* ---------------------------------------------------------------------------------------------------\n"

# Typed one key at a time, as Material searches on every keystroke.
TYPED = ["child being seen alone", "rec 3", "SCR panel", "safegaurding board", '"serious case" review',
         "multi-agency training", "pediatrician", "organis*", "Accident and Emergency "]


def test_the_vendored_lunr_is_unchanged():
    text = WORKER.read_text(encoding="utf-8")
    start = text.index("/**\n * lunr - http://lunrjs.com")
    lunr = text[start:text.index(OURS)]
    assert hashlib.sha256(lunr.encode("utf-8")).hexdigest() == LUNR_SHA256


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the search worker")
def test_every_keystroke_lists_the_same_pages(built_site):
    strings = sorted({query[:n] for query in TYPED for n in range(1, len(query) + 1)})
    out = subprocess.run(["node", str(RUNNER), str(WORKER), str(built_site / "search" / "search_index.json")],
                         input=json.dumps(strings), capture_output=True, text=True, check=True)
    engine = SiteSearch.from_site(built_site)
    for result in json.loads(out.stdout)["results"]:
        in_worker = [next(i["location"] for i in group if "#" not in i["location"]) for group in result["items"]]
        in_python = [group.page for group in engine.search(result["query"])]
        assert in_worker == in_python, result["query"]
        # Each page's entries in the same order too (the first is the one the dialog shows).
        assert [[i["location"] for i in g] for g in result["items"]] == \
            [[i.location for i in g.items] for g in engine.search(result["query"])], result["query"]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the search worker")
def test_python_stems_every_word_of_the_site_as_lunr_js_does(built_site):
    from safeguarding_site.search.stemmer import stem

    words = sorted(SiteSearch.from_site(built_site).words | {"trying", "day", "ies", "sses", "y", "organizations"})
    script = ("const fs=require('fs'),vm=require('vm');const c={console};c.self=c;vm.createContext(c);"
              "vm.runInContext(fs.readFileSync(process.argv[1],'utf8'),c);const lunr=vm.runInContext('lunr',c);"
              "const words=JSON.parse(fs.readFileSync(0,'utf8'));"
              "process.stdout.write(JSON.stringify(words.map(w=>lunr.stemmer(new lunr.Token(w)).toString())))")
    out = subprocess.run(["node", "-e", script, str(WORKER)], input=json.dumps(words), capture_output=True,
                         text=True, check=True)
    differ = [(w, js) for w, js in zip(words, json.loads(out.stdout), strict=True) if stem(w) != js]
    assert differ == []
