"""commands/build.py with commands/site_lock.py: builds at once never publish a gutted site.

Two `build.py build` processes started 0.5 s apart once shared one staging folder; in 2 of 5 pairs site/
was wrong (once without index.html) while both reported success. Now the second waits for the first.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from build_runs import leftovers, start_build, tree
from safeguarding_site.commands import site_lock
from safeguarding_site.commands.bundle import bundle_site


def test_two_builds_half_a_second_apart_publish_a_whole_site_five_times(build_copy: Path,
                                                                       good_site: dict[str, str]) -> None:
    assert "index.html" in good_site and "assets" in good_site
    for attempt in range(5):
        first = start_build(build_copy)
        time.sleep(0.5)
        second = start_build(build_copy)
        _, first_err = first.communicate(timeout=300)
        _, second_err = second.communicate(timeout=300)
        assert (first.returncode, second.returncode) == (0, 0), (first_err, second_err)
        assert f"waiting for pid {first.pid}: build.py build" in second_err, (attempt, second_err)
        assert tree(build_copy / "site") == good_site, f"attempt {attempt + 1}: site/ differs from a good build"
        assert leftovers(build_copy) == []


def test_ctrl_c_during_a_build_cleans_up_in_one_line(build_copy: Path, good_site: dict[str, str]) -> None:
    build = start_build(build_copy)
    # Past the check, while MkDocs renders into the staging folder: waited for, not guessed, since how long
    # the check takes depends on the machine's load.
    deadline = time.monotonic() + 240
    while not any(p.name.startswith(".site-staging-") for p in build_copy.iterdir()):
        assert build.poll() is None and time.monotonic() < deadline, "the build never started rendering"
        time.sleep(0.05)
    time.sleep(0.3)
    build.send_signal(signal.SIGINT)
    _, err = build.communicate(timeout=60)
    assert build.returncode == 130
    assert err.strip().splitlines()[-1] == f"build: interrupted; {build_copy / 'site'} is unchanged."
    assert "Traceback" not in err
    assert leftovers(build_copy) == []
    assert tree(build_copy / "site") == good_site


def test_the_lock_is_released_when_its_holder_is_killed(build_copy: Path, good_site: dict[str, str]) -> None:
    first = start_build(build_copy)
    time.sleep(1.5)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    second = start_build(build_copy)
    _, err = second.communicate(timeout=300)
    assert second.returncode == 0 and "waiting" not in err, err
    assert tree(build_copy / "site") == good_site and leftovers(build_copy) == []


def test_bundle_holds_the_lock_across_both_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """bundle takes the lock once and each of its builds takes it again: re-entrant, not a deadlock."""
    held: list[dict] = []

    def fake_build(root: Path, site_dir: Path) -> int:
        with site_lock.site_lock(tmp_path / "site", "build.py build"):
            held.append(dict(site_lock._held))
        return 1

    monkeypatch.setattr("safeguarding_site.commands.bundle.build_site", fake_build)
    monkeypatch.setattr("safeguarding_site.commands.bundle.verify", lambda root: [])
    assert bundle_site(tmp_path, tmp_path / "site") == 1
    assert held == [{site_lock.lock_path(tmp_path.resolve() / "site"): 2}]
    assert site_lock._held == {}
