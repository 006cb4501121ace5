"""Seeds for the sample publications that nobody used while writing the importer.

The importer was developed and tuned on seeds 1–300 only. ``unseen_seeds()`` gives 20 others, so that a
pass means the importer generalises rather than fits the seeds it was written against:

- by default, seeds 7 000 000 to 7 000 019 (a fixed offset, never run during development, so a failure
  reproduces anywhere);
- with ``WORKING_TOGETHER_SEEDS=date`` (as the nightly CI job sets it), 20 seeds derived from today's UTC
  date, new every day; a failure names its seed, and ``WORKING_TOGETHER_SEEDS=<seed>`` reruns from it.
"""

from __future__ import annotations

import datetime as dt
import os

FIXED_OFFSET = 7_000_000
COUNT = 20


def unseen_seeds() -> list[int]:
    setting = os.environ.get("WORKING_TOGETHER_SEEDS", "")
    if setting == "date":
        start = 10_000_000 + dt.datetime.now(dt.timezone.utc).date().toordinal() * COUNT
    elif setting.isdigit():
        start = int(setting)
    else:
        start = FIXED_OFFSET
    return list(range(start, start + COUNT))
