"""text/abbreviation_list.py: the page's abbreviations listed for print, from its own abbr elements."""

from __future__ import annotations

from safeguarding_site.text.abbreviation_list import abbreviation_list


def test_each_abbreviation_once_in_alphabetical_order() -> None:
    html = ('<p><abbr title="Strategic Health Authority">SHA</abbr> and <abbr title="Accident and Emergency">'
            'A&amp;E</abbr>; the <abbr title="Strategic Health Authority">SHA</abbr> again.</p>')
    out = abbreviation_list(html)
    assert out.startswith(html)
    assert out.count("<dt>") == 2
    assert out.index("<dt>A&amp;E</dt><dd>Accident and Emergency</dd>") < out.index("<dt>SHA</dt>")
    assert 'data-search-exclude' in out


def test_a_page_without_abbreviations_is_unchanged() -> None:
    assert abbreviation_list("<p>No short forms here.</p>") == "<p>No short forms here.</p>"


def test_markup_in_an_expansion_is_escaped() -> None:
    out = abbreviation_list('<abbr title="&lt;b&gt;Bold&lt;/b&gt;">B</abbr>')
    assert "<dd>&lt;b&gt;Bold&lt;/b&gt;</dd>" in out
