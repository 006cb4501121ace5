"""The hosted site offline in Chromium: served under /REPO/, kept by the service worker, updated, installable.

Two real builds of a copy of the project: A, and B with one page changed. Each is served from 127.0.0.1 at
/REPO/ (GitHub Pages serves a project site so) by a server that can be stopped, and started again on the
same port (one origin, so the browser keeps its service worker and caches).
"""

from __future__ import annotations

import functools
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from safeguarding_site.offline.precache import SERVICE_WORKER, WEB_MANIFEST

ROOT = Path(__file__).resolve().parents[2]
REPO = "REPO"
TIMEOUT_MS = 60_000
CHANGED_PAGE = "accessibility.md"
CHANGED_HTML = "accessibility.html"
NEW_SENTENCE = "This sentence exists only in the second build."
# Pages read with no signal: a recommendation, a chapter, the guide.
OFFLINE_PAGES = ("recommendations/12.html", "working-together/chapter-5.html", "guide/index.html")
QUERY = "accident and emergency"  # recommendation 12 comes first (test_offline_browser.py)
ALWAYS_ALLOWED = ("data:", "blob:", "about:", "chrome-extension:")


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now (the pinned axe-playwright-python's copy)."""
    from axe_playwright_python.base import AXE_FILE_PATH

    page.evaluate(Path(AXE_FILE_PATH).read_text(encoding="utf-8"))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag', values:
        ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})""")
    return [f"{v['id']}: {v['nodes'][0]['html'][:100]}" for v in result["violations"]]


def _launch_settings() -> tuple[str, list[str]]:
    """The Chromium and flags of this folder's conftest.py, for the one test that needs its own profile."""
    spec = importlib.util.spec_from_file_location("browser_launch", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.CHROMIUM), list(module.CHROMIUM_ARGS)


def _build(project: Path, out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1764460800",
           "SAFEGUARDING_OFFLINE_BUNDLE": ""}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(out)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr


@dataclass(frozen=True)
class Builds:
    a: Path  # a folder holding REPO/, the first build
    b: Path  # the same, second build: CHANGED_PAGE has one more sentence


@pytest.fixture(scope="module")
def builds(browser, tmp_path_factory: pytest.TempPathFactory) -> Builds:
    work = tmp_path_factory.mktemp("service-worker")
    # A copy outside git, so both builds date their pages from SOURCE_DATE_EPOCH alike.
    project = work / "project"
    for name in ("docs", "cross_refs", "overrides", "sources"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    _build(project, work / "a" / REPO)
    page = project / "docs" / CHANGED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + f"\n{NEW_SENTENCE}\n", encoding="utf-8")
    _build(project, work / "b" / REPO)
    return Builds(a=work / "a", b=work / "b")


def precache_files(site: Path) -> dict[str, str]:
    """The PRECACHE.files the build inlined into sw.js."""
    head = (site / SERVICE_WORKER).read_text(encoding="utf-8").split("\n", 2)[1]
    return json.loads(re.fullmatch(r"const PRECACHE = (\{.*\});", head).group(1))["files"]


def title(page: Path) -> str:
    found = re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.DOTALL)
    return html.unescape(found.group(1))


class Server:
    """A static server for one folder at a fixed port, which can be stopped and started again."""

    def __init__(self) -> None:
        self.port = 0
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.served: list[str] = []

    def start(self, folder: Path) -> None:
        served = self.served

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
                pass

            def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
                served.append(self.path.split("?")[0].removeprefix(f"/{REPO}/"))

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), functools.partial(Handler, directory=str(folder)))
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        assert self.server is not None and self.thread is not None
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        self.server = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{REPO}/"


@pytest.fixture
def server() -> Iterator[Server]:
    server = Server()
    yield server
    if server.server is not None:
        server.stop()


class Visit:
    """A fresh browser profile (its own service workers and caches) that records every response."""

    def __init__(self, browser, base: str, *, save_data: bool = False, profile: Path | None = None) -> None:
        self.base = base
        if profile is None:
            self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        else:
            # Chromium offers installation only outside incognito, which every new_context() is.
            executable, args = _launch_settings()
            self.context = browser.browser_type.launch_persistent_context(
                str(profile), executable_path=executable, args=args, viewport={"width": 1280, "height": 900})
        self.requests: list[str] = []
        self.responses: list[tuple[str, bool]] = []  # (URL, came from the service worker)
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.on("response", lambda response: self.responses.append(
            (response.url, response.from_service_worker)))
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT_MS)
        self.page.on("pageerror", lambda exc: self.errors.append(f"uncaught: {exc}"))
        self.cdp = self.context.new_cdp_session(self.page)
        if save_data:
            # What Chromium does with the Data Saver setting on: navigator.connection.saveData is true.
            self.cdp.send("Emulation.setDataSaverOverride", {"dataSaverEnabled": True})

    def open(self, path: str):
        return self.page.goto(self.base + path)

    def wait_until_saved(self) -> None:
        """Until the page shows the worker's report that the precache is complete."""
        self.page.wait_for_function("document.documentElement.dataset.offline === 'complete'", timeout=TIMEOUT_MS)

    def search(self, query: str) -> list[str]:
        """Type into Material's search box; the result links in order, once the count is shown."""
        box = self.page.locator("input.md-search__input")
        box.click()
        box.fill("")
        box.type(query)
        self.page.wait_for_function(
            "q => { const m = document.querySelector('.md-search-result__meta');"
            " return m && /matching/i.test(m.textContent) && document.querySelector('.md-search__input').value === q }",
            arg=query)
        self.page.wait_for_timeout(300)  # Material renders the list just after the count
        return self.page.eval_on_selector_all(".md-search-result__list > li a", "links => links.map(a => a.href)")

    def cached_files(self) -> int:
        return self.page.evaluate("""async () => {
            let n = 0;
            for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
            return n; }""")

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(ALWAYS_ALLOWED) and
                not url.startswith(self.base)]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visits(browser) -> Iterator[list[Visit]]:
    opened: list[Visit] = []
    yield opened
    for visit in opened:
        visit.close()


def test_whole_site_works_with_the_server_stopped(browser, builds, server, visits, tmp_path):
    server.start(builds.a)
    visit = Visit(browser, server.base, profile=tmp_path / "profile")
    visits.append(visit)
    visit.open("index.html")
    visit.wait_until_saved()
    total = len(precache_files(builds.a / REPO))
    assert visit.cached_files() == total + 1  # every file, and the worker's record that the copy is complete
    footer = visit.page.locator("[data-offline-footer]")
    assert re.search(rf"Available offline: {total} files, updated \d", footer.inner_text())

    # Installable: Chromium's own check of the manifest, its icons and the service worker.
    assert visit.cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    visit.open("download.html")
    visit.wait_until_saved()  # this page's report from the worker
    assert re.search(rf"Available offline: {total} files", visit.page.locator("[data-offline-status]").inner_text())
    assert visit.page.get_by_role("button", name="Save for offline use now").is_enabled()
    visit.page.locator("[data-offline-kept]").wait_for()  # what the browser promises to keep
    assert not visit.page.locator("[data-offline-file]").is_visible()
    assert axe_violations(visit.page) == []

    visit.open("guide/index.html")
    online = visit.search(QUERY)
    assert online

    server.stop()
    visit.responses.clear()
    for path in OFFLINE_PAGES:
        response = visit.open(path)
        assert response is not None and response.ok and response.from_service_worker, path
        assert visit.page.title() == title(builds.a / REPO / path), path
    # On the guide, the last page opened: the same results as online, and the first one opens.
    assert visit.search(QUERY) == online
    first = visit.page.locator(".md-search-result__list > li a").first
    target = first.get_attribute("href")
    assert "recommendations/12.html" in first.evaluate("a => a.href")
    first.click()
    visit.page.wait_for_url(re.compile(re.escape(target.split("#")[0].lstrip("./")) + ".*"))
    assert visit.page.title() == title(builds.a / REPO / "recommendations/12.html")
    assert visit.responses, "the pages above were loaded"
    not_from_worker = [url for url, from_worker in visit.responses if not from_worker]
    assert not_from_worker == []
    assert any(url.endswith("search/search_index.json") for url, _ in visit.responses)
    assert visit.outside() == []
    assert visit.errors == []


def test_new_version_offers_reload_and_fetches_only_what_changed(browser, builds, server, visits):
    server.start(builds.a)
    visit = Visit(browser, server.base)
    visits.append(visit)
    visit.open("index.html")
    visit.wait_until_saved()
    server.stop()

    server.served.clear()
    server.start(builds.b)
    visit.open("index.html")  # the browser checks sw.js for an update on every navigation
    prompt = visit.page.locator(".offline-update[role=status]")
    prompt.get_by_role("button", name="reload").wait_for()
    assert prompt.inner_text().startswith("A new version is available:")
    assert axe_violations(visit.page) == []

    old, new = precache_files(builds.a / REPO), precache_files(builds.b / REPO)
    changed = {path for path, digest in new.items() if old.get(path) != digest}
    assert CHANGED_HTML in changed and len(changed) < 5, changed  # the page and the search index
    fetched = set(server.served) - {SERVICE_WORKER}
    assert fetched == changed  # the rest was copied from the old version's cache

    # Until the reader reloads, the old version is served whole.
    response = visit.open(CHANGED_HTML)
    assert response.from_service_worker and NEW_SENTENCE not in visit.page.content()
    visit.page.locator(".offline-update button").click()
    visit.page.wait_for_function(f"document.body.textContent.includes({json.dumps(NEW_SENTENCE)})")
    assert visit.page.locator(".offline-update").inner_text() == ""
    server.served.clear()
    for path in (CHANGED_HTML, *OFFLINE_PAGES):
        response = visit.open(path)
        assert response.from_service_worker, path
    assert NEW_SENTENCE in visit.open(CHANGED_HTML).text()
    assert [path for path in server.served if path != SERVICE_WORKER] == []
    assert visit.outside() == []
    assert visit.errors == []


def test_save_data_saves_nothing_until_asked(browser, builds, server, visits):
    server.start(builds.a)
    visit = Visit(browser, server.base, save_data=True)
    visits.append(visit)
    assert visit.page.evaluate("navigator.connection.saveData") is True
    visit.open("download.html")
    visit.page.wait_for_function("document.documentElement.dataset.offline === 'none'")
    visit.page.wait_for_timeout(2000)  # time enough for a precache to start, were one allowed to
    assert visit.cached_files() == 0
    assert "save data" in visit.page.locator("[data-offline-status]").inner_text()
    visit.page.get_by_role("button", name="Save for offline use now").click()
    visit.wait_until_saved()
    assert visit.cached_files() == len(precache_files(builds.a / REPO)) + 1
    assert visit.outside() == []


def test_from_disk_no_service_worker_and_the_page_says_so(browser, builds, visits):
    visit = Visit(browser, "file://")
    visits.append(visit)
    visit.page.goto((builds.a / REPO / "download.html").as_uri())
    assert visit.page.locator("[data-offline-file]").is_visible()
    assert not visit.page.locator("[data-offline-panel]").is_visible()
    assert not visit.page.locator("[data-offline-footer]").is_visible()
    assert visit.page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    assert visit.errors == []


def test_manifest_is_linked_from_every_page(builds):
    site = builds.a / REPO
    manifest = json.loads((site / WEB_MANIFEST).read_text(encoding="utf-8"))
    for icon in manifest["icons"]:
        assert (site / icon["src"]).read_bytes().startswith(b"\x89PNG")
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue  # MkDocs renders it with root-relative URLs, since it is served for any missing path
        depth = len(page.relative_to(site).parts) - 1
        assert f'<link rel="manifest" href="{"../" * depth}{WEB_MANIFEST}">' in page.read_text(encoding="utf-8"), page
