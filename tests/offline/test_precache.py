"""offline/precache.py: what the service worker keeps, the sw.js the build writes, the manifest and the budget."""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from safeguarding_site.offline.precache import (
    BUDGET,
    ICON_SIZES,
    SERVICE_WORKER,
    WEB_MANIFEST,
    icon_path,
    over_budget,
    precache_list,
    web_manifest,
    write_service_worker,
)


def fake_site(tmp_path: Path, files: dict[str, bytes | str], lang: list[str] | None = None) -> Path:
    site = tmp_path / "site"
    files = {"search/search_index.json": json.dumps({"config": {"lang": lang or ["en"]}, "docs": []}), **files}
    for path, data in files.items():
        target = site / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return site


def test_excludes_maps_unused_lunr_the_file_index_the_zip_and_the_worker(tmp_path):
    site = fake_site(tmp_path, {
        "index.html": "<p>home</p>",
        "assets/javascripts/bundle.min.js": "js",
        "assets/javascripts/bundle.min.js.map": "{}",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stem",
        "assets/javascripts/lunr/wordcut.js": "th",
        "search/search_index.js": "var __index = {}",
        "download/working-together-offline.zip": b"PK",
        "sitemap.xml": "<urlset/>",
        "404.html": "<p>not found</p>",
        SERVICE_WORKER: "// old",
    })
    precache = precache_list(site)
    assert set(precache.files) == {"index.html", "assets/javascripts/bundle.min.js", "search/search_index.json"}
    assert set(precache.excluded) == {
        "assets/javascripts/bundle.min.js.map", "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/wordcut.js",
        "search/search_index.js", "download/working-together-offline.zip", "sitemap.xml", "404.html",
        SERVICE_WORKER}
    assert "file://" in precache.excluded["search/search_index.js"]


def test_keeps_the_lunr_files_a_german_and_english_search_loads(tmp_path):
    site = fake_site(tmp_path, {
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stem",
        "assets/javascripts/lunr/min/lunr.multi.min.js": "multi",
    }, lang=["en", "de"])
    kept = {p.rsplit("/", 1)[1] for p in precache_list(site).files if "lunr" in p}
    assert kept == {"lunr.de.min.js", "lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def test_search_index_js_is_kept_when_it_is_the_only_form(tmp_path):
    site = fake_site(tmp_path, {"search/search_index.js": "var __index = {}"})
    (site / "search/search_index.json").unlink()
    assert "search/search_index.js" in precache_list(site).files


def test_one_changed_file_changes_its_hash_and_the_version_only(tmp_path):
    site = fake_site(tmp_path, {"a.html": "a", "b.html": "b"})
    before = precache_list(site)
    (site / "b.html").write_text("b, corrected", encoding="utf-8")
    after = precache_list(site)
    assert before.files["a.html"] == after.files["a.html"]
    assert before.files["b.html"][0] != after.files["b.html"][0]
    assert before.version != after.version
    assert precache_list(site).version == after.version  # the same site, the same version


def test_service_worker_inlines_the_list_before_its_code(tmp_path):
    site = fake_site(tmp_path, {"index.html": "<p>home</p>"})
    precache = write_service_worker(site)
    first, second, code = (site / SERVICE_WORKER).read_text(encoding="utf-8").split("\n", 2)
    assert first.startswith("//")
    listing = json.loads(re.fullmatch(r"const PRECACHE = (\{.*\});", second).group(1))
    assert listing == {"version": precache.version,
                       "files": {path: digest for path, (digest, _) in precache.files.items()}}
    assert 'addEventListener("fetch"' in code and "PRECACHE.files" in code
    assert SERVICE_WORKER not in listing["files"]


def test_budget(tmp_path):
    site = fake_site(tmp_path, {"big.html": "x" * 2000, "small.html": "y"})
    precache = precache_list(site)
    assert over_budget(precache, budget=10_000) is None
    problem = over_budget(precache, budget=1000)
    assert problem is not None and "big.html" in problem and "excluded_reason" in problem


def test_manifest_has_what_chromium_needs_to_install():
    manifest = web_manifest(name="Working Together", description="d")
    assert manifest["display"] == "standalone" and manifest["start_url"] and manifest["short_name"]
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png" and icon["purpose"] == "any"}
    assert sizes == {f"{s}x{s}" for s in ICON_SIZES} >= {"192x192", "512x512"}
    # Relative to the manifest at the site's root: the same file works under any base path.
    assert all(not icon["src"].startswith("/") for icon in manifest["icons"])
    assert manifest["scope"] == "./"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)


def test_real_site_every_local_file_a_page_uses_is_kept_and_the_copy_is_under_budget(built_site):
    precache = precache_list(built_site)
    assert precache.size < BUDGET
    assert "search/search_index.json" in precache.files and "search/search_index.js" not in precache.files
    assert WEB_MANIFEST in precache.files and all(icon_path(s) in precache.files for s in ICON_SIZES)
    assert not [p for p in precache.files if p.endswith(".map") or p.endswith(".zip")]
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  (built_site / "index.html").read_text(encoding="utf-8")).group(1))
    assert config["search"] in precache.files  # the search worker
    root = "http://site/"
    missing = set()
    for page in sorted(built_site.rglob("*.html")):
        if page.name == "404.html":
            continue  # root-relative URLs: served for any missing path
        relative = page.relative_to(built_site).as_posix()
        assert relative in precache.files
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            target = urlsplit(urljoin(root + relative, url))
            if f"{target.scheme}://{target.netloc}/" != root:
                continue
            path = target.path.removeprefix("/") or "index.html"
            if path.endswith("/"):
                path += "index.html"
            if path not in precache.files and not path.endswith(".zip"):
                missing.add(f"{relative} -> {path}")
    assert not missing, sorted(missing)[:10]


def test_preview_gets_a_worker_that_removes_the_copy_and_itself(tmp_path):
    site = fake_site(tmp_path, {"index.html": "<p>home</p>"})
    assert write_service_worker(site, preview=True) is None
    code = (site / SERVICE_WORKER).read_text(encoding="utf-8")
    assert "PRECACHE" not in code and 'addEventListener("fetch"' not in code
    assert "caches.delete" in code and "registration.unregister()" in code
    assert over_budget(None) is None


def test_plugin_previews_only_under_serve():
    from safeguarding_site.plugin import SafeguardingPlugin

    plugin = SafeguardingPlugin()
    plugin.on_startup(command="build", dirty=False)
    assert plugin.preview is False
    plugin.on_startup(command="serve", dirty=False)
    assert plugin.preview is True
    plugin.on_shutdown()


def test_published_site_keeps_the_zip_out_and_stays_under_budget():
    # The session's one `build.py bundle`, shared with the offline and browser tests.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from offline_support import bundled

    site = bundled()
    precache = precache_list(site.site)
    assert site.zip_path.is_file()
    assert site.zip_path.relative_to(site.site).as_posix() in precache.excluded
    assert precache.size < BUDGET
