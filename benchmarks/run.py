"""Measure the build (issue 7): the real site, the plugin's own cost, 10× and 100× content, check, serve.

    .venv/bin/python -m benchmarks.run            # the full run (about 30–60 minutes on 2 cores)
    .venv/bin/python -m benchmarks.run --quick    # one round of everything at 1× and 2× (a minute or two)

It works on copies in a temporary folder, never on docs/, cross_refs/ or site/, prints a table and writes
the figures into benchmarks/results.md (between the markers there; text outside them is kept).
Builds run one at a time, and the variants of each scale take turns round by round (A B, B A, …) with
the scales interleaved, so that a slow minute on a shared machine falls on all of them alike; the table
gives medians. The targets are judged on CPU time (user + system of the build and its children), which
a busy machine disturbs far less than wall time; `--metric wall` judges on wall time instead.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.mkdocs_config import add_hook, add_theme_feature, remove_plugin  # noqa: E402
from benchmarks.process_usage import Usage, run_measured  # noqa: E402
from benchmarks.profile_build import Profile, summarise  # noqa: E402
from benchmarks.profile_build import markdown as profile_markdown  # noqa: E402
from benchmarks.scaled_project import ScaledContent, scale_project, snapshot_project  # noqa: E402
from benchmarks.serve_reload import measure_reload  # noqa: E402
from benchmarks.site_stats import SiteStats, TextStats, site_stats, text_stats  # noqa: E402
from benchmarks.targets import Verdict, at_most, marginal_growth  # noqa: E402

PLUGIN = "safeguarding"
HOOK = Path(__file__).resolve().parent / "capture_markdown_hook.py"
BENCH_CONFIG = "mkdocs.bench.yml"
RESULTS = Path(__file__).resolve().parent / "results.md"
START, END = "<!-- benchmark figures: start -->", "<!-- benchmark figures: end -->"
# Variants: the plugin on (as built), the same pages as plain Markdown with the plugin off, and the real
# `build.py build` (check + strict build), which is measured on the real site only.
PLUGIN_ON, PLAIN, BUILD_PY = "plugin", "plain", "build.py build"


@dataclass
class Scale:
    factor: int
    rounds: int
    dir: Path
    content: ScaledContent | None = None
    runs: dict[str, list[Usage]] = field(default_factory=dict)
    stats: dict[str, SiteStats] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)
    check_wall: list[float] = field(default_factory=list)
    nav: str = "in-nav"
    errors: list[str] = field(default_factory=list)

    def variants(self) -> list[str]:
        return [PLUGIN_ON, PLAIN, BUILD_PY] if self.factor == 1 else [PLUGIN_ON, PLAIN]

    def median(self, variant: str, metric: str) -> float | None:
        runs = self.runs.get(variant)
        return statistics.median(getattr(u, metric) for u in runs) if runs else None

    def peak_mb(self, variant: str) -> float | None:
        runs = [u.peak_rss_mb for u in self.runs.get(variant, []) if u.peak_rss_mb is not None]
        return max(runs) if runs else None


def build_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BENCH_CAPTURE_DIR"}
    # A fixed date so that every variant writes the same sitemap; no MkDocs 2 banner in the logs.
    env.update(SOURCE_DATE_EPOCH="1268784000", NO_MKDOCS_2_WARNING="true", **extra)
    return env


def mkdocs_build(config: Path, site: Path) -> list[str]:
    # --no-strict: both variants do the same validation work; a warning is counted, not fatal, so that a
    # half-finished edit elsewhere in the tree does not stop a long run (the real build.py build is strict).
    return [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--clean", "-f", str(config), "-d", str(site)]


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.work = work
        self.logs = work / "logs"
        self.logs.mkdir(parents=True)
        self.snapshot = snapshot_project(ROOT, work / "snapshot")
        self.scales: list[Scale] = []
        self.text: TextStats | None = None
        self.reload_times: list[tuple[float, float | None]] = []
        self.reload_error: str | None = None
        self.check_in_process: float | None = None
        self.profiles: dict[int, Profile] = {}

    def log(self, message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    # --- preparing the projects ------------------------------------------------------------------------

    def prepare(self, scale: Scale) -> None:
        project = scale.dir / PLUGIN_ON
        shutil.copytree(self.snapshot, project, symlinks=True)
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        pruned = self.args.prune or re.search(r"(?m)^\s+- navigation\.prune\s*$", text) is not None
        # Without navigation.prune Material writes the whole navigation into every page, so listing 100
        # sets in it makes each page ~1.7 MB and the build quadratic (hours); "auto" lists the extra sets
        # only up to 10× then, and the report says so.
        in_nav = self.args.nav == "in-nav" or (self.args.nav == "auto" and (pruned or scale.factor <= 10))
        scale.nav = "in-nav" if in_nav or scale.factor == 1 else "hidden"
        scale.content = scale_project(project, scale.factor, in_nav=in_nav)
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
        if self.args.prune:
            text = add_theme_feature(text, "navigation.prune")
            (project / "mkdocs.yml").write_text(text, encoding="utf-8")
        (project / BENCH_CONFIG).write_text(add_hook(text, str(HOOK)), encoding="utf-8")

    def prepare_plain(self, scale: Scale) -> None:
        """The baseline project: the plugin's pages as plain Markdown files, and the plugin off."""
        source, plain = scale.dir / PLUGIN_ON, scale.dir / PLAIN
        shutil.copytree(source, plain, symlinks=True, ignore=shutil.ignore_patterns("docs"))
        shutil.copytree(scale.dir / "capture", plain / "docs")
        for path in (source / "docs").rglob("*"):
            if path.is_file() and path.suffix != ".md":
                target = plain / "docs" / path.relative_to(source / "docs")
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, target)
        text = (source / BENCH_CONFIG).read_text(encoding="utf-8")
        (plain / BENCH_CONFIG).write_text(remove_plugin(text, PLUGIN), encoding="utf-8")

    # --- one build -------------------------------------------------------------------------------------

    def run_variant(self, scale: Scale, variant: str, round_no: int) -> None:
        name = f"{scale.factor}x-{variant.replace(' ', '-').replace('.', '')}-{round_no}"
        log = self.logs / f"{name}.log"
        timeout = self.args.timeout
        if variant == PLUGIN_ON:
            site = scale.dir / "site-plugin"
            command = mkdocs_build(scale.dir / PLUGIN_ON / BENCH_CONFIG, site)
            env = build_env(BENCH_CAPTURE_DIR=str(scale.dir / "capture"))
            shutil.rmtree(scale.dir / "capture", ignore_errors=True)
        elif variant == PLAIN:
            if not (scale.dir / PLAIN).exists():
                self.prepare_plain(scale)
            site = scale.dir / "site-plain"
            command = mkdocs_build(scale.dir / PLAIN / BENCH_CONFIG, site)
            # The same hook runs in both variants (writing to a scratch folder), so it costs both alike.
            env = build_env(BENCH_CAPTURE_DIR=str(scale.dir / "capture-scratch"))
            shutil.rmtree(scale.dir / "capture-scratch", ignore_errors=True)
        else:
            site = scale.dir / "site-build"
            command = [sys.executable, str(ROOT / "build.py"), "--root", str(scale.dir / PLUGIN_ON), "build",
                       "--site-dir", str(site)]
            env = build_env()
        try:
            usage = run_measured(command, cwd=scale.dir / (PLAIN if variant == PLAIN else PLUGIN_ON), env=env,
                                 log=log, timeout=timeout)
        except RuntimeError as exc:
            scale.errors.append(f"{variant} at {scale.factor}×: {exc}")
            self.log(f"{scale.factor}× {variant}: FAILED (see {log})")
            return
        scale.runs.setdefault(variant, []).append(usage)
        scale.warnings[variant] = log.read_text(errors="replace").count("WARNING")
        if variant not in scale.stats:
            scale.stats[variant] = site_stats(site)
        pages = scale.stats[variant].pages
        mem = f"{usage.peak_rss_mb:.0f} MB" if usage.peak_rss_mb is not None else "n/a"
        self.log(f"{scale.factor}× {variant} round {round_no + 1}: {usage.wall:.1f} s wall, {usage.cpu:.1f} s CPU, "
                 f"{mem}, {pages} pages")

    def run_check(self, scale: Scale) -> None:
        command = [sys.executable, str(ROOT / "build.py"), "--root", str(scale.dir / PLUGIN_ON), "check"]
        # Fewer rounds at larger scales, as for the builds: at 100× one check takes minutes.
        for i in range(max(1, math.ceil(self.args.check_rounds / math.sqrt(scale.factor)))):
            try:
                usage = run_measured(command, cwd=scale.dir / PLUGIN_ON, env=build_env(),
                                     log=self.logs / f"{scale.factor}x-check-{i}.log", timeout=self.args.timeout)
            except RuntimeError as exc:
                scale.errors.append(f"build.py check at {scale.factor}×: {exc}")
                return
            scale.check_wall.append(usage.wall)

    def measure_check_in_process(self, project: Path) -> None:
        from safeguarding_site.checks.project import check_project

        check_project(project)  # imports and caches warmed
        times = []
        for _ in range(self.args.check_rounds):
            start = time.perf_counter()
            check_project(project)
            times.append(time.perf_counter() - start)
        self.check_in_process = statistics.median(times)

    def profile(self, scale: Scale) -> None:
        self.log(f"{scale.factor}× plugin build under cProfile")
        out = scale.dir / "build.prof"
        command = [sys.executable, "-m", "cProfile", "-o", str(out), *mkdocs_build(
            scale.dir / PLUGIN_ON / BENCH_CONFIG, scale.dir / "site-profile")[1:]]
        try:
            run_measured(command, cwd=scale.dir / PLUGIN_ON, env=build_env(),
                         log=self.logs / f"{scale.factor}x-profile.log", timeout=self.args.timeout * 3)
        except RuntimeError as exc:
            scale.errors.append(f"profile at {scale.factor}×: {exc}")
            return
        self.profiles[scale.factor] = summarise(out)

    # --- the whole run ---------------------------------------------------------------------------------

    def run(self) -> None:
        for factor in self.args.scales:
            rounds = self.args.rounds if factor == 1 else max(1, math.ceil(self.args.rounds / math.sqrt(factor)))
            scale = Scale(factor, rounds, self.work / f"x{factor}")
            scale.dir.mkdir()
            self.log(f"preparing {factor}× ({rounds} round{'s' * (rounds != 1)})")
            self.prepare(scale)
            self.scales.append(scale)
        # Round-robin over scales; within a scale the variants rotate each round (P B C, B C P, C P B, …);
        # the plugin variant comes first in round 1 because it captures the pages the plain one builds.
        for round_no in range(max(s.rounds for s in self.scales)):
            for scale in self.scales:
                if round_no < scale.rounds:
                    variants = scale.variants()
                    shift = round_no % len(variants)
                    for variant in variants[shift:] + variants[:shift]:
                        if variant == PLAIN and PLUGIN_ON not in scale.runs:
                            continue  # nothing captured to build from
                        self.run_variant(scale, variant, round_no)
        for scale in self.scales:
            self.log(f"{scale.factor}× build.py check")
            self.run_check(scale)
        for scale in self.scales:
            if scale.factor in self.args.profile:
                self.profile(scale)
        real = self.scales[0]
        self.measure_check_in_process(real.dir / PLUGIN_ON)
        if (real.dir / "site-build").exists():
            self.log("measuring the real site's text and search index")
            self.text = text_stats(real.dir / "site-build")
        if self.args.serve_edits:
            self.log(f"serve: timing {self.args.serve_edits} data edit(s)")
            serve_dir = self.work / "serve"
            shutil.copytree(real.dir / PLUGIN_ON, serve_dir, symlinks=True)
            try:
                self.reload_times = measure_reload(serve_dir, edits=self.args.serve_edits, env=build_env(),
                                                   log=self.logs / "serve.log",
                                                   full=self.args.serve_full)
            except (TimeoutError, RuntimeError, OSError) as exc:
                self.reload_error = f"{exc} (see {self.logs / 'serve.log'})"

    # --- the report ------------------------------------------------------------------------------------

    def verdicts(self) -> list[Verdict]:
        metric = self.args.metric
        real = self.scales[0]
        largest = self.scales[-1] if len(self.scales) > 1 else None
        out: list[Verdict] = []

        def overhead(scale: Scale) -> float | None:
            on, off = scale.median(PLUGIN_ON, metric), scale.median(PLAIN, metric)
            return on / off - 1 if on and off else None

        o1 = overhead(real)
        out.append(at_most("Plugin overhead on the real site ≤ 10%", o1, 0.10, _pct(o1)))
        big = next((s for s in self.scales if s.factor == 100), None)
        o100 = overhead(big) if big else None
        out.append(at_most("Plugin overhead at 100× ≤ 20%", o100, 0.20, _pct(o100)))
        if largest:
            f = largest.factor
            t1, tf = real.median(PLUGIN_ON, metric), largest.median(PLUGIN_ON, metric)
            ratio = tf / t1 if t1 and tf else None
            out.append(at_most(f"{f}× content builds in ≤ {1.1 * f:g}× the real site's time", ratio, 1.1 * f,
                               f"{ratio:.1f}×" if ratio else "n/a"))
            mems = {s.factor: s.peak_mb(PLUGIN_ON) for s in self.scales if s.peak_mb(PLUGIN_ON)}
            growth = marginal_growth(mems)
            if growth is not None:
                out.append(at_most("Memory at most linear (MB per extra set, largest step ÷ first step ≤ 1.25)",
                                   growth, 1.25, f"{growth:.2f}"))
            elif f in mems and 1 in mems:
                out.append(at_most(f"Memory at most linear ({f}× peak ≤ {f}× the real site's)", mems[f] / mems[1],
                                   f, f"{mems[f] / mems[1]:.1f}×"))
        plain, build = real.median(PLAIN, metric), real.median(BUILD_PY, metric)
        r = build / plain if plain and build else None
        out.append(at_most("build.py build ≤ 2× a plain Material build of the same pages and words", r, 2.0,
                           f"{r:.2f}×" if r else "n/a"))
        check = statistics.median(real.check_wall) if real.check_wall else None
        out.append(at_most("build.py check < 1 s on the real data", check, 0.999,
                           f"{check:.2f} s" if check is not None else "n/a"))
        reload = self.reload_median(metric)
        out.append(at_most("A data edit reloads in serve in < 2 s", reload, 1.999,
                           f"{reload:.2f} s" if reload is not None else (self.reload_error or "n/a")))
        stats = real.stats.get(BUILD_PY) or real.stats.get(PLUGIN_ON)
        rec = stats.rec_page_max_bytes / 1000 if stats else None
        out.append(at_most("A recommendation page ≤ 60 KB of HTML", rec, 60.0,
                           f"{rec:.1f} KB (largest)" if rec else "n/a"))
        if self.text and stats:
            ratio = stats.search_index_bytes / self.text.indexed_text_bytes
            out.append(at_most("Search index ≤ 1.5× the site's text", ratio, 1.5, f"{ratio:.2f}×"))
        else:
            out.append(Verdict("Search index ≤ 1.5× the site's text", "not measured", None))
        return out

    def reload_median(self, metric: str) -> float | None:
        figures = [cpu if metric == "cpu" and cpu is not None else wall for wall, cpu in self.reload_times]
        return statistics.median(figures) if figures else None

    def tables(self) -> str:
        head = ("| Scale | Variant | Pages | Wall s (median) | CPU s (median) | Pages/s (wall) | Peak MB | Site MB "
                "| Search index KB | Median page KB | Largest rec. page KB | Runs |")
        lines = [head, _separator(head)]
        for scale in self.scales:
            for variant in scale.variants():
                runs = scale.runs.get(variant)
                if not runs:
                    continue
                st = scale.stats[variant]
                wall, cpu = scale.median(variant, "wall"), scale.median(variant, "cpu")
                peak = scale.peak_mb(variant)
                lines.append(
                    f"| {scale.factor}× | {variant} | {st.pages:,} | {wall:.1f} | {cpu:.1f} | {st.pages / wall:.1f} "
                    f"| {f'{peak:.0f}' if peak else 'n/a'} | {st.site_bytes / 1e6:.1f} "
                    f"| {st.search_index_bytes / 1e3:,.0f} "
                    f"| {st.page_median_bytes / 1e3:.1f} | {st.rec_page_max_bytes / 1e3:.1f} | {len(runs)} |")
        return "\n".join(lines)

    def content_table(self) -> str:
        lines = ["| Scale | Recommendations | Chapters | Documents | Document pages | Extra sets in the navigation "
                 "| `build.py check` s (median) |",
                 "| --- | ---: | ---: | ---: | ---: | --- | ---: |"]
        for s in self.scales:
            c = s.content
            check = f"{statistics.median(s.check_wall):.2f}" if s.check_wall else "n/a"
            if c:
                lines.append(f"| {s.factor}× | {c.recommendations:,} | {c.chapters:,} | {c.documents:,} "
                             f"| {c.document_pages:,} | {'—' if s.factor == 1 else s.nav} | {check} |")
        return "\n".join(lines)

    def report(self) -> str:
        verdicts = self.verdicts()
        real = self.scales[0]
        lines = [
            f"Run: `{' '.join(['python -m benchmarks.run', *sys.argv[1:]])}` — {_machine()}", "",
            f"Targets judged on **{self.args.metric} time**; navigation of the extra sets: **{self.args.nav}**"
            f"{'; Material navigation.prune **on**' if self.args.prune else ''}.", "",
            "### Targets", "", "| Target | Measured | Result |", "| --- | --- | --- |",
            *[f"| {v.target} | {v.measured} | {v.label} |" for v in verdicts], "",
            "### Builds", "", self.tables(), "",
            "### Content at each scale", "", self.content_table(), "",
        ]
        extra = []
        if self.check_in_process is not None:
            extra.append(f"- `build.py check` in-process (data loading and validation only, no interpreter "
                         f"start): {self.check_in_process * 1000:.0f} ms on the real data.")
        if self.reload_times:
            how = "`build.py serve --full`" if self.args.serve_full else "`build.py serve`"
            extra.append(f"- {how}: data edit → reloaded page, wall (server CPU): " + ", ".join(
                f"{wall:.2f} s ({f'{cpu:.2f} s' if cpu is not None else 'n/a'})" for wall, cpu in self.reload_times)
                + f"; median {self.reload_median('wall'):.2f} s wall, {self.reload_median('cpu'):.2f} s CPU.")
        if self.text:
            st = real.stats.get(BUILD_PY) or real.stats.get(PLUGIN_ON)
            extra.append(f"- Site's text: {self.text.indexed_text_bytes / 1e3:,.0f} KB of visible article text on "
                         f"the {self.text.indexed_pages} pages the search index covers "
                         f"({self.text.all_pages_text_bytes / 1e3:,.0f} KB on all pages); search index "
                         f"{st.search_index_bytes / 1e3:,.0f} KB." if st else "")
        for s in self.scales:
            on, off = s.median(PLUGIN_ON, self.args.metric), s.median(PLAIN, self.args.metric)
            if on and off:
                extra.append(f"- Plugin overhead at {s.factor}×: {_pct(on / off - 1)} "
                             f"({self.args.metric} time, plugin {on:.1f} s vs plain {off:.1f} s).")
            for variant, count in s.warnings.items():
                if count:
                    extra.append(f"- {s.factor}× {variant}: {count} warning line(s) in the build log.")
            extra += [f"- Error: {e}" for e in s.errors]
        lines += ["### Details", "", *[e for e in extra if e], ""]
        for factor, prof in sorted(self.profiles.items()):
            lines += [profile_markdown(prof, f"### Where the time goes at {factor}× (plugin on)"), ""]
        return "\n".join(lines)


def _separator(head: str) -> str:
    cells = head.count("|") - 1
    return "| " + " | ".join(["---"] * 2 + ["---:"] * (cells - 2)) + " |"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:+.1f}%"


def _machine() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
        commit += " + uncommitted changes" if dirty.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    load = "/".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    versions = ", ".join(f"{p} {metadata.version(p)}" for p in ("mkdocs", "mkdocs-material", "markdown"))
    return (f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, {versions}, "
            f"load average at the end {load}.")


def write_results(path: Path, figures: str) -> None:
    """Put ``figures`` between the markers in ``path``, keeping whatever is written outside them."""
    block = f"{START}\n{figures}\n{END}"
    if path.exists() and START in (text := path.read_text(encoding="utf-8")) and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        path.write_text(before + block + after, encoding="utf-8")
    else:
        path.write_text("# Build benchmarks\n\nWritten by `python -m benchmarks.run`.\n\n" + block + "\n",
                        encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="one round of everything at 1× and 2×, one serve edit: checks the harness, not the site")
    p.add_argument("--scales", type=lambda s: [int(x) for x in s.split(",")], default=[1, 10, 100],
                   help="content multiples to build, 1 first (default 1,10,100)")
    p.add_argument("--rounds", type=int, default=5,
                   help="rounds at 1× (default 5); a scale of N× gets ⌈rounds/√N⌉")
    p.add_argument("--check-rounds", type=int, default=5)
    p.add_argument("--serve-edits", type=int, default=5, help="data edits timed in serve (0: skip)")
    p.add_argument("--serve-full", action="store_true",
                   help="time `build.py serve --full` (every page rendered again) instead of `build.py serve`")
    p.add_argument("--metric", choices=("cpu", "wall"), default="cpu", help="judge the time targets on this")
    p.add_argument("--nav", choices=("auto", "in-nav", "hidden"), default="auto",
                   help="list the extra sets' documents and chapters in the navigation (as a site with that "
                        "much content would), or keep them out of it; auto (default): listed when Material's "
                        "navigation.prune is on, else only up to 10×")
    p.add_argument("--prune", action="store_true", help="turn on Material's navigation.prune in every variant")
    p.add_argument("--profile", type=lambda s: [int(x) for x in s.split(",") if x], default=[1],
                   help="scales at which to run one more plugin build under cProfile (default 1; '' for none)")
    p.add_argument("--timeout", type=float, default=3600.0, help="seconds before one build is given up")
    p.add_argument("--out", type=Path, default=RESULTS, help="the results file (default benchmarks/results.md)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = p.parse_args(argv)
    if args.quick:
        args.scales, args.rounds, args.check_rounds, args.serve_edits, args.profile = [1, 2], 1, 1, 1, []
    if not args.scales or args.scales[0] != 1:
        p.error("--scales must start with 1 (the real site)")
    return args


def _reexec_in_venv() -> None:
    """Run inside the project's .venv (build.py creates it), where mkdocs and the plugin are installed."""
    venv = ROOT / ".venv"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if python.exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(python), [str(python), "-m", "benchmarks.run", *sys.argv[1:]])


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="safeguarding-bench-"))
    bench = Bench(args, work)
    try:
        bench.run()
        figures = bench.report()
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(figures)
    write_results(args.out, figures)
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    if __package__ in (None, ""):
        os.chdir(ROOT)
    _reexec_in_venv()
    sys.exit(main())
