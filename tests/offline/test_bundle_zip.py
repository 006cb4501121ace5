"""`build.py bundle`: a deterministic zip of the offline site, served and linked from the download page."""

from __future__ import annotations

import hashlib
import os
import zipfile
from datetime import datetime, timezone

import pytest
from offline_support import bundled
from safeguarding_site.base.dates import build_moment, format_date
from safeguarding_site.offline.bundle_zip import write_zip
from safeguarding_site.pages.download import OFFLINE_COPY, ZIP_FOLDER, ZIP_URI, download_page, human_size

MADE = datetime(2010, 3, 17, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def result():
    return bundled()


def tree(root):
    (root / "sub").mkdir(parents=True)
    (root / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (root / "sub" / "page.html").write_text("<p>page</p>", encoding="utf-8")
    return root


def test_zip_is_byte_for_byte_repeatable(tmp_path):
    site = tree(tmp_path / "site")
    first = write_zip(site, tmp_path / "one.zip", MADE)
    os.utime(site / "index.html", (0, 0))  # file times must not leak into the zip
    second = write_zip(site, tmp_path / "two.zip", MADE)
    assert first.sha256 == second.sha256
    with zipfile.ZipFile(first.path) as archive:
        assert archive.namelist() == [f"{ZIP_FOLDER}/README.txt", f"{ZIP_FOLDER}/index.html",
                                      f"{ZIP_FOLDER}/sub/page.html"]
        assert {info.date_time for info in archive.infolist()} == {(2010, 3, 17, 12, 0, 0)}


def test_download_page_for_each_kind_of_build(tmp_path):
    plain, none = download_page("", MADE)
    assert none is None and "without the offline copy" in plain
    copy, none = download_page(OFFLINE_COPY, MADE)
    assert none is None and "You are reading the offline copy of this site, made on 17 March 2010" in copy
    bundle = write_zip(tree(tmp_path / "site"), tmp_path / "x.zip", MADE)
    published, zip_path = download_page(str(bundle.path), MADE)
    assert zip_path == bundle.path
    assert f"]({ZIP_URI})" in published
    assert f"ZIP file, {human_size(bundle.size)}, made on 17 March 2010." in published
    assert bundle.sha256 in published


def test_sizes_and_dates_read_naturally():
    assert human_size(1_386_046) == "1.4 MB"
    assert human_size(48_200) == "48 kB"
    assert format_date(build_moment({"SOURCE_DATE_EPOCH": "1268827200"})) == "17 March 2010"
    assert format_date(build_moment({})) == "17 March 2010"


@pytest.mark.real_content
def test_published_site_serves_and_links_the_zip(result):
    zip_bytes = result.zip_path.read_bytes()
    page = (result.site / "download.html").read_text(encoding="utf-8")
    assert f'href="{ZIP_URI}"' in page
    assert f"ZIP file, {human_size(len(zip_bytes))}, made on" in page
    assert hashlib.sha256(zip_bytes).hexdigest() in page
    home = (result.site / "index.html").read_text(encoding="utf-8")
    assert 'href="download.html"' in home, "the download page must be reachable from every page's navigation"


@pytest.mark.real_content
def test_zip_holds_the_offline_copy_and_not_itself(result):
    with zipfile.ZipFile(result.zip_path) as archive:
        names = archive.namelist()
    assert f"{ZIP_FOLDER}/index.html" in names
    assert f"{ZIP_FOLDER}/recommendations/12.html" in names
    assert f"{ZIP_FOLDER}/search/search_index.js" in names
    assert f"{ZIP_FOLDER}/assets/javascripts/iframe-worker/shim.js" in names
    assert not [n for n in names if n.endswith(".zip")]
    copy_page = (result.unzipped / "download.html").read_text(encoding="utf-8")
    assert "You are reading the offline copy" in copy_page
