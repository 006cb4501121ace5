"""One `build.py bundle` per test session, shared by the offline, search and browser tests."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from safeguarding_site.commands.bundle import bundle_site
from safeguarding_site.pages.download import ZIP_FOLDER, ZIP_URI

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Bundled:
    site: Path  # the published site, as `build.py bundle` leaves it
    unzipped: Path  # the offline copy, unzipped from site/download/…zip: the folder holding index.html

    @property
    def zip_path(self) -> Path:
        return self.site / ZIP_URI


_cache: list[Bundled] = []


def bundled() -> Bundled:
    """Bundle the real project once (two strict builds and a zip) and unzip the result beside it."""
    if _cache:
        return _cache[0]
    work = Path(tempfile.mkdtemp(prefix="offline-tests-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    site = work / "site"
    status = bundle_site(ROOT, site)
    assert status == 0, "build.py bundle failed: see the build output above"
    with zipfile.ZipFile(site / ZIP_URI) as archive:
        archive.extractall(work / "unzipped")
    _cache.append(Bundled(site=site, unzipped=work / "unzipped" / ZIP_FOLDER))
    return _cache[0]
