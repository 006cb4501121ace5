"""Addresses in the UK Government Web Archive, for government sites that have since closed."""

from __future__ import annotations

import datetime

ARCHIVE = "https://webarchive.nationalarchives.gov.uk/ukgwa/{stamp}000000/{url}"


def archive_url(url: str, on: datetime.date) -> str:
    """The UK Government Web Archive's address for ``url`` as it was around ``on``.

    Built by rule, never looked up: the archive answers a timestamped address with its capture nearest to
    that moment, so the date the source gave the address (when it is known to have worked) finds it.
    """
    return ARCHIVE.format(stamp=on.strftime("%Y%m%d"), url=url)
