"""A built site served on 127.0.0.1 for the accessibility, print and front-door tests, with no way out."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ALWAYS_ALLOWED = ("data:", "blob:", "about:")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` at a free port on 127.0.0.1; yield its base URL (ending in /)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def new_page(browser, base_url: str, *, width: int = 1280, height: int = 900, javascript: bool = True):
    """A page in a fresh context that can reach nothing but the served site (other requests are aborted)."""
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript)

    def only_inside(route) -> None:
        url = route.request.url
        if url.startswith(base_url) or url.startswith(ALWAYS_ALLOWED):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_inside)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, relative to it, in a stable order."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
