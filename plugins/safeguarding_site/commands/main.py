"""``build.py``'s parser: each command's module is imported only when that command runs.

Every command returns an exit status, so tests call ``main([...])`` and check it (as pre-commit-hooks do).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from ..base.errors import DataError, DataErrors
from ..base.paths import PROJECT_ROOT

INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl+C


def _check(args: argparse.Namespace) -> int:
    from .check import run_check

    return run_check(args.root)


def _build(args: argparse.Namespace) -> int:
    from .build import build_site

    return build_site(args.root, args.site_dir or args.root / "site")


def _serve(args: argparse.Namespace) -> int:
    from .serve import run_serve

    return run_serve(args.root, args.dev_addr, full=args.full)


def _import(args: argparse.Namespace) -> int:
    from .import_documents import import_documents

    return import_documents(args.root, force=args.force)


def _import_recommendations(args: argparse.Namespace) -> int:
    from .import_recommendations import run_import_recommendations

    return run_import_recommendations(Path(args.path), Path(args.out), force=args.force)


def _import_working_together(args: argparse.Namespace) -> int:
    from .import_working_together import import_working_together

    return import_working_together(args.root, Path(args.path), Path(args.out) if args.out else None,
                                   force=args.force)


def _suggest_paragraphs(args: argparse.Namespace) -> int:
    from .suggest_paragraphs import run_suggest_paragraphs

    return run_suggest_paragraphs(args.root, args.site_dir or args.root / "site", args.number, limit=args.limit)


def _search(args: argparse.Namespace) -> int:
    from .search import run_search

    return run_search(args.site_dir or args.root / "site", args.query, limit=args.limit, as_json=args.json)


def _bundle(args: argparse.Namespace) -> int:
    from .bundle import bundle_site

    return bundle_site(args.root, args.site_dir or args.root / "site")


def _test(args: argparse.Namespace) -> int:
    from .test import run_tests

    return run_tests(args.root, args.pytest_args)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="The editors' command line: import, check, build, "
                                "serve, search, bundle and test the site.")
    p.add_argument("--root", type=Path, default=PROJECT_ROOT, help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("import", help="turn sources/ into docs/ pages and cross_refs/ data")
    s.add_argument("--force", action="store_true", help="overwrite files edited since they were imported")
    s.set_defaults(run=_import)
    s = sub.add_parser("import-recommendations", help="parse a recommendations table into YAML")
    s.add_argument("path")
    s.add_argument("--out", required=True)
    s.add_argument("--force", action="store_true", help="overwrite the file even if edited since it was imported")
    s.set_defaults(run=_import_recommendations)
    s = sub.add_parser(
        "import-working-together", help="turn the official PDF of Working Together into chapter pages",
        description="Read the official PDF of Working Together (2010), or a plain-text extraction of it, "
                    "and write one page per chapter found (docs/working-together/chapter-N.md) and its "
                    "sections in cross_refs/working-together.yaml. Nothing is written if any check fails.")
    s.add_argument("path", help="the PDF (or its text) in sources/")
    s.add_argument("--out", help="where to write the chapter pages (default: docs/working-together/)")
    s.add_argument("--force", action="store_true", help="overwrite pages edited since they were imported")
    s.set_defaults(run=_import_working_together)
    s = sub.add_parser(
        "suggest-paragraphs", help="list imported paragraphs of Working Together that match a recommendation",
        description="Rank the imported paragraphs of Working Together against recommendation N's text, as the "
                    "site's search ranks them, for an editor to confirm in implemented_by[].paragraphs. "
                    "Needs a built site (its search settings) and at least one imported chapter.")
    s.add_argument("number", type=int, help="the recommendation's number")
    s.add_argument("--limit", type=int, default=5, help="how many paragraphs to list (default 5)")
    s.add_argument("--site-dir", type=Path, default=None, help="the built site (default: site/)")
    s.set_defaults(run=_suggest_paragraphs)
    sub.add_parser("check", help="validate cross_refs/ and docs/ without building").set_defaults(run=_check)
    s = sub.add_parser("build", help="check, then build site/ (strict; site/ is kept if anything fails)")
    s.add_argument("--site-dir", type=Path)
    s.set_defaults(run=_build)
    s = sub.add_parser("serve", help="preview with live reload (also on edits to cross_refs/)")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    s.add_argument("--full", action="store_true",
                   help="render every page on every change (slower; the default renders only the pages that change)")
    s.set_defaults(run=_serve)
    s = sub.add_parser(
        "search", help="search the built site with the browser's own ranking (no network, no browser)",
        description="Search the built site's search/search_index.json with lunr, ranked as the site's "
                    "search box ranks it. Quote words to require them all: \"social work\".")
    s.add_argument("query", help="what to search for, as you would type it in the search box")
    s.add_argument("--json", action="store_true", help="print the results as a JSON list")
    s.add_argument("--limit", type=int, default=10, help="how many pages to list (default 10)")
    s.add_argument("--site-dir", type=Path, default=None, help="the built site (default: site/)")
    s.set_defaults(run=_search)
    s = sub.add_parser(
        "bundle", help="build site/ with a zip of the offline site, linked from its download page",
        description="Build the site twice: once as the offline copy, which is zipped, and once as the "
                    "published site, which serves the zip and links to it from download.html.")
    s.add_argument("--site-dir", type=Path, default=None, help="where to build the site (default: site/)")
    s.set_defaults(run=_bundle)
    s = sub.add_parser("test", help="run every test (arguments go to pytest)")
    s.add_argument("pytest_args", nargs=argparse.REMAINDER)
    s.set_defaults(run=_test)
    return p


def main(argv: list[str] | None = None) -> int:
    """Each command ends in a sentence, never a traceback: the commands handle what they expect; this is
    the last resort for what they do not (set BUILD_PY_TRACEBACK=1 to see the traceback as well)."""
    args = parser().parse_args(argv)
    name = f"build.py {args.command}"
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print(f"{name}: interrupted.", file=sys.stderr)
        return INTERRUPTED
    except (DataError, DataErrors) as exc:
        from .report import print_problems

        print_problems(exc)
        return 1
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{name}: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last resort described above
        if os.environ.get("BUILD_PY_TRACEBACK"):
            traceback.print_exc()
        print(f"{name}: unexpected error ({type(exc).__name__}: {exc}): please report it, with the command you "
              "ran", file=sys.stderr)
        return 1
