"""benchmarks/lighthouse.py: the test server compresses text as a host would, and the table keeps results.md."""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

from benchmarks.lighthouse import END, START, Page, markdown, serve, write_results


def _get(url: str, encoding: str | None) -> tuple[bytes, str | None, str | None]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - 127.0.0.1 only
        return response.read(), response.headers.get("Content-Encoding"), response.headers.get("Content-Type")


def test_text_is_served_gzipped_only_to_browsers_that_accept_it(tmp_path: Path) -> None:
    html = "<!doctype html><title>t</title>" + "<p>Working Together</p>" * 200
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "icon.png").write_bytes(b"\x89PNG not text")
    server, base = serve(tmp_path)
    try:
        body, encoding, kind = _get(base + "index.html", "gzip, deflate")
        assert encoding == "gzip" and kind == "text/html"
        assert gzip.decompress(body).decode("utf-8") == html and len(body) < len(html) / 5
        assert _get(base, "gzip")[1] == "gzip"  # the folder's index.html too
        body, encoding, _ = _get(base + "index.html", None)
        assert encoding is None and body.decode("utf-8") == html
        body, encoding, _ = _get(base + "icon.png", "gzip")
        assert encoding is None and body == b"\x89PNG not text"
    finally:
        server.shutdown()


def test_the_table_goes_between_its_markers_and_keeps_the_rest(tmp_path: Path) -> None:
    page = Page("Home", "index.html")
    page.scores = {"mobile": {"performance": [0.8, 0.95, 0.9], "seo": [1.0, 1.0, 1.0]}}
    figures = markdown([page], 3, "context")
    assert "| Home (`index.html`) | mobile | n/a | n/a | 1.00 | 0.90 |" in figures
    assert "Performance ≥ 0.90 on mobile: met (lowest median 0.90)" in figures
    results = tmp_path / "results.md"
    results.write_text("# Benchmarks\n\nThe build's own figures.\n", encoding="utf-8")
    write_results(results, figures)
    write_results(results, figures.replace("0.90 |", "0.85 |"))
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nThe build's own figures.\n")
    assert text.count(START) == 1 and text.count(END) == 1 and "| 0.85 |" in text and "| 0.90 |" not in text
