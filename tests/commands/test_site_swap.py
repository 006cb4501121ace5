"""commands/site_swap.py: site/ is never missing, and what a killed build leaves is put right by the next one."""

from __future__ import annotations

import errno
import os
import random
import signal
import threading
import time
from pathlib import Path

import pytest
from build_runs import leftovers, start_build, tree
from safeguarding_site.commands import site_swap
from safeguarding_site.commands.build import build_site


def site_with(folder: Path, marker: str) -> Path:
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    return folder


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two renames"])
def test_swap_publishes_the_new_site_and_deletes_the_old(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(site_swap, "_exchange", lambda a, b: False)
    site = site_with(tmp_path / "site", "old")
    staging = site_with(site_swap.make_staging(site), "new")
    site_swap.swap_in(staging, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_moved_aside_by_a_killed_build_is_put_back(tmp_path: Path) -> None:
    """kill -9 between the two renames of the fallback once left no site/ at all."""
    site_with(tmp_path / ".site-previous-abc123", "published")
    site_with(tmp_path / ".site-staging-def456", "half built")
    done = site_swap.recover(tmp_path / "site")
    assert (tmp_path / "site/index.html").read_text(encoding="utf-8") == "published"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert done[0] == "restored site/, which an interrupted build had moved aside"


def test_leftovers_of_the_old_fixed_names_are_cleaned_too(tmp_path: Path) -> None:
    site_with(tmp_path / "site", "published")
    site_with(tmp_path / ".site-staging", "old staging")
    site_with(tmp_path / ".site-previous", "old retired")
    site_swap.recover(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_that_cannot_be_deleted_does_not_stop_the_build(
        build_copy: Path, good_site: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        capfd: pytest.CaptureFixture[str]) -> None:
    """A read-only site/ once broke every later build with a traceback (and left 8 MB of staging each time)."""
    (build_copy / "site/stuck.txt").write_text("read-only", encoding="utf-8")
    real_unlink = os.unlink

    def read_only(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if str(path).endswith("stuck.txt") or kwargs.get("dir_fd") is not None and path == "stuck.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", read_only)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1268784000")
    assert build_site(build_copy, build_copy / "site") == 0
    assert "the next build will try again" in capfd.readouterr().err
    assert tree(build_copy / "site") == good_site
    assert len(leftovers(build_copy)) == 1  # the old site, which could not be deleted
    monkeypatch.setattr(os, "unlink", real_unlink)
    assert build_site(build_copy, build_copy / "site") == 0  # and the next build removes it
    assert "removed .site-staging-" in capfd.readouterr().err
    assert tree(build_copy / "site") == good_site and leftovers(build_copy) == []


def test_site_index_is_never_missing_through_twenty_builds_some_killed(build_copy: Path,
                                                                        good_site: dict[str, str]) -> None:
    index = build_copy / "site/index.html"
    missing: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            if not index.exists():
                missing.append(time.monotonic())
            time.sleep(0.002)

    poller = threading.Thread(target=poll)
    poller.start()
    chance = random.Random(16)
    killed = 0
    try:
        took = 0.0  # how long the last whole build took on this machine, now
        for number in range(20):
            started = time.monotonic()
            build = start_build(build_copy)
            if number % 2:
                # Anywhere from the check to the swap: a share of a whole build's time, not fixed seconds, which
                # a faster or slower machine would move out of the build altogether.
                time.sleep(chance.uniform(0.3, 0.97) * took)
                if build.poll() is None:
                    os.kill(build.pid, signal.SIGKILL)
                    killed += 1
            build.communicate(timeout=300)
            if not number % 2:
                took = time.monotonic() - started
            assert tree(build_copy / "site") == good_site, f"build {number + 1}"
    finally:
        stop.set()
        poller.join()
    assert missing == [], f"site/index.html was missing {len(missing)} times"
    assert killed >= 5
    final = start_build(build_copy)
    final.communicate(timeout=300)
    assert final.returncode == 0 and leftovers(build_copy) == []
