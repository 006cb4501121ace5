"""The iframe-worker shim is the pinned npm release, is served from our own assets, and nothing is fetched."""

from __future__ import annotations

import io
import re
import tarfile

import pytest
import yaml
from offline_support import ROOT, bundled
from safeguarding_site.offline.vendored_assets import IFRAME_WORKER, check_tarball, sha256, tarball_integrity, verify

# Every way a built page could make the browser fetch something: scripts, styles, fonts, images, frames.
_FETCHING = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="([^"]+)"', re.IGNORECASE)


def test_vendored_files_match_the_pinned_release():
    assert verify(ROOT) == []


def test_a_changed_file_is_reported(tmp_path):
    for ours, _ in IFRAME_WORKER.files.items():
        (tmp_path / ours).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / ours).write_bytes((ROOT / ours).read_bytes())
    shim = next(iter(IFRAME_WORKER.files))
    (tmp_path / shim).write_bytes(b"window.Worker = undefined;")
    (problem,) = verify(tmp_path)
    assert "differs from iframe-worker@1.0.4" in problem


def test_a_tarball_that_is_not_the_release_is_refused():
    fake = io.BytesIO()
    with tarfile.open(fileobj=fake, mode="w:gz") as tar:
        data = (ROOT / next(iter(IFRAME_WORKER.files))).read_bytes()
        info = tarfile.TarInfo("package/shim/index.js")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    assert tarball_integrity(fake.getvalue()) != IFRAME_WORKER.integrity
    with pytest.raises(ValueError, match="is not iframe-worker@1.0.4"):
        check_tarball(fake.getvalue())


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (!ENV, !relative); their values do not matter here."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def test_mkdocs_yml_serves_the_shim_from_our_assets():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)  # noqa: S506
    assert config["theme"]["custom_dir"] == "overrides"
    assert config["extra"]["polyfills"] == [IFRAME_WORKER.polyfill]
    assert "offline" in [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert config["theme"]["font"] is False


@pytest.mark.real_content
def test_built_site_fetches_nothing_from_outside():
    site = bundled().site
    shim = site / IFRAME_WORKER.polyfill
    assert sha256(shim.read_bytes()) == IFRAME_WORKER.files[next(iter(IFRAME_WORKER.files))][1]
    assert (site / "search" / "search_index.js").is_file(), "the offline plugin's inlined index is missing"
    outside = []
    for page in sorted(site.rglob("*.html")):
        for url in _FETCHING.findall(page.read_text(encoding="utf-8")):
            if re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:)?//", url):
                outside.append(f"{page.relative_to(site)}: {url}")
    assert outside == []
    assert "unpkg.com" not in (site / "index.html").read_text(encoding="utf-8")
