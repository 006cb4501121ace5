"""Dates as the site prints them, and the build's date: one place for SOURCE_DATE_EPOCH and its fallback."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

# 17 March 2010, the documents' publication date: the build's date when there is no git history to give one.
FALLBACK_EPOCH = 1268784000
# The folders whose history is the content's history: the pages and the data they are built from.
CONTENT_PATHS = ("docs", "cross_refs")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_DATE = re.compile(r"^(?:(\d{1,2}) )?(" + "|".join(MONTHS) + r") (\d{4})$")
_PUBLISHED = re.compile(r"^(\d{4})-(\d{2})$")


def parse_document_date(text: str) -> dt.date:
    """A date as documents.yaml prints it ("17 March 2010" or "March 2010"; a month alone counts as its 1st)."""
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"not a date of the form '17 March 2010' or 'March 2010': {text!r}")
    day, month, year = match.groups()
    return dt.date(int(year), MONTHS.index(month) + 1, int(day or 1))


def format_date(day: dt.date) -> str:
    """British style, as the documents print dates: 7 March 2010."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def published_month(published: str) -> str:
    """working-together.yaml's ``published: 2010-03`` as "March 2010" (other forms are shown as written)."""
    match = _PUBLISHED.match(published.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        return published.strip()
    return f"{MONTHS[int(match.group(2)) - 1]} {match.group(1)}"


def content_last_updated(root: Path, paths: Iterable[str] = CONTENT_PATHS) -> dt.date | None:
    """The day (UTC) of the last commit that touched the content; without git, SOURCE_DATE_EPOCH or None.

    None is the stable fallback: a copy with no history says the date is not recorded rather than
    showing the day it happened to be built.
    """
    epoch: str | None = None
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *paths], cwd=root,
                                capture_output=True, text=True, timeout=30)
        if result.returncode == 0 and result.stdout.strip():
            epoch = result.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    epoch = epoch or os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()


def source_date_epoch(root: Path) -> str:
    """The last commit's time, so that two builds of one commit are byte-identical (sitemap dates too)."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                             check=True).stdout.strip()
        if out:
            return out
    except (OSError, subprocess.CalledProcessError):
        pass
    return str(FALLBACK_EPOCH)


def build_moment(environ: Mapping[str, str] = os.environ) -> dt.datetime:
    """The build's moment from SOURCE_DATE_EPOCH (set by the commands to the last commit), as a UTC datetime."""
    try:
        epoch = int(environ.get("SOURCE_DATE_EPOCH", FALLBACK_EPOCH))
    except ValueError:
        epoch = FALLBACK_EPOCH
    return dt.datetime.fromtimestamp(max(epoch, 315532800), tz=dt.timezone.utc)  # zip dates start in 1980
