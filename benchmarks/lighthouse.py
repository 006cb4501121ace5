"""Lighthouse scores of six pages, mobile and desktop (issue 15), from a built site served gzipped.

    python3 build.py check && .venv/bin/python build.py bundle --site-dir /tmp/site   # build first
    (cd benchmarks/lighthouse && npm ci)                                             # once: Lighthouse 12.2.3
    .venv/bin/python -m benchmarks.lighthouse --site-dir /tmp/site                   # 6 pages × 2 × 3 runs

It builds nothing: it serves the given site folder on 127.0.0.1 with gzip (as any real host would; Python's
http.server does not compress, and Lighthouse would then blame the text size on us), runs Lighthouse on
Debian's Chromium for each page, form factor and run, prints the median score of each category and writes
the table into benchmarks/results.md between the Lighthouse markers (text outside them is kept).
Runs take turns (every page and form factor once, then again), so that a slow minute on the shared machine
falls on all of them alike. The audits that cost points are listed under the table.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results.md"
LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
START, END = "<!-- lighthouse figures: start -->", "<!-- lighthouse figures: end -->"

PAGES = {
    "Home": "index.html",
    "Recommendation 12": "recommendations/12.html",
    "Chapter 5": "working-together/chapter-5.html",
    "Guide": "guide/index.html",
    "Annex A": "one-year-on/annex-a.html",
    "Who must act": "organisations/index.html",
}
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = {"accessibility": "Accessibility", "best-practices": "Best practices", "seo": "SEO",
              "performance": "Performance"}
# Targets of issue 15: category -> (minimum, form factors it applies to).
TARGETS = {"accessibility": (0.95, FORM_FACTORS), "best-practices": (0.95, FORM_FACTORS),
           "seo": (0.95, FORM_FACTORS), "performance": (0.9, ("mobile",))}
# The flags of tests/browser/conftest.py: without the background-networking ones Chromium calls Google's
# servers while it is measured.
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map")


class GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site as a host would: text compressed with gzip when the browser accepts it."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript"}

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the stdlib's redirect to the folder's URL
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Bytes(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Bytes:
    """What send_head returns: copyfile reads it like a file."""

    def __init__(self, data: bytes) -> None:
        self._data, self._done = data, False

    def read(self, size: int = -1) -> bytes:
        if self._done:
            return b""
        self._done = True
        return self._data

    def close(self) -> None:
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@dataclass
class Page:
    name: str
    path: str
    scores: dict[str, dict[str, list[float]]] = field(default_factory=dict)  # form factor -> category -> runs
    # form factor -> audit title -> how many runs it cost points in (score below 1)
    failing: dict[str, dict[str, int]] = field(default_factory=dict)

    def median(self, form: str, category: str) -> float | None:
        runs = self.scores.get(form, {}).get(category)
        return statistics.median(runs) if runs else None


def run_lighthouse(url: str, form: str, out: Path, chrome: str, timeout: int) -> dict:
    command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={out}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, timeout=timeout, env={**os.environ, "CHROME_PATH": chrome},
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return json.loads(out.read_text(encoding="utf-8"))


def record(page: Page, form: str, report: dict) -> None:
    for key, category in report["categories"].items():
        if category["score"] is not None:
            page.scores.setdefault(form, {}).setdefault(key, []).append(category["score"])
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            # Only audits that weigh in the score and lost points; the informative ones have no weight.
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                title = f"{CATEGORIES[key]}: {audit['title']} (`{ref['id']}`)"
                failing = page.failing.setdefault(form, {})
                failing[title] = failing.get(title, 0) + 1


def verdicts(pages: list[Page]) -> list[str]:
    lines = []
    for key, (minimum, forms) in TARGETS.items():
        for form in forms:
            medians = [m for p in pages if (m := p.median(form, key)) is not None]
            if not medians:
                continue
            low = min(medians)
            met = "met" if low >= minimum else "NOT met"
            lines.append(f"- {CATEGORIES[key]} ≥ {minimum:.2f} on {form}: {met} (lowest median {low:.2f}).")
    return lines


def markdown(pages: list[Page], runs: int, context: str) -> str:
    head = "| Page | Form factor | " + " | ".join(CATEGORIES.values()) + " |"
    rows = [head, "| " + " | ".join(["---"] * (2 + len(CATEGORIES))) + " |"]
    for page in pages:
        for form in FORM_FACTORS:
            cells = [f"{m:.2f}" if (m := page.median(form, key)) is not None else "n/a" for key in CATEGORIES]
            rows.append(f"| {page.name} (`{page.path}`) | {form} | " + " | ".join(cells) + " |")
    lost = []
    for form in FORM_FACTORS:
        counts: dict[str, list[str]] = {}
        for page in pages:
            for title, n in page.failing.get(form, {}).items():
                counts.setdefault(title, []).append(f"{page.name}{'' if n == runs else f' ({n}/{runs})'}")
        for title in sorted(counts):
            lost.append(f"- {form}, {title}: {', '.join(counts[title])}")
    return "\n".join([
        f"Median of {runs} run{'s' if runs != 1 else ''} per page and form factor. {context}", "",
        *rows, "", "Targets:", "", *verdicts(pages), "",
        "Audits that cost points (in every run unless a count is given):", "",
        *(lost or ["- none"]),
    ])


def context_line(chrome: str, load_start: str) -> str:
    try:
        version = subprocess.run([chrome, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        version = chrome
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True,
                               text=True, check=True).stdout
        commit += " + uncommitted changes" if dirty.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    load = "/".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, Lighthouse 12.2.3 on {version}, "
            f"{os.cpu_count()} cores, load average {load_start} at the start and {load} at the end "
            "(performance scores move with the load; the other three do not).")


def write_results(path: Path, figures: str) -> None:
    """Put ``figures`` between the Lighthouse markers in ``path``, keeping whatever is written outside them."""
    block = f"{START}\n{figures}\n{END}"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        before, rest = text.split(START, 1)
        path.write_text(before + block + rest.split(END, 1)[1], encoding="utf-8")
    else:
        heading = "## Lighthouse (issue 15)\n\nWritten by `python -m benchmarks.lighthouse`.\n\n"
        path.write_text(text.rstrip("\n") + "\n\n" + heading + block + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.lighthouse", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default site/)")
    p.add_argument("--runs", type=int, default=3, help="runs per page and form factor (default 3)")
    p.add_argument("--forms", default=",".join(FORM_FACTORS), help="mobile,desktop (default both)")
    p.add_argument("--pages", help="only these page paths, comma-separated (default the six)")
    p.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    p.add_argument("--timeout", type=int, default=300, help="seconds for one Lighthouse run")
    p.add_argument("--reports", type=Path, help="keep every JSON report in this folder")
    p.add_argument("--out", type=Path, default=RESULTS, help="the results file (default benchmarks/results.md)")
    p.add_argument("--no-write", action="store_true", help="print the table only")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"lighthouse: no built site at {args.site_dir} (build it first: build.py build --site-dir ...)",
              file=sys.stderr)
        return 2
    if not LIGHTHOUSE.is_file():
        print(f"lighthouse: {LIGHTHOUSE} is missing: run `npm ci` in benchmarks/lighthouse", file=sys.stderr)
        return 2
    wanted = args.pages.split(",") if args.pages else list(PAGES.values())
    pages = [Page(name, path) for name, path in PAGES.items() if path in wanted]
    forms = [f for f in args.forms.split(",") if f in FORM_FACTORS]
    load_start = "/".join(f"{x:.1f}" for x in os.getloadavg())
    server, base = serve(args.site_dir)
    reports = args.reports or Path(tempfile.mkdtemp(prefix="lighthouse-"))
    reports.mkdir(parents=True, exist_ok=True)
    try:
        for run in range(1, args.runs + 1):
            for form in forms:
                for page in pages:
                    out = reports / f"{page.path.replace('/', '_')}-{form}-{run}.json"
                    started = time.monotonic()
                    try:
                        report = run_lighthouse(base + page.path, form, out, args.chrome, args.timeout)
                    except (subprocess.SubprocessError, OSError, ValueError) as error:
                        print(f"[run {run}] {form} {page.path}: failed: {error}", flush=True)
                        continue
                    record(page, form, report)
                    scores = " ".join(f"{k}={v['score']}" for k, v in report["categories"].items())
                    print(f"[run {run}] {form} {page.path}: {scores} ({time.monotonic() - started:.0f} s)",
                          flush=True)
    finally:
        server.shutdown()
    figures = markdown(pages, args.runs, context_line(args.chrome, load_start))
    print("\n" + figures)
    if not args.no_write:
        write_results(args.out, figures)
        print(f"\nwritten into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
