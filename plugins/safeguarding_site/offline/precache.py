"""The hosted site offline on a phone: the web app manifest, its icons, and the service worker's precache list.

Run after every other plugin's last step (the plugin's on_post_build at the lowest priority), so that the
list names the files exactly as they are published, search index included. What is cached is decided from
the built site, not from a list kept by hand: every file, less the ones EXCLUDED explains.

The service worker itself is ``service_worker.js`` beside this module (written by us: a few dozen lines do
what is needed, and a generator such as Workbox would bring Node into the editors' set-up). The build writes
it to the site's root, where its scope covers every page under any base path, with the precache list
inlined: a new deploy changes the worker's bytes exactly when some file changed, which is how browsers
notice an update.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .icons import png, rasterise

SERVICE_WORKER = "sw.js"
WEB_MANIFEST = "manifest.webmanifest"
ICON_SOURCE = "images/app-icon.svg"  # in docs/, so the built site has it too
ICON_SIZES = (192, 512)  # what Chromium asks of an installable app
THEME_COLOUR = "#4051b5"  # Material's indigo, the palette's primary colour in mkdocs.yml
SHORT_NAME = "Working Together"
# Under this a phone keeps the copy without complaint; the build warns above it (strict: fails).
BUDGET = 8_000_000
HASH_LENGTH = 20  # hex digits of SHA-256: enough to tell two versions of one file apart
_WORKER_SOURCE = Path(__file__).with_name("service_worker.js")
_RETIRE_SOURCE = Path(__file__).with_name("retire_worker.js")


def icon_path(size: int) -> str:
    return f"assets/icons/app-icon-{size}.png"


@dataclass(frozen=True)
class Precache:
    files: dict[str, tuple[str, int]]  # site-relative path -> (content hash, bytes)
    excluded: dict[str, str] = field(default_factory=dict)  # site-relative path -> why

    @property
    def size(self) -> int:
        return sum(size for _, size in self.files.values())

    @property
    def version(self) -> str:
        listing = "\n".join(f"{path} {digest}" for path, (digest, _) in sorted(self.files.items()))
        return hashlib.sha256(listing.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _search_languages(site_dir: Path) -> list[str]:
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return []
    lang = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    return [lang] if isinstance(lang, str) else list(lang)


def _lunr_files_needed(languages: list[str]) -> set[str]:
    """The lunr files Material's search worker loads for these languages (its setupSearchLanguages)."""
    needed: set[str] = set()
    others = [lang for lang in languages if lang != "en"]
    if others:
        needed.add("lunr.stemmer.support.min.js")
        needed.update(f"lunr.{lang}.min.js" for lang in others)
    if len(languages) > 1:
        needed.add("lunr.multi.min.js")
    if "ja" in languages:
        needed.add("tinyseg.js")
    if "th" in languages:
        needed.add("wordcut.js")
    return needed


def excluded_reason(path: str, *, site_dir: Path, lunr_needed: set[str]) -> str | None:
    """Why a built file is left out of the precache, or None: every file is cached unless a rule says not."""
    name = path.rsplit("/", 1)[-1]
    if path.endswith(".map"):
        return "source map: only a developer's tools read it"
    if path.startswith("assets/javascripts/lunr/") and name not in lunr_needed:
        return "lunr language file for a language the site's search does not use"
    if path == "search/search_index.js" and (site_dir / "search" / "search_index.json").is_file():
        return "the search index inlined for pages opened from disk (file://); over the web search reads the JSON"
    if path.endswith(".zip"):
        return "the desktop download: a copy of the whole site, for computers"
    if path == "404.html":
        return "the web server's page for missing paths; offline the browser's own page says more"
    if path in ("sitemap.xml", "sitemap.xml.gz"):
        return "for search engines, not readers"
    if path == SERVICE_WORKER:
        return "the service worker itself: the browser keeps it"
    return None


def precache_list(site_dir: Path) -> Precache:
    """Every file of the built site, hashed, less the ones excluded_reason names."""
    lunr_needed = _lunr_files_needed(_search_languages(site_dir))
    files, excluded = {}, {}
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = file.relative_to(site_dir).as_posix()
        reason = excluded_reason(path, site_dir=site_dir, lunr_needed=lunr_needed)
        if reason:
            excluded[path] = reason
            continue
        data = file.read_bytes()
        files[path] = (hashlib.sha256(data).hexdigest()[:HASH_LENGTH], len(data))
    return Precache(files=files, excluded=excluded)


def web_manifest(*, name: str, description: str) -> dict:
    """The web app manifest; every URL is relative to the manifest, which sits at the site's root."""
    icons = [{"src": icon_path(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
             for size in ICON_SIZES]
    # The design keeps the book inside the maskable safe zone, so the largest icon serves as maskable too.
    icons.append({"src": icon_path(ICON_SIZES[-1]), "sizes": f"{ICON_SIZES[-1]}x{ICON_SIZES[-1]}",
                  "type": "image/png", "purpose": "maskable"})
    return {
        "id": "./", "name": name, "short_name": SHORT_NAME, "description": description, "lang": "en-GB",
        "start_url": "./index.html", "scope": "./", "display": "standalone",
        "theme_color": THEME_COLOUR, "background_color": "#ffffff", "icons": icons,
    }


def write_app_files(site_dir: Path, *, name: str, description: str) -> None:
    """The manifest and the icons, drawn from the SVG that the build copied into the site."""
    source = site_dir / ICON_SOURCE
    for size in ICON_SIZES:
        target = site_dir / icon_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png(rasterise(source, size)))
    text = json.dumps(web_manifest(name=name, description=description), indent=2, ensure_ascii=False)
    (site_dir / WEB_MANIFEST).write_text(text + "\n", encoding="utf-8")


def write_service_worker(site_dir: Path, *, preview: bool = False) -> Precache | None:
    """Hash the final site and write sw.js at its root: the precache list, then the worker's code.

    A preview (``build.py serve``) gets instead a worker that deletes any kept copy and unregisters itself:
    a cached page would hide the editor's change.
    """
    if preview:
        (site_dir / SERVICE_WORKER).write_text(_RETIRE_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
        return None
    precache = precache_list(site_dir)
    listing = {"version": precache.version, "files": {path: digest for path, (digest, _) in precache.files.items()}}
    head = ("// Written by the build (offline/precache.py): the files to keep offline, with their content hashes.\n"
            f"const PRECACHE = {json.dumps(listing, separators=(',', ':'), sort_keys=True)};\n")
    (site_dir / SERVICE_WORKER).write_text(head + _WORKER_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    return precache


def over_budget(precache: Precache | None, budget: int = BUDGET) -> str | None:
    if precache is None or precache.size <= budget:
        return None
    largest = sorted(precache.files.items(), key=lambda item: -item[1][1])[:5]
    return (f"the offline copy would be {precache.size / 1e6:.1f} MB, over the {budget / 1e6:.0f} MB budget; "
            "largest files: " + ", ".join(f"{p} ({s / 1e6:.2f} MB)" for p, (_, s) in largest) +
            ". Exclude what a reader does not need offline in offline/precache.py (excluded_reason)")
