"""``build.py bundle``: build the offline copy, zip it, then build the published site that links to the zip."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..base.dates import build_moment, source_date_epoch
from ..offline.bundle_zip import write_zip
from ..offline.vendored_assets import verify
from ..pages.download import BUNDLE_ENV, OFFLINE_COPY, ZIP_NAME, ZIP_URI, human_size
from .build import build_site
from .site_lock import site_lock


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """MkDocs runs in a child process: the plugin's ``offline_bundle`` setting reaches it through mkdocs.yml's !ENV."""
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
    """Both builds under one hold of site/'s lock, so no other build can publish between them."""
    site_dir = site_dir.resolve()
    try:
        with site_lock(site_dir, "build.py bundle"):
            return _bundle_locked(root, site_dir)
    except OSError as exc:
        print(f"bundle: cannot write beside {site_dir}: {exc.strerror or exc}; {site_dir} is unchanged.",
              file=sys.stderr)
        return 1


def _bundle_locked(root: Path, site_dir: Path) -> int:
    problems = verify(root)
    if problems:
        for problem in problems:
            print(f"bundle: {problem}", file=sys.stderr)
        return 1
    epoch = source_date_epoch(root)
    made = build_moment({"SOURCE_DATE_EPOCH": epoch})
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
        print(f"bundle: {published} was not written: does mkdocs.yml give the safeguarding plugin "
              f"offline_bundle: !ENV [{BUNDLE_ENV}, '']?", file=sys.stderr)
        return 1
    print(f"bundle: {published} ({human_size(bundle.size)}, sha256 {bundle.sha256}), "
          f"linked from {site_dir / 'download.html'}")
    return 0
