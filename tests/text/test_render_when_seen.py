"""text/render_when_seen.py: what follows each ## heading is wrapped, so a screen may skip it while unseen."""

from __future__ import annotations

from safeguarding_site.text.render_when_seen import wrap_sections


def test_each_section_after_its_heading_is_wrapped_and_the_headings_stay_outside() -> None:
    page = ('<h1 id="a">Annex A</h1>\n<p>Intro</p>\n'
            '<h2 id="rec-1">Recommendation 1</h2>\n<p>One</p>\n<h3 id="r">Response</h3>\n<p>Yes</p>\n'
            '<h2 id="rec-2">Recommendation 2</h2>\n<ul>\n<li>Two</li>\n</ul>\n')
    assert wrap_sections(page) == (
        '<h1 id="a">Annex A</h1>\n<p>Intro</p>\n'
        '<h2 id="rec-1">Recommendation 1</h2>\n<div class="render-when-seen">\n<p>One</p>\n'
        '<h3 id="r">Response</h3>\n<p>Yes</p>\n</div>\n'
        '<h2 id="rec-2">Recommendation 2</h2>\n<div class="render-when-seen">\n<ul>\n<li>Two</li>\n</ul>\n</div>\n')


def test_a_page_without_sections_and_an_empty_section_are_left_alone() -> None:
    assert wrap_sections("<p>Only text</p>\n") == "<p>Only text</p>\n"
    assert wrap_sections('<h2 id="end">End</h2>\n') == '<h2 id="end">End</h2>\n'
