"""What a live-reload rebuild must render again, so an edit shows in about a second rather than a full build.

`build.py serve` runs MkDocs with ``--dirty``: MkDocs then renders only the pages whose files report
themselves modified. On its own that would be wrong here, because most of each page comes from the plugin
(recommendation pages from cross_refs/, "referred to in" lists from other pages, links from the data): a
page whose file is untouched can still change. So the plugin decides instead, from the page's final
Markdown: a page is rendered again when that Markdown, its front matter or anything every page shows (the
navigation, the configuration, the editors' notice, the theme overrides) differs from the last build.
MkDocs also keeps no search entries for pages it skips; they are kept here, and the index written is the
one a full build would write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def fingerprint(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def site_fingerprint(*, config_text: str, extra: Mapping[str, Any], nav: Iterable[tuple[str, str | None]],
                     theme_files: Iterable[tuple[str, float]]) -> str:
    """What every page shows: a change here renders every page again.

    ``nav``: (page, title) for each page in the navigation, the title as the navigation gives it or, when it
    gives none, the page's first heading; ``theme_files``: (path, modification time) of the overrides.
    """
    return fingerprint(config_text, json.dumps(extra, sort_keys=True, default=str),
                       json.dumps(list(nav)), json.dumps(sorted(theme_files)))


def page_fingerprint(site: str, markdown: str, meta: Mapping[str, Any]) -> str:
    return fingerprint(site, markdown, json.dumps(meta, sort_keys=True, default=str))


@dataclass
class RebuildMemory:
    """What the previous build rendered, kept by the plugin between the rebuilds of one `serve`."""

    fingerprints: dict[str, str] = field(default_factory=dict)  # page (under docs/) -> fingerprint, as built
    titles: dict[str, str] = field(default_factory=dict)  # page -> its title once rendered
    search: dict[str, list[dict]] = field(default_factory=dict)  # page URL -> its search index entries
    pending: dict[str, str] | None = None  # the fingerprints of the build under way

    def must_render(self, page: str, fingerprint: str, *, output_exists: bool) -> bool:
        return not output_exists or self.fingerprints.get(page) != fingerprint

    def plan(self, fingerprints: dict[str, str]) -> None:
        self.pending = fingerprints

    def built(self) -> None:
        """The build under way wrote every page: only now do its fingerprints describe the site.

        A build that fails half-way leaves the last good fingerprints, so the next build renders again
        everything that has changed since then, including what the failed build did not reach.
        """
        if self.pending is not None:
            self.fingerprints, self.pending = self.pending, None

    def search_entries(self, fresh: Sequence[dict], rendered: Iterable[str], order: Sequence[str]) -> list[dict]:
        """The whole index: ``fresh`` entries (those of the pages just ``rendered``) and the kept ones.

        ``order``: every page URL in build order, so the index lists pages as a full build does.
        """
        by_page: dict[str, list[dict]] = {url: [] for url in rendered}
        for entry in fresh:
            by_page.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        self.search.update(by_page)
        known = set(order)
        for url in [u for u in self.search if u not in known]:
            del self.search[url]  # a page removed since the last build
        return [entry for url in order for entry in self.search.get(url, ())]
