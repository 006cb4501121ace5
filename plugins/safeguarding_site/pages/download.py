"""The "Download for offline use" page, generated like the recommendation pages, and what it says of the zip.

Which page a build gets is the plugin's ``offline_bundle`` setting (mkdocs.yml reads it from BUNDLE_ENV, which
``build.py bundle`` sets): empty for a plain build, OFFLINE_COPY inside the zip, else the finished zip's path.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..base.dates import format_date

DOWNLOAD_PAGE = "download.md"
ZIP_NAME = "working-together-offline.zip"
ZIP_URI = f"download/{ZIP_NAME}"
ZIP_FOLDER = "working-together-offline"
BUNDLE_ENV = "SAFEGUARDING_OFFLINE_BUNDLE"
OFFLINE_COPY = "offline-copy"


@dataclass(frozen=True)
class Bundle:
    path: Path
    size: int
    sha256: str
    made: datetime


def describe(path: Path, made: datetime) -> Bundle:
    data = path.read_bytes()
    return Bundle(path=path, size=len(data), sha256=hashlib.sha256(data).hexdigest(), made=made)


def human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def bundle_setting(environ: Mapping[str, str] = os.environ) -> str:
    """What ``build.py check`` reads for the plugin's ``offline_bundle`` setting, as mkdocs.yml's !ENV does."""
    return environ.get(BUNDLE_ENV, "")


# The hosted site kept by the browser (offline/precache.py, docs/javascripts/offline.js, which fills and shows
# the hidden parts): the same words on every build, since the zip and the browser's copy are separate.
IN_THE_BROWSER = [
    "## On a phone or tablet: keep the site in your browser",
    "",
    "A phone cannot open a folder of web pages, so the downloaded copy is for computers. On a phone, "
    "tablet or computer, this website keeps itself in your web browser after one visit, and then works "
    "with no signal: pages, links between the documents, and search. When a new version is published, "
    "the site tells you and updates only what changed when you reload.",
    "",
    "If your browser asks sites to save data (Data Saver or Lite mode), nothing is saved until you press "
    "the button below. Keeping the site needs JavaScript and a few megabytes of space.",
    "",
    '<div class="offline-panel" data-offline-panel hidden>',
    '<p role="status" data-offline-status></p>',
    '<p><button type="button" class="md-button md-button--primary" data-offline-save>'
    "Save for offline use now</button></p>",
    "<p data-offline-kept hidden></p>",
    "</div>",
    "",
    "<p data-offline-file hidden>You opened this page from a file, not from the website, so your browser "
    "keeps no copy of it: this copy already works with no connection, as it is.</p>",
    "",
    "<p data-offline-unsupported hidden>Your browser cannot keep this site for offline use (it has no "
    "service workers). Use the download on a computer, or another browser.</p>",
]


def download_page(mode: str, made: datetime) -> tuple[str, Path | None]:
    """The Markdown of download.md, and the zip the plugin must add at ZIP_URI (None: no zip in this build)."""
    # Material's trailing wildcard makes "of", "do" and "for" match this page's title ("offline",
    # "download"), so without a low boost it topped searches such as "Do it now, do it right".
    head = ["---", "title: Download for offline use", "search:", "  boost: 0.1", "---", "",
            "# Download for offline use", ""]
    if mode == OFFLINE_COPY:
        body = [
            f"You are reading the offline copy of this site, made on {format_date(made)}. It works from this "
            "folder with no internet connection: pages, links between the documents, footnotes and search.",
            "",
            "The copy does not update itself. To get later corrections, download it again from the "
            "published site.",
            "",
        ]
        return "\n".join(head + body + IN_THE_BROWSER) + "\n", None
    if not mode:
        body = [
            "This build of the site was made without the offline copy. Editors make it with "
            "`python build.py bundle`, which builds the site together with the download.",
            "",
        ]
        return "\n".join(head + body + IN_THE_BROWSER) + "\n", None
    bundle = describe(Path(mode), made)
    body = [
        "You can keep a copy of this whole site on your own computer, and read and search it with no "
        "internet connection: on a laptop in a family's home, in court, or on a machine that cannot "
        "reach the internet.",
        "",
        f"[Download for offline use]({ZIP_URI}){{ download=\"{ZIP_NAME}\" .md-button .md-button--primary }}",
        "",
        f"ZIP file, {human_size(bundle.size)}, made on {format_date(made)}.",
        "",
        "1. Save the file and unzip it into a folder of your choice.",
        f"2. In the folder `{ZIP_FOLDER}`, open `index.html` with your web browser.",
        "",
        "Everything works from the unzipped folder, search included, and nothing is fetched from the "
        "internet. The copy does not update itself: download it again to get later corrections.",
        "",
        f"To check that the download is complete: its SHA-256 checksum is `{bundle.sha256}`.",
        "",
    ]
    return "\n".join(head + body + IN_THE_BROWSER) + "\n", bundle.path
