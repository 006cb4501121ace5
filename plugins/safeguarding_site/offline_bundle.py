"""`build.py bundle`: the site as a zip that works unzipped with no network, linked from its download page."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .offline_assets import verify

ROOT = Path(__file__).resolve().parents[2]
DOWNLOAD_PAGE = "download.md"
ZIP_NAME = "working-together-offline.zip"
ZIP_URI = f"download/{ZIP_NAME}"
ZIP_FOLDER = "working-together-offline"
# How `build.py bundle` tells the plugin which download page to generate: unset (a plain build, no zip),
# OFFLINE_COPY (the copy inside the zip), or the path of the finished zip (the published site).
BUNDLE_ENV = "SAFEGUARDING_OFFLINE_BUNDLE"
OFFLINE_COPY = "offline-copy"
FALLBACK_EPOCH = 1268784000  # 17 March 2010, as cli.source_date_epoch uses when there is no git


@dataclass(frozen=True)
class Bundle:
    path: Path
    size: int
    sha256: str
    made: datetime


def made_at(environ: Mapping[str, str] = os.environ) -> datetime:
    """The bundle's date: SOURCE_DATE_EPOCH (the last commit), so two bundles of one commit are identical."""
    try:
        epoch = int(environ.get("SOURCE_DATE_EPOCH", FALLBACK_EPOCH))
    except ValueError:
        epoch = FALLBACK_EPOCH
    return datetime.fromtimestamp(max(epoch, 315532800), tz=timezone.utc)  # zip dates start in 1980


def long_date(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def describe(path: Path, made: datetime) -> Bundle:
    data = path.read_bytes()
    return Bundle(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest(), made=made)


def readme_text(made: datetime) -> str:
    return (
        "Working Together to Safeguard Children (2010): offline copy\n\n"
        f"Made on {long_date(made)}. Open index.html in this folder with your web browser.\n"
        "Everything works from this folder with no internet connection, search included.\n"
        "The copy does not update itself: download it again to get later corrections.\n"
    )


def write_zip(site_dir: Path, out: Path, made: datetime) -> Bundle:
    """Zip site_dir under one folder, byte for byte the same for the same files (sorted, fixed dates)."""
    stamp = made.timetuple()[:6]
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        entries = [(f"{ZIP_FOLDER}/README.txt", readme_text(made).encode("utf-8"))]
        entries += [(f"{ZIP_FOLDER}/{p.relative_to(site_dir).as_posix()}", p.read_bytes()) for p in files]
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return describe(out, made)


def download_page(environ: Mapping[str, str] = os.environ) -> tuple[str, Path | None]:
    """The Markdown of download.md, and the zip the plugin must add at ZIP_URI (None: no zip in this build).

    Called by the plugin in on_files: the page is generated, like the recommendation pages.
    """
    made = made_at(environ)
    mode = environ.get(BUNDLE_ENV, "")
    # Material's trailing wildcard makes "of", "do" and "for" match this page's title ("offline",
    # "download"), so without a low boost it topped searches such as "Do it now, do it right".
    head = ["---", "title: Download for offline use", "search:", "  boost: 0.1", "---", "",
            "# Download for offline use", ""]
    if mode == OFFLINE_COPY:
        body = [
            f"You are reading the offline copy of this site, made on {long_date(made)}. It works from this "
            "folder with no internet connection: pages, links between the documents, footnotes and search.",
            "",
            "The copy does not update itself. To get later corrections, download it again from the "
            "published site.",
        ]
        return "\n".join(head + body) + "\n", None
    if not mode:
        body = [
            "This build of the site was made without the offline copy. Editors make it with "
            "`python build.py bundle`, which builds the site together with the download.",
        ]
        return "\n".join(head + body) + "\n", None
    bundle = describe(Path(mode), made)
    body = [
        "You can keep a copy of this whole site on your own computer, and read and search it with no "
        "internet connection: on a laptop in a family's home, in court, or on a machine that cannot "
        "reach the internet.",
        "",
        f"[Download for offline use]({ZIP_URI}){{ download=\"{ZIP_NAME}\" .md-button .md-button--primary }}",
        "",
        f"ZIP file, {human_size(bundle.size)}, made on {long_date(made)}.",
        "",
        "1. Save the file and unzip it into a folder of your choice.",
        f"2. In the folder `{ZIP_FOLDER}`, open `index.html` with your web browser.",
        "",
        "Everything works from the unzipped folder, search included, and nothing is fetched from the "
        "internet. The copy does not update itself: download it again to get later corrections.",
        "",
        f"To check that the download is complete: its SHA-256 checksum is `{bundle.sha256}`.",
    ]
    return "\n".join(head + body) + "\n", bundle.path


@contextmanager
def environment(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def bundle_site(root: Path, site_dir: Path) -> int:
    """Build the offline copy, zip it, then build the published site with the zip and its download page."""
    from .cli import build_site, source_date_epoch

    problems = verify(root)
    if problems:
        for problem in problems:
            print(f"bundle: {problem}", file=sys.stderr)
        return 1
    epoch = source_date_epoch(root)
    made = made_at({"SOURCE_DATE_EPOCH": epoch})
    with tempfile.TemporaryDirectory(prefix="offline-bundle-") as tmp:
        copy_dir = Path(tmp) / "copy"
        with environment(**{BUNDLE_ENV: OFFLINE_COPY, "SOURCE_DATE_EPOCH": epoch}):
            status = build_site(root, copy_dir)
        if status != 0:
            return status
        bundle = write_zip(copy_dir, Path(tmp) / ZIP_NAME, made)
        with environment(**{BUNDLE_ENV: str(bundle.path), "SOURCE_DATE_EPOCH": epoch}):
            status = build_site(root, site_dir)
        if status != 0:
            return status
    published = site_dir / ZIP_URI
    if not published.is_file() or published.stat().st_size != bundle.size:
        print(f"bundle: {published} was not written: is the plugin adding the download page "
              "(offline_bundle.download_page) in on_files?", file=sys.stderr)
        return 1
    print(f"bundle: {published} ({human_size(bundle.size)}, sha256 {bundle.sha256}), "
          f"linked from {site_dir / 'download.html'}")
    return 0


def add_bundle_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register `bundle` on build.py's sub-command parser."""
    parser = subparsers.add_parser(
        "bundle", help="build site/ with a zip of the offline site, linked from its download page",
        description="Build the site twice: once as the offline copy, which is zipped, and once as the "
                    f"published site, which serves the zip at {ZIP_URI} and links to it from download.html.")
    parser.add_argument("--site-dir", type=Path, default=None, help="where to build the site (default: site/)")
    parser.set_defaults(run=run_bundle)
    return parser


def run_bundle(args: argparse.Namespace) -> int:
    root: Path = getattr(args, "root", None) or ROOT
    return bundle_site(root, args.site_dir or root / "site")
