"""Commands behind ``build.py``: each returns an exit status, so tests call ``main([...])`` directly."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import DataError, DataErrors
from .offline_bundle import add_bundle_parser
from .search_cli import add_search_parser

ROOT = Path(__file__).resolve().parents[2]


def _print_problems(exc: DataError | DataErrors) -> None:
    errors = exc.errors if isinstance(exc, DataErrors) else [exc]
    for error in errors:
        print(str(error), file=sys.stderr)
    print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found.", file=sys.stderr)


def cmd_check(args: argparse.Namespace) -> int:
    from .checks import check_project

    problems = check_project(args.root)
    if problems:
        _print_problems(DataErrors(problems))
        print("Each message starts FILE:LINE; docs/editors/index.md explains what each one means.", file=sys.stderr)
        return 1
    print("check: all data and pages are valid.")
    return 0


def source_date_epoch(root: Path) -> str:
    """The last commit's time, so that two builds of one commit are byte-identical (sitemap dates too)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                             check=True).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return "1268784000"  # 17 March 2010, the documents' publication date: stable when there is no git


def build_site(root: Path, site_dir: Path, *, extra_args: list[str] | None = None) -> int:
    """Check, build into a temporary folder, and swap it in only if the build succeeded.

    Whatever fails (the check, MkDocs in strict mode, or the swap itself), the site that was there stays.
    """
    if cmd_check(argparse.Namespace(root=root)) != 0:
        print(f"build: not built, because check found problems; {site_dir} is unchanged.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Beside site/, so the final rename stays on one file system and is a single step.
    staging = site_dir.with_name(f".{site_dir.name}-staging")
    shutil.rmtree(staging, ignore_errors=True)
    # NO_MKDOCS_2_WARNING: we pin mkdocs<2, so Material's banner about MkDocs 2 is noise in every build log.
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(root), "NO_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"),
               "-d", str(staging), *(extra_args or [])]
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build: failed (see the messages above); {site_dir} is unchanged.", file=sys.stderr)
        return result.returncode or 1
    retired = site_dir.with_name(f".{site_dir.name}-previous")
    shutil.rmtree(retired, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(retired)
    try:
        staging.rename(site_dir)
    except OSError as exc:
        if retired.exists():
            retired.rename(site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build: could not put the new site in place ({exc}); {site_dir} is unchanged.", file=sys.stderr)
        return 1
    shutil.rmtree(retired, ignore_errors=True)
    print(f"build: site written to {site_dir}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    return build_site(args.root, args.site_dir or args.root / "site")


def serve_command(root: Path, dev_addr: str, *, full: bool = False) -> list[str]:
    """`mkdocs serve`, rendering again only the pages an edit changes unless ``full`` (see serve_rebuilds)."""
    return [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "--dev-addr", dev_addr,
            *([] if full else ["--dirty"])]


def cmd_serve(args: argparse.Namespace) -> int:
    return subprocess.call(serve_command(args.root, args.dev_addr, full=args.full), cwd=args.root)


def cmd_import(args: argparse.Namespace) -> int:
    from .importing.run import run_import

    report = run_import(args.root, force=args.force)
    if report.refused:
        for path in report.refused:
            print(f"{path}: edited since it was imported; not overwritten (use --force to replace it)",
                  file=sys.stderr)
        print("import: nothing written.", file=sys.stderr)
        return 1
    for path in report.written:
        print(f"wrote {path}")
    print(f"import: {len(report.written)} written, {len(report.unchanged)} unchanged.")
    return 0


def cmd_import_recommendations(args: argparse.Namespace) -> int:
    from .importing.recommendations_yaml import import_recommendations

    try:
        count = import_recommendations(Path(args.path), Path(args.out))
    except DataError as exc:
        _print_problems(exc)
        return 1
    print(f"import-recommendations: {count} recommendations written to {args.out}")
    return 0


def ensure_chromium() -> None:
    """The browser tests drive Debian's chromium; install it when missing and we may (root, apt)."""
    if shutil.which("chromium") or not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid():
        return
    print("test: installing Debian's chromium for the browser tests …", file=sys.stderr)
    quiet = {"stdout": subprocess.DEVNULL}
    subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, **quiet,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def cmd_test(args: argparse.Namespace) -> int:
    ensure_chromium()
    return subprocess.call([sys.executable, "-m", "pytest", *args.pytest_args], cwd=args.root)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description=__doc__)
    p.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("import", help="turn sources/ into docs/ pages and cross_refs/ data")
    s.add_argument("--force", action="store_true", help="overwrite files edited since they were imported")
    s.set_defaults(run=cmd_import)
    s = sub.add_parser("import-recommendations", help="parse a recommendations table into YAML")
    s.add_argument("path")
    s.add_argument("--out", required=True)
    s.set_defaults(run=cmd_import_recommendations)
    sub.add_parser("check", help="validate cross_refs/ and docs/ without building").set_defaults(run=cmd_check)
    s = sub.add_parser("build", help="check, then build site/ (strict; site/ is kept if anything fails)")
    s.add_argument("--site-dir", type=Path)
    s.set_defaults(run=cmd_build)
    s = sub.add_parser("serve", help="preview with live reload (also on edits to cross_refs/)")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    s.add_argument("--full", action="store_true",
                   help="render every page on every change (slower; the default renders only the pages that change)")
    s.set_defaults(run=cmd_serve)
    add_search_parser(sub)
    add_bundle_parser(sub)
    s = sub.add_parser("test", help="run every test (arguments go to pytest)")
    s.add_argument("pytest_args", nargs=argparse.REMAINDER)
    s.set_defaults(run=cmd_test)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return int(args.run(args))
