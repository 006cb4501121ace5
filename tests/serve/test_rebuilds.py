"""What a live-reload rebuild must render again: fingerprints, failed builds and the search index, on their own."""

from __future__ import annotations

from safeguarding_site.serve.rebuilds import RebuildMemory, page_fingerprint, site_fingerprint


def test_a_page_is_rendered_when_its_fingerprint_changes_or_its_output_is_missing() -> None:
    memory = RebuildMemory(fingerprints={"a.md": "1"})
    assert not memory.must_render("a.md", "1", output_exists=True)
    assert memory.must_render("a.md", "2", output_exists=True)
    assert memory.must_render("a.md", "1", output_exists=False)
    assert memory.must_render("new.md", "1", output_exists=True)


def test_a_build_that_fails_half_way_leaves_the_last_good_fingerprints() -> None:
    memory = RebuildMemory(fingerprints={"a.md": "1"})
    memory.plan({"a.md": "2"})  # the build under way; it fails before writing every page
    assert memory.must_render("a.md", "2", output_exists=True)
    memory.plan({"a.md": "2"})
    memory.built()
    assert not memory.must_render("a.md", "2", output_exists=True)


def test_what_every_page_shows_is_in_every_fingerprint() -> None:
    base = dict(config_text="site_name: x", extra={"notice": None}, nav=[("index.md", "Home")],
                theme_files=[("main.html", 1.0)])
    site = site_fingerprint(**base)
    for change in ({"config_text": "site_name: y"}, {"extra": {"notice": {"text": "Closed"}}},
                   {"nav": [("index.md", "Start")]}, {"theme_files": [("main.html", 2.0)]}):
        other = site_fingerprint(**{**base, **change})
        assert other != site, change
        assert page_fingerprint(other, "# Page", {}) != page_fingerprint(site, "# Page", {})
    assert page_fingerprint(site, "# Page", {"document": "a"}) != page_fingerprint(site, "# Page", {"document": "b"})


def test_search_entries_keep_the_pages_not_rendered_and_replace_those_that_were() -> None:
    memory = RebuildMemory()
    first = [{"location": "a.html", "title": "A"}, {"location": "a.html#x", "title": "A x"},
             {"location": "b.html", "title": "B"}, {"location": "c.html", "title": "C"}]
    assert memory.search_entries(first, ["a.html", "b.html", "c.html"], ["a.html", "b.html", "c.html"]) == first
    # b rendered again with a new section; a and c kept; the index lists pages in build order.
    fresh = [{"location": "b.html", "title": "B2"}, {"location": "b.html#new", "title": "B new"}]
    merged = memory.search_entries(fresh, ["b.html"], ["a.html", "b.html", "c.html"])
    assert [e["title"] for e in merged] == ["A", "A x", "B2", "B new", "C"]
    # A page rendered with no entries (now excluded from search) loses its old ones; a removed page goes.
    merged = memory.search_entries([], ["a.html"], ["a.html", "b.html"])
    assert [e["title"] for e in merged] == ["B2", "B new"]
