"""``build.py build``: check, build into a staging folder of its own, and swap it in only if the build succeeded.

Only one process writes site/ at a time (``site_lock``); the swap never leaves a moment without site/
(``site_swap``); whatever an interrupted build left beside site/ is put right by the next one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..base.dates import source_date_epoch
from .check import run_check
from .child_process import dies_with_parent
from .site_lock import site_lock
from .site_swap import make_staging, recover, remove_tree, swap_in

INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl+C


def build_site(root: Path, site_dir: Path, *, extra_args: list[str] | None = None) -> int:
    """Whatever fails (the check, MkDocs in strict mode, the swap, Ctrl+C), the site that was there stays."""
    site_dir = site_dir.resolve()
    try:
        with site_lock(site_dir, "build.py build"):
            return _build_locked(root, site_dir, extra_args or [])
    except OSError as exc:
        print(f"build: cannot write beside {site_dir}: {_reason(exc)}; {site_dir} is unchanged.", file=sys.stderr)
        return 1


def _build_locked(root: Path, site_dir: Path, extra_args: list[str]) -> int:
    for done in recover(site_dir):
        print(f"build: {done}", file=sys.stderr)
    if run_check(root) != 0:
        print(f"build: not built, because check found problems; {site_dir} is unchanged.", file=sys.stderr)
        return 1
    staging = make_staging(site_dir)
    try:
        status = _mkdocs_build(root, staging, extra_args)
        if status != 0:
            print(f"build: failed (see the messages above); {site_dir} is unchanged.", file=sys.stderr)
            return status
        swap_in(staging, site_dir)
    except KeyboardInterrupt:
        print(f"build: interrupted; {site_dir} is unchanged.", file=sys.stderr)
        return INTERRUPTED
    except OSError as exc:
        print(f"build: could not put the new site in place ({_reason(exc)}); {site_dir} is unchanged.",
              file=sys.stderr)
        return 1
    finally:
        if staging.exists():
            remove_tree(staging)
    print(f"build: site written to {site_dir}")
    return 0


def _mkdocs_build(root: Path, staging: Path, extra_args: list[str]) -> int:
    # NO_MKDOCS_2_WARNING: we pin mkdocs<2, so Material's banner about MkDocs 2 is noise in every build log.
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(root), "NO_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(root / "mkdocs.yml"),
               "-d", str(staging), *extra_args]
    # Its own session: Ctrl+C reaches only this process, which stops MkDocs quietly (no second traceback).
    child = subprocess.Popen(command, cwd=root, env=env, start_new_session=True, preexec_fn=dies_with_parent())
    try:
        status = child.wait()
        return status if status >= 0 else 1  # killed by a signal
    except BaseException:
        child.terminate()
        child.wait()
        raise


def _reason(exc: OSError) -> str:
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"
