"""Headless Chromium (Debian's, driven by Playwright), the bundled site, and a local web server for it."""

from __future__ import annotations

import functools
import os
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from offline_support import Bundled, bundled  # noqa: E402

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# As the machine notes say: without the background-networking flags Chromium itself calls Google's
# servers, which would count as requests leaving the site.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _unavailable(reason: str) -> None:
    message = (f"browser tests need Chromium and Playwright: {reason}. Install them with "
               "`apt-get install chromium` and the pinned requirements (playwright).")
    if os.environ.get("CI"):
        pytest.fail(message + " CI must run the browser tests, so this is a failure, not a skip.",
                    pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"cannot import playwright ({exc})")
    if not CHROMIUM.is_file():
        _unavailable(f"no Chromium at {CHROMIUM} (set CHROMIUM to its path)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site(browser) -> Bundled:
    # Asks for the browser first, so that a missing Chromium is reported before the site is built.
    return bundled()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def http_site(site: Bundled) -> Iterator[str]:
    """The published site served on 127.0.0.1 at a free port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
