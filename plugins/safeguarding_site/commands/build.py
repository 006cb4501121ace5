"""``build.py build``: check, build into a temporary folder, and swap it in only if the build succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from ..base.dates import source_date_epoch
from .check import run_check


def build_site(root: Path, site_dir: Path, *, extra_args: list[str] | None = None) -> int:
    """Whatever fails (the check, MkDocs in strict mode, or the swap itself), the site that was there stays."""
    if run_check(root) != 0:
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
