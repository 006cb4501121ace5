"""Search relevance (issue 14): success@1, success@5 and MRR@10 in both engines, and the CLI's timings.

    .venv/bin/python -m benchmarks.search_quality [--site-dir DIR]   # builds the site unless DIR is given

The questions are tests/search_queries.py (the tuning set) and tests/search_held_aside.py (held aside,
reported apart). A question succeeds at k when any of its pages is among the first k pages listed. The
browser's engine is the site's search worker (overrides/assets/javascripts/search/worker.js) run in Node
on the same search_index.json; the CLI's is search/site_search.py. Needs `node` for the browser column.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from safeguarding_site.search.site_search import SiteSearch  # noqa: E402
from search_held_aside import HELD_ASIDE  # noqa: E402
from search_queries import ALL_QUERIES  # noqa: E402

WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search" / "worker.js"
RUNNER = ROOT / "tests" / "search" / "run_worker.js"


def held_aside() -> dict[str, tuple[str, ...]]:
    return {query: pages for questions in HELD_ASIDE.values() for query, pages in questions.items()}


def first_right(ranked: list[str], pages: tuple[str, ...]) -> int | None:
    for rank, page in enumerate(ranked[:10], start=1):
        if page in pages:
            return rank
    return None


def figures(ranked: dict[str, list[str]], questions: dict[str, tuple[str, ...]]) -> dict[str, float]:
    ranks = [first_right(ranked[q], pages) for q, pages in questions.items()]
    n = len(ranks)
    return {"questions": n,
            "success@1": sum(1 for r in ranks if r == 1) / n,
            "success@5": sum(1 for r in ranks if r is not None and r <= 5) / n,
            "mrr@10": sum(1 / r for r in ranks if r is not None) / n}


def browser_pages(site: Path, queries: list[str]) -> tuple[dict[str, list[str]], dict]:
    node = shutil.which("node")
    if node is None:
        raise SystemExit("search_quality: needs node for the browser's engine")
    out = subprocess.run([node, str(RUNNER), str(WORKER), str(site / "search" / "search_index.json")],
                         input=json.dumps(queries), capture_output=True, text=True, check=True)
    answer = json.loads(out.stdout)
    pages = {r["query"]: [next(i["location"] for i in group if "#" not in i["location"]) for group in r["items"]]
             for r in answer["results"]}
    return pages, answer


def cli_pages(engine: SiteSearch, queries: list[str]) -> tuple[dict[str, list[str]], list[float]]:
    pages, times = {}, []
    for query in queries:
        started = time.perf_counter()
        pages[query] = [group.page for group in engine.search(query)]
        times.append((time.perf_counter() - started) * 1000)
    return pages, times


def build(site: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--site-dir", str(site)], check=True,
                   cwd=ROOT, capture_output=True)


def report(site: Path) -> dict:
    sets = {"held-aside": held_aside(), "tuning": dict(ALL_QUERIES)}
    queries = sorted({q for questions in sets.values() for q in questions})
    started = time.perf_counter()
    engine = SiteSearch.from_site(site)
    load_ms = (time.perf_counter() - started) * 1000
    cli, times = cli_pages(engine, queries)
    browser, answer = browser_pages(site, queries)
    differ = [q for q in queries if cli[q] != browser[q]]
    result = {"load_ms": load_ms, "query_ms_median": statistics.median(times), "query_ms_max": max(times),
              "query_ms_p95": sorted(times)[int(0.95 * (len(times) - 1))],
              "browser_load_ms": answer["load_ms"],
              "browser_query_ms_median": statistics.median(r["ms"] for r in answer["results"]),
              "differ": differ, "sets": {}}
    for name, questions in sets.items():
        result["sets"][name] = {"cli": figures(cli, questions), "browser": figures(browser, questions),
                                "misses": {q: cli[q][:5] for q, pages in questions.items()
                                           if first_right(cli[q], pages) != 1}}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path)
    parser.add_argument("--misses", action="store_true", help="list the questions whose first page is wrong")
    args = parser.parse_args(argv)
    site = args.site_dir
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="search-quality-")) / "site"
        build(site)
    result = report(site)
    print(f"{'set':<11} {'engine':<8} {'n':>4} {'s@1':>6} {'s@5':>6} {'MRR@10':>7}")
    for name, engines in result["sets"].items():
        for engine in ("cli", "browser"):
            f = engines[engine]
            print(f"{name:<11} {engine:<8} {f['questions']:>4} {f['success@1']:>6.3f} {f['success@5']:>6.3f} "
                  f"{f['mrr@10']:>7.3f}")
    print(f"CLI: load {result['load_ms']:.0f} ms, query median {result['query_ms_median']:.1f} ms, "
          f"95th percentile {result['query_ms_p95']:.1f} ms, max {result['query_ms_max']:.1f} ms; "
          f"browser engine (Node): load {result['browser_load_ms']:.0f} ms, "
          f"query median {result['browser_query_ms_median']:.1f} ms")
    print(f"Queries whose ranked pages differ between the engines: {len(result['differ'])} {result['differ'][:5]}")
    if args.misses:
        for name, engines in result["sets"].items():
            for query, top in engines["misses"].items():
                print(f"  [{name}] {query!r}: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
