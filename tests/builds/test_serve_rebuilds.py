"""`build.py serve` renders again only the pages an edit changes, and the site it serves is the full build's.

The bookkeeping on its own is tested in tests/serve/test_rebuilds.py."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from editing import edit, file_hashes
from mkdocs.commands.build import build
from mkdocs.config import load_config

# Builds the real site: an editor's change to the content may fail it.
pytestmark = pytest.mark.real_content

SERVE_URL = "http://127.0.0.1:8000/"


# ---------------------------------------------------------------- serve, in process, against full builds


class Server:
    """What `mkdocs serve --dirty` does on each change: load the configuration again, then a dirty build."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        self.config = self._config(site)
        self.config.plugins.on_startup(command="serve", dirty=True)

    def _config(self, site: Path):
        return load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(site), strict=True)

    def rebuild(self) -> list[str]:
        """Rebuild after a change; the URLs of the pages rendered."""
        self.config = self._config(self.site)  # the same plugin objects: MkDocs keeps those with on_startup
        build(self.config, serve_url=SERVE_URL, dirty=True)
        return list(self.config.plugins["safeguarding"].rendered)

    def full_build(self, site: Path) -> None:
        build(self._config(site), serve_url=SERVE_URL)


@pytest.fixture()
def server(tmp_path: Path, project: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")  # the same build date in every build compared
    served = Server(project, tmp_path / "served")
    first = served.rebuild()
    assert len(first) > 100  # the first build renders everything
    yield served
    served.config.plugins.on_shutdown()


def _assert_same_as_full_build(server: Server, tmp_path: Path, name: str) -> None:
    full = tmp_path / name
    server.full_build(full)
    served, expected = file_hashes(server.site), file_hashes(full)
    different = sorted(p for p in expected if served.get(p) != expected[p])
    assert different == [], f"pages served differ from a full build: {different[:10]}"


def test_a_data_edit_renders_a_few_pages_and_serves_what_a_full_build_makes(server: Server, tmp_path: Path) -> None:
    data = server.project / "cross_refs" / "recommendations.yaml"
    edit(data, "recommendation: ", "recommendation: Zebraword ")
    rendered = server.rebuild()
    assert "recommendations/1.html" in rendered
    assert len(rendered) < 15, rendered  # not the whole site
    assert "Zebraword" in (server.site / "recommendations" / "1.html").read_text(encoding="utf-8")
    _assert_same_as_full_build(server, tmp_path, "full-1")
    # The search index holds every page's entries, not only those of the pages just rendered.
    assert "Zebraword" in (server.site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_a_page_whose_file_is_untouched_is_rendered_when_its_markdown_changes(server: Server, tmp_path: Path) -> None:
    # A docs/ page that starts to refer to recommendation 5 changes recommendation 5's "Referred to in"
    # list; a document's date in documents.yaml changes the header of each of its pages (docs/ files
    # MkDocs alone would think unchanged).
    edit(server.project / "docs" / "one-year-on" / "chapter-3.md", "# 3. Challenges and Moving Forward\n",
          "# 3. Challenges and Moving Forward\n\nAs Recommendation 5 says.\n")
    edit(server.project / "cross_refs" / "documents.yaml", "date: March 2010", "date: 1 January 1999")
    rendered = server.rebuild()
    assert "recommendations/5.html" in rendered and "one-year-on/chapter-3.html" in rendered
    assert any("1 January 1999" in (server.site / url).read_text(encoding="utf-8") for url in rendered
               if not url.startswith("recommendations/"))
    _assert_same_as_full_build(server, tmp_path, "full-2")


def test_a_change_every_page_shows_renders_every_page(server: Server, tmp_path: Path) -> None:
    # The overview page has no title in mkdocs.yml's nav: its front matter's title is what the others show.
    edit(server.project / "docs" / "one-year-on" / "index.md", "title: 'The", "title: 'Renamed: The")
    rendered = server.rebuild()
    assert len(rendered) > 100
    _assert_same_as_full_build(server, tmp_path, "full-3")
    # And nothing changed: nothing is rendered again.
    assert server.rebuild() == []


def test_mkdocs_warning_about_dirty_builds_is_silenced_only_while_serving(server: Server,
                                                                         caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        server.rebuild()  # strict: the warning would abort this build
    assert not any("dirty" in r.getMessage() for r in caplog.records)
    server.config.plugins.on_shutdown()
    assert not logging.getLogger("mkdocs.commands.build").filters
