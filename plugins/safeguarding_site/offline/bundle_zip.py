"""The offline copy as a zip: the built site under one folder, byte for byte the same for the same files."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from ..base.dates import format_date
from ..pages.download import ZIP_FOLDER, Bundle, describe


def readme_text(made: datetime) -> str:
    return (
        "Working Together to Safeguard Children (2010): offline copy\n\n"
        f"Made on {format_date(made)}. Open index.html in this folder with your web browser.\n"
        "Everything works from this folder with no internet connection, search included.\n"
        "The copy does not update itself: download it again to get later corrections.\n"
    )


def write_zip(site_dir: Path, out: Path, made: datetime) -> Bundle:
    """Zip site_dir under one folder (sorted entries, fixed dates), so two zips of one site are identical."""
    stamp = made.timetuple()[:6]
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        entries = [(f"{ZIP_FOLDER}/README.txt", readme_text(made).encode("utf-8"))]
        entries += [(f"{ZIP_FOLDER}/{p.relative_to(site_dir).as_posix()}", p.read_bytes()) for p in files]
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return describe(out, made)
