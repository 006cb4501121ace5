"""Two builds of one commit are byte-identical, the gzip'd sitemap included; the date comes from git."""

from __future__ import annotations

import gzip
import os
import struct
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from editing import file_hashes
from safeguarding_site.base.dates import source_date_epoch
from safeguarding_site.commands.build import build_site

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content

COMMIT_TIME = "1268784000"  # 17 March 2010 00:00 UTC: far from today, so "now" cannot pass for it


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory, root: Path) -> tuple[Path, Path]:
    """The real site built twice by `build.py build`'s own function, the second over a stale site."""
    first = tmp_path_factory.mktemp("first") / "site"
    second = tmp_path_factory.mktemp("second") / "site"
    (second / "old-page").mkdir(parents=True)
    (second / "old-page/index.html").write_text("left over from an earlier build", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", COMMIT_TIME)
        assert build_site(root, first) == 0
        assert build_site(root, second) == 0
    return first, second


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = (file_hashes(site) for site in two_builds)
    assert len(first) > 100
    assert sorted(first) == sorted(second), "the builds wrote different files"
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"these files differ between two builds: {differing}"


def test_a_successful_build_replaces_the_old_site_entirely(two_builds: tuple[Path, Path]) -> None:
    second = two_builds[1]
    assert not (second / "old-page").exists()
    assert not list(second.parent.glob(".site-*")), "the staging or retired folder was left behind"


def test_sitemap_gzip_is_stamped_with_the_commit_date_not_now(two_builds: tuple[Path, Path]) -> None:
    data = (two_builds[0] / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", data[4:8])  # RFC 1952: MTIME, bytes 4-7 of the header
    commit_day = datetime.fromtimestamp(int(COMMIT_TIME), timezone.utc).replace(hour=0, minute=0, second=0)
    assert mtime == int(commit_day.timestamp())
    assert gzip.decompress(data) == (two_builds[0] / "sitemap.xml").read_bytes()


def test_source_date_epoch_is_the_last_commit_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date_epoch(tmp_path) == "1268784000"  # no git here: the documents' publication date
    env = {**os.environ, "GIT_AUTHOR_DATE": "@1300000000 +0000", "GIT_COMMITTER_DATE": "@1300000000 +0000",
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True, env=env)
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    subprocess.run(["git", "add", "page.md"], cwd=tmp_path, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", "Page"], cwd=tmp_path, check=True, env=env)
    assert source_date_epoch(tmp_path) == "1300000000"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1234")
    assert source_date_epoch(tmp_path) == "1234"  # a release process may pin it
