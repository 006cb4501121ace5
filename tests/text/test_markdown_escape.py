"""Editors' plain text and web addresses put into generated Markdown show exactly as written."""

from __future__ import annotations

import markdown
from safeguarding_site.text.external_links import external_link, printed_address
from safeguarding_site.text.markdown_escape import escape, quoted

_EXTENSIONS = ["attr_list", "abbr", "tables", "md_in_html"]


def test_escaped_text_renders_as_the_same_characters() -> None:
    text = "a *b* [c](d) <script> A&E x_y #1 {#id} | \\ `code` > end"
    html = markdown.markdown(escape(text), extensions=_EXTENSIONS)
    assert html == "<p>a *b* [c](d) &lt;script&gt; A&amp;E x_y #1 {#id} | \\ `code` &gt; end</p>"
    assert quoted("Two  lines\nhere") == "“Two lines here”"


def test_external_links_are_marked_for_eyes_and_screen_readers() -> None:
    url = "http://publications.dcsf.gov.uk/default.aspx?PageFunction=productdetails&ProductId=Cm%207787&"
    html = markdown.markdown(external_link(printed_address(url), url), extensions=_EXTENSIONS)
    assert html == ('<p><a class="external-link" href="http://publications.dcsf.gov.uk/default.aspx?PageFunction='
                    'productdetails&amp;ProductId=Cm%207787&amp;">publications.dcsf.gov.uk/default.aspx?PageFunction='
                    'productdetails&amp;ProductId=Cm%207787&amp; <em class="visually-hidden">(external link)</em>'
                    '</a></p>')
