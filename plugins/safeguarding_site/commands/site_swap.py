"""Putting a freshly built site in place of the published one without a moment when site/ is missing.

Each build makes its own staging folder beside site/ (same file system, so renames are single steps):
``.site-staging-XXXX``. On Linux the two folders are exchanged in one step with ``renameat2`` and
``RENAME_EXCHANGE``, then the old tree (now under the staging name) is deleted. Elsewhere, or on a file
system that refuses the exchange, the best the platform allows is two renames (site/ to
``.site-previous-XXXX``, staging to site/); if the process dies between them, the next build puts the
retired site back first (``recover``). Whatever a killed build leaves beside site/ is cleaned up by the
next one, under the lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-staging"


def previous_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-previous"


def make_staging(site_dir: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix=staging_prefix(site_dir) + "-", dir=site_dir.parent))


def recover(site_dir: Path) -> list[str]:
    """Undo what an interrupted build left: put a retired site back if site/ is missing, then delete every
    leftover staging and retired folder. Call only while holding the site lock. Returns what was done."""
    done = []
    retired = sorted((p for p in site_dir.parent.glob(previous_prefix(site_dir) + "*") if p.is_dir()),
                     key=lambda p: p.stat().st_mtime)
    if not site_dir.exists() and retired:
        retired.pop().rename(site_dir)
        done.append(f"restored {site_dir.name}/, which an interrupted build had moved aside")
    leftovers = [p for p in site_dir.parent.glob(staging_prefix(site_dir) + "*") if p.is_dir()] + retired
    for leftover in leftovers:
        remove_tree(leftover)
        done.append(f"removed {leftover.name}, left by an interrupted build")
    return done


def remove_tree(path: Path) -> None:
    """Delete ``path``, making read-only folders writable on the way (a read-only site/ once blocked every
    later build); what still cannot be deleted is left for the next build's ``recover``."""
    def make_writable_and_retry(function, name, _exc):  # noqa: ANN001
        try:
            parent = os.path.dirname(name)
            os.chmod(parent, os.stat(parent).st_mode | stat.S_IWUSR | stat.S_IXUSR)
            if os.path.isdir(name) and not os.path.islink(name):
                os.chmod(name, os.stat(name).st_mode | stat.S_IWUSR | stat.S_IXUSR | stat.S_IRUSR)
            function(name)
        except OSError:
            pass

    handler = {"onexc" if sys.version_info >= (3, 12) else "onerror": make_writable_and_retry}
    shutil.rmtree(path, **handler)  # type: ignore[arg-type]
    if path.exists():
        print(f"note: could not delete {path} entirely; the next build will try again", file=sys.stderr)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Publish ``staging`` as ``site_dir``; the old site is deleted. OSError if it cannot be done (then
    site_dir is as it was)."""
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    if _exchange(staging, site_dir):
        remove_tree(staging)  # now the old site
        return
    # No atomic exchange here: two renames, with a moment between them that `recover` repairs if we die.
    # A name of its own, so a retired site that could not be deleted never blocks this one.
    previous = Path(tempfile.mkdtemp(prefix=previous_prefix(site_dir) + "-", dir=site_dir.parent))
    previous.rmdir()
    site_dir.rename(previous)
    try:
        staging.rename(site_dir)
    except OSError:
        previous.rename(site_dir)
        raise
    remove_tree(previous)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux 3.15+, glibc 2.28+); False when the platform cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # this file system cannot exchange: fall back to two renames
    raise OSError(code, os.strerror(code), str(b))
